/** Positions and diagnostics shared by the parser, the CLI and the editor adapters. */

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
