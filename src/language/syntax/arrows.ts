/**
 * The edge operators of a flowchart: `-->`, `---`, `==>`, `-.->`, `~~~`, heads at either end
 * (`<`, `o`, `x`), edge text inside the arrow (`-- text -->`) or after it (`-->|text|`), and the
 * `e1@` edge id before an arrow.
 */
import type { EdgeHead, EdgeStroke } from '../meaning/model';
import type { Span } from '../text';
import type { Scanner } from './scanner';
import type { ArrowSyntax } from './tree';

const Dash = 45;
const Dot = 46;
const Equals = 61;
const Less = 60;
const Greater = 62;
const At = 64;
const Brace = 123;
const Bar = 124;
const Tilde = 126;
const LetterO = 111;
const LetterX = 120;

function headOf(c: number): EdgeHead | undefined {
  return c === Greater || c === Less ? 'arrow' : c === LetterO ? 'circle' : c === LetterX ? 'cross' : undefined;
}

/** `e1@` right before an arrow. */
export function readEdgeId(s: Scanner): Span | undefined {
  const start = s.pos;
  const id = s.readNodeId();
  if (id && s.code() === At && s.code(s.pos + 1) !== Brace) {
    s.pos++;
    return id;
  }
  s.pos = start;
  return undefined;
}

/** The arrow at the cursor, with its text; undefined after reporting what is not an arrow. */
export function readArrow(s: Scanner): ArrowSyntax | undefined {
  const start = s.pos;
  let headAtStart: EdgeHead = 'none';
  const first = s.code();
  const second = s.code(s.pos + 1);
  if ((first === Less || first === LetterO || first === LetterX) && (second === Dash || second === Equals)) {
    headAtStart = headOf(first) ?? 'none';
    s.pos++;
  }
  if (s.text.startsWith('~~~', s.pos)) {
    while (s.code() === Tilde) s.pos++;
    return { arrow: s.span(start, s.pos), stroke: 'invisible', headAtStart, headAtEnd: 'none', ...pipeLabel(s) };
  }
  const c = s.code();
  if (c === Dash && s.code(s.pos + 1) === Dot) return readDotted(s, start, headAtStart);
  if (c === Dash || c === Equals) return readSolid(s, start, headAtStart, c);
  s.pos = start;
  return arrowError(s, start);
}

/** `-.->`, `-..-`, or `-. text .->` (the dots close the text). */
function readDotted(s: Scanner, start: number, headAtStart: EdgeHead): ArrowSyntax | undefined {
  s.pos++;
  while (s.code() === Dot) s.pos++;
  if (s.code() === Dash) {
    s.pos++;
    const head = s.code() === Less ? undefined : headOf(s.code());
    if (head) s.pos++;
    return finishArrow(s, start, 'dotted', headAtStart, head ?? 'none');
  }
  return readTextInArrow(s, start, 'dotted', headAtStart, Dot);
}

/** `-->`, `---`, `==>`, `===`, or `-- text -->` and `== text ==>`. */
function readSolid(s: Scanner, start: number, headAtStart: EdgeHead, c: number): ArrowSyntax | undefined {
  const stroke: EdgeStroke = c === Dash ? 'normal' : 'thick';
  let n = 0;
  while (s.code() === c) {
    s.pos++;
    n++;
  }
  if (n < 2) {
    s.pos = start;
    return arrowError(s, start);
  }
  const head = headOf(s.code());
  if (head && s.code() !== Less) {
    s.pos++;
    return finishArrow(s, start, stroke, headAtStart, head);
  }
  if (n >= 3) return finishArrow(s, start, stroke, headAtStart, 'none');
  return readTextInArrow(s, start, stroke, headAtStart, c);
}

/**
 * `-- text -->`, `== text ==>`, `-. text .->`: the label sits inside the arrow, closed by a run of
 * `closer` (the dot for dotted arrows, else the arrow's own character).
 */
function readTextInArrow(
  s: Scanner,
  start: number,
  stroke: EdgeStroke,
  headAtStart: EdgeHead,
  closer: number,
): ArrowSyntax | undefined {
  const lineEnd = s.lineEnd();
  const labelStart = s.pos;
  for (let i = s.pos; i < lineEnd;) {
    const length = closingArrowAt(s.text, i, closer, lineEnd);
    if (length < 0) {
      // No closing arrow starts anywhere in this run of the closer either: skip it whole (linear).
      i += -length;
      continue;
    }
    // `-. text -.->`: mermaid lets a dotted closing arrow start with a dash too.
    const end = closer === Dot && i - 1 > labelStart && s.text.charCodeAt(i - 1) === Dash ? i - 1 : i;
    const label = trimmedLabel(s, labelStart, end);
    s.pos = i + length;
    const last = s.text.charCodeAt(s.pos - 1);
    const headAtEnd = last === Dash || last === Equals || last === Dot ? 'none' : (headOf(last) ?? 'none');
    return {
      arrow: s.span(start, s.pos),
      stroke,
      headAtStart,
      headAtEnd,
      ...(label.text.length > 0 ? { label } : {}),
    };
  }
  s.error(
    start,
    lineEnd,
    `The edge text after '${s.text.slice(start, labelStart).trim()}' is not closed by an arrow such as '-->'`,
    'syntax',
  );
  s.pos = lineEnd;
  return undefined;
}

/** The text between `start` and `end` without its surrounding blanks and quotes. */
function trimmedLabel(s: Scanner, start: number, end: number): Span {
  const raw = s.text.slice(start, end);
  const lead = raw.length - raw.trimStart().length;
  const label = s.span(start + lead, start + raw.trimEnd().length);
  if (label.text.length >= 2 && label.text.startsWith('"') && label.text.endsWith('"'))
    return s.span(label.start + 1, label.end - 1);
  return label;
}

