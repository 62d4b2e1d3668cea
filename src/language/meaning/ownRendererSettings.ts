/**
 * The mermaid settings our preview and exports keep as their own whatever a diagram says, with
 * why. Read by the webview (mermaid's `secure` list) and by the hint that says they are ignored;
 * imports nothing, so the webview bundle takes only this.
 */
/** The settings the preview and exports keep as their own, with why. */
export const OWN_RENDERER_SETTINGS: Readonly<Record<string, string>> = {
  htmlLabels: 'labels stay SVG text, so exports keep their line breaks and carry no HTML',
  securityLevel: 'mermaid stays strict',
  deterministicIds: 'ids stay deterministic, so an export is the same bytes each time',
  deterministicIDSeed: 'ids stay deterministic, so an export is the same bytes each time',
  handDrawnSeed: 'shapes drawn with a fixed seed, so an export is the same bytes each time',
};
