/**
 * What the analysis fills in when the diagram does not say: private ASNs, the AS each client sits
 * in (from access edges, else the AS with the nearest router), and the hints and warnings that say
 * what was assumed or is missing. With no session drawn, one implicit transit AS joins everything.
 */
import { greatCircleKm } from '../../engine/geo';
import type { AnalysisContext } from './context';
import type { EdgeModel } from './model';
import type { MutableNode } from './nodes';
import type { Range } from '../types';

/** First private ASN (RFC 6996), given to PoPs and ASes that state none. */
const firstPrivateAsn = 64512;

/** Default ASNs, client access ASes, and the hints that say what was assumed. */
export function fillDefaults(
  cx: AnalysisContext,
  nodes: MutableNode[],
  edges: readonly EdgeModel[],
  implicitTransit: boolean,
): void {
  assignPrivateAsns(nodes);
  const byId = new Map(nodes.map((n) => [n.id, n]));
  placeClientsByAccessEdges(byId, edges);
  const ases = nodes.filter((n) => n.role === 'as' || n.role === 'pop');
  for (const n of nodes) {
    if (n.role !== 'client') continue;
    // A mistyped AS is the one problem: the client is not placed elsewhere nor reported as in no AS.
    const named = n.inAs !== undefined;
    if (n.inAs) checkClientAs(cx, n, byId, ases);
    if (!named && !implicitTransit) placeClientNearest(cx, n, ases);
  }
  const placeProblems = new Map<string, number>();
  cx.diagnostics.forEach((d, i) => {
    if (d.code.endsWith('-location')) placeProblems.set(rangeKey(d.range), i);
  });
  for (const n of nodes) reportNodeDefaults(cx, n, implicitTransit, placeProblems);
  if (!implicitTransit) checkPopsConnected(cx, nodes, edges, byId);
  if (implicitTransit && nodes.some((n) => n.role === 'pop')) {
    const header = cx.syntax.header?.keyword ?? { start: 0, end: 0 };
    cx.inferred.push({
      range: cx.range(header),
      message:
        "No BGP sessions are drawn: assuming one transit AS ('Internet') with a router at every PoP and client location, each PoP in its own private ASN as its customer. Routes then tie on AS path, so each client reaches the geographically nearest PoP.",
    });
  }
}

/** Each PoP and AS without an ASN gets the next private one not already in use. */
function assignPrivateAsns(nodes: MutableNode[]): void {
  const used = new Set(nodes.flatMap((n) => (n.asn ? [n.asn.value] : [])));
  let next = firstPrivateAsn;
  for (const n of nodes) {
    if ((n.role === 'pop' || n.role === 'as') && !n.asn) {
      while (used.has(next)) next++;
      used.add(next);
      n.asn = { value: next, range: n.idRange, source: 'default' };
    }
  }
}

/** A client not placed by metadata sits in the AS its first access edge names. */
function placeClientsByAccessEdges(byId: ReadonlyMap<string, MutableNode>, edges: readonly EdgeModel[]): void {
  for (const e of edges) {
    if (e.meaning.kind !== 'access') continue;
    const client = byId.get(e.meaning.client);
    if (client && !client.inAs)
      client.inAs = {
        value: e.meaning.as,
        range: e.range,
        source: e.meaning.source === 'default' ? 'default' : 'label',
      };
  }
}

/** Drops (and reports) a client's AS that names no node, or a node that is not an AS or PoP. */
function checkClientAs(
  cx: AnalysisContext,
  n: MutableNode,
  byId: ReadonlyMap<string, MutableNode>,
  ases: readonly MutableNode[],
): void {
  if (!n.inAs) return;
  const target = byId.get(n.inAs.value);
  if (!target) {
    cx.reportAt(
      n.inAs.range,
      'error',
      'unknown-id',
      `No AS or PoP has the id '${n.inAs.value}'`,
      cx.suggest(
        n.inAs.value,
        ases.map((a) => a.id),
      ),
    );
    n.inAs = undefined;
  } else if (target.role !== 'as' && target.role !== 'pop') {
    cx.diagnostics.push({
      range: n.inAs.range,
      severity: 'error',
      code: 'edge-endpoints',
      message: `A client sits in an AS, but '${target.id}' is a ${target.role} node`,
    });
    n.inAs = undefined;
  }
}

/** Places a client that names no AS in the AS with the nearest router, or warns that it cannot. */
function placeClientNearest(cx: AnalysisContext, n: MutableNode, ases: readonly MutableNode[]): void {
  const here = n.locations.find((l) => l.point)?.point;
  let best: { node: MutableNode; km: number } | undefined;
  for (const a of ases.filter((x) => x.role === 'as')) {
    for (const l of a.locations) {
      if (!l.point || !here) continue;
      const km = greatCircleKm(here, l.point);
      if (!best || km < best.km) best = { node: a, km };
    }
  }
  if (best) {
    n.inAs = { value: best.node.id, range: n.idRange, source: 'default' };
    cx.inferred.push({
      range: n.idRange,
      message: `Client '${n.id}' names no AS: placed in '${best.node.id}', the AS with the nearest router (${Math.round(best.km)} km); say 'in: ${best.node.id}' or draw '${n.id} -->|access| ${best.node.id}'`,
    });
  } else {
    cx.diagnostics.push({
      range: n.idRange,
      severity: 'warning',
      code: 'client-without-as',
      message: `Client '${n.id}' is in no AS: add @{ in: <AS id> }, an edge '${n.id} -->|access| <AS>', or a location near an AS router`,
    });
  }
}

