/**
 * Reading a `RouteTable`: AS paths on demand, the explanation of every AS's choice (candidates,
 * survivors per step, runner-up, deciding step), and the diff of two tables.
 */
import { asIndex } from './asGraph';
import { RequestError } from './asScenario';
import {
  LOCAL_PREF_CUSTOMER,
  LOCAL_PREF_PEER,
  LOCAL_PREF_PROVIDER,
  TIE_OLDEST,
  TIE_RANDOM,
  mix32,
  tieBreakCode,
} from './policy';
import { LOCAL_PREF_ORIGIN } from './sweep';
import type { Asn, DecisionStep, Explanation } from './types';
import type { AsExplanations, AsMove, AsOrigin, RouteTable, RouteTableDiff } from './asTypes';
import { DECISION_CODES, DECISION_STEPS } from './types';
import { LEARNED_CUSTOMER, LEARNED_NONE, LEARNED_ORIGIN, LEARNED_PEER, LEARNED_PROVIDER } from './asTypes';

/** The AS path of AS index x (holder first, origin last, prepends repeated), or undefined. */
export function asPathAt(table: RouteTable, x: number): Asn[] | undefined {
  if ((table.nextHop[x] as number) < 0) return undefined;
  const asns = table.graph.asns;
  const path: Asn[] = [];
  let at = x;
  // A consistent table is a forest of next hops; the bound only guards an unstable snapshot.
  for (let guard = 0; guard <= table.graph.size; guard++) {
    path.push(asns[at] as number);
    const next = table.nextHop[at] as number;
    if (next === at) {
      const prepend = (table.origins[table.originIndex[at] as number] as AsOrigin).prepend ?? 0;
      for (let i = 0; i < prepend; i++) path.push(asns[at] as number);
      return path;
    }
    if (next < 0) return undefined;
    at = next;
  }
  return undefined;
}

export function asPathOf(table: RouteTable, asn: Asn): Asn[] | undefined {
  const x = asIndex(table.graph, asn);
  if (x < 0) throw new RequestError(`AS${asn} is not in the graph`);
  return asPathAt(table, x);
}

/** The ASN of the origin AS index x routes to, or undefined. */
export function originAsnAt(table: RouteTable, x: number): Asn | undefined {
  const k = table.originIndex[x] as number;
  return k < 0 ? undefined : (table.origins[k] as AsOrigin).asn;
}

interface Candidate {
  from: number;
  learned: number;
  pref: number;
  length: number;
  key: number;
}

function onPath(table: RouteTable, start: number, x: number): boolean {
  let at = start;
  for (let guard = 0; guard <= table.graph.size; guard++) {
    if (at === x) return true;
    const next = table.nextHop[at] as number;
    if (next === at || next < 0) return false;
    at = next;
  }
  return true;
}

type Visit = (from: number, learned: number, pref: number, length: number, key: number) => void;

function scanRelation(
  table: RouteTable,
  x: number,
  start: Int32Array,
  list: Int32Array,
  down: Uint8Array | undefined,
  learned: number,
  defaultPref: number,
  tie: number,
  seed: number,
  visit: Visit,
): void {
  const { graph, learnedFrom, pathLength, originIndex } = table;
  const overrides = table.localPrefOverrides;
  const n = graph.size;
  for (let p = start[x] as number, end = start[x + 1] as number; p < end; p++) {
    const from = list[p] as number;
    const fromLearned = learnedFrom[from] as number;
    if (fromLearned === LEARNED_NONE || (down !== undefined && down[p])) continue;
    if (learned !== LEARNED_PROVIDER && fromLearned > LEARNED_CUSTOMER) continue;
    if (onPath(table, from, x)) continue;
    const key =
      tie === TIE_OLDEST
        ? (originIndex[from] as number)
        : tie === TIE_RANDOM
          ? mix32(seed, graph.asns[x] as number, graph.asns[from] as number)
          : 0;
    visit(from, learned, overrides?.get(x * n + from) ?? defaultPref, (pathLength[from] as number) + 1, key);
  }
}

/**
 * Calls `visit` for every route x can choose from: its own announcement (from = x) and every
 * valley-free export that passes loop rejection. Scalars, not objects: this runs for every link
 * of a 60k-AS graph when every AS is explained.
 */
