/**
 * Mermaid settings a diagram may not change in our preview and exports: labels stay SVG text
 * (`htmlLabels` off, so exports keep their line breaks and carry no HTML), mermaid stays strict,
 * and ids stay deterministic (same input, same bytes). The webview tells mermaid to ignore them
 * (its `secure` list); these hints tell the user, at the front matter `config:` key or the
 * `%%{init: ...}%%` directive that asks.
 */
import type { AnalysisContext } from './context';
import { OWN_RENDERER_SETTINGS } from './ownRendererSettings';
import type { YamlMap } from '../syntax/yaml';
import { entryOf, parseBlock } from '../syntax/yaml';

const ownSettingPattern = new RegExp(`\\b(?:${Object.keys(OWN_RENDERER_SETTINGS).join('|')})\\b`, 'g');

function hint(cx: AnalysisContext, span: { start: number; end: number }, key: string): void {
  const why = OWN_RENDERER_SETTINGS[key] ?? '';
  cx.report(
    span,
    'hint',
    'ignored-setting',
    `'${key}' is ignored in the preview and in exports: ${why}. Other mermaid renderers still read it`,
  );
}

/** Hints at each setting of ours that the front matter's `config:` or an init directive sets. */
export function reportIgnoredRendererSettings(cx: AnalysisContext): void {
  const fm = cx.syntax.frontMatter;
  const root = fm ? parseBlock(cx.text, fm.start, fm.end).value : undefined;
  const config = root?.kind === 'map' ? entryOf(root, 'config')?.value : undefined;
  if (config?.kind === 'map') {
    hintKeys(cx, config);
    const flowchart = entryOf(config, 'flowchart')?.value;
    if (flowchart?.kind === 'map') hintKeys(cx, flowchart);
  }
  for (const directive of cx.syntax.directives) {
    for (const match of directive.text.matchAll(ownSettingPattern)) {
      const start = directive.start + (match.index ?? 0);
      hint(cx, { start, end: start + match[0].length }, match[0]);
    }
  }
}

function hintKeys(cx: AnalysisContext, map: YamlMap): void {
  for (const entry of map.entries)
    if (Object.hasOwn(OWN_RENDERER_SETTINGS, entry.key.text)) hint(cx, entry.key, entry.key.text);
}
