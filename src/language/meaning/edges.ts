/**
 * An edge's meaning: a BGP session (relationship from its label or metadata, else inferred between
 * two BGP speakers), a client's access to its AS, an IGP link inside one AS, the author's claim
 * that a client reaches a PoP, or nothing but the picture's story.
 */
import type { AnalysisContext } from './context';
import type { EdgeLabelReading, RelationshipWord } from './edgeLabels';
import { readEdgeLabel } from './edgeLabels';
import { labelLines } from './labels';
import type { EdgeMeaning, EdgeModel, FactSource, NodeModel } from './model';
import type { EdgeMetadata } from './occurrences';
import type { SessionEnds } from './sessions';
import { readIgpCost, readReflection, readSession } from './sessions';
import { reportMistypedRelationship, reportUnknownEdgeWords } from './edgeWords';
import { edgeKeys } from './words';
import type { MetadataEntry } from '../syntax/metadata';
import { mermaidEdgeKeys, scalarSpans } from '../syntax/metadata';
import type { SyntaxEdge } from '../syntax/flowchart';
import type { Span } from '../text';

type EdgeMeta = ReadonlyMap<string, MetadataEntry>;

interface Relationship {
  readonly word: RelationshipWord;
  readonly span: Span;
  readonly source: FactSource;
}

/** One edge as read: its two ends and how its label and metadata read. */
interface EdgeReading {
  readonly e: SyntaxEdge;
  readonly from: NodeModel;
  readonly to: NodeModel;
  readonly label: EdgeLabelReading;
  readonly meta: EdgeMeta;
  /** The ids of the document's PoPs and ASes, for "did you mean" on a mistyped end. */
  readonly bgpIds: readonly string[];
}

const isBgpEnd = (n: NodeModel | undefined): boolean => n?.role === 'pop' || n?.role === 'as';

export function buildEdge(
  cx: AnalysisContext,
  e: SyntaxEdge,
  index: number,
  byId: ReadonlyMap<string, NodeModel>,
  edgeMetadata: EdgeMetadata,
): EdgeModel {
  const meta = e.id ? edgeMetadata.get(e.id.text) : undefined;
  const base = {
    index,
    ...(e.id ? { id: e.id.text, idRange: cx.range(e.id) } : {}),
    from: e.from.id.text,
    fromRange: cx.range(e.from.id),
    to: e.to.id.text,
    toRange: cx.range(e.to.id),
    range: cx.lines.range(e.from.id.start, e.to.id.end),
    arrow: e.arrow.text,
    arrowRange: cx.range(e.arrow),
    stroke: e.stroke,
    headAtStart: e.headAtStart,
    headAtEnd: e.headAtEnd,
    ...(e.label
      ? {
          label: labelLines(e.label)
            .map((l) => l.text)
            .join('\n'),
          labelRange: cx.range(e.label),
        }
      : {}),
    ...(meta ? { metadataRange: cx.range(meta.span) } : {}),
  };
  return { ...base, meaning: edgeMeaning(cx, e, byId, meta?.entries ?? []) };
}

function edgeMeaning(
  cx: AnalysisContext,
  e: SyntaxEdge,
  byId: ReadonlyMap<string, NodeModel>,
  metaEntries: readonly MetadataEntry[],
): EdgeMeaning {
  const label = readEdgeLabel(e.label);
  const from = byId.get(e.from.id.text);
  const to = byId.get(e.to.id.text);
  const meta = readEdgeMetadata(cx, metaEntries);
  const rel: Relationship | undefined =
    readRelationship(cx, meta) ?? (label.relationship && { ...label.relationship, source: 'label' });
  if (!rel) {
    if (from?.role === 'client' && to?.role === 'pop') return { kind: 'expectation', client: from.id, pop: to.id };
    if (from?.role === 'pop' && to?.role === 'client') return { kind: 'expectation', client: to.id, pop: from.id };
    if (label.prose.length > 0 || !from || !to) {
      if (isBgpEnd(from) && isBgpEnd(to)) reportMistypedRelationship(cx, label.prose);
      return { kind: 'none' };
    }
    return unstatedMeaning(cx, { e, from, to, label, meta, bgpIds: [] });
  }
  if (!from || !to) return { kind: 'none' };
  reportUnknownEdgeWords(cx, label.prose);
  const bgpIds = [...byId.values()].filter(isBgpEnd).map((n) => n.id);
  return statedMeaning(cx, { e, from, to, label, meta, bgpIds }, rel);
}

/** The edge's metadata by key, warning about keys neither we nor mermaid know. */
function readEdgeMetadata(cx: AnalysisContext, entries: readonly MetadataEntry[]): Map<string, MetadataEntry> {
  const meta = new Map<string, MetadataEntry>();
  for (const entry of entries) {
    if (!edgeKeys.includes(entry.key.text) && !mermaidEdgeKeys.has(entry.key.text)) {
      cx.report(
        entry.key,
        'warning',
        'unknown-key',
        `Unknown edge metadata key '${entry.key.text}'`,
        cx.suggest(entry.key.text, edgeKeys),
      );
      continue;
    }
    meta.set(entry.key.text, entry);
  }
  return meta;
}

