/**
 * A node's meaning from its draft: metadata keys checked, role decided, then the facts that role
 * takes (ASN, locations, prefixes, communities, state, weight, traffic, capacity, attack, access AS,
 * service address), each
 * with the text it came from.
 */
import type { Community } from '../../engine/types';
import type { AnalysisContext } from './context';
import {
  asnNote,
  readAddress,
  readAsn,
  readCommunity,
  readInteger,
  readLocation,
  readPrefix,
  readWeight,
} from './facts';
import type { LabelFacts } from './labels';
import { labelLines, readLabel } from './labels';
import { readNodeRates } from './loadFacts';
import { readLocations } from './locations';
import type { DocumentSettings, FactSource, NodeModel, NodeRole } from './model';
import type { Draft } from './occurrences';
import type { EnclosingAs } from './roles';
import { readRole } from './roles';
import { keyRoles, nodeKeys, roleNames, stateWords } from './words';
import type { MetadataEntry } from '../syntax/metadata';
import { mermaidNodeKeys, scalarSpans, splitCommas } from '../syntax/metadata';
import { MERMAID_SHAPES } from '../syntax/mermaidShapes';
import type { Span } from '../text';

/** A node while the analysis still fills in defaults. */
export type MutableNode = { -readonly [K in keyof NodeModel]: NodeModel[K] };

type NodeMeta = ReadonlyMap<string, MetadataEntry>;

/** What the later readers of one node need from the first ones. */
interface NodeContext {
  readonly d: Draft;
  readonly meta: NodeMeta;
  readonly labelFacts: LabelFacts;
  readonly enclosingAs: EnclosingAs | undefined;
}

export function buildNode(cx: AnalysisContext, d: Draft, settings: DocumentSettings): MutableNode {
  const meta = readNodeMetadata(cx, d);
  checkShape(cx, meta);
  const metaLabel = scalarSpans(meta.get('label')?.value)[0];
  const labelSpan = metaLabel ?? d.label;
  const labelFacts = labelSpan ? readLabel(stripMarkdown(labelSpan)) : { prefixes: [] };
  const { role, roleSource, enclosingAs } = readRole(cx, d, meta, labelFacts);
  const nameSpan = scalarSpans(meta.get('name')?.value)[0];
  const node: MutableNode = {
    id: d.id,
    idRange: cx.range(d.idSpan),
    references: d.refs.map((r) => cx.range(r)),
    label: labelSpan ? displayLabel(labelSpan) : d.id,
    ...(labelSpan ? { labelRange: cx.range(labelSpan) } : {}),
    shape: d.shape,
    classes: d.classes.map((c) => c.text),
    ...(d.metadataSpan ? { metadataRange: cx.range(d.metadataSpan) } : {}),
    ...(d.subgraph !== undefined ? { subgraph: d.subgraph } : {}),
    role,
    roleSource,
    name: nameSpan?.text ?? labelFacts.name?.text ?? labelFacts.firstLine?.text ?? d.id,
    locations: [],
    announces: [],
    communities: [],
    state: undefined,
  };
  reportUnusedKeys(cx, meta, role);
  if (role === 'narrative') return node;
  const nc: NodeContext = { d, meta, labelFacts, enclosingAs };
  readNodeAsn(cx, node, nc);
  // A router drawn inside an AS subgraph is usually labelled with just its place (`C1[IAD]`).
  const placeLabel =
    roleSource === 'subgraph' && labelFacts.firstLine && readLocation(labelFacts.firstLine.text).ok
      ? labelFacts.firstLine
      : labelFacts.location;
  const aside = placeLabel === labelFacts.location ? labelFacts.locationAside : undefined;
  node.locations = readLocations(cx, d, meta, placeLabel, role, aside);
  if (role === 'pop') readAnnouncements(cx, node, nc, settings);
  if (role === 'pop') node.communities = readNodeCommunities(cx, meta);
  readNodeState(cx, node, meta);
  if (role === 'client') readClientFacts(cx, node, meta, settings);
  if (role === 'service') readServiceAddress(cx, node, nc);
  readNodeRates(cx, node, meta);
  return node;
}

