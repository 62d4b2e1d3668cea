/**
 * A hand-written parser for the mermaid flowchart subset people write: the header, statements,
 * subgraphs and edge chains. Nodes are read in `nodes.ts`, arrows in `arrows.ts`, the front matter
 * in `frontMatter.ts`. It works on offsets, never throws, visits each character a bounded number
 * of times (linear), and recovers at the next line or `;` after an error so one file can report
 * many problems.
 */
import type { Span } from '../text';
import { continuesOnNextLine, readArrow, readEdgeId, skipLineBreaksAfterArrow } from './arrows';
import { readFrontMatter } from './frontMatter';
import { readNodeGroup } from './nodes';
import { Ch, Scanner, isBlank } from './scanner';
import type { SyntaxDocument, SyntaxNode, SyntaxSubgraph } from './tree';

export type { SyntaxDocument, SyntaxEdge, SyntaxError, SyntaxNode, SyntaxSubgraph } from './tree';

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

const Comma = 44;
const Colon = 58;
const Bracket = 91;
const Brace = 123;

class Parser {
  private readonly subgraphStack: SyntaxSubgraph[] = [];
  readonly doc: SyntaxDocument = {
    nodes: [],
    edges: [],
    classAssigns: [],
    classDefs: [],
    idReferences: [],
    linkStyles: [],
    subgraphs: [],
    directives: [],
    errors: [],
  };
  private readonly s: Scanner;

  constructor(text: string) {
    this.s = new Scanner(text, this.doc.errors);
  }

  parse(): SyntaxDocument {
    const s = this.s;
    Object.assign(this.doc, readFrontMatter(s));
    this.skipTrivia();
    this.parseHeader();
    while (s.pos < s.text.length) {
      this.skipTrivia();
      if (s.pos >= s.text.length) break;
      const before = s.pos;
      this.parseStatement();
      s.skipBlanks();
      if (!s.atStatementEnd()) {
        const end = s.lineEnd();
        const found = s.text.slice(s.pos, Math.min(end, s.pos + 20));
        s.error(s.pos, end, `Unexpected '${found}': expected the end of the statement`);
        s.pos = end;
      }
      // Every statement consumes input; this guard makes termination obvious.
      if (s.pos === before) s.pos++;
    }
    for (const open of this.subgraphStack) {
      s.error(open.start, open.id.end, `'subgraph ${open.id.text}' has no matching 'end'`, 'unclosed-subgraph');
      open.end = s.text.length;
    }
    return this.doc;
  }

  /** Blank lines, separators, `%%` comments and `%%{...}%%` directives. */
  private skipTrivia(): void {
    const s = this.s;
    for (;;) {
      const c = s.code();
      if (isBlank(c) || c === Ch.Newline || c === Ch.Semicolon) {
        s.pos++;
      } else if (s.text.startsWith('%%{', s.pos)) {
        const close = s.indexOf('}%%', s.pos + 3);
        if (close < 0) {
          s.error(s.pos, s.lineEnd(), "Directive '%%{' is never closed by '}%%'", 'unclosed-directive');
          s.skipToLineEnd();
        } else {
          this.doc.directives.push(s.span(s.pos, close + 3));
          s.pos = close + 3;
        }
      } else if (s.text.startsWith('%%', s.pos)) {
        s.skipToLineEnd();
      } else {
        return;
      }
    }
  }

  private parseHeader(): void {
    const s = this.s;
    const start = s.pos;
    const word = s.readWord();
    if (word && (word.text === 'flowchart' || word.text === 'graph' || word.text === 'flowchart-elk')) {
      this.consumeHeader(word);
      return;
    }
    if (word && s.text.startsWith('-elk', s.pos) && word.text === 'flowchart') {
      s.pos += 4;
      this.consumeHeader(s.span(start, s.pos));
      return;
    }
    s.pos = start;
    const end = word ? word.end : s.lineEnd();
    const found = word
      ? `'${word.text}'`
      : s.pos >= s.text.length
        ? 'an empty document'
        : `'${s.text.slice(start, Math.min(end, start + 20))}'`;
    s.error(
      start,
      Math.max(end, start),
      `Expected 'flowchart TD' (or graph, with a direction) to start the diagram, found ${found}`,
      'missing-header',
    );
  }

