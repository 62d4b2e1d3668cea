/**
 * A hand-written scanner/parser for the mermaid flowchart subset people write. It works on offsets,
 * never throws, visits each character a bounded number of times (linear), and recovers at the next
 * line or `;` after an error so one file can report many problems.
 */
import type { EdgeHead, EdgeStroke, NodeShape } from '../meaning/model';
import type { Span } from '../text';

export interface SyntaxNode {
  readonly id: Span;
  readonly shape: NodeShape;
  /** Inner label text as written (without quotes); undefined for a bare id. */
  readonly label?: Span;
  readonly labelQuoted: boolean;
  readonly classes: readonly Span[];
  /** `@{ ... }` including the braces. */
  readonly metadata?: Span;
  readonly subgraph?: string;
  /** True when the node is the whole statement (no edges), e.g. `e1@{ ... }`. */
  readonly alone: boolean;
}

export interface SyntaxEdge {
  readonly id?: Span;
  readonly from: SyntaxNode;
  readonly to: SyntaxNode;
  readonly arrow: Span;
  readonly stroke: EdgeStroke;
  readonly headAtStart: EdgeHead;
  readonly headAtEnd: EdgeHead;
  readonly label?: Span;
}

export interface SyntaxSubgraph {
  readonly id: Span;
  readonly title: Span;
  readonly start: number;
  end: number;
  readonly parent?: string;
}

export interface SyntaxError {
  readonly start: number;
  readonly end: number;
  readonly message: string;
  readonly code: string;
  /** Replacement texts for the range, when the fix is plain. */
  readonly suggestions?: readonly string[];
}

export interface SyntaxDocument {
  /** The YAML between the `---` lines. */
  frontMatter?: Span;
  frontMatterEnd?: number;
  header?: { readonly keyword: Span; readonly direction?: Span };
  readonly nodes: SyntaxNode[];
  readonly edges: SyntaxEdge[];
  readonly classAssigns: { readonly ids: readonly Span[]; readonly className: Span }[];
  readonly classDefs: { readonly names: readonly Span[] }[];
  /** Ids named by `style` and `click`. */
  readonly idReferences: Span[];
  readonly linkStyles: { readonly indexes: readonly Span[] }[];
  readonly subgraphs: SyntaxSubgraph[];
  readonly errors: SyntaxError[];
}

const enum Ch {
  Tab = 9,
  Newline = 10,
  Return = 13,
  Space = 32,
  Quote = 34,
  Semicolon = 59,
}