function forEachCandidate(table: RouteTable, x: number, visit: Visit): void {
  const { graph, masks } = table;
  if (masks.asDown[x]) return;
  const tie = tieBreakCode(table.tieBreak);
  const seed = table.tieBreak.seed ?? 0;
  const k = masks.originAt[x] as number;
  if (k >= 0)
    visit(
      x,
      LEARNED_ORIGIN,
      LOCAL_PREF_ORIGIN,
      1 + ((table.origins[k] as AsOrigin).prepend ?? 0),
      tie === TIE_OLDEST ? k : 0,
    );
  scanRelation(
    table,
    x,
    graph.customerStart,
    graph.customers,
    masks.customerDown,
    LEARNED_CUSTOMER,
    LOCAL_PREF_CUSTOMER,
    tie,
    seed,
    visit,
  );
  scanRelation(table, x, graph.peerStart, graph.peers, masks.peerDown, LEARNED_PEER, LOCAL_PREF_PEER, tie, seed, visit);
  scanRelation(
    table,
    x,
    graph.providerStart,
    graph.providers,
    masks.providerDown,
    LEARNED_PROVIDER,
    LOCAL_PREF_PROVIDER,
    tie,
    seed,
    visit,
  );
}

/** Negative when a is preferred. */
function compare(a: Candidate, b: Candidate): number {
  return b.pref - a.pref || a.length - b.length || a.key - b.key || a.from - b.from;
}

/** The first decision step at which the runner-up lost to the best. */
function separatingStep(best: Candidate, runnerUp: Candidate): DecisionStep {
  if (best.pref !== runnerUp.pref) return 'local-pref';
  if (best.length !== runnerUp.length) return 'as-path-length';
  return 'tie-break';
}

const CODE: Readonly<Record<DecisionStep, number>> = Object.fromEntries(DECISION_CODES.map((s, i) => [s, i])) as Record<
  DecisionStep,
  number
>;

/**
 * While one AS's candidates are visited: the best and the second best, and the best of those tied
 * with the best on LOCAL_PREF and path length that lead to another origin (what an arbitrary
 * choice was made over). Scalars, no allocation per candidate: this runs for every link.
 */
class Ranking {
  x = 0;
  count = 0;
  f1 = -1;
  p1 = 0;
  l1 = 0;
  k1 = 0;
  o1 = -1;
  f2 = -1;
  p2 = 0;
  l2 = 0;
  k2 = 0;
  /** The tied route to another origin, and its tie-break key. */
  tied = -1;
  tiedKey = 0;
  constructor(private readonly table: RouteTable) {}

  start(x: number): void {
    this.x = x;
    this.count = 0;
    this.f1 = this.f2 = this.tied = -1;
  }

  readonly visit: Visit = (from, _learned, pref, length, key) => {
    this.count++;
    const origin = candidateOrigin(this.table, this.x, from);
    if (this.f1 < 0 || preferred(pref, length, key, from, this.p1, this.l1, this.k1, this.f1)) {
      const sameTie = this.f1 >= 0 && pref === this.p1 && length === this.l1;
      // The old best is the best of the rest of its tie: the tied route elsewhere if its origin differs.
      if (!sameTie) this.tied = -1;
      else if (origin !== this.o1) [this.tied, this.tiedKey] = [this.f1, this.k1];
      [this.f2, this.p2, this.l2, this.k2] = [this.f1, this.p1, this.l1, this.k1];
      [this.f1, this.p1, this.l1, this.k1, this.o1] = [from, pref, length, key, origin];
      return;
    }
    if (this.f2 < 0 || preferred(pref, length, key, from, this.p2, this.l2, this.k2, this.f2))
      [this.f2, this.p2, this.l2, this.k2] = [from, pref, length, key];
    if (
      pref === this.p1 &&
      length === this.l1 &&
      origin !== this.o1 &&
      (this.tied < 0 || key < this.tiedKey || (key === this.tiedKey && from < this.tied))
    )
      [this.tied, this.tiedKey] = [from, key];
  };
}

function preferred(
  p: number,
  l: number,
  k: number,
  f: number,
  p0: number,
  l0: number,
  k0: number,
  f0: number,
): boolean {
  return p > p0 || (p === p0 && (l < l0 || (l === l0 && (k < k0 || (k === k0 && f < f0)))));
}

/** Explains every AS's choice in one pass over the links. */
export function explainAll(table: RouteTable): AsExplanations {
  const n = table.graph.size;
  const decidedBy = new Uint8Array(n);
  const runnerUp = new Int32Array(n).fill(-1);
  const runnerUpOrigin = new Int32Array(n).fill(-1);
  const candidates = new Int32Array(n);
  const arbitraryOver = new Int32Array(n).fill(-1);
  let contested = 0;
  let arbitrary = 0;
  let routed = 0;
  const ranking = new Ranking(table);
  const onlyRoute = CODE['only-route'];
  for (let x = 0; x < n; x++) {
    if ((table.nextHop[x] as number) < 0) continue;
    ranking.start(x);
    forEachCandidate(table, x, ranking.visit);
    routed++;
    candidates[x] = ranking.count;
    const { f1, p1, l1, f2, p2, l2, tied } = ranking;
    if (f1 < 0 || f2 < 0) {
      decidedBy[x] = onlyRoute;
      continue;
    }
    const step: DecisionStep = p1 !== p2 ? 'local-pref' : l1 !== l2 ? 'as-path-length' : 'tie-break';
    decidedBy[x] = CODE[step];
    runnerUp[x] = f2;
    runnerUpOrigin[x] = candidateOrigin(table, x, f2);
    contested++;
    arbitraryOver[x] = tied;
    if (tied >= 0) arbitrary++;
  }
  return { decidedBy, runnerUp, runnerUpOrigin, arbitraryOver, candidates, contested, arbitrary, routed };
}

