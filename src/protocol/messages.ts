/**
 * The messages between the extension host and the preview webview: one union per direction, told
 * apart by `type`. Both sides switch on it with an exhaustive `never` check. Types only.
 *
 * A `render` lays the diagram out (mermaid); a `routingState` only restyles the SVG already on
 * screen, so failure toggles never move a node.
 */
import type { MapRouting } from '../routing/map/mapRouting';
import type { MapScene } from '../routing/map/mapScene';
import type { PreviewView } from '../routing/map/previewView';
import type { ConvergencePlayback } from '../routing/picture/convergencePlayback';
import type { RoutingAnnotation } from '../routing/picture/routingAnnotation';

export type { ConvergencePlayback, PlaybackState } from '../routing/picture/convergencePlayback';
export type { LegendAnnotation, NodeAnnotation, RoutingAnnotation } from '../routing/picture/routingAnnotation';
export type { AttackAnnotation, LegendLoad, NodeLoad } from '../routing/picture/loadAnnotation';

export type { MapRouting, MapScene, PreviewView };

/** An edge as written: its endpoints and, when the author gave one, its id (`a e1@--> b`). */
export interface DiagramEdge {
  readonly from: string;
  readonly to: string;
  readonly id?: string;
}

/** `auto` follows the VS Code theme; the others force a light or dark picture. */
export type PreviewTheme = 'auto' | 'light' | 'dark';

/** Which diagram document a message is about, and which edit of it. */
export interface DocumentRef {
  readonly uri: string;
  readonly version: number;
}

export interface RenderMessage extends DocumentRef {
  readonly type: 'render';
  /** Mermaid text to lay out. Identical text means identical layout: the webview only restyles. */
  readonly mermaidText: string;
  readonly routing: RoutingAnnotation;
  /** The diagram's edges in document order (the index `reveal` refers to). */
  readonly edges: readonly DiagramEdge[];
  /** Beyond this many edges the webview shows a message instead of laying out. */
  readonly maxEdges: number;
  readonly title: string;
  /** The catchment map of the same routing, sent while the Map view is on screen. */
  readonly map?: MapScene;
}

export interface RoutingStateMessage extends DocumentRef {
  readonly type: 'routingState';
  readonly routing: RoutingAnnotation;
  /** The map's catchments under the new what-if; its places are those of the last render. */
  readonly mapRouting?: MapRouting;
}

/** Which picture to show for the document: the user's last choice for it, else `anycast.preview.defaultView`. */
export interface SetViewMessage {
  readonly type: 'setView';
  readonly view: PreviewView;
}

/** The text does not parse: keep the last good picture and show this beside it. */
export interface ErrorMessage extends DocumentRef {
  readonly type: 'error';
  readonly message: string;
  /** One-based, for display. */
  readonly line?: number;
  readonly column?: number;
}

/** The cursor is on this node in the source (undefined: on none). */
export interface HighlightMessage {
  readonly type: 'highlight';
  readonly nodeId: string | undefined;
}

export interface SetThemeMessage {
  readonly type: 'setTheme';
  readonly theme: PreviewTheme;
}

/** What an exported picture is painted on: the preview's own background, a fixed one, or nothing. */
export type ExportBackground = 'auto' | 'light' | 'dark' | 'transparent';

/**
 * Asks for the picture on screen; answered by `picture` with the same requestId. With `background` the
 * answer is a standalone, portable file (styles inlined, explicit size, that background); with
 * `format: 'png'` it is also rasterised at `scale` (default 2).
 */
export interface PictureRequestMessage {
  readonly type: 'requestPicture';
  readonly requestId: number;
  readonly background?: ExportBackground;
  readonly format?: 'svg' | 'png';
  readonly scale?: number;
}

/** The document changed to `version`; its picture follows after the debounce. Layouts of older versions not yet started are dropped. */
export interface EditedMessage extends DocumentRef {
  readonly type: 'edited';
}

/** How the simulated PoPs go down in a convergence run (see FailureMode in src/routing/convergence.ts). */
export type ConvergenceMode = 'withdraw' | 'crash' | 'drain';

/** A convergence run of the failure shown, to play on the picture already drawn (answers `playConvergence`). */
export interface ConvergenceMessage extends DocumentRef {
  readonly type: 'convergence';
  readonly mode: ConvergenceMode;
  readonly playback: ConvergencePlayback;
  /** The overall figures in words, shown beside the scrubber. */
  readonly summary: string;
}

export type HostToWebview =
  | RenderMessage
  | RoutingStateMessage
  | ErrorMessage
  | EditedMessage
  | HighlightMessage
  | SetThemeMessage
  | PictureRequestMessage
  | SetViewMessage
  | ConvergenceMessage;

/** The webview is listening; the host sends nothing before this. */
export interface ReadyMessage {
  readonly type: 'ready';
}

/** A render or restyle of this version is on screen. */
export interface RenderedMessage extends DocumentRef {
  readonly type: 'rendered';
  /** True when mermaid laid the diagram out; false when only styles changed. */
  readonly layout: boolean;
  readonly durationMs: number;
}

/** Mermaid refused the text or the edge guard tripped; the last good picture stays. */
export interface RenderFailedMessage extends DocumentRef {
  readonly type: 'renderFailed';
  readonly message: string;
}

/** A click on a node or an edge: show its source. Edges are numbered in document order. */
export interface RevealMessage {
  readonly type: 'reveal';
  readonly uri: string;
  readonly target: { readonly kind: 'node'; readonly id: string } | { readonly kind: 'edge'; readonly index: number };
}

/** The user asked, from the legend, to fail or restore a PoP. */
export interface TogglePopMessage {
  readonly type: 'togglePop';
  readonly uri: string;
  readonly pop: string;
}

export interface PictureMessage {
  readonly type: 'picture';
  readonly requestId: number;
  /** Undefined when nothing is on screen. */
  readonly svg: string | undefined;
  /** For `format: 'png'`: the PNG, base64. */
  readonly png?: string;
  /** Why the export failed, when it did. */
  readonly error?: string;
  /** Something the user should know about a successful export (e.g. the PNG was drawn smaller to fit). */
  readonly note?: string;
}

/** The user switched between the map and the diagram: the host remembers it for this document. */
export interface ViewChosenMessage {
  readonly type: 'viewChosen';
  readonly uri: string;
  readonly view: PreviewView;
}

/** Lets the host remember which document the webview showed, to restore it after a reload. */
export interface PreviewPersistedState {
  readonly uri: string;
}

/** The user asked to play how the simulated failure converges, with the PoPs going down this way. */
export interface PlayConvergenceMessage {
  readonly type: 'playConvergence';
  readonly uri: string;
  readonly mode: ConvergenceMode;
}

/** The user turned the preview's "Simulate attack" on or off: the attack sources' traffic joins the load. */
export interface SimulateAttackMessage {
  readonly type: 'simulateAttack';
  readonly uri: string;
  readonly on: boolean;
}

export type WebviewToHost =
  | ReadyMessage
  | RenderedMessage
  | RenderFailedMessage
  | RevealMessage
  | TogglePopMessage
  | PictureMessage
  | ViewChosenMessage
  | PlayConvergenceMessage
  | SimulateAttackMessage;