  private consumeHeader(keyword: Span): void {
    const s = this.s;
    s.skipBlanks();
    let direction: Span | undefined;
    const start = s.pos;
    while (s.pos < s.text.length && !s.atStatementEnd() && !isBlank(s.code())) s.pos++;
    if (s.pos > start) {
      direction = s.span(start, s.pos);
      if (!directions.has(direction.text)) {
        s.error(start, s.pos, `Unknown direction '${direction.text}': use TD, TB, BT, LR or RL`, 'syntax');
      }
    }
    this.doc.header = direction ? { keyword, direction } : { keyword };
  }

  private parseStatement(): void {
    const s = this.s;
    const start = s.pos;
    const word = s.readWord();
    if (word && statementKeywords.has(word.text)) {
      const next = s.code();
      const boundary =
        s.pos >= s.text.length ||
        isBlank(next) ||
        next === Ch.Newline ||
        next === Ch.Semicolon ||
        next === Colon ||
        next === Brace;
      if (boundary) {
        this.parseKeywordStatement(word);
        return;
      }
    }
    s.pos = start;
    this.parseChain();
  }

  private parseKeywordStatement(word: Span): void {
    const s = this.s;
    switch (word.text) {
      case 'subgraph':
        return this.parseSubgraph(word);
      case 'end': {
        const open = this.subgraphStack.pop();
        if (open) open.end = word.end;
        else s.error(word.start, word.end, "'end' without an open 'subgraph'", 'unmatched-end');
        return;
      }
      case 'classDef':
        s.skipBlanks();
        this.doc.classDefs.push({ names: this.readIdList() });
        s.skipToStatementEnd();
        return;
      case 'class':
        return this.parseClass(word);
      case 'style':
      case 'click': {
        s.skipBlanks();
        const id = word.text === 'click' ? s.readUntilBlank() : s.readNodeId();
        if (id) this.doc.idReferences.push(id);
        else s.error(word.start, word.end, `'${word.text}' needs a node id`, 'syntax');
        if (word.text === 'click') s.skipToStatementEndOutsideQuotes();
        else s.skipToStatementEnd();
        return;
      }
      case 'linkStyle': {
        s.skipBlanks();
        const indexes = this.readIdList().filter((index) => index.text !== 'default');
        this.doc.linkStyles.push({ indexes });
        s.skipToStatementEnd();
        return;
      }
      case 'accDescr':
        return this.skipAccDescr(word);
      default:
        // direction, accTitle: mermaid's, no meaning for us.
        s.skipToLineEnd();
    }
  }

  /** `class A,B pop` */
  private parseClass(word: Span): void {
    const s = this.s;
    s.skipBlanks();
    const ids = this.readIdList();
    s.skipBlanks();
    const className = s.readWord();
    if (ids.length === 0 || !className) {
      s.error(word.start, s.lineEnd(), "'class' needs node ids and a class name: class A,B pop", 'syntax');
      s.skipToStatementEnd();
      return;
    }
    this.doc.classAssigns.push({ ids, className });
  }

  /** `accDescr: text` to the line end, or `accDescr { ... }` over lines. */
  private skipAccDescr(word: Span): void {
    const s = this.s;
    s.skipBlanks();
    if (s.code() !== Brace) {
      s.skipToLineEnd();
      return;
    }
    const close = s.indexOf('}', s.pos);
    s.pos = close < 0 ? s.text.length : close + 1;
    if (close < 0) s.error(word.start, word.end, "'accDescr {' is never closed by '}'", 'syntax');
  }

  /** `a,b , c` */
  private readIdList(): Span[] {
    const s = this.s;
    const ids: Span[] = [];
    for (;;) {
      const id = s.readNodeId(false);
      if (!id) break;
      ids.push(id);
      s.skipBlanks();
      if (s.code() !== Comma) break;
      s.pos++;
      s.skipBlanks();
    }
    return ids;
  }

  private parseSubgraph(keyword: Span): void {
    const s = this.s;
    s.skipBlanks();
    const heading = s.code() === Ch.Quote ? this.quotedSubgraphTitle() : this.subgraphIdAndTitle();
    if (!heading) {
      s.error(keyword.start, keyword.end, "'subgraph' needs an id or a title", 'syntax');
      s.skipToStatementEnd();
      return;
    }
    const parent = this.subgraphStack[this.subgraphStack.length - 1];
    const sub: SyntaxSubgraph = {
      id: heading.id,
      title: heading.title,
      start: keyword.start,
      end: s.text.length,
      ...(parent ? { parent: parent.id.text } : {}),
    };
    this.subgraphStack.push(sub);
    this.doc.subgraphs.push(sub);
  }

