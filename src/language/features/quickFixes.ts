/**
 * Quick fixes for the commonest diagnostics: take a "did you mean" suggestion, put a client in an
 * AS, give a PoP the prefix the other PoPs announce, add the missing header, close a subgraph.
 * Each fix is a title and plain text edits. Pure.
 */
import type { DocumentModel, NodeModel } from '../meaning/model';
import type { TextEdit } from './rename';
import type { Diagnostic, Position } from '../types';

export interface QuickFix {
  readonly title: string;
  readonly edits: readonly TextEdit[];
  /** The fix an editor may apply with one key (the best suggestion). */
  readonly preferred: boolean;
}

/** How many alternatives (ASes to sit in, suggestions) are offered at most. */
const maxChoices = 5;

function lineText(text: string, line: number): string {
  return text.split('\n')[line]?.replace(/\r$/, '') ?? '';
}

function endOfLine(text: string, line: number): Position {
  return { line, character: lineText(text, line).length };
}

function indentOf(text: string, line: number): string {
  return /^\s*/.exec(lineText(text, line))?.[0] ?? '';
}

/**
 * Adds `key: value` to a node's metadata: inside its `@{ }` when it has one, else as a new
 * `id@{ key: value }` statement under the line that defines it (mermaid merges the two).
 */
export function addMetadata(text: string, node: NodeModel, key: string, value: string): TextEdit {
  const meta = node.metadataRange;
  if (meta) {
    const line = meta.end.line;
    const closeAt = Math.max(0, meta.end.character - 1);
    const inner = lineText(text, line).slice(0, closeAt).trimEnd();
    const separator = inner.endsWith('{') ? ' ' : ', ';
    return {
      range: { start: { line, character: inner.length }, end: { line, character: closeAt } },
      newText: `${separator}${key}: ${value} `,
    };
  }
  const line = node.idRange.start.line;
  const definitionLine = Math.max(line, node.labelRange?.end.line ?? line);
  return {
    range: { start: endOfLine(text, definitionLine), end: endOfLine(text, definitionLine) },
    newText: `\n${indentOf(text, line)}${node.id}@{ ${key}: ${value} }`,
  };
}

function nodeWithIdAt(model: DocumentModel, diagnostic: Diagnostic): NodeModel | undefined {
  const at = diagnostic.range.start;
  return (
    model.nodes.find((n) => n.idRange.start.line === at.line && n.idRange.start.character === at.character) ??
    model.nodes.find((n) => n.references.some((r) => r.start.line === at.line && r.start.character === at.character))
  );
}

type Fixer = (text: string, model: DocumentModel, diagnostic: Diagnostic) => QuickFix[];

/** The fixes offered for `diagnostic` in `text`. */
export function quickFixesFor(text: string, model: DocumentModel, diagnostic: Diagnostic): QuickFix[] {
  const fixes: QuickFix[] = (diagnostic.suggestions ?? []).slice(0, maxChoices).map((suggestion, i) => ({
    title: `Change to '${suggestion}'`,
    edits: [{ range: diagnostic.range, newText: suggestion }],
    preferred: i === 0,
  }));
  const fixer = fixers.get(diagnostic.code);
  return fixer ? [...fixes, ...fixer(text, model, diagnostic)] : fixes;
}

/** Put a client without an AS into one of the diagram's ASes. */
const placeClient: Fixer = (text, model, diagnostic) => {
  const client = nodeWithIdAt(model, diagnostic);
  if (!client) return [];
  return model.nodes
    .filter((n) => n.role === 'as')
    .slice(0, maxChoices)
    .map((as) => ({
      title: `Put '${client.name}' in ${as.asn ? `AS${as.asn.value} ` : ''}${as.name} (in: ${as.id})`,
      edits: [addMetadata(text, client, 'in', as.id)],
      preferred: false,
    }));
};

