/**
 * The small YAML subset that front matter and `@{ ... }` metadata use in practice (block and flow
 * mappings, sequences, plain and quoted scalars, comments), keeping the offset of every key and
 * value so diagnostics point at the exact text. Linear, never throws; what it cannot read becomes
 * an error entry rather than a guess.
 */
import type { Span } from '../text';

export type YamlValue = YamlScalar | YamlSeq | YamlMap;

export interface YamlScalar {
  readonly kind: 'scalar';
  /** The value with quotes removed. */
  readonly text: string;
  readonly quoted: boolean;
  readonly start: number;
  readonly end: number;
}

export interface YamlSeq {
  readonly kind: 'seq';
  readonly items: readonly YamlValue[];
  readonly start: number;
  readonly end: number;
}

export interface YamlEntry {
  readonly key: Span;
  /** Undefined for `key:` with nothing after it. */
  readonly value: YamlValue | undefined;
}

export interface YamlMap {
  readonly kind: 'map';
  readonly entries: readonly YamlEntry[];
  readonly start: number;
  readonly end: number;
}

export interface YamlError {
  readonly start: number;
  readonly end: number;
  readonly message: string;
}

/** Deeper than any settings block; the readers recurse, so nesting is bounded to keep the stack safe. */
const maxDepth = 32;

const isFlowIndicator = (c: string | undefined): boolean =>
  c === ',' || c === '[' || c === ']' || c === '{' || c === '}';

class FlowReader {
  constructor(
    private readonly text: string,
    public pos: number,
    private readonly end: number,
    readonly errors: YamlError[],
  ) {}

  private skipSpace(): void {
    while (this.pos < this.end) {
      const c = this.text[this.pos];
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r') this.pos++;
      else if (c === '#' && (this.pos === 0 || /\s/.test(this.text[this.pos - 1] ?? ''))) {
        while (this.pos < this.end && this.text[this.pos] !== '\n') this.pos++;
      } else return;
    }
  }

  private depth = 0;

  value(): YamlValue | undefined {
    this.skipSpace();
    const c = this.text[this.pos];
    if (this.pos >= this.end) return undefined;
    if (c === '[' || c === '{') {
      if (this.depth >= maxDepth) {
        this.errors.push({ start: this.pos, end: this.pos + 1, message: `Nested more than ${maxDepth} levels deep` });
        this.pos = this.end;
        return undefined;
      }
      this.depth++;
      const nested = c === '[' ? this.seq() : this.map();
      this.depth--;
      return nested;
    }
    if (c === '"' || c === "'") return this.quoted();
    return this.plain(false);
  }

  private quoted(): YamlScalar | undefined {
    const quote = this.text[this.pos] ?? '"';
    const start = this.pos;
    const close = this.text.indexOf(quote, start + 1);
    if (close < 0 || close >= this.end) {
      this.errors.push({ start, end: this.end, message: `Unclosed ${quote === '"' ? 'double' : 'single'} quote` });
      this.pos = this.end;
      return undefined;
    }
    this.pos = close + 1;
    return { kind: 'scalar', text: this.text.slice(start + 1, close), quoted: true, start, end: close + 1 };
  }

  /** A plain scalar ends at a flow indicator, a newline, or (for keys) `: `. */
  private plain(isKey: boolean): YamlScalar | undefined {
    const start = this.pos;
    while (this.pos < this.end) {
      const c = this.text[this.pos];
      if (c === '\n' || isFlowIndicator(c)) break;
      if (c === ':') {
        const next = this.text[this.pos + 1];
        if (
          next === undefined ||
          next === ' ' ||
          next === '\t' ||
          next === '\n' ||
          next === '\r' ||
          isFlowIndicator(next) ||
          this.pos + 1 >= this.end
        ) {
          if (isKey || next === ' ' || next === '\t') break;
        }
      }
      if (c === '#' && /\s/.test(this.text[this.pos - 1] ?? '')) break;
      this.pos++;
    }
    const raw = this.text.slice(start, this.pos);
    const trimmed = raw.trimEnd();
    if (trimmed.length === 0) return undefined;
    return { kind: 'scalar', text: trimmed, quoted: false, start, end: start + trimmed.length };
  }

  private seq(): YamlSeq {
    const start = this.pos;
    this.pos++;
    const items: YamlValue[] = [];
    for (;;) {
      this.skipSpace();
      if (this.pos >= this.end) {
        this.errors.push({ start, end: start + 1, message: "'[' is never closed by ']'" });
        return { kind: 'seq', items, start, end: this.end };
      }
      if (this.text[this.pos] === ']') {
        this.pos++;
        return { kind: 'seq', items, start, end: this.pos };
      }
      const before = this.pos;
      const item = this.value();
      if (item) items.push(item);
      this.skipSpace();
      if (this.text[this.pos] === ',') this.pos++;
      else if (this.text[this.pos] !== ']' && this.pos < this.end) {
        this.errors.push({
          start: this.pos,
          end: this.pos + 1,
          message: `Unexpected '${this.text[this.pos] ?? ''}' in a list: expected ',' or ']'`,
        });
        this.pos++;
      }
      if (this.pos === before) this.pos++;
    }
  }