  /** `subgraph "Title"`: the title is the id too. */
  private quotedSubgraphTitle(): { id: Span; title: Span } {
    const s = this.s;
    const start = s.pos;
    const close = s.indexOf('"', s.pos + 1);
    const closed = close >= 0 && close <= s.lineEnd();
    const end = closed ? close : s.lineEnd();
    const title = s.span(s.pos + 1, end);
    s.pos = Math.min(end + 1, s.lineEnd());
    if (!closed) s.error(start, end, 'Unclosed quote in subgraph title', 'syntax');
    return { id: title, title };
  }

  /** `subgraph id[Title]`, `subgraph id["Title"]`, or `subgraph Two words` (the whole text is id and title). */
  private subgraphIdAndTitle(): { id: Span; title: Span } | undefined {
    const s = this.s;
    const start = s.pos;
    const id = s.readNodeId();
    if (!id) return undefined;
    const afterId = s.pos;
    s.skipBlanks();
    if (s.code() !== Bracket) {
      s.pos = afterId;
      const end = s.statementTextEnd();
      const whole = s.span(start, end);
      const words = s.span(start, start + whole.text.trimEnd().length);
      s.pos = end;
      return { id: words, title: words };
    }
    const close = s.indexOf(']', s.pos);
    const closed = close >= 0 && close <= s.lineEnd();
    const end = closed ? close : s.lineEnd();
    let title = s.span(s.pos + 1, end);
    if (title.text.startsWith('"') && title.text.endsWith('"') && title.text.length >= 2)
      title = s.span(title.start + 1, title.end - 1);
    if (!closed) s.error(s.pos, end, "Subgraph title opened with '[' is not closed", 'syntax');
    s.pos = Math.min(end + 1, s.lineEnd());
    return { id, title };
  }

  /** `A --> B & C -.-> D`: node groups joined by arrows; every pair across an arrow is an edge. */
  private parseChain(): void {
    const s = this.s;
    const subgraph = this.subgraphStack[this.subgraphStack.length - 1]?.id.text;
    const statementStart = s.pos;
    let group = readNodeGroup(s, this.doc.nodes, subgraph);
    if (!group) return;
    const firstGroup = group;
    let sawEdge = false;
    let edges = 0;
    for (;;) {
      s.skipBlanks();
      if (s.atStatementEnd() && !continuesOnNextLine(s)) break;
      const edgeId = readEdgeId(s);
      const arrowStart = s.pos;
      const arrow = readArrow(s);
      if (!arrow) {
        if (edgeId) s.pos = edgeId.start;
        return;
      }
      s.skipBlanks();
      skipLineBreaksAfterArrow(s);
      const next = readNodeGroup(s, this.doc.nodes, subgraph);
      if (!next) {
        const last = this.doc.errors[this.doc.errors.length - 1];
        if (!last || last.start < arrowStart) s.error(arrowStart, s.pos, 'An arrow needs a node after it', 'syntax');
        s.skipToStatementEnd();
        return;
      }
      sawEdge = true;
      edges += group.length * next.length;
      if (edges > MAX_EDGES_PER_STATEMENT) {
        s.error(
          statementStart,
          s.pos,
          `This statement's '&' groups make at least ${edges.toLocaleString('en-US')} edges, over the limit of ${MAX_EDGES_PER_STATEMENT.toLocaleString('en-US')} from one statement: split it`,
          'too-many-edges',
        );
        s.skipToStatementEnd();
        return;
      }
      let first = true;
      for (const from of group) {
        for (const to of next) {
          this.doc.edges.push({ ...arrow, from, to, ...(edgeId && first ? { id: edgeId } : {}) });
          first = false;
        }
      }
      group = next;
    }
    if (!sawEdge && firstGroup.length === 1) this.markAlone(firstGroup[0]);
  }

  /** A one-node statement (`e1@{ ... }`) pushed that node last. */
  private markAlone(only: SyntaxNode | undefined): void {
    const last = this.doc.nodes.length - 1;
    if (only && this.doc.nodes[last] === only) this.doc.nodes[last] = { ...only, alone: true };
  }
}

/**
 * Edges one statement may make: every pair across an arrow between '&' groups is an edge, so a
 * few KB of text can ask for millions of them (issue 13); no real diagram comes near this.
 */
export const MAX_EDGES_PER_STATEMENT = 10_000;

/** Parses the flowchart syntax of a whole document text. */
export function parseSyntax(text: string): SyntaxDocument {
  return new Parser(text).parse();
}
