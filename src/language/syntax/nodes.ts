/**
 * A node as written in a statement: its id, the shape its brackets give (`[..]`, `((..))`, `{..}`...),
 * its label, `:::class` names and `@{ ... }` metadata; and `A & B` groups of them.
 */
import type { NodeShape } from '../meaning/model';
import type { Span } from '../text';
import type { Scanner } from './scanner';
import { Ch } from './scanner';
import type { SyntaxNode } from './tree';

type Closes = readonly (readonly [string, NodeShape])[];

interface Label {
  readonly shape: NodeShape;
  readonly label: Span;
  readonly quoted: boolean;
}

const shapes: readonly { readonly open: string; readonly closes: Closes }[] = [
  { open: '(((', closes: [[')))', 'double-circle']] },
  { open: '((', closes: [['))', 'circle']] },
  { open: '([', closes: [['])', 'stadium']] },
  { open: '(', closes: [[')', 'round']] },
  { open: '[[', closes: [[']]', 'subroutine']] },
  { open: '[(', closes: [[')]', 'cylinder']] },
  {
    open: '[/',
    closes: [
      ['/]', 'parallelogram'],
      ['\\]', 'trapezoid'],
    ],
  },
  {
    open: '[\\',
    closes: [
      ['\\]', 'parallelogram-alt'],
      ['/]', 'trapezoid-alt'],
    ],
  },
  { open: '[', closes: [[']', 'rect']] },
  { open: '{{', closes: [['}}', 'hexagon']] },
  { open: '{', closes: [['}', 'diamond']] },
  { open: '>', closes: [[']', 'asymmetric']] },
];

const Ampersand = 38;
const At = 64;
const Brace = 123;
const Caret = 94;
const Bar = 124;

/** `A & B & C`: each node read is also appended to `into`; undefined after an error (reported). */
export function readNodeGroup(s: Scanner, into: SyntaxNode[], subgraph: string | undefined): SyntaxNode[] | undefined {
  const nodes: SyntaxNode[] = [];
  for (;;) {
    s.skipBlanks();
    const node = readNode(s, subgraph);
    if (!node) return undefined;
    into.push(node);
    nodes.push(node);
    const before = s.pos;
    s.skipBlanks();
    if (s.code() !== Ampersand) return nodes;
    if (!ampersandSpaced(s, before)) return undefined;
    s.pos++;
  }
}

/**
 * Mermaid reads `&` between nodes only with blanks on both sides: `S&IN` is one id (its lexer
 * takes the `&` into the id), and `A &B` or `A[x]& B` are errors there. Reports the latter.
 */
function ampersandSpaced(s: Scanner, nodeEnd: number): boolean {
  const at = s.pos;
  const after = s.code(at + 1);
  if (at > nodeEnd && (after === Ch.Space || after === Ch.Tab)) return true;
  s.error(
    at,
    at + 1,
    "Mermaid reads '&' between nodes only with a space on both sides: write 'A & B'",
    'ampersand-spacing',
  );
  s.skipToStatementEnd();
  return false;
}

function readNode(s: Scanner, subgraph: string | undefined): SyntaxNode | undefined {
  const start = s.pos;
  const id = s.readNodeId();
  if (!id) {
    if (s.atStatementEnd()) return undefined;
    const end = s.lineEnd();
    const found =
      s.pos >= s.text.length ? 'the end of the file' : `'${s.text.slice(start, Math.min(end, start + 20))}'`;
    s.error(start, Math.max(end, start + 1), `Expected a node id, found ${found}`, 'syntax');
    s.skipToStatementEnd();
    return undefined;
  }
  const opening = shapes.find((shape) => s.text.startsWith(shape.open, s.pos));
  const body = opening ? readLabel(s, opening.open, opening.closes) : undefined;
  if (opening && !body) return undefined;
  const classes = readClasses(s);
  if (!classes) return undefined;
  let shape: NodeShape = body?.shape ?? 'none';
  let metadata: Span | undefined;
  if (s.code() === At && s.code(s.pos + 1) === Brace) {
    metadata = readMetadataBraces(s);
    if (!metadata) return undefined;
    if (shape === 'none') shape = 'metadata';
  }
  if (s.text.startsWith(':::', s.pos)) {
    s.error(
      s.pos,
      s.pos + 3,
      "Mermaid reads ':::class' only before '@{ ... }': write A[label]:::cls@{ ... }",
      'syntax',
    );
    s.skipToStatementEnd();
    return undefined;
  }
  return {
    id,
    shape,
    labelQuoted: body?.quoted ?? false,
    classes,
    alone: false,
    ...(body ? { label: body.label } : {}),
    ...(metadata ? { metadata } : {}),
    ...(subgraph !== undefined ? { subgraph } : {}),
  };
}