  map(): YamlMap {
    const start = this.pos;
    this.pos++;
    const entries: YamlEntry[] = [];
    for (;;) {
      this.skipSpace();
      if (this.pos >= this.end) {
        this.errors.push({ start, end: start + 1, message: "'{' is never closed by '}'" });
        return { kind: 'map', entries, start, end: this.end };
      }
      if (this.text[this.pos] === '}') {
        this.pos++;
        return { kind: 'map', entries, start, end: this.pos };
      }
      const before = this.pos;
      const entry = this.entry();
      if (entry) entries.push(entry);
      this.skipSpace();
      if (this.text[this.pos] === ',') this.pos++;
      else if (this.text[this.pos] !== '}' && this.pos < this.end) {
        this.errors.push({
          start: this.pos,
          end: this.pos + 1,
          message: `Unexpected '${this.text[this.pos] ?? ''}': expected ',' or '}'`,
        });
        this.pos++;
      }
      if (this.pos === before) this.pos++;
    }
  }

  private entry(): YamlEntry | undefined {
    const c = this.text[this.pos];
    const keyValue = c === '"' || c === "'" ? this.quoted() : this.plain(true);
    if (!keyValue) return undefined;
    const key: Span = { text: keyValue.text, start: keyValue.start, end: keyValue.end };
    this.skipSpace();
    if (this.text[this.pos] !== ':') {
      this.errors.push({ start: key.start, end: key.end, message: `Expected ':' after '${key.text}'` });
      return undefined;
    }
    this.pos++;
    this.skipSpace();
    const next = this.text[this.pos];
    if (next === ',' || next === '}') return { key, value: undefined };
    return { key, value: this.value() };
  }
}

/** The body of a one-line `@{ ... }`, which mermaid reads as a YAML flow mapping. `start` is at `{`. */
export function parseFlowMap(text: string, start: number, end: number): { map: YamlMap; errors: YamlError[] } {
  const errors: YamlError[] = [];
  const reader = new FlowReader(text, start, end, errors);
  const map = reader.map();
  if (reader.pos < end && text.slice(reader.pos, end).trim() !== '') {
    errors.push({ start: reader.pos, end, message: 'Unexpected text after the metadata' });
  }
  return { map, errors };
}

interface Line {
  readonly indent: number;
  /** Offset of the first non-space character. */
  readonly start: number;
  /** Offset of the end of the content (comments and trailing spaces removed). */
  readonly end: number;
}

function splitLines(text: string, start: number, end: number): Line[] {
  const lines: Line[] = [];
  let lineStart = start;
  while (lineStart < end) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0 || lineEnd > end) lineEnd = end;
    let i = lineStart;
    while (i < lineEnd && (text[i] === ' ' || text[i] === '\t')) i++;
    let contentEnd = lineEnd;
    // A `#` after a space starts a comment unless inside quotes.
    let quote: string | undefined;
    for (let j = i; j < lineEnd; j++) {
      const c = text[j];
      if (quote) {
        if (c === quote) quote = undefined;
      } else if (c === '"' || c === "'") {
        quote = c;
      } else if (c === '#' && (j === i || text[j - 1] === ' ' || text[j - 1] === '\t')) {
        contentEnd = j;
        break;
      }
    }
    while (contentEnd > i && /\s/.test(text[contentEnd - 1] ?? '')) contentEnd--;
    if (contentEnd > i) lines.push({ indent: i - lineStart, start: i, end: contentEnd });
    lineStart = lineEnd + 1;
  }
  return lines;
}

class BlockReader {
  private index = 0;
  constructor(
    private readonly text: string,
    private readonly lines: readonly Line[],
    readonly errors: YamlError[],
  ) {}

  private depth = 0;

  node(indent: number): YamlValue | undefined {
    const line = this.lines[this.index];
    if (!line || line.indent < indent) return undefined;
    if (this.depth >= maxDepth) {
      this.errors.push({ start: line.start, end: line.end, message: `Nested more than ${maxDepth} levels deep` });
      while ((this.lines[this.index]?.indent ?? -1) >= indent) this.index++;
      return undefined;
    }
    this.depth++;
    const value =
      this.text[line.start] === '-' && /[\s]|$/.test(this.text[line.start + 1] ?? '')
        ? this.seq(line.indent)
        : this.map(line.indent);
    this.depth--;
    return value;
  }