const shapes: readonly { readonly open: string; readonly closes: readonly (readonly [string, NodeShape])[] }[] = [
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

const statementKeywords = new Set([
  'subgraph',
  'end',
  'classDef',
  'class',
  'style',
  'linkStyle',
  'click',
  'direction',
  'accTitle',
  'accDescr',
]);
const directions = new Set(['TD', 'TB', 'BT', 'LR', 'RL', '<', '>', '^', 'v']);

function isIdChar(code: number): boolean {
  return (
    (code >= 48 && code <= 57) ||
    (code >= 65 && code <= 90) ||
    (code >= 97 && code <= 122) ||
    code === 95 ||
    (code > 127 && code !== 0xa0 && code !== 0x2028 && code !== 0x2029 && code !== 0xfeff)
  );
}

function isBlank(code: number): boolean {
  return code === Ch.Space || code === Ch.Tab || code === Ch.Return;
}

class Parser {
  private pos = 0;
  private readonly subgraphStack: SyntaxSubgraph[] = [];
  readonly doc: SyntaxDocument = {
    nodes: [],
    edges: [],
    classAssigns: [],
    classDefs: [],
    idReferences: [],
    linkStyles: [],
    subgraphs: [],
    errors: [],
  };

  constructor(private readonly text: string) {}

  private code(at = this.pos): number {
    return this.text.charCodeAt(at);
  }

  private span(start: number, end: number): Span {
    return { text: this.text.slice(start, end), start, end };
  }

  private error(start: number, end: number, message: string, code = 'syntax', suggestions?: readonly string[]): void {
    this.doc.errors.push({ start, end: Math.max(end, start), message, code, ...(suggestions ? { suggestions } : {}) });
  }

  private skipBlanks(): void {
    while (this.pos < this.text.length && isBlank(this.code())) this.pos++;
  }

  /** The last line end found, and where its search began: any offset between shares it, so long lines are scanned once. */
  private lineEndFrom = -1;
  private lineEndAt = -1;

  /** Per needle, the last search and its answer: a later search starting between them has the same answer. */
  private readonly searches = new Map<string, { from: number; at: number }>();

  /** `text.indexOf(needle, from)`, but each stretch of text is searched once, so repeated misses stay linear. */
  private indexOf(needle: string, from: number): number {
    const last = this.searches.get(needle);
    if (last && from >= last.from && (last.at < 0 || from <= last.at)) return last.at;
    const at = this.text.indexOf(needle, from);
    this.searches.set(needle, { from, at });
    return at;
  }

  private lineEnd(from = this.pos): number {
    if (from >= this.lineEndFrom && from <= this.lineEndAt) return this.lineEndAt;
    const nl = this.text.indexOf('\n', from);
    this.lineEndFrom = from;
    this.lineEndAt = nl < 0 ? this.text.length : nl;
    return this.lineEndAt;
  }

  /** At a newline, `;`, a `%%` comment or the end: the statement is over. */
  private atStatementEnd(): boolean {
    if (this.pos >= this.text.length) return true;
    const c = this.code();
    return c === Ch.Newline || c === Ch.Semicolon || this.text.startsWith('%%', this.pos);
  }

  private skipToLineEnd(): void {
    this.pos = this.lineEnd();
  }

  parse(): SyntaxDocument {
    this.parseFrontMatter();
    this.skipTrivia();
    this.parseHeader();
    while (this.pos < this.text.length) {
      this.skipTrivia();
      if (this.pos >= this.text.length) break;
      const before = this.pos;
      this.parseStatement();
      this.skipBlanks();
      if (!this.atStatementEnd()) {
        const end = this.lineEnd();
        this.error(
          this.pos,
          end,
          `Unexpected '${this.text.slice(this.pos, Math.min(end, this.pos + 20))}': expected the end of the statement`,
        );
        this.pos = end;
      }
      // Every statement consumes input; this guard makes termination obvious.
      if (this.pos === before) this.pos++;
    }
    for (const open of this.subgraphStack) {
      this.error(open.start, open.id.end, `'subgraph ${open.id.text}' has no matching 'end'`, 'unclosed-subgraph');
      open.end = this.text.length;
    }
    return this.doc;
  }

  private parseFrontMatter(): void {
    const first = /^---[ \t]*\r?\n/.exec(this.text);
    if (!first) return;
    const close = /\n---[ \t]*(\r?\n|$)/g;
    close.lastIndex = first[0].length - 1;
    const m = close.exec(this.text);
    if (!m) {
      this.error(0, 3, "Front matter opened with '---' is never closed by a '---' line", 'unclosed-front-matter');
      this.pos = first[0].length;
      return;
    }
    this.doc.frontMatter = this.span(first[0].length, m.index + 1);
    this.doc.frontMatterEnd = m.index + m[0].length;
    this.pos = this.doc.frontMatterEnd;
  }

  /** Blank lines, separators, `%%` comments and `%%{...}%%` directives. */
  private skipTrivia(): void {
    for (;;) {
      const c = this.code();
      if (isBlank(c) || c === Ch.Newline || c === Ch.Semicolon) {
        this.pos++;
      } else if (this.text.startsWith('%%{', this.pos)) {
        const close = this.indexOf('}%%', this.pos + 3);
        if (close < 0) {
          this.error(this.pos, this.lineEnd(), "Directive '%%{' is never closed by '}%%'", 'unclosed-directive');
          this.skipToLineEnd();
        } else {
          this.pos = close + 3;
        }
      } else if (this.text.startsWith('%%', this.pos)) {
        this.skipToLineEnd();
      } else {
        return;
      }
    }
  }

  private readWord(): Span | undefined {
    const start = this.pos;
    while (this.pos < this.text.length && isIdChar(this.code())) this.pos++;
    return this.pos > start ? this.span(start, this.pos) : undefined;
  }

  private parseHeader(): void {
    const start = this.pos;
    const word = this.readWord();
    if (word && (word.text === 'flowchart' || word.text === 'graph' || word.text === 'flowchart-elk')) {
      this.consumeHeader(word);
      return;
    }
    if (word && this.text.startsWith('-elk', this.pos) && word.text === 'flowchart') {
      this.pos += 4;
      this.consumeHeader(this.span(start, this.pos));
      return;
    }
    this.pos = start;
    const end = word ? word.end : this.lineEnd();
    const found = word
      ? `'${word.text}'`
      : this.pos >= this.text.length
        ? 'an empty document'
        : `'${this.text.slice(start, Math.min(end, start + 20))}'`;
    this.error(
      start,
      Math.max(end, start),
      `Expected 'flowchart TD' (or graph, with a direction) to start the diagram, found ${found}`,
      'missing-header',
    );
  }

  private consumeHeader(keyword: Span): void {
    this.skipBlanks();
    let direction: Span | undefined;
    const start = this.pos;
    while (this.pos < this.text.length && !this.atStatementEnd() && !isBlank(this.code())) this.pos++;
    if (this.pos > start) {
      direction = this.span(start, this.pos);
      if (!directions.has(direction.text)) {
        this.error(start, this.pos, `Unknown direction '${direction.text}': use TD, TB, BT, LR or RL`, 'syntax');
      }
    }
    this.doc.header = direction ? { keyword, direction } : { keyword };
  }

  private parseStatement(): void {
    const start = this.pos;
    const word = this.readWord();
    if (word && statementKeywords.has(word.text)) {
      const next = this.code();
      const boundary =
        this.pos >= this.text.length ||
        isBlank(next) ||
        next === Ch.Newline ||
        next === Ch.Semicolon ||
        next === 58 ||
        next === 123;
      if (boundary) {
        this.parseKeywordStatement(word);
        return;
      }
    }
    this.pos = start;
    this.parseChain();
  }

  private parseKeywordStatement(word: Span): void {
    switch (word.text) {
      case 'subgraph':
        return this.parseSubgraph(word);
      case 'end': {
        const open = this.subgraphStack.pop();
        if (open) open.end = word.end;
        else this.error(word.start, word.end, "'end' without an open 'subgraph'", 'unmatched-end');
        return;
      }
      case 'classDef': {
        this.skipBlanks();
        this.doc.classDefs.push({ names: this.readIdList() });
        this.skipToStatementEnd();
        return;
      }
      case 'class': {
        this.skipBlanks();
        const ids = this.readIdList();
        this.skipBlanks();
        const className = this.readWord();
        if (ids.length === 0 || !className) {
          this.error(word.start, this.lineEnd(), "'class' needs node ids and a class name: class A,B pop", 'syntax');
          this.skipToStatementEnd();
          return;
        }
        this.doc.classAssigns.push({ ids, className });
        return;
      }
      case 'style':
      case 'click': {
        this.skipBlanks();
        const id = this.readWord();
        if (id) this.doc.idReferences.push(id);
        else this.error(word.start, word.end, `'${word.text}' needs a node id`, 'syntax');
        this.skipToStatementEnd();
        return;
      }
      case 'linkStyle': {
        this.skipBlanks();
        const indexes = this.readIdList().filter((s) => s.text !== 'default');
        this.doc.linkStyles.push({ indexes });
        this.skipToStatementEnd();
        return;
      }
      case 'accDescr': {
        this.skipBlanks();
        if (this.code() === 123) {
          const close = this.indexOf('}', this.pos);
          this.pos = close < 0 ? this.text.length : close + 1;
          if (close < 0) this.error(word.start, word.end, "'accDescr {' is never closed by '}'", 'syntax');
        } else {
          this.skipToLineEnd();
        }
        return;
      }
      default:
        // direction, accTitle: mermaid's, no meaning for us.
        this.skipToLineEnd();
    }
  }

  private skipToStatementEnd(): void {
    while (this.pos < this.text.length && this.code() !== Ch.Newline && this.code() !== Ch.Semicolon) this.pos++;
  }

  /** `a,b , c` */
  private readIdList(): Span[] {
    const ids: Span[] = [];
    for (;;) {
      const id = this.readNodeId();
      if (!id) break;
      ids.push(id);
      this.skipBlanks();
      if (this.code() !== 44) break;
      this.pos++;
      this.skipBlanks();
    }
    return ids;
  }

  private parseSubgraph(keyword: Span): void {
    this.skipBlanks();
    const start = this.pos;
    let id: Span | undefined;
    let title: Span | undefined;
    if (this.code() === Ch.Quote) {
      const close = this.indexOf('"', this.pos + 1);
      const end = close < 0 || close > this.lineEnd() ? this.lineEnd() : close;
      title = this.span(this.pos + 1, end);
      id = title;
      this.pos = Math.min(end + 1, this.lineEnd());
      if (close < 0 || close > this.lineEnd()) this.error(start, end, 'Unclosed quote in subgraph title', 'syntax');
    } else {
      id = this.readNodeId();
      const afterId = this.pos;
      this.skipBlanks();
      if (this.code() !== 91) this.pos = afterId;
      if (id && this.code() === 91) {
        const close = this.indexOf(']', this.pos);
        const end = close < 0 || close > this.lineEnd() ? this.lineEnd() : close;
        let inner = this.span(this.pos + 1, end);
        if (inner.text.startsWith('"') && inner.text.endsWith('"') && inner.text.length >= 2)
          inner = this.span(inner.start + 1, inner.end - 1);
        title = inner;
        if (close < 0 || close > this.lineEnd())
          this.error(this.pos, end, "Subgraph title opened with '[' is not closed", 'syntax');
        this.pos = Math.min(end + 1, this.lineEnd());
      } else if (id) {
        // `subgraph Two words`: mermaid uses the whole text as id and title.
        const end = this.statementTextEnd();
        const whole = this.span(start, end);
        const trimmed = whole.text.trimEnd();
        id = this.span(start, start + trimmed.length);
        title = id;
        this.pos = end;
      }
    }
    if (!id || !title) {
      this.error(keyword.start, keyword.end, "'subgraph' needs an id or a title", 'syntax');
      this.skipToStatementEnd();
      return;
    }
    const parent = this.subgraphStack[this.subgraphStack.length - 1];
    const sub: SyntaxSubgraph = {
      id,
      title,
      start: keyword.start,
      end: this.text.length,
      ...(parent ? { parent: parent.id.text } : {}),
    };
    this.subgraphStack.push(sub);
    this.doc.subgraphs.push(sub);
  }

  private statementTextEnd(): number {
    let i = this.pos;
    while (i < this.text.length) {
      const c = this.text.charCodeAt(i);
      if (c === Ch.Newline || c === Ch.Semicolon || this.text.startsWith('%%', i)) break;
      i++;
    }
    return i;
  }

  /** A node id: word characters, with single `-` or `.` inside (`us-east-1`), never the start of an arrow. */
  private readNodeId(): Span | undefined {
    const start = this.pos;
    while (this.pos < this.text.length) {
      const c = this.code();
      if (isIdChar(c)) {
        this.pos++;
      } else if ((c === 45 || c === 46) && this.pos > start && isIdChar(this.code(this.pos + 1))) {
        this.pos++;
      } else {
        break;
      }
    }
    return this.pos > start ? this.span(start, this.pos) : undefined;
  }

  private parseChain(): void {
    let group = this.parseNodeGroup();
    if (!group) return;
    const firstGroup = group;
    let sawEdge = false;
    for (;;) {
      this.skipBlanks();
      if (this.atStatementEnd()) break;
      const edgeId = this.tryEdgeId();
      const arrowStart = this.pos;
      const arrow = this.parseArrow();
      if (!arrow) {
        if (edgeId) this.pos = edgeId.start;
        return;
      }
      this.skipBlanks();
      const next = this.parseNodeGroup();
      if (!next) {
        const last = this.doc.errors[this.doc.errors.length - 1];
        if (!last || last.start < arrowStart) {
          this.error(arrowStart, this.pos, 'An arrow needs a node after it', 'syntax');
        }
        this.skipToStatementEnd();
        return;
      }
      sawEdge = true;
      let first = true;
      for (const from of group) {
        for (const to of next) {
          this.doc.edges.push({ ...arrow, from, to, ...(edgeId && first ? { id: edgeId } : {}) });
          first = false;
        }
      }
      group = next;
    }
    if (!sawEdge && firstGroup.length === 1) {
      const only = firstGroup[0];
      // A one-node statement pushed that node last.
      const last = this.doc.nodes.length - 1;
      if (only && this.doc.nodes[last] === only) this.doc.nodes[last] = { ...only, alone: true };
    }
  }

  /** `e1@` right before an arrow. */
  private tryEdgeId(): Span | undefined {
    const start = this.pos;
    const id = this.readNodeId();
    if (id && this.code() === 64 && this.code(this.pos + 1) !== 123) {
      this.pos++;
      return id;
    }
    this.pos = start;
    return undefined;
  }

  private parseNodeGroup(): SyntaxNode[] | undefined {
    const nodes: SyntaxNode[] = [];
    for (;;) {
      this.skipBlanks();
      const node = this.parseNode();
      if (!node) return undefined;
      nodes.push(node);
      this.skipBlanks();
      if (this.code() !== 38) return nodes;
      this.pos++;
    }
  }

  private parseNode(): SyntaxNode | undefined {
    const start = this.pos;
    const id = this.readNodeId();
    if (!id) {
      if (this.atStatementEnd()) return undefined;
      const end = this.lineEnd();
      const found =
        this.pos >= this.text.length ? 'the end of the file' : `'${this.text.slice(start, Math.min(end, start + 20))}'`;
      this.error(start, Math.max(end, start + 1), `Expected a node id, found ${found}`, 'syntax');
      this.skipToStatementEnd();
      return undefined;
    }
    let shape: NodeShape = 'none';
    let label: Span | undefined;
    let labelQuoted = false;
    const opening = shapes.find((s) => this.text.startsWith(s.open, this.pos));
    if (opening) {
      const body = this.parseLabel(opening.open, opening.closes);
      if (!body) return undefined;
      shape = body.shape;
      label = body.label;
      labelQuoted = body.quoted;
    }
    const classes: Span[] = [];
    while (this.text.startsWith(':::', this.pos)) {
      this.pos += 3;
      const cls = this.readNodeId();
      if (!cls) {
        this.error(this.pos - 3, this.pos, "':::' needs a class name", 'syntax');
        this.skipToStatementEnd();
        return undefined;
      }
      classes.push(cls);
    }
    let metadata: Span | undefined;
    if (this.code() === 64 && this.code(this.pos + 1) === 123) {
      metadata = this.parseMetadata();
      if (!metadata) return undefined;
      if (shape === 'none') shape = 'metadata';
    }
    if (this.text.startsWith(':::', this.pos)) {
      this.error(
        this.pos,
        this.pos + 3,
        "Mermaid reads ':::class' only before '@{ ... }': write A[label]:::cls@{ ... }",
        'syntax',
      );
      this.skipToStatementEnd();
      return undefined;
    }
    const subgraph = this.subgraphStack[this.subgraphStack.length - 1]?.id.text;
    const node: SyntaxNode = {
      id,
      shape,
      labelQuoted,
      classes,
      alone: false,
      ...(label ? { label } : {}),
      ...(metadata ? { metadata } : {}),
      ...(subgraph !== undefined ? { subgraph } : {}),
    };
    this.doc.nodes.push(node);
    return node;
  }

  private parseLabel(
    open: string,
    closes: readonly (readonly [string, NodeShape])[],
  ): { shape: NodeShape; label: Span; quoted: boolean } | undefined {
    const openStart = this.pos;
    this.pos += open.length;
    this.skipBlanks();
    let label: Span;
    let quoted = false;
    if (this.code() === Ch.Quote) {
      const close = this.indexOf('"', this.pos + 1);
      if (close < 0) {
        this.error(this.pos, this.lineEnd(), 'Unclosed quote in label', 'syntax');
        this.skipToLineEnd();
        return undefined;
      }
      label = this.span(this.pos + 1, close);
      quoted = true;
      this.pos = close + 1;
      this.skipBlanks();
      const found = closes.find(([c]) => this.text.startsWith(c, this.pos));
      if (!found) {
        this.error(this.pos, this.lineEnd(), `Expected '${closes[0]?.[0] ?? ''}' to close the label`, 'syntax');
        this.skipToLineEnd();
        return undefined;
      }
      this.pos += found[0].length;
      return { shape: found[1], label, quoted };
    }
    const bodyStart = this.pos;
    for (; this.pos < this.text.length; this.pos++) {
      const c = this.code();
      if (c === Ch.Newline) break;
      const found = closes.find(([close]) => this.text.startsWith(close, this.pos));
      if (found) {
        const raw = this.text.slice(bodyStart, this.pos);
        label = this.span(bodyStart, bodyStart + raw.trimEnd().length);
        this.pos += found[0].length;
        return { shape: found[1], label, quoted };
      }
      if (c === 40 || c === 41 || c === 91 || c === 93 || c === 123 || c === 125 || c === Ch.Quote) {
        return this.recoverUnquotedLabel(bodyStart, closes);
      }
    }
    this.error(
      openStart,
      this.pos,
      `Label opened with '${open}' is not closed with '${closes[0]?.[0] ?? ''}' on this line`,
      'syntax',
    );
    this.skipToLineEnd();
    return undefined;
  }

  /**
   * An unquoted label holding a bracket or quote, which mermaid rejects. When the brackets balance
   * before a closing delimiter on the same line (`A[PoP (main)]`), the intent is plain: report it
   * over the whole label with the quoted label as the fix, and go on after it.
   */
  private recoverUnquotedLabel(
    bodyStart: number,
    closes: readonly (readonly [string, NodeShape])[],
  ): { shape: NodeShape; label: Span; quoted: boolean } | undefined {
    const bad = this.pos;
    const lineEnd = this.lineEnd();
    const message = `'${this.text[bad] ?? ''}' inside a label ends it early in mermaid: put the label in double quotes`;
    let depth = 0;
    let hasQuote = false;
    for (let i = bodyStart; i < lineEnd && depth >= 0; i++) {
      const found = depth === 0 && i > bad ? closes.find(([close]) => this.text.startsWith(close, i)) : undefined;
      if (found) {
        const raw = this.text.slice(bodyStart, i);
        const label = this.span(bodyStart, bodyStart + raw.trimEnd().length);
        if (hasQuote)
          this.error(label.start, label.end, `${message}, writing a quote inside as #quot;`, 'label-needs-quotes');
        else
          this.error(label.start, label.end, `${message}: "${label.text}"`, 'label-needs-quotes', [`"${label.text}"`]);
        this.pos = i + found[0].length;
        return { shape: found[1], label, quoted: false };
      }
      const c = this.text.charCodeAt(i);
      if (c === 40 || c === 91 || c === 123) depth++;
      else if (c === 41 || c === 93 || c === 125) depth--;
      else if (c === Ch.Quote) hasQuote = true;
    }
    this.error(bad, bad + 1, message, 'label-needs-quotes');
    this.skipToLineEnd();
    return undefined;
  }

  /**
   * `@{ ... }`: braces balanced, quotes skipped, may span lines. An unclosed block ends at the
   * first following line that reads as a statement (an arrow, a keyword, another `@{`), which is
   * where the author meant it to end and keeps repeated unclosed blocks linear.
   */
  private parseMetadata(): Span | undefined {
    const start = this.pos;
    let depth = 0;
    for (let i = this.pos + 1; i < this.text.length; i++) {
      const c = this.text.charCodeAt(i);
      if (c === Ch.Newline) {
        if (looksLikeStatement(this.text, i + 1)) break;
      } else if (c === Ch.Quote || c === 39) {
        const close = this.indexOf(String.fromCharCode(c), i + 1);
        const nl = this.lineEnd(i + 1);
        // A quote never closed on its own line is a typo, not a multi-line string: stop at the line.
        if (close < 0 || close > nl) break;
        i = close;
      } else if (c === 123) {
        depth++;
      } else if (c === 125) {
        depth--;
        if (depth === 0) {
          this.pos = i + 1;
          return this.span(start + 1, i + 1);
        }
      }
    }
    this.error(start, start + 2, "Metadata '@{' is never closed by '}'", 'syntax');
    this.skipToLineEnd();
    return undefined;
  }

  private parseArrow(): Omit<SyntaxEdge, 'from' | 'to' | 'id'> | undefined {
    const start = this.pos;
    const headOf = (c: number): EdgeHead | undefined =>
      c === 62 || c === 60 ? 'arrow' : c === 111 ? 'circle' : c === 120 ? 'cross' : undefined;
    let headAtStart: EdgeHead = 'none';
    const first = this.code();
    const second = this.code(this.pos + 1);
    if ((first === 60 || first === 111 || first === 120) && (second === 45 || second === 61)) {
      headAtStart = headOf(first) ?? 'none';
      this.pos++;
    }
    if (this.text.startsWith('~~~', this.pos)) {
      while (this.code() === 126) this.pos++;
      return {
        arrow: this.span(start, this.pos),
        stroke: 'invisible',
        headAtStart,
        headAtEnd: 'none',
        ...this.pipeLabel(),
      };
    }
    const c = this.code();
    let stroke: EdgeStroke;
    /** The character whose run closes the edge text: `.` for `-. text .->`, else the arrow's own. */
    let closer: number;
    if (c === 45 && this.code(this.pos + 1) === 46) {
      stroke = 'dotted';
      this.pos++;
      while (this.code() === 46) this.pos++;
      if (this.code() === 45) {
        this.pos++;
        const head = this.code() === 60 ? undefined : headOf(this.code());
        if (head) this.pos++;
        return this.finishArrow(start, stroke, headAtStart, head ?? 'none');
      }
      closer = 46;
    } else if (c === 45 || c === 61) {
      stroke = c === 45 ? 'normal' : 'thick';
      let n = 0;
      while (this.code() === c) {
        this.pos++;
        n++;
      }
      if (n < 2) {
        this.pos = start;
        return this.arrowError(start);
      }
      const head = headOf(this.code());
      if (head && this.code() !== 60) {
        this.pos++;
        return this.finishArrow(start, stroke, headAtStart, head);
      }
      if (n >= 3) return this.finishArrow(start, stroke, headAtStart, 'none');
      closer = c;
    } else {
      this.pos = start;
      return this.arrowError(start);
    }
    // `-- text -->`, `== text ==>`, `-. text .->`: the label sits inside the arrow.
    const lineEnd = this.lineEnd();
    const labelStart = this.pos;
    for (let i = this.pos; i < lineEnd;) {
      const length = this.closingArrowAt(i, closer, lineEnd);
      if (length < 0) {
        // No closing arrow starts anywhere in this run of the closer either: skip it whole (linear).
        i += -length;
        continue;
      }
      // `-. text -.->`: mermaid lets a dotted closing arrow start with a dash too.
      const end = closer === 46 && i - 1 > labelStart && this.text.charCodeAt(i - 1) === 45 ? i - 1 : i;
      const raw = this.text.slice(labelStart, end);
      const lead = raw.length - raw.trimStart().length;
      let label = this.span(labelStart + lead, labelStart + raw.trimEnd().length);
      if (label.text.length >= 2 && label.text.startsWith('"') && label.text.endsWith('"'))
        label = this.span(label.start + 1, label.end - 1);
      this.pos = i + length;
      const last = this.text.charCodeAt(this.pos - 1);
      const headAtEnd = last === 45 || last === 61 || last === 46 ? 'none' : (headOf(last) ?? 'none');
      return {
        arrow: this.span(start, this.pos),
        stroke,
        headAtStart,
        headAtEnd,
        ...(label.text.length > 0 ? { label } : {}),
      };
    }
    this.error(
      start,
      lineEnd,
      `The edge text after '${this.text.slice(start, labelStart).trim()}' is not closed by an arrow such as '-->'`,
      'syntax',
    );
    this.pos = lineEnd;
    return undefined;
  }

  /**
   * The length of the arrow that closes edge text at `i` (`-->`, `---`, `--o`, `==>`, `.->`, `.-`),
   * or minus how far to skip when none starts at `i` nor inside the run of `closer` there.
   */
  private closingArrowAt(i: number, closer: number, lineEnd: number): number {
    let run = 0;
    while (i + run < lineEnd && this.text.charCodeAt(i + run) === closer) run++;
    if (run === 0) return -1;
    const next = this.text.charCodeAt(i + run);
    const isHead = next === 62 || next === 111 || next === 120;
    if (closer === 46) {
      if (next !== 45) return -run;
      const after = this.text.charCodeAt(i + run + 1);
      return run + 1 + (after === 62 || after === 111 || after === 120 ? 1 : 0);
    }
    if (run >= 2 && isHead) return run + 1;
    if (run >= 3) return run;
    return -run;
  }

  private arrowError(start: number): undefined {
    const end = this.statementTextEnd();
    this.error(
      start,
      Math.max(end, start + 1),
      `Unexpected '${this.text.slice(start, Math.min(end, start + 20))}': expected an arrow such as '-->' or the end of the line`,
    );
    this.pos = end;
    return undefined;
  }

  private finishArrow(
    start: number,
    stroke: EdgeStroke,
    headAtStart: EdgeHead,
    headAtEnd: EdgeHead,
  ): Omit<SyntaxEdge, 'from' | 'to' | 'id'> | undefined {
    const arrow = this.span(start, this.pos);
    const label = this.pipeLabel();
    if (label === undefined) return undefined;
    return { arrow, stroke, headAtStart, headAtEnd, ...label };
  }

  /** `|text|` right after an arrow; undefined on an unclosed bar (already reported). */
  private pipeLabel(): { label?: Span } | undefined {
    const save = this.pos;
    this.skipBlanks();
    if (this.code() !== 124) {
      this.pos = save;
      return {};
    }
    const open = this.pos;
    const lineEnd = this.lineEnd();
    const close = this.quotedLabelEnd(open, lineEnd) ?? this.indexOf('|', open + 1);
    if (close < 0 || close > lineEnd) {
      this.error(open, lineEnd, "Edge label opened with '|' is not closed by '|'", 'syntax');
      this.pos = lineEnd;
      return undefined;
    }
    this.pos = close + 1;
    const raw = this.text.slice(open + 1, close);
    const lead = raw.length - raw.trimStart().length;
    let label = this.span(open + 1 + lead, open + 1 + raw.trimEnd().length);
    if (label.text.length >= 2 && label.text.startsWith('"') && label.text.endsWith('"'))
      label = this.span(label.start + 1, label.end - 1);
    return label.text.length > 0 ? { label } : {};
  }

  /**
   * The closing bar of `|"a | b"|`: mermaid reads a quoted label as a string, bars and all, so
   * the label ends at the first bar after the closing quote. Undefined when the label is not one
   * quoted string on this line.
   */
  private quotedLabelEnd(open: number, lineEnd: number): number | undefined {
    let at = open + 1;
    while (at < lineEnd && (this.text[at] === ' ' || this.text[at] === '\t')) at++;
    if (this.text[at] !== '"') return undefined;
    const quote = this.indexOf('"', at + 1);
    if (quote < 0 || quote > lineEnd) return undefined;
    at = quote + 1;
    while (at < lineEnd && (this.text[at] === ' ' || this.text[at] === '\t')) at++;
    return this.text[at] === '|' ? at : undefined;
  }
}

const statementKeyword = /^(?:(?:subgraph|end|classDef|class|style|linkStyle|click|flowchart|graph)\b|%%)/;
const statementArrow = /@\{|-->|---|==>|-\.|~~~/;

/** True when the line starting at `at` reads as a statement rather than a line of YAML. */
function looksLikeStatement(text: string, at: number): boolean {
  const nl = text.indexOf('\n', at);
  const line = text.slice(at, nl < 0 ? text.length : nl);
  return statementKeyword.test(line.trimStart()) || statementArrow.test(line);
}

/** Parses the flowchart syntax of a whole document text. */
export function parseSyntax(text: string): SyntaxDocument {
  return new Parser(text).parse();
}
