/**
 * Renaming a node id across the file: every statement that names it, and metadata that refers to
 * it, change together; a new id that mermaid would misread or that is taken is refused with a
 * reason. Pure.
 */
import type { DocumentModel } from '../meaning/model';
import { nodeAt, occurrencesOf } from './references';
import type { Position, Range } from '../types';

export interface TextEdit {
  readonly range: Range;
  readonly newText: string;
}

export type RenameResult =
  { readonly ok: true; readonly edits: readonly TextEdit[] } | { readonly ok: false; readonly message: string };

export type PrepareRenameResult =
  | { readonly ok: true; readonly range: Range; readonly placeholder: string }
  | { readonly ok: false; readonly message: string };

/** Words that start mermaid statements or headers: as a node id they would be read as the keyword. */
const reservedWords = new Set([
  'end',
  'subgraph',
  'graph',
  'flowchart',
  'flowchart-elk',
  'classDef',
  'class',
  'style',
  'linkStyle',
  'click',
  'direction',
  'accTitle',
  'accDescr',
  'default',
  'call',
  'href',
]);

/** Why `id` cannot be a node id, or undefined when it can. */
export function invalidNodeId(id: string): string | undefined {
  if (id.length === 0) return 'A node id cannot be empty';
  // Letters, digits and underscore are what every mermaid version reads as one id.
  if (!/^[\p{L}\p{N}_]+$/u.test(id)) return `'${id}' is not a mermaid node id: use letters, digits and _ only`;
  if (reservedWords.has(id) || reservedWords.has(id.toLowerCase()))
    return `'${id}' is a mermaid keyword and cannot be a node id`;
  // `A---oB` and `A---xB` read as circle and cross arrow heads.
  if (/^[ox][\p{L}\p{N}_]/u.test(id))
    return `'${id}' starts with '${id[0]}', which mermaid reads as an arrow head after an edge ('A---${id}'); pick another first letter`;
  return undefined;
}

/** The id under the cursor that a rename would change, with its range. */
export function prepareRename(model: DocumentModel, position: Position): PrepareRenameResult {
  const found = nodeAt(model, position);
  if (!found) return { ok: false, message: 'Put the cursor on a node id to rename it' };
  return { ok: true, range: found.range, placeholder: found.node.id };
}

/** The edits that rename the node under `position` to `newId` everywhere in the file. */
export function renameAt(model: DocumentModel, position: Position, newId: string): RenameResult {
  const found = nodeAt(model, position);
  if (!found) return { ok: false, message: 'Put the cursor on a node id to rename it' };
  if (newId === found.node.id) return { ok: true, edits: [] };
  const invalid = invalidNodeId(newId);
  if (invalid) return { ok: false, message: invalid };
  const taken =
    model.nodes.some((n) => n.id === newId) ||
    model.subgraphs.some((s) => s.id === newId) ||
    model.edges.some((e) => e.id === newId);
  if (taken) return { ok: false, message: `'${newId}' is already used in this diagram` };
  return { ok: true, edits: occurrencesOf(model, found.node).map((range) => ({ range, newText: newId })) };
}
