/**
 * The map's stylesheet, injected once (the webview's CSP allows inline styles). Every colour comes
 * from a --vscode-* variable present in all four theme kinds, with a fallback for exports and tests;
 * catchment colours are set per slot and theme. Markers, labels and strokes keep their size on screen
 * at any zoom: `--k` is the zoom scale and `.acm-s` groups undo it.
 */
import { paletteSize, slotPaint } from '../../routing/picture/palette';
import type { ThemeKind } from '../../routing/picture/palette';

const base = `
.acm-root { display: flex; width: 100%; height: 100%; min-height: 0;
  --acm-sea: var(--vscode-editor-background, #ffffff);
  --acm-fg: var(--vscode-editor-foreground, #1f1f1f);
  --acm-land: #e4e4e0; --acm-border: #ffffff; --acm-sphere: #f4f7fa; --acm-halo: var(--acm-sea);
  --acm-withdrawn: var(--vscode-disabledForeground, #8a8a8a);
  --acm-unserved: var(--vscode-errorForeground, #e51400);
  --acm-focus: var(--vscode-focusBorder, #0078d4);
  --acm-outline: #ffffff; --acm-k: 1; }
.acm-root[data-theme$='dark'] { --acm-sea: var(--vscode-editor-background, #1f1f1f);
  --acm-fg: var(--vscode-editor-foreground, #cccccc); --acm-unserved: var(--vscode-errorForeground, #f85149); }
.acm-root[data-theme='hc-dark'] { --acm-sea: var(--vscode-editor-background, #000000);
  --acm-fg: var(--vscode-editor-foreground, #ffffff); --acm-unserved: var(--vscode-errorForeground, #f48771); }
.acm-root[data-theme='hc-light'] { --acm-fg: var(--vscode-editor-foreground, #292929);
  --acm-unserved: var(--vscode-errorForeground, #b5200d); }
.acm-root[data-theme='dark'] { --acm-land: #3a3d41; --acm-border: #1e1e1e; --acm-sphere: #262a30; --acm-outline: #1e1e1e; }
.acm-root[data-theme='hc-dark'] { --acm-land: #1c1c1c; --acm-border: var(--vscode-contrastBorder, #6fc3df);
  --acm-sphere: #000000; --acm-outline: #000000; }
.acm-root[data-theme='hc-light'] { --acm-land: #ffffff; --acm-border: var(--vscode-contrastBorder, #0f4a85);
  --acm-sphere: #ffffff; --acm-outline: #ffffff; }
.acm-area { position: relative; flex: 1 1 auto; min-width: 0; overflow: hidden; touch-action: none; }
.acm-svg { display: block; width: 100%; height: 100%; cursor: grab; background: var(--acm-sea); }
.acm-root.acm-dragging .acm-svg { cursor: grabbing; }
.acm-svg:focus { outline: none; }
.acm-root:focus-within .acm-svg:focus-visible { outline: 1px solid var(--acm-focus); outline-offset: -1px; }
.acm-sphere { fill: var(--acm-sphere); stroke: none; }
.acm-land { fill: var(--acm-land); stroke: none; }
.acm-borders { fill: none; stroke: var(--acm-border); stroke-width: 0.6; vector-effect: non-scaling-stroke; }
.acm-root[data-theme^='hc'] .acm-land { stroke: var(--acm-border); stroke-width: 0.8; vector-effect: non-scaling-stroke; }
.acm-s { transform: scale(calc(1 / var(--acm-k))); }
.acm-arc, .acm-ghost, .acm-path, .acm-session { fill: none; vector-effect: non-scaling-stroke; }
.acm-arc { stroke: var(--c); stroke-width: 1.2; stroke-opacity: 0.55; }
.acm-ghost { stroke: var(--c); stroke-width: 1.2; stroke-opacity: 0.45; stroke-dasharray: 4 4; }
.acm-path { stroke: var(--acm-fg); stroke-width: 2.2; stroke-linejoin: round; }
.acm-client circle { fill: var(--c); stroke: var(--acm-outline); stroke-width: 0.8; }
.acm-client.acm-unserved circle.acm-dot { fill: var(--acm-withdrawn); }
.acm-ring { fill: none !important; stroke: var(--acm-unserved) !important; stroke-width: 2 !important; }
.acm-pop circle { fill: var(--c); fill-opacity: 0.85; stroke: var(--acm-fg); stroke-width: 1.2; }
.acm-pop.acm-withdrawn circle { fill: var(--acm-sea); fill-opacity: 1; stroke: var(--acm-withdrawn); stroke-dasharray: 2 2; }
.acm-pop.acm-load-warn circle { stroke: var(--vscode-editorWarning-foreground, #b07800); stroke-width: 3; }
/* Some catchment hues are red too: the over-capacity ring is dashed so a red PoP still shows it (the words say it too). */
.acm-pop.acm-load-over circle { stroke: var(--acm-unserved); stroke-width: 3.5; stroke-dasharray: 4 2; }
.acm-pop.acm-load-over .acm-label { fill: var(--acm-unserved); font-weight: 700; }
.acm-cross { stroke: var(--acm-unserved); stroke-width: 2; stroke-linecap: round; display: none; }
.acm-pop.acm-withdrawn .acm-cross { display: inline; }
.acm-label { font: 11px var(--vscode-font-family, sans-serif); fill: var(--acm-fg); paint-order: stroke;
  stroke: var(--acm-halo); stroke-width: 3px; stroke-linejoin: round; pointer-events: none; }
.acm-label.acm-hidden { display: none; }
.acm-pop.acm-withdrawn .acm-label { fill: var(--acm-withdrawn); text-decoration: line-through; }
.acm-router circle { fill: var(--acm-fg); fill-opacity: 0.7; stroke: var(--acm-outline); stroke-width: 0.8; }
.acm-router.acm-down circle { fill: var(--acm-withdrawn); fill-opacity: 0.5; }
.acm-session { stroke: var(--acm-fg); stroke-opacity: 0.35; stroke-width: 1; }
.acm-session.acm-peer { stroke-dasharray: 1 3; }
.acm-session.acm-down { stroke: var(--acm-unserved); stroke-opacity: 0.8; stroke-dasharray: 6 5; }
.acm-routers-off .acm-routers, .acm-routers-off .acm-sessions { display: none; }
.acm-dim > .acm-zoom > :is(.acm-arcs, .acm-ghosts, .acm-clients, .acm-pops, .acm-routers, .acm-sessions) { opacity: 0.22; }
.acm-focus { pointer-events: none; }
.acm-focus .acm-arc { stroke-opacity: 0.95; stroke-width: 1.8; }
.acm-pop.acm-cursor circle, .acm-client.acm-cursor circle.acm-dot { stroke: var(--acm-focus); stroke-width: 3; }
.acm-pop, .acm-client { cursor: pointer; }
.acm-unplaced { position: absolute; left: 8px; bottom: 8px; max-width: 60%; padding: 4px 8px; font-size: 12px;
  color: var(--acm-fg); background: var(--vscode-editorWidget-background, #f3f3f3);
  border: 1px solid var(--vscode-editorWidget-border, var(--vscode-contrastBorder, #c8c8c8)); border-radius: 3px; }
.acm-unplaced button { font: inherit; padding: 0; border: none; background: none; cursor: pointer;
  color: var(--vscode-textLink-foreground, #006ab1); text-decoration: underline; }
.acm-controls { position: absolute; top: 6px; left: 6px; display: flex; gap: 2px; }
.acm-controls button[aria-pressed='true'] { color: var(--vscode-button-foreground, #ffffff);
  background: var(--vscode-button-background, #0078d4); }
.acm-legend { width: 250px; flex: none; overflow-y: auto; padding: 6px 8px; color: var(--acm-fg);
  border-left: 1px solid var(--vscode-panel-border, var(--vscode-contrastBorder, #d4d4d4)); }
.acm-legend ul { list-style: none; margin: 0; padding: 0; }
.acm-legend .ac-legend-entry:not(.ac-withdrawn) .ac-swatch { border-color: var(--c); background: var(--c); }
.acm-legend .ac-legend-name { color: var(--acm-fg); }
.acm-filter { width: 100%; box-sizing: border-box; margin: 2px 0 6px; padding: 2px 4px; font: inherit;
  color: var(--vscode-input-foreground, var(--acm-fg)); background: var(--vscode-input-background, #ffffff);
  border: 1px solid var(--vscode-input-border, var(--vscode-contrastBorder, #cecece)); }
.acm-idle summary { cursor: pointer; padding: 3px 0; color: var(--vscode-descriptionForeground, #616161); }
.acm-legend-section { margin-top: 8px; }
.acm-tooltip { position: fixed; z-index: 10; max-width: 420px; padding: 6px 8px; pointer-events: none; white-space: pre-wrap;
  color: var(--vscode-editorHoverWidget-foreground, var(--acm-fg));
  background: var(--vscode-editorHoverWidget-background, #f3f3f3);
  border: 1px solid var(--vscode-editorHoverWidget-border, #c8c8c8); }
.acm-tooltip div:first-child { font-weight: 600; }
.acm-svg { color: var(--acm-fg); }
.acm-root[data-export='light'] { --acm-sea: #ffffff; --acm-fg: #1f1f1f; --acm-land: #e4e4e0; --acm-border: #ffffff;
  --acm-sphere: #f4f7fa; --acm-outline: #ffffff; --acm-halo: #ffffff; --acm-withdrawn: #8a8a8a; --acm-unserved: #e51400; }
.acm-root[data-export='dark'] { --acm-sea: #1e1e1e; --acm-fg: #cccccc; --acm-land: #3a3d41; --acm-border: #1e1e1e;
  --acm-sphere: #262a30; --acm-outline: #1e1e1e; --acm-halo: #1e1e1e; --acm-withdrawn: #8b8b8b; --acm-unserved: #f85149; }
`;

/** The diagram's slot colours (src/routing/picture/palette.ts), a stroke per theme kind, so a PoP wears one colour in both views. */
function paletteRules(): string {
  const rules: string[] = [];
  // Exports drawn on a fixed background come last, so they win over the theme's own colours.
  const scopes: [string, ThemeKind][] = [
    ['.acm-root', 'light'],
    [".acm-root[data-theme='dark']", 'dark'],
    [".acm-root[data-theme='hc-light']", 'hc-light'],
    [".acm-root[data-theme='hc-dark']", 'hc-dark'],
    [".acm-root[data-export='light']", 'light'],
    [".acm-root[data-export='dark']", 'dark'],
  ];
  for (const [scope, theme] of scopes)
    for (let slot = 0; slot < paletteSize; slot++)
      rules.push(`${scope} .acm-c${slot} { --c: ${slotPaint(slot, theme).stroke}; }`);
  return rules.join('\n');
}

/** Adds the map's stylesheet to the document once. */
export function installMapStyle(doc: Document): void {
  if (doc.getElementById('acm-style')) return;
  const style = doc.createElement('style');
  style.id = 'acm-style';
  style.textContent = base + paletteRules();
  doc.head.appendChild(style);
}
