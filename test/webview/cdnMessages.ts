/**
 * Host messages for the README's cdn example, computed by the real parser and resolver (the
 * webview tests of the seed write theirs by hand), and the colours its routed nodes must wear.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { RenderMessage } from '../../src/protocol/messages';
import type { ThemeKind } from '../../src/routing/picture/palette';
import { parseColor, slotPaint } from '../../src/routing/picture/palette';
import type { DiagramContent } from '../../src/routing/picture/previewContent';
import { DiagramAnalysis } from '../../src/routing/analysis';
import { previewContent } from '../../src/routing/picture/previewContent';
import { noFailures } from '../../src/routing/scenario';

export const cdnText = readFileSync(resolve(import.meta.dirname, '../../examples/cdn.anycast.mmd'), 'utf8');

export const themeBodies: Readonly<Record<ThemeKind, string>> = {
  light: 'vscode-light',
  dark: 'vscode-dark',
  'hc-dark': 'vscode-high-contrast',
  'hc-light': 'vscode-high-contrast vscode-high-contrast-light',
};

export function cdnContent(failedPops: readonly string[] = [], failedAses: readonly string[] = []): DiagramContent {
  const content = previewContent(new DiagramAnalysis(cdnText), { ...noFailures, failedPops, failedAses });
  assert.equal(content.kind, 'diagram');
  return content as DiagramContent;
}

export function renderOf(content: DiagramContent, version = 1): RenderMessage {
  return {
    type: 'render',
    uri: 'file:///work/examples/cdn.anycast.mmd',
    version,
    mermaidText: content.mermaidText,
    routing: content.routing,
    edges: content.edges,
    maxEdges: 500,
    title: 'cdn.anycast.mmd',
  };
}

/** `rgb(r, g, b)` as Chromium reports a computed colour. */
export function rgb(hex: string): string {
  return `rgb(${parseColor(hex)!.join(', ')})`;
}

/** The fill each routed node must wear in `theme`. */
export function expectedFills(content: DiagramContent, theme: ThemeKind): Map<string, string> {
  const expected = new Map<string, string>();
  for (const node of content.routing.nodes) {
    if (node.color === undefined || node.withdrawn || node.unreachable) continue;
    const paint = slotPaint(node.color, theme);
    if (node.role === 'pop') expected.set(node.id, rgb(paint.popFill));
    if (node.role === 'client') expected.set(node.id, rgb(paint.clientFill));
  }
  return expected;
}