/** The node's metadata by key, warning about keys neither we nor mermaid know. */
function readNodeMetadata(cx: AnalysisContext, d: Draft): Map<string, MetadataEntry> {
  const meta = new Map<string, MetadataEntry>();
  for (const entry of d.metadata) {
    const key = entry.key.text;
    if (!nodeKeys.includes(key) && !mermaidNodeKeys.has(key)) {
      cx.report(
        entry.key,
        'warning',
        'unknown-key',
        `Unknown metadata key '${key}'; mermaid ignores it and so does the routing`,
        cx.suggest(key, nodeKeys),
      );
      continue;
    }
    meta.set(key, entry);
  }
  return meta;
}

function checkShape(cx: AnalysisContext, meta: NodeMeta): void {
  const shapeSpan = scalarSpans(meta.get('shape')?.value)[0];
  if (!shapeSpan || MERMAID_SHAPES.has(shapeSpan.text)) return;
  const lower = shapeSpan.text.toLowerCase().replace(/_/g, '-');
  const fix = MERMAID_SHAPES.has(lower) ? [lower] : cx.suggest(shapeSpan.text, MERMAID_SHAPES);
  cx.report(
    shapeSpan,
    'error',
    'invalid-shape',
    `Mermaid has no shape '${shapeSpan.text}' and refuses to render the diagram (shape names are lowercase, with '-')`,
    fix,
  );
}

function reportUnusedKeys(cx: AnalysisContext, meta: NodeMeta, role: NodeRole): void {
  for (const [key, entry] of meta) {
    const roles = keyRoles[key];
    if (!roles || roles.includes(role)) continue;
    const hint =
      key.startsWith('communit') && role === 'as'
        ? ': for an AS, put communities on its edge (-->|transit 65000:1|)'
        : '';
    cx.report(
      entry.key,
      'warning',
      'unused-key',
      `'${key}' means nothing on this ${roleNames[role]} node (it is for ${roles.map((r) => roleNames[r]).join(', ')} nodes)${hint}`,
    );
  }
}

/** The ASN from metadata, the label, an `AS174` id, or the enclosing AS subgraph, in that order. */
function readNodeAsn(cx: AnalysisContext, node: MutableNode, { d, meta, labelFacts, enclosingAs }: NodeContext): void {
  const role = node.role;
  const asnSpan = scalarSpans(meta.get('asn')?.value)[0];
  if (asnSpan) {
    const asn = cx.take(readAsn(asnSpan.text), asnSpan);
    if (asn !== undefined) node.asn = cx.fact(asn, asnSpan, 'metadata');
  } else if (labelFacts.asn && (role === 'as' || role === 'pop')) {
    const asn = cx.take(readAsn(labelFacts.asn.text), labelFacts.asn);
    if (asn !== undefined) node.asn = cx.fact(asn, labelFacts.asn, 'label');
  } else if (role === 'as' && /^AS\d+$/i.test(d.id)) {
    const asn = cx.take(readAsn(d.id), d.idSpan);
    if (asn !== undefined) node.asn = cx.fact(asn, d.idSpan, 'id');
  } else if (enclosingAs && (role === 'as' || role === 'pop')) {
    node.asn = cx.fact(enclosingAs.asn, enclosingAs.span, 'subgraph');
    if (role === 'as') node.asName = enclosingAs.name;
  }
  if (node.asn) {
    const note = asnNote(node.asn.value);
    if (note) cx.diagnostics.push({ range: node.asn.range, severity: 'warning', code: 'reserved-asn', message: note });
  }
}