/** The relationship the metadata states (`rel: peer`), if any. */
function readRelationship(cx: AnalysisContext, meta: EdgeMeta): Relationship | undefined {
  const relSpan = scalarSpans((meta.get('rel') ?? meta.get('relationship'))?.value)[0];
  if (!relSpan) return undefined;
  const word = readEdgeLabel(relSpan).relationship;
  if (word) return { ...word, source: 'metadata' };
  cx.report(
    relSpan,
    'error',
    'invalid-relationship',
    `Unknown relationship '${relSpan.text}': use transit (customer to provider), customer, peer, access or ibgp`,
  );
  return undefined;
}

/** A bare or policy-only edge: what its two ends make of it. */
function unstatedMeaning(cx: AnalysisContext, edge: EdgeReading): EdgeMeaning {
  const { e, from, to, label } = edge;
  if (isBgpEnd(from) && isBgpEnd(to)) {
    if (from.asn && to.asn && from.asn.value === to.asn.value)
      return { kind: 'igp', source: 'default', ...readIgpCost(cx, label.policy) };
    if (from.role === 'pop' && to.role === 'pop') return { kind: 'none' };
    const customer = from.role === 'pop' ? from.id : to.role === 'pop' ? to.id : from.id;
    const provider = customer === from.id ? to.id : from.id;
    cx.infer(
      e.arrow,
      `Edge ${from.id} ${e.arrow.text} ${to.id} has no relationship: read as '${customer}' buying transit from '${provider}' (write 'transit', 'peer' or 'customer' on it to say so)`,
    );
    const ends: SessionEnds = { relationship: 'customer-provider', customer, provider, relationshipSource: 'default' };
    return readSession(cx, e, ends, label, edge.meta);
  }
  if (from.role === 'client' && to.role === 'as')
    return { kind: 'access', client: from.id, as: to.id, source: 'default' };
  if (to.role === 'client' && from.role === 'as')
    return { kind: 'access', client: to.id, as: from.id, source: 'default' };
  return { kind: 'none' };
}

/**
 * A bare id (no label, no metadata) at the end of a BGP edge, close to the id of a PoP or AS, is a
 * typo (`Cogentt`): say "did you mean", with a quick fix, rather than "give it a role".
 */
function reportMistypedId(cx: AnalysisContext, end: NodeModel, span: Span, bgpIds: readonly string[]): boolean {
  if (end.labelRange || end.metadataRange) return false;
  const near = cx.suggest(end.id, bgpIds);
  if (near.length === 0) return false;
  const options = near.map((n) => `'${n}'`).join(', ');
  cx.report(span, 'warning', 'unknown-id', `No PoP or AS has the id '${end.id}'; did you mean ${options}?`, near);
  return true;
}

/** An edge whose label or metadata names a relationship: checked against its two ends. */
function statedMeaning(cx: AnalysisContext, edge: EdgeReading, rel: Relationship): EdgeMeaning {
  const { e, from, to, label } = edge;
  if (rel.word === 'access') return accessMeaning(cx, from, to, rel);
  for (const [end, span] of [
    [from, e.from.id],
    [to, e.to.id],
  ] as const) {
    if (!isBgpEnd(end)) {
      if (reportMistypedId(cx, end, span, edge.bgpIds)) return { kind: 'none' };
      cx.report(
        rel.span,
        'warning',
        'edge-endpoints',
        `A BGP ${rel.word === 'igp' ? 'iBGP/IGP link' : 'session'} joins PoPs and ASes, but '${end.id}' is a ${end.role} node: give it a role (e.g. @{ role: as, asn: 64500 })`,
      );
      return { kind: 'none' };
    }
  }
  const sameAs = from.asn && to.asn && from.asn.value === to.asn.value;
  if (rel.word === 'igp') {
    if (from.asn && to.asn && !sameAs)
      cx.report(
        rel.span,
        'error',
        'igp-across-ases',
        `An IGP link joins routers of one AS, but '${from.id}' is AS${from.asn.value} and '${to.id}' is AS${to.asn.value}`,
      );
    return { kind: 'igp', source: rel.source, ...readIgpCost(cx, label.policy), ...readReflection(cx, label.policy) };
  }
  if (sameAs)
    cx.report(
      rel.span,
      'warning',
      'same-as-session',
      `'${from.id}' and '${to.id}' are both AS${from.asn?.value}: an eBGP relationship needs two ASes (use 'ibgp' for routers of one AS)`,
    );
  const relationship = rel.word === 'peer-peer' ? 'peer-peer' : 'customer-provider';
  const customer = rel.word === 'provider-customer' ? to.id : from.id;
  const provider = customer === from.id ? to.id : from.id;
  return readSession(cx, e, { relationship, customer, provider, relationshipSource: rel.source }, label, edge.meta);
}

function accessMeaning(cx: AnalysisContext, from: NodeModel, to: NodeModel, rel: Relationship): EdgeMeaning {
  const client = from.role === 'client' ? from : to.role === 'client' ? to : undefined;
  const other = client === from ? to : from;
  if (!client || !isBgpEnd(other)) {
    cx.report(
      rel.span,
      'warning',
      'edge-endpoints',
      `'access' puts a client in an AS: one end must be a client and the other an AS or PoP`,
    );
    return { kind: 'none' };
  }
  return { kind: 'access', client: client.id, as: other.id, source: rel.source };
}