/**
 * The length of the arrow that closes edge text at `i` (`-->`, `---`, `--o`, `==>`, `.->`, `.-`),
 * or minus how far to skip when none starts at `i` nor inside the run of `closer` there.
 */
function closingArrowAt(text: string, i: number, closer: number, lineEnd: number): number {
  let run = 0;
  while (i + run < lineEnd && text.charCodeAt(i + run) === closer) run++;
  if (run === 0) return -1;
  const next = text.charCodeAt(i + run);
  const isHead = next === Greater || next === LetterO || next === LetterX;
  if (closer === Dot) {
    if (next !== Dash) return -run;
    const after = text.charCodeAt(i + run + 1);
    return run + 1 + (after === Greater || after === LetterO || after === LetterX ? 1 : 0);
  }
  if (run >= 2 && isHead) return run + 1;
  if (run >= 3) return run;
  return -run;
}

function arrowError(s: Scanner, start: number): undefined {
  const end = s.statementTextEnd();
  s.error(
    start,
    Math.max(end, start + 1),
    `Unexpected '${s.text.slice(start, Math.min(end, start + 20))}': expected an arrow such as '-->' or the end of the line`,
  );
  s.pos = end;
  return undefined;
}

function finishArrow(
  s: Scanner,
  start: number,
  stroke: EdgeStroke,
  headAtStart: EdgeHead,
  headAtEnd: EdgeHead,
): ArrowSyntax | undefined {
  const arrow = s.span(start, s.pos);
  const label = pipeLabel(s);
  if (label === undefined) return undefined;
  return { arrow, stroke, headAtStart, headAtEnd, ...label };
}

/** `|text|` right after an arrow; undefined on an unclosed bar (already reported). */
function pipeLabel(s: Scanner): { label?: Span } | undefined {
  const save = s.pos;
  s.skipBlanks();
  if (s.code() !== Bar) {
    s.pos = save;
    return {};
  }
  const open = s.pos;
  const lineEnd = s.lineEnd();
  const close = quotedLabelEnd(s, open, lineEnd) ?? s.indexOf('|', open + 1);
  if (close < 0 || (close > lineEnd && !plainTextBetween(s.text, open + 1, close))) {
    s.error(open, lineEnd, "Edge label opened with '|' is not closed by '|'", 'syntax');
    s.pos = lineEnd;
    return undefined;
  }
  s.pos = close + 1;
  const label = trimmedLabel(s, open + 1, close);
  return label.text.length > 0 ? { label } : {};
}

/** True when `text` holds no bracket or quote from `from` to `to`: mermaid's label text, which may span lines. */
function plainTextBetween(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 || c === 40 || c === 41 || c === 91 || c === 93 || c === Brace || c === 125) return false;
  }
  return true;
}

/**
 * The closing bar of `|"a | b"|`: mermaid reads a quoted label as a string, bars and all, so
 * the label ends at the first bar after the closing quote. Undefined when the label is not one
 * quoted string on this line.
 */
function quotedLabelEnd(s: Scanner, open: number, lineEnd: number): number | undefined {
  let at = open + 1;
  while (at < lineEnd && (s.text[at] === ' ' || s.text[at] === '\t')) at++;
  if (s.text[at] !== '"') return undefined;
  const quote = s.indexOf('"', at + 1);
  if (quote < 0 || quote > lineEnd) return undefined;
  at = quote + 1;
  while (at < lineEnd && (s.text[at] === ' ' || s.text[at] === '\t')) at++;
  return s.text[at] === '|' ? at : undefined;
}

/** An arrow's start as mermaid's link tokens begin: an optional head, then `--`, `==`, `-.` or `~~~`. */
const arrowStart = /[xo<]?(?:--|==|-\.)|~~~/y;
const keywordLine = /(?:subgraph|end|classDef|class|style|linkStyle|click|direction|accTitle|accDescr)(?![\w-])/y;

/**
 * Blanks, line breaks and whole-line `%%` comments from the cursor (mermaid drops those comment
 * lines before it parses). Returns where they end without moving the cursor.
 */
function afterLineBreaks(s: Scanner): number {
  let i = s.pos;
  for (;;) {
    const c = s.text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 13 || c === 10) i++;
    else if (s.text.startsWith('%%', i) && !s.text.startsWith('%%{', i) && lineStartsAt(s.text, i)) i = s.lineEnd(i);
    else return i;
  }
}

function lineStartsAt(text: string, i: number): boolean {
  let j = i - 1;
  while (j >= 0 && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9)) j--;
  return j < 0 || text.charCodeAt(j) === 10;
}

/**
 * At a line break inside a chain: mermaid's link tokens take the blanks and line breaks before an
 * arrow, so a line starting with an arrow continues the statement above. Moves to that arrow.
 */
export function continuesOnNextLine(s: Scanner): boolean {
  if (s.code() !== 10) return false;
  const at = afterLineBreaks(s);
  arrowStart.lastIndex = at;
  if (!arrowStart.test(s.text)) return false;
  s.pos = at;
  return true;
}

/**
 * After an arrow without `|text|`: mermaid's link token takes the line breaks after it too, so the
 * node may stand on the next line. A keyword there starts a statement, so the arrow stays open.
 */
export function skipLineBreaksAfterArrow(s: Scanner): void {
  if (s.text.charCodeAt(s.pos - 1) === Bar) return;
  const at = afterLineBreaks(s);
  keywordLine.lastIndex = at;
  if (at < s.text.length && !keywordLine.test(s.text)) s.pos = at;
}