/** `:::a:::b` after a node; undefined after an error (reported). */
function readClasses(s: Scanner): Span[] | undefined {
  const classes: Span[] = [];
  while (s.text.startsWith(':::', s.pos)) {
    s.pos += 3;
    const cls = s.readNodeId();
    if (!cls) {
      s.error(s.pos - 3, s.pos, "':::' needs a class name", 'syntax');
      s.skipToStatementEnd();
      return undefined;
    }
    classes.push(cls);
  }
  return classes;
}

function readLabel(s: Scanner, open: string, closes: Closes): Label | undefined {
  const openStart = s.pos;
  s.pos += open.length;
  s.skipBlanks();
  if (s.code() === Ch.Quote) return readQuotedLabel(s, closes);
  const bodyStart = s.pos;
  // Mermaid's label text runs over line breaks up to its closer; a bracket or quote met on a later
  // line means the label was never closed on its own line.
  let lineBreak = -1;
  for (; s.pos < s.text.length; s.pos++) {
    const c = s.code();
    if (c === Ch.Newline && lineBreak < 0) lineBreak = s.pos;
    const found = closes.find(([close]) => s.text.startsWith(close, s.pos));
    if (found) {
      const raw = s.text.slice(bodyStart, s.pos);
      const label = s.span(bodyStart, bodyStart + raw.trimEnd().length);
      s.pos += found[0].length;
      return { shape: found[1], label, quoted: false };
    }
    if (c === 40 || c === 41 || c === 91 || c === 93 || c === 123 || c === 125 || c === Ch.Quote || c === Bar) {
      if (lineBreak >= 0) break;
      if (c !== Bar) return recoverUnquotedLabel(s, bodyStart, closes);
    }
  }
  if (lineBreak >= 0) s.pos = lineBreak;
  s.error(
    openStart,
    s.pos,
    `Label opened with '${open}' is not closed with '${closes[0]?.[0] ?? ''}' on this line`,
    'syntax',
  );
  s.skipToLineEnd();
  return undefined;
}

/** `["text"]`: the quotes hold the label, brackets and all. */
function readQuotedLabel(s: Scanner, closes: Closes): Label | undefined {
  const close = s.indexOf('"', s.pos + 1);
  if (close < 0) {
    s.error(s.pos, s.lineEnd(), 'Unclosed quote in label', 'syntax');
    s.skipToLineEnd();
    return undefined;
  }
  const label = s.span(s.pos + 1, close);
  s.pos = close + 1;
  s.skipBlanks();
  const found = closes.find(([c]) => s.text.startsWith(c, s.pos));
  if (!found) {
    s.error(s.pos, s.lineEnd(), `Expected '${closes[0]?.[0] ?? ''}' to close the label`, 'syntax');
    s.skipToLineEnd();
    return undefined;
  }
  s.pos += found[0].length;
  return { shape: found[1], label, quoted: true };
}

/**
 * An unquoted label holding a bracket or quote, which mermaid rejects. When the brackets balance
 * before a closing delimiter on the same line (`A[PoP (main)]`), the intent is plain: report it
 * over the whole label with the quoted label as the fix, and go on after it.
 */
function recoverUnquotedLabel(s: Scanner, bodyStart: number, closes: Closes): Label | undefined {
  const bad = s.pos;
  const lineEnd = s.lineEnd();
  const message = `'${s.text[bad] ?? ''}' inside a label ends it early in mermaid: put the label in double quotes`;
  let depth = 0;
  let hasQuote = false;
  for (let i = bodyStart; i < lineEnd && depth >= 0; i++) {
    const found = depth === 0 && i > bad ? closes.find(([close]) => s.text.startsWith(close, i)) : undefined;
    if (found) {
      const raw = s.text.slice(bodyStart, i);
      const label = s.span(bodyStart, bodyStart + raw.trimEnd().length);
      if (hasQuote)
        s.error(label.start, label.end, `${message}, writing a quote inside as #quot;`, 'label-needs-quotes');
      else s.error(label.start, label.end, `${message}: "${label.text}"`, 'label-needs-quotes', [`"${label.text}"`]);
      s.pos = i + found[0].length;
      return { shape: found[1], label, quoted: false };
    }
    const c = s.text.charCodeAt(i);
    if (c === 40 || c === 91 || c === 123) depth++;
    else if (c === 41 || c === 93 || c === 125) depth--;
    else if (c === Ch.Quote) hasQuote = true;
  }
  s.error(bad, bad + 1, message, 'label-needs-quotes');
  s.skipToLineEnd();
  return undefined;
}

