/**
 * The cursor the flowchart readers share: offsets into the text, errors, and searches that remember
 * their answers so a stretch of text is searched once (the parser stays linear on hostile input).
 */
import type { Span } from '../text';
import type { SyntaxError } from './tree';

/** Character codes the readers test often. */
export const Ch = {
  Tab: 9,
  Newline: 10,
  Return: 13,
  Space: 32,
  Quote: 34,
  Apostrophe: 39,
  Semicolon: 59,
} as const;

export function isIdChar(code: number): boolean {
  return (
    (code >= 48 && code <= 57) ||
    (code >= 65 && code <= 90) ||
    (code >= 97 && code <= 122) ||
    code === 95 ||
    (code > 127 && code !== 0xa0 && code !== 0x2028 && code !== 0x2029 && code !== 0xfeff)
  );
}

/** `!#$%&'*+,-./:` backtick, `?`, `\\` and `*`: the punctuation mermaid's node ids may hold. */
const idPunctuation = new Set([33, 35, 36, 37, 38, 39, 42, 43, 44, 45, 46, 47, 58, 63, 92, 96]);

function isMermaidIdChar(code: number): boolean {
  return isIdChar(code) || idPunctuation.has(code);
}

export function isBlank(code: number): boolean {
  return code === Ch.Space || code === Ch.Tab || code === Ch.Return;
}

export class Scanner {
  pos = 0;

  constructor(
    readonly text: string,
    readonly errors: SyntaxError[],
  ) {}

  code(at = this.pos): number {
    return this.text.charCodeAt(at);
  }

  span(start: number, end: number): Span {
    return { text: this.text.slice(start, end), start, end };
  }

  error(start: number, end: number, message: string, code = 'syntax', suggestions?: readonly string[]): void {
    this.errors.push({ start, end: Math.max(end, start), message, code, ...(suggestions ? { suggestions } : {}) });
  }

  skipBlanks(): void {
    while (this.pos < this.text.length && isBlank(this.code())) this.pos++;
  }

  /** The last line end found, and where its search began: any offset between shares it, so long lines are scanned once. */
  private lineEndFrom = -1;
  private lineEndAt = -1;

  /** Per needle, the last search and its answer: a later search starting between them has the same answer. */
  private readonly searches = new Map<string, { from: number; at: number }>();

  /** `text.indexOf(needle, from)`, but each stretch of text is searched once, so repeated misses stay linear. */
  indexOf(needle: string, from: number): number {
    const last = this.searches.get(needle);
    if (last && from >= last.from && (last.at < 0 || from <= last.at)) return last.at;
    const at = this.text.indexOf(needle, from);
    this.searches.set(needle, { from, at });
    return at;
  }

  lineEnd(from = this.pos): number {
    if (from >= this.lineEndFrom && from <= this.lineEndAt) return this.lineEndAt;
    const nl = this.text.indexOf('\n', from);
    this.lineEndFrom = from;
    this.lineEndAt = nl < 0 ? this.text.length : nl;
    return this.lineEndAt;
  }

  /** At a newline, `;`, a `%%` comment or the end: the statement is over. */
  atStatementEnd(): boolean {
    if (this.pos >= this.text.length) return true;
    const c = this.code();
    return c === Ch.Newline || c === Ch.Semicolon || this.text.startsWith('%%', this.pos);
  }

  skipToLineEnd(): void {
    this.pos = this.lineEnd();
  }

  skipToStatementEnd(): void {
    while (this.pos < this.text.length && this.code() !== Ch.Newline && this.code() !== Ch.Semicolon) this.pos++;
  }

  /**
   * To the end of a `click` statement, whose quoted link and tooltip are strings to mermaid: a `;`
   * inside them does not end it. A quote left open runs to the end of the line.
   */
  skipToStatementEndOutsideQuotes(): void {
    while (this.pos < this.text.length && this.code() !== Ch.Newline && this.code() !== Ch.Semicolon) {
      if (this.code() === Ch.Quote) {
        const close = this.indexOf('"', this.pos + 1);
        this.pos = close < 0 || close > this.lineEnd() ? this.lineEnd() : close + 1;
      } else {
        this.pos++;
      }
    }
  }

  /** Everything up to a blank or line end: what mermaid takes as the node id after `click`. */
  readUntilBlank(): Span | undefined {
    const start = this.pos;
    while (this.pos < this.text.length && !isBlank(this.code()) && this.code() !== Ch.Newline) this.pos++;
    return this.pos > start ? this.span(start, this.pos) : undefined;
  }

  /** Where the statement's text ends: at a newline, `;` or `%%`. */
  statementTextEnd(): number {
    let i = this.pos;
    while (i < this.text.length) {
      const c = this.text.charCodeAt(i);
      if (c === Ch.Newline || c === Ch.Semicolon || this.text.startsWith('%%', i)) break;
      i++;
    }
    return i;
  }

  readWord(): Span | undefined {
    const start = this.pos;
    while (this.pos < this.text.length && isIdChar(this.code())) this.pos++;
    return this.pos > start ? this.span(start, this.pos) : undefined;
  }

  /**
   * A node id as mermaid's lexer reads one: a run of word characters and `!#$%&'*+.?\/:,*` and
   * backticks (so `S&IN` is one id, as in mermaid), and `-` unless it starts an arrow (`--`, `->`,
   * `-.`); `:::` ends it. With `commas: false` a `,` ends it too (the lists of `class A,B c`).
   */
  readNodeId(commas = true): Span | undefined {
    const start = this.pos;
    while (this.pos < this.text.length) {
      const c = this.code();
      if (c === 44 ? !commas : c === 58 ? this.text.startsWith(':::', this.pos) : !isMermaidIdChar(c)) break;
      if (c === 45) {
        const next = this.code(this.pos + 1);
        if (next === 45 || next === 62 || next === 46) break;
      }
      this.pos++;
    }
    return this.pos > start ? this.span(start, this.pos) : undefined;
  }
}
