/**
 * Stock mermaid refuses a flowchart with more than `maxEdges` edges or a text longer than
 * `maxTextSize` characters: GitHub, GitLab and mermaid.live show an error instead of the diagram.
 * The preview raises its own limit, so these warnings say where the file will not render. Pure.
 */
import { LineMap } from '../text';
import type { Diagnostic } from '../types';
import type { DocumentModel } from './model';

/** Mermaid's default `maxEdges`. */
export const mermaidMaxEdges = 500;
/** Mermaid's default `maxTextSize`, in characters. */
export const mermaidMaxTextSize = 50_000;

/** Warnings for a document past stock mermaid's limits, each on the first line past the limit. */
export function mermaidLimitDiagnostics(text: string, model: DocumentModel): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const firstOver = model.edges[mermaidMaxEdges];
  if (firstOver) {
    diagnostics.push({
      range: firstOver.range,
      severity: 'warning',
      code: 'mermaid-max-edges',
      message: `${model.edges.length} edges: stock mermaid draws at most ${mermaidMaxEdges} (maxEdges), so GitHub, GitLab and mermaid.live will not render this file; this is edge ${mermaidMaxEdges + 1}`,
    });
  }
  if (text.length > mermaidMaxTextSize) {
    const at = new LineMap(text).position(mermaidMaxTextSize);
    diagnostics.push({
      range: { start: { line: at.line, character: 0 }, end: at },
      severity: 'warning',
      code: 'mermaid-max-text-size',
      message: `${text.length.toLocaleString('en-US')} characters: stock mermaid reads at most ${mermaidMaxTextSize.toLocaleString('en-US')} (maxTextSize), so GitHub, GitLab and mermaid.live will not render this file; the limit falls on this line`,
    });
  }
  return diagnostics;
}
