/**
 * Lays diagrams out with mermaid, one at a time and newest first: a request that arrives while
 * mermaid is busy replaces any queued one (it never starts), and a render that a newer request
 * supersedes while mermaid works is abandoned: its result never reaches the screen.
 */
import mermaid from 'mermaid';
import type { MermaidConfig } from 'mermaid';
import { OWN_RENDERER_SETTINGS } from '../language/meaning/ownRendererSettings';

export type MermaidTheme = 'default' | 'dark';

export interface LayoutRequest {
  readonly text: string;
  readonly theme: MermaidTheme;
  readonly maxEdges: number;
  /** Names the layout in a `performance` mark when mermaid starts it (benchmarks check which versions were laid out). */
  readonly label?: string;
}

export type LayoutOutcome =
  | { readonly kind: 'done'; readonly svg: string; readonly durationMs: number }
  | { readonly kind: 'failed'; readonly message: string }
  | { readonly kind: 'superseded' };

/** The font mermaid measures with; fixed so that layout does not depend on the user's fonts. */
export const diagramFont = 'Arial, Helvetica, sans-serif';

/** Keys a diagram's front matter `config:` or `%%{init}%%` may not change (mermaid's own, then ours). */
const secureKeys = [
  'secure',
  'securityLevel',
  'startOnLoad',
  'maxTextSize',
  'suppressErrorRendering',
  'maxEdges',
  ...Object.keys(OWN_RENDERER_SETTINGS),
];

/** The configuration the preview and exports lay diagrams out with. */
export function mermaidConfig(theme: MermaidTheme, maxEdges: number): MermaidConfig {
  return {
    startOnLoad: false,
    secure: secureKeys,
    securityLevel: 'strict',
    deterministicIds: true,
    // Mermaid draws some shapes with rough.js, whose seed 0 means a random one: exports would differ byte for byte.
    handDrawnSeed: 1,
    // SVG text instead of <foreignObject> HTML: labels stay text, and the SVG is portable for export.
    htmlLabels: false,
    markdownAutoWrap: false,
    look: 'classic',
    // Mermaid 12 lays flowcharts out with ELK unless told otherwise; its spacing ignores the settings
    // below. Dagre with tight spacing draws examples/cdn.anycast.mmd in under a third of ELK's area
    // (1,656 x 2,790 against 3,717 x 4,021) for about three quarters of the CPU, and a 150-PoP
    // diagram in half the CPU. A file that asks for ELK (`config: layout: elk`) still gets it.
    layout: 'dagre',
    theme,
    fontFamily: diagramFont,
    themeVariables: { fontFamily: diagramFont },
    maxEdges,
    flowchart: {
      htmlLabels: false,
      wrappingWidth: 400,
      useMaxWidth: false,
      // Mermaid's defaults (50, 50, 15) spend most of a big diagram on white space.
      nodeSpacing: 20,
      rankSpacing: 30,
      padding: 8,
    },
  };
}

function configure(theme: MermaidTheme, maxEdges: number): void {
  mermaid.initialize(mermaidConfig(theme, maxEdges));
}

function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'object' && error !== null && 'message' in error)
    return String((error as { message: unknown }).message);
  return String(error);
}

/** Resolves once the messages already queued for the page (newer versions, `edited`) have been handled. */
function afterQueuedMessages(): Promise<void> {
  return new Promise((resolve) => {
    // The same task source as window messages, so it runs after them (a timer may run before them).
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(undefined);
  });
}

export class MermaidRenderer {
  private generation = 0;
  private busy: Promise<void> = Promise.resolve();
  private renderCount = 0;
  private config: string | undefined;

  /**
   * A newer version is coming (the user typed): drops the layouts waiting for mermaid, which would
   * only draw the past (they resolve 'superseded'); the one running finishes and is dropped too.
   */
  dropQueued(): void {
    this.generation++;
  }

  /** Lays out `request` once mermaid is free; resolves 'superseded' if a newer request came first. */
  render(request: LayoutRequest): Promise<LayoutOutcome> {
    const generation = ++this.generation;
    const outcome = this.busy.then(() => this.run(request, generation));
    this.busy = outcome.then(() => undefined);
    return outcome;
  }

  private async run(request: LayoutRequest, generation: number): Promise<LayoutOutcome> {
    const current = (): boolean => generation === this.generation;
    // Mermaid's dagre layout never yields to the page: a newer version already waiting would only be
    // read after this one had been laid out in vain. Let the waiting messages in first.
    await afterQueuedMessages();
    if (!current()) return { kind: 'superseded' };
    const started = performance.now();
    if (request.label !== undefined) performance.mark(`anycast-layout ${request.label}`);
    const config = `${request.theme} ${request.maxEdges}`;
    if (config !== this.config) {
      configure(request.theme, request.maxEdges);
      this.config = config;
    }
    try {
      // One parse, inside render: a separate mermaid.parse first would cost a second parse per keystroke.
      const id = `anycast-svg-${++this.renderCount}`;
      const { svg } = await mermaid.render(id, request.text);
      if (!current()) return { kind: 'superseded' };
      return { kind: 'done', svg, durationMs: performance.now() - started };
    } catch (error) {
      if (!current()) return { kind: 'superseded' };
      return { kind: 'failed', message: messageOf(error) };
    } finally {
      // Mermaid leaves its scratch element behind when it fails.
      document.querySelectorAll('body > [id^="danycast-svg-"]').forEach((el) => el.remove());
    }
  }
}