/**
 * `@{ ... }`, which may span lines. Mermaid's lexer ends it at the first `}` outside double quotes.
 * When the braces balance only at a later `}` (a nested `{ ... }`, a `}` in single quotes), the
 * author meant that one: mermaid's end is reported, and the block is read to the author's end so
 * the rest of the statement still parses. An unclosed block ends at the first following line that
 * reads as a statement (an arrow, a keyword, another `@{`), which keeps repeated unclosed blocks
 * linear. Returns the braces.
 */
function readMetadataBraces(s: Scanner): Span | undefined {
  const start = s.pos;
  const end = mermaidMetadataEnd(s, start);
  if (end === undefined) {
    s.error(start, start + 2, "Metadata '@{' is never closed by '}'", 'syntax');
    s.skipToLineEnd();
    return undefined;
  }
  const meant = balancedMetadataEnd(s, start);
  if (meant !== undefined && meant > end) {
    s.error(
      end,
      end + 1,
      "Mermaid ends '@{ ... }' at this '}', the first outside double quotes: write a list as [a, b] and put braces in double quotes",
      'metadata-syntax',
    );
  }
  const close = meant !== undefined && meant > end ? meant : end;
  s.pos = close + 1;
  return s.span(start + 1, close + 1);
}

/**
 * Where mermaid's lexer ends the block that opens at `start`: the first `}` outside double quotes.
 * It refuses a `^` outside double quotes, which is reported here.
 */
function mermaidMetadataEnd(s: Scanner, start: number): number | undefined {
  let caretSaid = false;
  for (let i = start + 2; i < s.text.length; i++) {
    const c = s.text.charCodeAt(i);
    if (c === Ch.Newline) {
      if (looksLikeStatement(s.text, i + 1)) return undefined;
    } else if (c === Ch.Quote) {
      const close = s.indexOf('"', i + 1);
      // A quote never closed on its own line is a typo, not a multi-line string: stop at the line.
      if (close < 0 || close > s.lineEnd(i + 1)) return undefined;
      i = close;
    } else if (c === Caret && !caretSaid) {
      s.error(
        i,
        i + 1,
        "Mermaid cannot read '^' in '@{ ... }' outside double quotes: put the value in double quotes",
        'metadata-syntax',
      );
      caretSaid = true;
    } else if (c === 125) {
      return i;
    }
  }
  return undefined;
}

/** The `}` that balances the `{` at `start + 1`, quotes of either kind skipped, if the statement has one. */
function balancedMetadataEnd(s: Scanner, start: number): number | undefined {
  let depth = 0;
  for (let i = start + 1; i < s.text.length; i++) {
    const c = s.text.charCodeAt(i);
    if (c === Ch.Newline) {
      if (looksLikeStatement(s.text, i + 1)) return undefined;
    } else if (c === Ch.Quote || c === Ch.Apostrophe) {
      const close = s.indexOf(String.fromCharCode(c), i + 1);
      if (close < 0 || close > s.lineEnd(i + 1)) return undefined;
      i = close;
    } else if (c === Brace) {
      depth++;
    } else if (c === 125) {
      depth--;
      if (depth === 0) return i;
    }
  }
  return undefined;
}

const statementKeyword = /^(?:(?:subgraph|end|classDef|class|style|linkStyle|click|flowchart|graph)\b|%%)/;
const statementArrow = /@\{|-->|---|==>|-\.|~~~/;

/** True when the line starting at `at` reads as a statement rather than a line of YAML. */
function looksLikeStatement(text: string, at: number): boolean {
  const nl = text.indexOf('\n', at);
  const line = text.slice(at, nl < 0 ? text.length : nl);
  return statementKeyword.test(line.trimStart()) || statementArrow.test(line);
}
