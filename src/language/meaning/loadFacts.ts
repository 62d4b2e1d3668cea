/**
 * Traffic, capacity and attack figures: a client's `traffic:` (or `rps:`), a PoP's `capacity:`, an
 * `attack:` on a client or an AS, the front matter's `warnAbove:` and `attack:` per subgraph; then
 * the checks across nodes: one unit for every figure, and a capacity on every PoP once one has one.
 */
import type { AnalysisContext } from './context';
import type { DocumentSettings, Fact, GroupAttack, NodeModel, Rate, RateUnit } from './model';
import type { MutableNode } from './nodes';
import { readRate } from './rates';
import type { MetadataEntry } from '../syntax/metadata';
import { scalarSpans } from '../syntax/metadata';
import type { YamlEntry } from '../syntax/yaml';

type NodeMeta = ReadonlyMap<string, MetadataEntry>;

function readRateKey(
  cx: AnalysisContext,
  meta: NodeMeta,
  key: string,
  what: string,
  unit?: RateUnit,
): Fact<Rate> | undefined {
  const span = scalarSpans(meta.get(key)?.value)[0];
  if (!span) return undefined;
  const rate = cx.take(readRate(span.text, what, unit), span);
  return rate === undefined ? undefined : cx.fact(rate, span, 'metadata');
}

/** The figures a node's role takes: traffic for a client, capacity for a PoP, attack for a client or an AS. */
export function readNodeRates(cx: AnalysisContext, node: MutableNode, meta: NodeMeta): void {
  if (node.role === 'client') {
    const traffic = readRateKey(cx, meta, 'traffic', 'Traffic');
    const rps = readRateKey(cx, meta, 'rps', 'Requests per second', 'rps');
    if (traffic && rps)
      cx.reportAt(rps.range, 'warning', 'unused-key', "Both 'traffic' and 'rps' are given: 'traffic' counts");
    const chosen = traffic ?? rps;
    if (chosen) node.traffic = chosen;
  }
  if (node.role === 'pop') {
    const capacity = readRateKey(cx, meta, 'capacity', 'Capacity');
    if (capacity) node.capacity = capacity;
  }
  if (node.role === 'client' || node.role === 'as') {
    const attack = readRateKey(cx, meta, 'attack', 'Attack');
    if (attack) node.attack = attack;
  }
}

/** `warnAbove: 80%` (or `80`, a percentage) as a share. */
export function readWarnAbove(cx: AnalysisContext, entry: YamlEntry): Fact<number> | undefined {
  const span = scalarSpans(entry.value)[0];
  if (!span) return undefined;
  const m = /^\s*([0-9]+(?:\.[0-9]+)?)\s*%?\s*$/.exec(span.text);
  const percent = m ? Number(m[1]) : NaN;
  if (!(percent > 0 && percent <= 1000)) {
    cx.report(span, 'error', 'invalid-setting', `warnAbove '${span.text}' must be a percentage above 0, e.g. 80%`);
    return undefined;
  }
  return cx.fact(percent / 100, span, 'front-matter');
}

/** `attack: { EU: 300Gbps, Asia: 1Tbps }`: subgraph ids and their attack rates. */
export function readGroupAttacks(cx: AnalysisContext, entry: YamlEntry): GroupAttack[] {
  if (entry.value?.kind !== 'map') {
    cx.report(entry.key, 'error', 'invalid-setting', "'attack:' holds subgraph ids and rates: attack: { EU: 300Gbps }");
    return [];
  }
  return entry.value.entries.flatMap((e) => {
    const span = scalarSpans(e.value)[0];
    if (!span) return [];
    const rate = cx.take(readRate(span.text, 'Attack'), span);
    if (rate === undefined) return [];
    if (!cx.subgraphsById.has(e.key.text)) {
      const known = [...cx.subgraphsById.keys()];
      cx.report(
        e.key,
        'error',
        'unknown-id',
        `No subgraph '${e.key.text}' to attack from`,
        cx.suggest(e.key.text, known),
      );
      return [];
    }
    return [{ subgraph: cx.fact(e.key.text, e.key, 'front-matter'), rate: cx.fact(rate, span, 'front-matter') }];
  });
}

/** Every figure of the document, in document order of kind: traffic, then capacity, then attack. */
function figures(nodes: readonly NodeModel[], settings: DocumentSettings): { what: string; fact: Fact<Rate> }[] {
  return [
    ...nodes.flatMap((n) => (n.traffic ? [{ what: 'traffic', fact: n.traffic }] : [])),
    ...nodes.flatMap((n) => (n.capacity ? [{ what: 'capacity', fact: n.capacity }] : [])),
    ...nodes.flatMap((n) => (n.attack ? [{ what: 'attack', fact: n.attack }] : [])),
    ...(settings.groupAttacks ?? []).map((a) => ({ what: 'attack', fact: a.rate })),
  ];
}

/**
 * The unit loads are summed in: that of the first client traffic, else the first capacity, else
 * the first attack. Figures in the other unit are left out of every sum (`unit-mismatch` says so).
 */
export function loadUnit(nodes: readonly NodeModel[], settings: DocumentSettings): RateUnit | undefined {
  return figures(nodes, settings)[0]?.fact.value.unit;
}

/** A figure in the unit loads are summed in, or 0 when absent or in the other unit. */
export function inUnit(fact: Fact<Rate> | undefined, unit: RateUnit | undefined): number {
  return fact && fact.value.unit === unit ? fact.value.value : 0;
}

/** A client that only sends attack traffic, its own or its subgraph's: it needs no traffic. */
function isAttacker(cx: AnalysisContext, client: NodeModel, settings: DocumentSettings): boolean {
  if (client.attack) return true;
  const attacked = new Set((settings.groupAttacks ?? []).map((a) => a.subgraph.value));
  const seen = new Set<string>();
  for (let s = client.subgraph; s !== undefined && !seen.has(s); s = cx.subgraphsById.get(s)?.parent) {
    if (attacked.has(s)) return true;
    seen.add(s);
  }
  return false;
}

/** One unit everywhere; a capacity on every PoP once any has one; traffic on clients once a capacity asks for it. */
export function checkLoadFacts(cx: AnalysisContext, nodes: readonly NodeModel[], settings: DocumentSettings): void {
  const all = figures(nodes, settings);
  const first = all[0];
  if (!first) return;
  const unit = first.fact.value.unit;
  const where = `line ${first.fact.range.start.line + 1}`;
  for (const f of all)
    if (f.fact.value.unit !== unit)
      cx.reportAt(
        f.fact.range,
        'warning',
        'unit-mismatch',
        `This ${f.what} is in ${f.fact.value.unit} but the ${first.what} on ${where} is in ${unit}: loads are summed in ${unit}, so this figure is left out`,
      );
  const pops = nodes.filter((n) => n.role === 'pop');
  if (pops.some((p) => p.capacity))
    for (const p of pops.filter((q) => !q.capacity && q.state?.value !== 'down'))
      cx.reportAt(
        p.idRange,
        'warning',
        'missing-capacity',
        `PoP '${p.name}' has no capacity, so its utilisation cannot be worked out: add capacity: (e.g. 100Gbps) to its metadata`,
      );
  const clients = nodes.filter((n) => n.role === 'client');
  if (pops.some((p) => p.capacity) && clients.some((c) => c.traffic))
    for (const c of clients.filter((x) => !x.traffic && !isAttacker(cx, x, settings)))
      cx.reportAt(
        c.idRange,
        'information',
        'missing-traffic',
        `Client '${c.name}' states no traffic, so it adds nothing to any PoP's load (add traffic: or rps:)`,
      );
}
