/** Positions, ranges and diagnostics shared by the parser, the CLI and the editor adapters. */

/** Zero-based line and UTF-16 character, as in LSP; the CLI prints them one-based. */
export interface Position {
  readonly line: number;
  readonly character: number;
}

export interface Range {
  readonly start: Position;
  readonly end: Position;
}

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export interface Diagnostic {
  readonly range: Range;
  readonly severity: Severity;
  readonly message: string;
  /** Stable machine-readable id, e.g. 'unknown-location'; quick fixes key on it. */
  readonly code: string;
  /** Replacement texts a quick fix may offer (e.g. "did you mean" suggestions) for `range`. */
  readonly suggestions?: readonly string[];
}

/** Whether `position` lies in `range`, both ends included (a cursor just after a word is still on it). */
export function rangeContains(range: Range, position: Position): boolean {
  const afterStart =
    position.line > range.start.line ||
    (position.line === range.start.line && position.character >= range.start.character);
  const beforeEnd =
    position.line < range.end.line || (position.line === range.end.line && position.character <= range.end.character);
  return afterStart && beforeEnd;
}

export function sameRange(a: Range, b: Range): boolean {
  return (
    a.start.line === b.start.line &&
    a.start.character === b.start.character &&
    a.end.line === b.end.line &&
    a.end.character === b.end.character
  );
}

/** Document order: by start. */
export function compareRanges(a: Range, b: Range): number {
  return a.start.line - b.start.line || a.start.character - b.start.character;
}
