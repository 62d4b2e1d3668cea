import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { JSDOM } from 'jsdom';
import { parseSyntax } from '../../../src/language/syntax/flowchart';

// mermaid's parser needs a DOM for its sanitizer; jsdom is enough for parsing (not for layout).
const dom = new JSDOM('<!doctype html><html><body></body></html>');
Object.assign(globalThis, { window: dom.window, document: dom.window.document });
const loaded = import('mermaid').then((m) => m.default);

interface Reading {
  readonly nodes: readonly string[];
  readonly edges: readonly string[];
}

/** The nodes and edges mermaid's own flowchart parser reads, or undefined when it rejects the text. */
async function mermaidReads(text: string): Promise<Reading | undefined> {
  const mermaid = await loaded;
  if (!(await mermaid.parse(text, { suppressErrors: true }))) return undefined;
  const api = mermaid.mermaidAPI as unknown as {
    getDiagramFromText(
      t: string,
    ): Promise<{ db: { getVertices(): Map<string, unknown>; getEdges(): { start: string; end: string }[] } }>;
  };
  const { db } = await api.getDiagramFromText(text);
  return { nodes: [...db.getVertices().keys()].sort(), edges: db.getEdges().map((e) => `${e.start}>${e.end}`) };
}

/** What our parser reads, or undefined when it reports a syntax error. */
function weRead(text: string): Reading | undefined {
  const doc = parseSyntax(text);
  if (doc.errors.length > 0) return undefined;
  return {
    nodes: [...new Set(doc.nodes.map((n) => n.id.text))].sort(),
    edges: doc.edges.map((e) => `${e.from.id.text}>${e.to.id.text}`),
  };
}

/** Each case: the statement lines after the header, and what both parsers must read (undefined: both reject). */
const cases: readonly (readonly [string, string, Reading | undefined])[] = [
  ["'&' inside an id is part of it (issue 13)", 'A --- S&IN', { nodes: ['A', 'S&IN'], edges: ['A>S&IN'] }],
  ["'&' with spaces joins a group", 'A --- S & IN', { nodes: ['A', 'IN', 'S'], edges: ['A>S', 'A>IN'] }],
  ["'&' needs a space after it", 'A --> B &C', undefined],
  ["'&' needs a space before it", 'A --> B& C', undefined],
  ["'&' right after a label needs a space before it", 'A[x]& B', undefined],
  [
    'punctuation mermaid allows in an id',
    'A! --> B? --> c/d --> A.b --> E$ --> F*',
    {
      nodes: ['A!', 'A.b', 'B?', 'E$', 'F*', 'c/d'],
      edges: ['A!>B?', 'B?>c/d', 'c/d>A.b', 'A.b>E$', 'E$>F*'],
    },
  ],
  ['a comma and a colon inside an id', 'A,B --> C:D', { nodes: ['A,B', 'C:D'], edges: ['A,B>C:D'] }],
  ["a '#' and a backtick inside an id", '#T4 --> x`y', { nodes: ['#T4', 'x`y'], edges: ['#T4>x`y'] }],
  [
    "a '-' inside an id, and one that starts it",
    '-A --> us-east.-1',
    { nodes: ['-A', 'us-east.-1'], edges: ['-A>us-east.-1'] },
  ],
  [
    "a ';' inside a quoted click URL",
    'A --> B\n  click A "https://x.example/a;b" "tip; here"',
    {
      nodes: ['A', 'B'],
      edges: ['A>B'],
    },
  ],
  [
    "a ';' inside a click href",
    'A --> B\n  click A href "https://x.example/a;b"',
    { nodes: ['A', 'B'], edges: ['A>B'] },
  ],
  ['an arrow at the end of a line reaches the node on the next', 'A -->\n  B', { nodes: ['A', 'B'], edges: ['A>B'] }],
  [
    'a line starting with an arrow continues the statement above',
    'A\n\n  --> B\n  -.-> C',
    {
      nodes: ['A', 'B', 'C'],
      edges: ['A>B', 'B>C'],
    },
  ],
  ['a comment line between a node and its arrow', 'A\n  %% why\n  --> B', { nodes: ['A', 'B'], edges: ['A>B'] }],
  ['a node whose id starts with o is no circle head', 'A\n  o --> B', { nodes: ['A', 'B', 'o'], edges: ['o>B'] }],
  ['a pipe label never reaches the next line', 'A -->|x|\n  B', undefined],
  ["an arrow before 'end' stays open", 'subgraph S\n  A -->\n  end', undefined],
  ['a label over two lines', 'A[first\n  second] --> B([one\n  two])', { nodes: ['A', 'B'], edges: ['A>B'] }],
  ['an edge label over two lines', 'A -->|first\n  second| B', { nodes: ['A', 'B'], edges: ['A>B'] }],
  ['a label left open before a bracket on the next line', 'A[open\n  B[x] --> C', undefined],
];

describe('we read the flowchart as mermaid reads it', () => {
  for (const [name, body, expected] of cases) {
    it(name, async () => {
      const text = `flowchart LR\n  ${body}\n`;
      assert.deepEqual(await mermaidReads(text), expected, 'mermaid');
      assert.deepEqual(weRead(text), expected, 'ours');
    });
  }
});
