/**
 * The exact text edit that writes a policy change into the file: a word in the edge's label
 * (`transit` -> `transit prepend 2`, `lp 200`, `no-export`), the value where edge metadata already
 * sets it, a label on an edge that has none, or `state: down` in a PoP's metadata. Pure.
 */
import { addMetadata } from '../../language/features/quickFixes';
import type { TextEdit } from '../../language/features/rename';
import { readEdgeLabel } from '../../language/meaning/edgeLabels';
import type { PolicyWord } from '../../language/meaning/edgeLabels';
import type { DocumentModel, EdgeModel, EdgeSession, Fact } from '../../language/meaning/model';
import type { Position, Range } from '../../language/types';
import { sameEdge } from '../scenario';
import type { PolicyChange } from '../scenario';

/** One change as an edit, and the same edit as a reader sees it: the text it rewrites, before and after. */
export interface ChangeEdit {
  readonly edit: TextEdit;
  /** Where the rewritten text starts and ends in the file as it is. */
  readonly range: Range;
  readonly oldText: string;
  readonly newText: string;
}

class Offsets {
  private readonly starts: number[] = [0];
  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.starts.push(i + 1);
  }
  of(p: Position): number {
    return (this.starts[p.line] ?? this.text.length) + p.character;
  }
  slice(r: Range): string {
    return this.text.slice(this.of(r.start), this.of(r.end));
  }
}

/** Replaces `range` with `newText`, shown as that range before and after. */
function replace(at: Offsets, range: Range, newText: string): ChangeEdit {
  return { edit: { range, newText }, range, oldText: at.slice(range), newText };
}

type Word = { readonly key: PolicyWord['key']; readonly phrase: string | undefined };

/** The label with `word` set to `phrase` (added at the end, replaced, or removed when undefined). */
function rewriteLabel(at: Offsets, edge: EdgeModel, range: Range, word: Word): string {
  const start = at.of(range.start);
  const label = at.slice(range);
  const reading = readEdgeLabel({ text: label, start, end: start + label.length });
  const found = word.key === 'community' ? undefined : reading.policy.find((p) => p.key === word.key);
  if (!found) return word.phrase === undefined ? label : `${label} ${word.phrase}`;
  const before = label.slice(0, found.phrase.start - start);
  const after = label.slice(found.phrase.end - start);
  if (word.phrase !== undefined) return `${before}${word.phrase}${after}`;
  return `${before.trimEnd()}${before.trimEnd() === '' ? after.trimStart() : after}`;
}

/** The relationship word a new label must lead with, so the edge means what it meant without one. */
function relationshipWord(edge: EdgeModel, m: EdgeSession): string {
  if (m.relationship === 'peer-peer') return 'peer';
  return m.customer === edge.from ? 'transit' : 'customer';
}

function edgeEdit(
  at: Offsets,
  edge: EdgeModel,
  m: EdgeSession,
  fact: Fact<number> | undefined,
  word: Word,
  value: string,
): ChangeEdit {
  if (fact && fact.source === 'metadata') return replace(at, fact.range, value);
  if (edge.labelRange) return replace(at, edge.labelRange, rewriteLabel(at, edge, edge.labelRange, word));
  const end = edge.arrowRange.end;
  const inserted = `|${[relationshipWord(edge, m), word.phrase].filter((w) => w !== undefined).join(' ')}|`;
  return {
    edit: { range: { start: end, end }, newText: inserted },
    range: { start: end, end },
    oldText: '',
    newText: inserted,
  };
}

function withdrawEdit(at: Offsets, model: DocumentModel, pop: string): ChangeEdit | undefined {
  const node = model.nodes.find((n) => n.id === pop && n.role === 'pop');
  if (!node) return undefined;
  if (node.state) return replace(at, node.state.range, 'down');
  const edit = addMetadata(at.text, node, 'state', 'down');
  const shown = node.metadataRange ?? edit.range;
  const from = at.of(shown.start);
  const old = at.slice(shown);
  const cut = at.of(edit.range.start) - from;
  const newText = `${old.slice(0, cut)}${edit.newText}${old.slice(at.of(edit.range.end) - from)}`;
  return { edit, range: shown, oldText: old, newText };
}

/** The edit that writes `change` into `text`; undefined when the change names nothing in it. */
export function changeEdit(text: string, model: DocumentModel, change: PolicyChange): ChangeEdit | undefined {
  const at = new Offsets(text);
  if (change.kind === 'withdraw') return withdrawEdit(at, model, change.pop);
  const edge = model.edges.find((e) => e.meaning.kind === 'session' && sameEdge(e, change.edge));
  const m = edge?.meaning;
  if (!edge || m?.kind !== 'session') return undefined;
  switch (change.kind) {
    case 'prepend': {
      const phrase = change.count === 0 ? undefined : `prepend ${change.count}`;
      return edgeEdit(at, edge, m, m.tail.prepend, { key: 'prepend', phrase }, String(change.count));
    }
    case 'local-pref':
      return edgeEdit(
        at,
        edge,
        m,
        m.tail.localPref,
        { key: 'localPref', phrase: `lp ${change.value}` },
        String(change.value),
      );
    case 'no-export':
      return edgeEdit(at, edge, m, undefined, { key: 'community', phrase: 'no-export' }, 'no-export');
  }
}