  private inline(start: number, end: number, lineIndent: number): YamlValue | undefined {
    const c = this.text[start];
    if (c === '|' || c === '>') {
      const first = this.index;
      while ((this.lines[this.index]?.indent ?? -1) > lineIndent) this.index++;
      const block = this.lines.slice(first, this.index);
      const last = block[block.length - 1];
      const body = block.map((l) => this.text.slice(l.start, l.end)).join(c === '|' ? '\n' : ' ');
      return { kind: 'scalar', text: body, quoted: true, start, end: last ? last.end : end };
    }
    const reader = new FlowReader(this.text, start, end, this.errors);
    const value = reader.value();
    if (value && reader.pos < end && value.kind !== 'scalar') {
      this.errors.push({ start: reader.pos, end, message: 'Unexpected text after the value' });
    }
    if (value?.kind === 'scalar' && !value.quoted) {
      // A block-context plain scalar runs to the end of the line (commas included).
      return { kind: 'scalar', text: this.text.slice(start, end), quoted: false, start, end };
    }
    return value;
  }

  private seq(indent: number): YamlSeq {
    const items: YamlValue[] = [];
    const start = this.lines[this.index]?.start ?? 0;
    let end = start;
    for (
      let line = this.lines[this.index];
      line && line.indent === indent && this.text[line.start] === '-';
      line = this.lines[this.index]
    ) {
      this.index++;
      let i = line.start + 1;
      while (i < line.end && (this.text[i] === ' ' || this.text[i] === '\t')) i++;
      let item: YamlValue | undefined;
      if (i >= line.end) item = this.node(indent + 1);
      else item = this.inline(i, line.end, indent);
      if (item) {
        items.push(item);
        end = item.end;
      }
    }
    return { kind: 'seq', items, start, end };
  }

  private map(indent: number): YamlMap {
    const entries: YamlEntry[] = [];
    const start = this.lines[this.index]?.start ?? 0;
    let end = start;
    for (let line = this.lines[this.index]; line && line.indent >= indent; line = this.lines[this.index]) {
      if (line.indent > indent) {
        this.errors.push({ start: line.start, end: line.end, message: 'Unexpected indentation' });
        this.index++;
        continue;
      }
      if (this.text[line.start] === '-') break;
      this.index++;
      const colon = this.findColon(line.start, line.end);
      if (colon < 0) {
        this.errors.push({
          start: line.start,
          end: line.end,
          message: `Expected 'key: value', found '${this.text.slice(line.start, line.end)}'`,
        });
        continue;
      }
      let keyStart = line.start;
      let keyEnd = colon;
      while (keyEnd > keyStart && /\s/.test(this.text[keyEnd - 1] ?? '')) keyEnd--;
      const q = this.text[keyStart];
      if ((q === '"' || q === "'") && this.text[keyEnd - 1] === q && keyEnd - keyStart >= 2) {
        keyStart++;
        keyEnd--;
      }
      const key: Span = { text: this.text.slice(keyStart, keyEnd), start: keyStart, end: keyEnd };
      let i = colon + 1;
      while (i < line.end && (this.text[i] === ' ' || this.text[i] === '\t')) i++;
      let value: YamlValue | undefined;
      if (i < line.end) value = this.inline(i, line.end, indent);
      else {
        const next = this.lines[this.index];
        // A sequence may sit at the same indent as its key.
        if (next && (next.indent > indent || (next.indent === indent && this.text[next.start] === '-')))
          value = this.node(next.indent);
      }
      entries.push({ key, value });
      end = value ? value.end : line.end;
    }
    return { kind: 'map', entries, start, end };
  }

  /** The `:` that separates key and value: followed by a space or the end of line, outside quotes. */
  private findColon(start: number, end: number): number {
    let quote: string | undefined;
    for (let i = start; i < end; i++) {
      const c = this.text[i];
      if (quote) {
        if (c === quote) quote = undefined;
      } else if ((c === '"' || c === "'") && i === start) {
        quote = c;
      } else if (c === ':' && (i + 1 >= end || this.text[i + 1] === ' ' || this.text[i + 1] === '\t')) {
        return i;
      }
    }
    return -1;
  }
}

/** Block YAML between `start` and `end` (front matter, or a multi-line `@{ ... }` body). */
export function parseBlock(
  text: string,
  start: number,
  end: number,
): { value: YamlValue | undefined; errors: YamlError[] } {
  const errors: YamlError[] = [];
  const lines = splitLines(text, start, end);
  const reader = new BlockReader(text, lines, errors);
  const first = lines[0];
  const value = first ? reader.node(first.indent) : undefined;
  return { value, errors };
}

/** The entry for `key` in a map, if any (last one wins, as in YAML loaders). */
export function entryOf(map: YamlMap, key: string): YamlEntry | undefined {
  let found: YamlEntry | undefined;
  for (const e of map.entries) if (e.key.text === key) found = e;
  return found;
}
