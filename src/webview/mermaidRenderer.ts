/**
 * Lays diagrams out with mermaid, one at a time and newest first: a request that arrives while
 * mermaid is busy replaces any queued one (it never starts), and a render that a newer request
 * supersedes while mermaid works is abandoned: its result never reaches the screen.
 */
import mermaid from 'mermaid';

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

function configure(theme: MermaidTheme, maxEdges: number): void {
  mermaid.initialize({
    startOnLoad: false,
    securityLevel: 'strict',
    deterministicIds: true,
    // SVG text instead of <foreignObject> HTML: labels stay text, and the SVG is portable for export.
    htmlLabels: false,
    markdownAutoWrap: false,
    look: 'classic',
    theme,
    fontFamily: diagramFont,
    themeVariables: { fontFamily: diagramFont },
    maxEdges,
    flowchart: { htmlLabels: false, wrappingWidth: 400, useMaxWidth: false },
  });
}

function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'object' && error !== null && 'message' in error)
    return String((error as { message: unknown }).message);
  return String(error);
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
