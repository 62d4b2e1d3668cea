/**
 * The outline of a diagram: subgraphs holding their nodes, each node named as the reader knows it
 * (`US-East`, `AS174 Cogent`, `User in London`) with what it is. Pure.
 */
import type { DocumentModel, NodeModel, NodeRole } from '../meaning/model';
import { compareRanges } from '../types';
import type { Range } from '../types';

export type SymbolKind = NodeRole | 'subgraph';

export interface DocumentSymbol {
  readonly name: string;
  /** One line beside the name: role, ASN, location, prefixes. */
  readonly detail: string;
  readonly kind: SymbolKind;
  /** The whole statement part that defines the symbol; contains `selectionRange`. */
  readonly range: Range;
  /** The id itself. */
  readonly selectionRange: Range;
  readonly children: readonly DocumentSymbol[];
}

const roleWords: Readonly<Record<NodeRole, string>> = {
  pop: 'PoP',
  as: 'AS',
  client: 'client',
  service: 'service',
  narrative: 'node',
};

function later(a: Range, b: Range | undefined): Range {
  if (!b) return a;
  return compareRanges({ start: b.end, end: b.end }, { start: a.end, end: a.end }) > 0
    ? { start: a.start, end: b.end }
    : a;
}

function detailOf(node: NodeModel): string {
  const parts: string[] = [roleWords[node.role]];
  if (node.asn && node.role !== 'narrative') parts.push(`AS${node.asn.value}`);
  const places = node.locations.map((l) => l.text);
  if (places.length > 0) parts.push(places.join(', '));
  if (node.role === 'pop' && node.announces.length > 0) parts.push(node.announces.map((p) => p.value).join(', '));
  if (node.role === 'service' && node.address) parts.push(node.address.value);
  if (node.state?.value === 'down') parts.push(node.role === 'pop' ? 'withdrawn' : 'down');
  if (node.id !== node.name) parts.push(`id ${node.id}`);
  return parts.join(' · ');
}

function nodeSymbol(node: NodeModel): DocumentSymbol {
  let range = node.idRange;
  range = later(range, node.labelRange);
  range = later(range, node.metadataRange);
  return {
    name: node.role === 'as' && node.asn ? `AS${node.asn.value} ${node.name}` : node.name,
    detail: detailOf(node),
    kind: node.role,
    range,
    selectionRange: node.idRange,
    children: [],
  };
}

/** Symbols for the outline, in document order, nodes nested under the subgraph they were defined in. */
export function documentSymbols(model: DocumentModel): DocumentSymbol[] {
  const childrenOf = new Map<string | undefined, DocumentSymbol[]>();
  const push = (parent: string | undefined, symbol: DocumentSymbol): void => {
    const list = childrenOf.get(parent) ?? [];
    list.push(symbol);
    childrenOf.set(parent, list);
  };
  const subgraphIds = new Set(model.subgraphs.map((s) => s.id));
  for (const node of model.nodes) {
    // A subgraph id used in an edge also appears as a node; the subgraph symbol stands for it.
    if (subgraphIds.has(node.id)) continue;
    push(node.subgraph !== undefined && subgraphIds.has(node.subgraph) ? node.subgraph : undefined, nodeSymbol(node));
  }
  const build = (parent: string | undefined): DocumentSymbol[] => {
    const own = [...(childrenOf.get(parent) ?? [])];
    for (const s of model.subgraphs) {
      if (s.parent !== parent) continue;
      own.push({
        name: s.title || s.id,
        detail: s.title && s.title !== s.id ? `subgraph ${s.id}` : 'subgraph',
        kind: 'subgraph',
        range: s.range,
        selectionRange: s.idRange,
        children: build(s.id),
      });
    }
    return own.sort((a, b) => compareRanges(a.range, b.range));
  };
  return build(undefined);
}
