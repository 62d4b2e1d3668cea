/**
 * Node ids as symbols: which id sits under the cursor, where it is defined and where it is used.
 * Go to definition, find references and rename all start here. Pure.
 */
import type { DocumentModel, NodeModel } from '../meaning/model';
import { compareRanges, rangeContains, sameRange } from '../types';
import type { Position, Range } from '../types';

/** An occurrence of a node id under the cursor. */
export interface NodeOccurrence {
  readonly node: NodeModel;
  /** The occurrence the cursor is on. */
  readonly range: Range;
}

/**
 * The ranges where a node id is written: every statement occurrence, plus metadata that names it
 * (`in: AS174` on a client), in document order.
 */
export function occurrencesOf(model: DocumentModel, node: NodeModel): Range[] {
  const ranges = [...node.references];
  if (!ranges.some((r) => sameRange(r, node.idRange))) ranges.push(node.idRange);
  for (const other of model.nodes) {
    const inAs = other.inAs;
    if (inAs && inAs.value === node.id && inAs.source === 'metadata' && !ranges.some((r) => sameRange(r, inAs.range)))
      ranges.push(inAs.range);
  }
  return ranges.sort(compareRanges);
}

/** The node whose id is under `position`, if any. */
export function nodeAt(model: DocumentModel, position: Position): NodeOccurrence | undefined {
  for (const node of model.nodes) {
    for (const range of occurrencesOf(model, node)) {
      if (rangeContains(range, position)) return { node, range };
    }
  }
  return undefined;
}

/** Where the node under `position` is defined: the occurrence that gives its label, else its first mention. */
export function definitionAt(model: DocumentModel, position: Position): Range | undefined {
  return nodeAt(model, position)?.node.idRange;
}

/** Every occurrence of the node id under `position`; without the definition when `includeDefinition` is false. */
export function referencesAt(model: DocumentModel, position: Position, includeDefinition: boolean): Range[] {
  const found = nodeAt(model, position);
  if (!found) return [];
  const all = occurrencesOf(model, found.node);
  return includeDefinition ? all : all.filter((r) => !sameRange(r, found.node.idRange));
}
