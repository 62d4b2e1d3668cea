/**
 * Which picture the preview opens with: the flowchart explains policy, the map scales. With the
 * setting `anycast.preview.defaultView` at `auto`, a deployment with more than a dozen placed PoPs,
 * or a diagram too big for mermaid to lay out, opens on the map. Pure.
 */

export type PreviewView = 'map' | 'diagram';
export type DefaultViewSetting = 'auto' | PreviewView;

/** `auto` opens on the map above this many placed PoPs. */
export const mapAbovePlacedPops = 12;

export interface ViewFacts {
  readonly placedPops: number;
  readonly edges: number;
  /** The preview's `anycast.preview.maxEdges`: beyond it mermaid does not lay out. */
  readonly maxEdges: number;
}

/** The view to open when the user has not chosen one for this document. */
export function chooseView(setting: DefaultViewSetting, facts: ViewFacts): PreviewView {
  if (setting !== 'auto') return setting;
  return facts.placedPops > mapAbovePlacedPops || facts.edges > facts.maxEdges ? 'map' : 'diagram';
}