/** A PoP's prefixes (metadata, else its label, else the front matter's) and its prepend count. */
function readAnnouncements(
  cx: AnalysisContext,
  node: MutableNode,
  { d, meta, labelFacts }: NodeContext,
  settings: DocumentSettings,
): void {
  const announce = meta.get('announce') ?? meta.get('announces') ?? meta.get('prefixes') ?? meta.get('prefix');
  const spans = announce ? scalarSpans(announce.value).flatMap(splitCommas) : labelFacts.prefixes;
  const source: FactSource = announce ? 'metadata' : 'label';
  // Prefixes written but invalid, here or in the front matter, are reported once where written.
  if (spans.length > 0 || cx.frontMatterPrefixesWritten) cx.announceWritten.add(d.id);
  node.announces = spans.flatMap((s) => {
    const p = cx.take(readPrefix(s.text), s);
    return p === undefined ? [] : [cx.fact(p, s, source)];
  });
  if (node.announces.length === 0 && settings.prefixes.length > 0)
    node.announces = settings.prefixes.map((p) => ({ ...p, source: 'front-matter' as const }));
  const prepend = scalarSpans(meta.get('prepend')?.value)[0];
  if (prepend) {
    const n = cx.take(readInteger(prepend.text, 'Prepend count', 0, 32), prepend);
    if (n !== undefined) node.prepend = cx.fact(n, prepend, 'metadata');
  }
}

function readNodeCommunities(cx: AnalysisContext, meta: NodeMeta): MutableNode['communities'] {
  const communities = meta.get('communities') ?? meta.get('community');
  return scalarSpans(communities?.value)
    .flatMap(splitCommas)
    .flatMap((s) => {
      const c = cx.take(readCommunity(s.text), s);
      return c === undefined ? [] : [cx.fact<Community>(c, s, 'metadata')];
    });
}

function readNodeState(cx: AnalysisContext, node: MutableNode, meta: NodeMeta): void {
  const stateSpan = scalarSpans(meta.get('state')?.value)[0];
  if (!stateSpan) return;
  const state = stateWords[stateSpan.text.toLowerCase()];
  if (state) node.state = cx.fact(state, stateSpan, 'metadata');
  else
    cx.report(
      stateSpan,
      'error',
      'invalid-state',
      `Unknown state '${stateSpan.text}': use up or down (withdrawn)`,
      cx.suggest(stateSpan.text, Object.keys(stateWords)),
    );
}

function readClientFacts(cx: AnalysisContext, node: MutableNode, meta: NodeMeta, settings: DocumentSettings): void {
  const weightSpan = scalarSpans(meta.get('weight')?.value)[0];
  if (weightSpan) {
    const w = cx.take(readWeight(weightSpan.text), weightSpan);
    if (w !== undefined) node.weight = cx.fact(w, weightSpan, 'metadata');
  } else if (settings.defaultWeight) {
    node.weight = settings.defaultWeight;
  }
  const inSpan = scalarSpans(meta.get('in')?.value)[0];
  if (inSpan) node.inAs = cx.fact(inSpan.text, inSpan, 'metadata');
}

function readServiceAddress(cx: AnalysisContext, node: MutableNode, { meta, labelFacts }: NodeContext): void {
  const addrSpan = scalarSpans(meta.get('address')?.value)[0] ?? labelFacts.address;
  if (!addrSpan) return;
  const address = cx.take(readAddress(addrSpan.text), addrSpan);
  if (address !== undefined)
    node.address = cx.fact(address, addrSpan, addrSpan === labelFacts.address ? 'label' : 'metadata');
}

/** A markdown string "`text`" keeps its inner text. */
function stripMarkdown(span: Span): Span {
  if (span.text.length >= 2 && span.text.startsWith('`') && span.text.endsWith('`'))
    return { text: span.text.slice(1, -1), start: span.start + 1, end: span.end - 1 };
  return span;
}

function displayLabel(span: Span): string {
  return labelLines(stripMarkdown(span))
    .map((l) => l.text)
    .join('\n');
}
