/**
 * The editor's analyses: one DiagramAnalysis per open document version, kept until the document
 * changes or closes. Every editor feature reads it, so a keystroke costs one parse, one baseline
 * resolve and one resolve per active what-if. Pure (src/extension wraps it in the document events).
 */
import { DiagramAnalysis } from './analysis';

/** A document as the cache sees it: a stable key (its URI), a version that changes with its text. */
export interface VersionedText {
  readonly key: string;
  readonly version: number;
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
  analysisOf(document: VersionedText): DiagramAnalysis {
    const hit = this.entries.get(document.key);
    if (hit && hit.version === document.version) {
      this.entries.delete(document.key);
      this.entries.set(document.key, hit);
      return hit.analysis;
    }
    const analysis = new DiagramAnalysis(document.getText(), undefined, {
      maxTopologySize: maxEditorTopologySize,
      onResolve: () => this.resolves++,
    });
    this.entries.delete(document.key);
    this.entries.set(document.key, { version: document.version, analysis });
    if (this.entries.size > maxCached) this.entries.delete(this.entries.keys().next().value as string);
    return analysis;
  }

  /** Forgets a closed document. */
  forget(key: string): void {
    this.entries.delete(key);
  }
}