/** The origin index a candidate of x offered by `from` leads to (x's own when it announces). */
function candidateOrigin(table: RouteTable, x: number, from: number): number {
  return from === x ? (table.masks.originAt[x] as number) : (table.originIndex[from] as number);
}

const LEARNED_NAME = ['none', 'origin', 'customer', 'peer', 'provider'] as const;

/** One candidate route of an AS, as shown to a user. */
export interface AsCandidate {
  readonly neighborAsn: Asn;
  readonly learnedFrom: 'origin' | 'customer' | 'peer' | 'provider';
  readonly localPref: number;
  readonly asPath: readonly Asn[];
  readonly originAsn: Asn;
}

/** A router's `Explanation`, for an AS of a graph: the same elimination over AS-level candidates. */
export interface AsExplanation extends Omit<Explanation, 'candidates'> {
  readonly asn: Asn;
  readonly candidates: readonly AsCandidate[];
}

/** The full explanation by elimination for one AS; undefined when it has no route. */
export function explainAs(table: RouteTable, asn: Asn): AsExplanation | undefined {
  const x = asIndex(table.graph, asn);
  if (x < 0) throw new RequestError(`AS${asn} is not in the graph`);
  if ((table.nextHop[x] as number) < 0) return undefined;
  const raw: Candidate[] = [];
  forEachCandidate(table, x, (from, learned, pref, length, key) => raw.push({ from, learned, pref, length, key }));
  raw.sort(compare);
  const asns = table.graph.asns;
  const candidates: AsCandidate[] = raw.map((c) => {
    const tail = c.from === x ? [] : (asPathAt(table, c.from) ?? []);
    const head = c.from === x ? (asPathAt(table, x) ?? [asns[x] as number]) : [asns[x] as number, ...tail];
    return {
      neighborAsn: asns[c.from] as number,
      learnedFrom: LEARNED_NAME[c.learned] as AsCandidate['learnedFrom'],
      localPref: c.pref,
      asPath: head,
      originAsn: (
        table.origins[
          c.from === x ? (table.masks.originAt[x] as number) : (table.originIndex[c.from] as number)
        ] as AsOrigin
      ).asn,
    };
  });
  let remaining = raw.map((_, i) => i);
  const survivors = DECISION_STEPS.map((step) => {
    if (step === 'local-pref') {
      const top = Math.max(...remaining.map((i) => (raw[i] as Candidate).pref));
      remaining = remaining.filter((i) => (raw[i] as Candidate).pref === top);
    } else if (step === 'as-path-length') {
      const shortest = Math.min(...remaining.map((i) => (raw[i] as Candidate).length));
      remaining = remaining.filter((i) => (raw[i] as Candidate).length === shortest);
    } else if (step === 'tie-break') {
      remaining = remaining.slice(0, 1);
    }
    return { step, remaining };
  });
  const best = raw[0] as Candidate;
  const second = raw[1];
  const decidedBy: DecisionStep = second ? separatingStep(best, second) : 'only-route';
  // Sorted best first: the first candidate to another origin is the nearest alternative.
  const index = candidates.findIndex((c) => c.originAsn !== (candidates[0] as AsCandidate).originAsn);
  const step = index < 0 ? undefined : separatingStep(best, raw[index] as Candidate);
  return {
    asn,
    candidates,
    survivors,
    best: 0,
    ...(second ? { runnerUp: 1 } : {}),
    decidedBy,
    ...(step !== undefined ? { alternative: { index, step } } : {}),
    arbitrary: step === 'tie-break',
  };
}

/** ASes whose origin changed between two tables over the same graph. */
export function diffRouteTables(before: RouteTable, after: RouteTable): RouteTableDiff {
  if (before.graph !== after.graph) throw new RequestError('the two route tables are over different graphs');
  const moved: AsMove[] = [];
  const lost: Asn[] = [];
  const asns = before.graph.asns;
  for (let x = 0; x < before.graph.size; x++) {
    const from = originAsnAt(before, x);
    const to = originAsnAt(after, x);
    if (from === to) continue;
    moved.push({
      asn: asns[x] as number,
      ...(from !== undefined ? { from } : {}),
      ...(to !== undefined ? { to } : {}),
    });
    if (to === undefined) lost.push(asns[x] as number);
  }
  return { moved, lost };
}

export { LEARNED_NAME };
