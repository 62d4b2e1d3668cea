/**
 * The state one analysis shares across its steps: the text and its syntax, the diagnostics and
 * hints found so far, and the helpers that turn a span into a range, a fact or a report.
 */
import type { Read } from './facts';
import { closestNames } from './facts';
import type { Fact, FactSource } from './model';
import type { SyntaxDocument, SyntaxSubgraph } from '../syntax/flowchart';
import type { Span } from '../text';
import { LineMap } from '../text';
import type { Diagnostic, Range, Severity } from '../types';

/** "Did you mean" costs a scan of the candidates; beyond this many problems we skip it to stay linear. */
const maxSuggestionLookups = 200;

/** A hint saying what the analysis assumed, shown where the assumption applies. */
export interface Inference {
  readonly message: string;
  readonly range: Range;
}

/** Whether `message` names `word` as a whole word (`'Comcastt'` does not name `Comcast`). */
function mentions(message: string, word: string): boolean {
  for (let at = message.indexOf(word); at >= 0; at = message.indexOf(word, at + 1)) {
    const before = message[at - 1] ?? ' ';
    const after = message[at + word.length] ?? ' ';
    if (!/[\w-]/.test(before) && !/[\w-]/.test(after)) return true;
  }
  return false;
}

export class AnalysisContext {
  readonly lines: LineMap;
  readonly diagnostics: Diagnostic[] = [];
  readonly inferred: Inference[] = [];
  /** PoPs that wrote prefixes, even invalid ones (already reported), so "announces nothing" is not said twice. */
  readonly announceWritten = new Set<string>();
  /** The front matter wrote default prefixes, even invalid ones (already reported). */
  frontMatterPrefixesWritten = false;
  readonly subgraphsById: ReadonlyMap<string, SyntaxSubgraph>;
  private suggestionBudget = maxSuggestionLookups;

  constructor(
    readonly text: string,
    readonly syntax: SyntaxDocument,
  ) {
    this.lines = new LineMap(text);
    this.subgraphsById = new Map(syntax.subgraphs.map((s) => [s.id.text, s]));
  }

  range(span: { start: number; end: number }): Range {
    return this.lines.range(span.start, span.end);
  }

  report(
    span: { start: number; end: number },
    severity: Severity,
    code: string,
    message: string,
    suggestions?: readonly string[],
  ): void {
    this.reportAt(this.range(span), severity, code, message, suggestions);
  }

  reportAt(range: Range, severity: Severity, code: string, message: string, suggestions?: readonly string[]): void {
    if (!suggestions || suggestions.length === 0) {
      this.diagnostics.push({ range, severity, code, message });
      return;
    }
    const alreadySaid = /did you mean/i.test(message) || suggestions.every((s) => mentions(message, s));
    const said = alreadySaid ? message : `${message} (did you mean ${suggestions.map((s) => `'${s}'`).join(', ')}?)`;
    this.diagnostics.push({ range, severity, code, message: said, suggestions });
  }

  /** Reports a failed read and returns the value of a good one. */
  take<T>(read: Read<T>, span: Span, severity: Severity = 'error'): T | undefined {
    if (read.ok) return read.value;
    this.report(span, severity, read.code, read.message, read.suggestions);
    return undefined;
  }

  suggest(name: string, known: Iterable<string>): string[] {
    if (this.suggestionBudget <= 0) return [];
    this.suggestionBudget--;
    return closestNames(name, known);
  }

  fact<T>(value: T, span: Span, source: FactSource): Fact<T> {
    return { value, range: this.range(span), source };
  }

  infer(span: Span, message: string): void {
    this.inferred.push({ message, range: this.range(span) });
  }
}