/** Missing locations and prefixes, and a hint listing what was read from the picture or assumed. */
function reportNodeDefaults(
  cx: AnalysisContext,
  n: MutableNode,
  implicitTransit: boolean,
  placeProblems: ReadonlyMap<string, number>,
): void {
  if (n.role === 'pop' && implicitTransit && !n.locations.some((l) => l.point)) {
    reportUnplacedPop(cx, n, placeProblems);
  } else if ((n.role === 'pop' || n.role === 'client') && n.locations.length === 0) {
    cx.diagnostics.push({
      range: n.idRange,
      severity: implicitTransit ? 'warning' : 'information',
      code: 'missing-location',
      message: `${n.role === 'pop' ? 'PoP' : 'Client'} '${n.id}' has no location, so distances to it are unknown: add @{ loc: IAD } or lat,lon`,
    });
  }
  if (n.role === 'pop' && n.announces.length === 0 && !cx.announceWritten.has(n.id)) {
    cx.diagnostics.push({
      range: n.idRange,
      severity: 'error',
      code: 'pop-without-prefix',
      message: `PoP '${n.id}' announces no prefix: add 'Advertises 203.0.113.0/24' to its label, @{ announce: ... }, or prefixes: in the front matter`,
    });
  }
  if (n.role !== 'narrative' && n.roleSource !== 'metadata') {
    cx.inferred.push({ range: n.idRange, message: `Read from the picture: ${readFromPicture(n).join('; ')}` });
  } else if (n.asn?.source === 'default') {
    cx.inferred.push({ range: n.idRange, message: `No ASN given for '${n.id}': using private AS${n.asn.value}` });
  }
}

const rangeKey = (r: Range): string => `${r.start.line}:${r.start.character}:${r.end.line}:${r.end.character}`;

/**
 * In a nearest-PoP diagram a PoP without a place is left out of the implicit transit: said once,
 * on the unknown place's own diagnostic (by its range in `placeProblems`), else on the PoP.
 */
function reportUnplacedPop(cx: AnalysisContext, n: MutableNode, placeProblems: ReadonlyMap<string, number>): void {
  const who = /^pops?$/i.test(n.name) ? `PoP '${n.id}'` : n.name;
  const consequence = `${who} has no location: it serves no one in this model (clients go to the nearest PoP)`;
  const unknown = n.locations[0]?.range;
  const at = unknown ? placeProblems.get(rangeKey(unknown)) : undefined;
  const said = at === undefined ? undefined : cx.diagnostics[at];
  if (at !== undefined && said) {
    cx.diagnostics[at] = { ...said, message: `${said.message}. ${consequence}` };
    return;
  }
  cx.diagnostics.push({
    range: n.idRange,
    severity: 'warning',
    code: 'missing-location',
    message: `${consequence}: add @{ loc: IAD } or lat,lon`,
  });
}

/** The facts of a node that came from its picture (label, id, class, subgraph) rather than metadata. */
function readFromPicture(n: MutableNode): string[] {
  const said: string[] = [`role ${n.role} (from the ${n.roleSource})`];
  if (n.asn)
    said.push(
      n.asn.source === 'default' ? `private AS${n.asn.value} (assumed)` : `AS${n.asn.value} (from the ${n.asn.source})`,
    );
  for (const l of n.locations)
    if (l.point && l.source !== 'metadata') said.push(`location '${l.text}' = ${l.resolvedName ?? ''}`);
  for (const p of n.announces)
    if (p.source !== 'metadata') said.push(`announces ${p.value}${p.source === 'default' ? ' (assumed)' : ''}`);
  if (n.address && n.address.source !== 'metadata') said.push(`service address ${n.address.value}`);
  return said;
}

/** A PoP reaches the world through its own sessions or, over iBGP, through another router of its AS. */
function checkPopsConnected(
  cx: AnalysisContext,
  nodes: readonly MutableNode[],
  edges: readonly EdgeModel[],
  byId: ReadonlyMap<string, MutableNode>,
): void {
  const connectedAsns = new Set<number>();
  for (const e of edges) {
    if (e.meaning.kind !== 'session') continue;
    for (const id of [e.from, e.to]) {
      const asn = byId.get(id)?.asn?.value;
      if (asn !== undefined) connectedAsns.add(asn);
    }
  }
  for (const n of nodes) {
    if (n.role !== 'pop' || !n.asn || connectedAsns.has(n.asn.value)) continue;
    cx.diagnostics.push({
      range: n.idRange,
      severity: 'warning',
      code: 'pop-not-connected',
      message: `PoP '${n.id}' has no BGP session and shares no ASN with a node that has one: nobody hears its announcement. Draw '${n.id} -->|transit| <AS>'`,
    });
  }
}
