/**
 * The editor's analyses: one DiagramAnalysis per open document version, kept until the document
 * changes or closes. Every editor feature reads it, so a keystroke costs one parse, one baseline
 * resolve and one resolve per active what-if. Pure (src/extension wraps it in the document events).
 */
import { MAX_DIAGRAM_BYTES, tooLargeDocument } from '../language/index';
import { DiagramAnalysis } from './analysis';

/** A document as the cache sees it: a stable key (its URI), a version that changes with its text. */
export interface VersionedText {
  readonly key: string;
  readonly version: number;
  /** The text's length, known without reading it: a text over the limit is never read. */
  readonly size: number;
  getText(): string;
}

/** Beyond this many routers plus sessions the editor does not resolve on every keystroke (the CLI does). */
export const maxEditorTopologySize = 20_000;

/** Enough for every open editor; the least recently used goes first. */
const maxCached = 32;

export class AnalysisCache {
  private readonly entries = new Map<string, { readonly version: number; readonly analysis: DiagramAnalysis }>();
  private resolves = 0;

  /** How many times the resolver ran for analyses of this cache. */
  get resolutions(): number {
    return this.resolves;
  }

  /** The analysis of the document's current version. */
  analysisOf(text: VersionedText): DiagramAnalysis {
    const hit = this.entries.get(text.key);
    if (hit && hit.version === text.version) {
      this.entries.delete(text.key);
      this.entries.set(text.key, hit);
      return hit.analysis;
    }
    const options = { maxTopologySize: maxEditorTopologySize, onResolve: () => this.resolves++ };
    const analysis =
      text.size > MAX_DIAGRAM_BYTES
        ? new DiagramAnalysis('', tooLargeDocument(text.size))
        : new DiagramAnalysis(text.getText(), undefined, options);
    this.entries.delete(text.key);
    this.entries.set(text.key, { version: text.version, analysis });
    if (this.entries.size > maxCached) this.entries.delete(this.entries.keys().next().value as string);
    return analysis;
  }

  /** Forgets a closed document. */
  forget(key: string): void {
    this.entries.delete(key);
  }
}