/** Announce a prefix the other PoPs announce. */
const announcePrefix: Fixer = (text, model, diagnostic) => {
  const pop = nodeWithIdAt(model, diagnostic);
  if (!pop) return [];
  const announced = [...new Set(model.nodes.flatMap((n) => (n.role === 'pop' ? n.announces.map((p) => p.value) : [])))];
  return announced.slice(0, maxChoices).map((prefix) => ({
    title: `Announce ${prefix}, as the other PoPs do`,
    edits: [addMetadata(text, pop, 'announce', prefix)],
    preferred: announced.length === 1,
  }));
};

/** Draw a transit session from an unconnected PoP to one of the diagram's ASes. */
const connectPop: Fixer = (text, model, diagnostic) => {
  const pop = nodeWithIdAt(model, diagnostic);
  if (!pop) return [];
  const line = Math.max(pop.idRange.start.line, pop.labelRange?.end.line ?? 0, pop.metadataRange?.end.line ?? 0);
  const at = endOfLine(text, line);
  return model.nodes
    .filter((n) => n.role === 'as')
    .slice(0, maxChoices)
    .map((as) => ({
      title: `Buy transit from ${as.asn ? `AS${as.asn.value} ` : ''}${as.name} (${pop.id} -->|transit| ${as.id})`,
      edits: [
        {
          range: { start: at, end: at },
          newText: `\n${indentOf(text, pop.idRange.start.line)}${pop.id} -->|transit| ${as.id}`,
        },
      ],
      preferred: false,
    }));
};

const addHeader: Fixer = () => [
  {
    title: "Start the diagram with 'flowchart TD'",
    edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: 'flowchart TD\n' }],
    preferred: true,
  },
];

const closeSubgraph: Fixer = (text) => {
  const lines = text.split('\n');
  const last = lines.length - 1;
  const end = { line: last, character: (lines[last] ?? '').replace(/\r$/, '').length };
  const needsNewline = (lines[last] ?? '').trim() !== '';
  return [
    {
      title: "Close the subgraph with 'end' at the end of the file",
      edits: [{ range: { start: end, end }, newText: `${needsNewline ? '\n' : ''}end\n` }],
      preferred: true,
    },
  ];
};

const removeEnd: Fixer = (_text, _model, diagnostic) => {
  const line = diagnostic.range.start.line;
  return [
    {
      title: "Remove this 'end'",
      edits: [{ range: { start: { line, character: 0 }, end: { line: line + 1, character: 0 } }, newText: '' }],
      preferred: true,
    },
  ];
};

/** The fixes each diagnostic code offers besides its "did you mean" suggestions. */
const fixers: ReadonlyMap<string, Fixer> = new Map<string, Fixer>([
  ['client-without-as', placeClient],
  ['pop-without-prefix', announcePrefix],
  ['pop-not-connected', connectPop],
  ['missing-header', addHeader],
  ['unclosed-subgraph', closeSubgraph],
  ['unmatched-end', removeEnd],
  [
    'label-needs-quotes',
    (text, _model, diagnostic) => {
      const fix = quoteLabel(text, diagnostic);
      return fix ? [fix] : [];
    },
  ],
]);

const closers: Readonly<Record<string, string>> = { '[': ']', '(': ')', '{': '}', '>': ']' };

/**
 * `A[Label (x)]`: the bracket inside ends the label early in mermaid; quoting the label keeps it.
 * Finds the label's opening bracket before the diagnostic and its closing one at the end of the line.
 */
function quoteLabel(text: string, diagnostic: Diagnostic): QuickFix | undefined {
  const line = diagnostic.range.start.line;
  const content = lineText(text, line);
  const at = diagnostic.range.start.character;
  const open = /[[({>]+$/.exec(content.slice(0, at).replace(/[^[({>]*$/, ''));
  if (!open) return undefined;
  const openEnd = content.slice(0, at).search(/[^[({>]*$/);
  const closer = closers[open[0][0] ?? ''] ?? ']';
  const closeAt = content.lastIndexOf(closer.repeat(open[0].length));
  if (closeAt <= at) return undefined;
  const inner = content.slice(openEnd, closeAt);
  if (inner.includes('"')) return undefined;
  return {
    title: 'Put the label in double quotes',
    edits: [
      { range: { start: { line, character: openEnd }, end: { line, character: closeAt } }, newText: `"${inner}"` },
    ],
    preferred: true,
  };
}
