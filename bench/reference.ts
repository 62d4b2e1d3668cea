// Runs in Node (benchmarks only): the plain way to write the same engine, one object per AS and
// per route, paths copied as arrays, strings split per line. The engine's figures are reported
// as ratios against it. Same policy as the engine: Gao-Rexford, shorter path, lowest neighbour ASN.

export interface RefAs {
  readonly asn: number;
  readonly customers: RefAs[];
  readonly peers: RefAs[];
  readonly providers: RefAs[];
  rank: number;
}

export type RefGraph = Map<number, RefAs>;

type Learned = 'origin' | 'customer' | 'peer' | 'provider';

export interface RefRoute {
  readonly asPath: number[];
  readonly learned: Learned;
  readonly originAsn: number;
  readonly neighborAsn: number;
}

const PREF: Record<Learned, number> = { origin: 4, customer: 3, peer: 2, provider: 1 };

export function parseReference(text: string): RefGraph {
  const graph: RefGraph = new Map();
  const get = (asn: number): RefAs => {
    let as = graph.get(asn);
    if (!as) graph.set(asn, (as = { asn, customers: [], peers: [], providers: [], rank: -1 }));
    return as;
  };
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const [a, b, rel] = line.split('|');
    const x = get(Number(a));
    const y = get(Number(b));
    if (rel === '-1') {
      x.customers.push(y);
      y.providers.push(x);
    } else {
      x.peers.push(y);
      y.peers.push(x);
    }
  }
  const pending = new Map<RefAs, number>();
  const ready: RefAs[] = [];
  for (const as of graph.values()) {
    pending.set(as, as.customers.length);
    if (as.customers.length === 0) {
      as.rank = 0;
      ready.push(as);
    }
  }
  while (ready.length > 0) {
    const as = ready.pop() as RefAs;
    for (const p of as.providers) {
      p.rank = Math.max(p.rank, as.rank + 1);
      const left = (pending.get(p) as number) - 1;
      pending.set(p, left);
      if (left === 0) ready.push(p);
    }
  }
  return graph;
}

export function better(a: RefRoute, b: RefRoute | undefined): boolean {
  if (!b) return true;
  if (PREF[a.learned] !== PREF[b.learned]) return PREF[a.learned] > PREF[b.learned];
  if (a.asPath.length !== b.asPath.length) return a.asPath.length < b.asPath.length;
  return a.neighborAsn < b.neighborAsn;
}

function offer(to: RefAs, from: RefAs, route: RefRoute, learned: Learned): RefRoute {
  return { asPath: [to.asn, ...route.asPath], learned, originAsn: route.originAsn, neighborAsn: from.asn };
}

/** BGPy-style propagation: up by rank, one hop across peers, down by rank. */
export function propagateReference(graph: RefGraph, origins: readonly number[]): Map<RefAs, RefRoute> {
  const routes = new Map<RefAs, RefRoute>();
  for (const asn of origins) {
    const as = graph.get(asn);
    if (as) routes.set(as, { asPath: [asn], learned: 'origin', originAsn: asn, neighborAsn: asn });
  }
  const byRank = [...graph.values()].filter((a) => a.rank >= 0).sort((a, b) => a.rank - b.rank);
  for (const as of byRank) {
    if (routes.has(as)) continue;
    let best: RefRoute | undefined;
    for (const c of as.customers) {
      const r = routes.get(c);
      if (r) {
        const o = offer(as, c, r, 'customer');
        if (better(o, best)) best = o;
      }
    }
    if (best) routes.set(as, best);
  }
  const peerRoutes: [RefAs, RefRoute][] = [];
  for (const as of graph.values()) {
    if (routes.has(as)) continue;
    let best: RefRoute | undefined;
    for (const p of as.peers) {
      const r = routes.get(p);
      if (r && (r.learned === 'origin' || r.learned === 'customer')) {
        const o = offer(as, p, r, 'peer');
        if (better(o, best)) best = o;
      }
    }
    if (best) peerRoutes.push([as, best]);
  }
  for (const [as, r] of peerRoutes) routes.set(as, r);
  for (let i = byRank.length - 1; i >= 0; i--) {
    const as = byRank[i] as RefAs;
    if (routes.has(as)) continue;
    let best: RefRoute | undefined;
    for (const p of as.providers) {
      const r = routes.get(p);
      if (r) {
        const o = offer(as, p, r, 'provider');
        if (better(o, best)) best = o;
      }
    }
    if (best) routes.set(as, best);
  }
  return routes;
}

/** Every AS's candidates as route objects, sorted; best and runner-up with the separating step. */
export function explainReference(
  graph: RefGraph,
  routes: Map<RefAs, RefRoute>,
): Map<RefAs, { best: RefRoute; runnerUp?: RefRoute; decidedBy: string }> {
  const out = new Map<RefAs, { best: RefRoute; runnerUp?: RefRoute; decidedBy: string }>();
  for (const as of graph.values()) {
    const own = routes.get(as);
    if (!own) continue;
    const candidates: RefRoute[] = own.learned === 'origin' ? [own] : [];
    const add = (list: RefAs[], learned: Learned, exportsAll: boolean): void => {
      for (const n of list) {
        const r = routes.get(n);
        if (!r || r.asPath.includes(as.asn)) continue;
        if (!exportsAll && r.learned !== 'origin' && r.learned !== 'customer') continue;
        candidates.push(offer(as, n, r, learned));
      }
    };
    add(as.customers, 'customer', false);
    add(as.peers, 'peer', false);
    add(as.providers, 'provider', true);
    candidates.sort((a, b) => (better(a, b) ? -1 : better(b, a) ? 1 : 0));
    const [best, runnerUp] = candidates as [RefRoute, RefRoute | undefined];
    const decidedBy = !runnerUp
      ? 'only-route'
      : PREF[best.learned] !== PREF[runnerUp.learned]
        ? 'local-pref'
        : best.asPath.length !== runnerUp.asPath.length
          ? 'as-path-length'
          : 'tie-break';
    out.set(as, { best, ...(runnerUp ? { runnerUp } : {}), decidedBy });
  }
  return out;
}

export function diffReference(
  before: Map<RefAs, RefRoute>,
  after: Map<RefAs, RefRoute>,
): { asn: number; from?: number; to?: number }[] {
  const moved: { asn: number; from?: number; to?: number }[] = [];
  for (const as of new Set([...before.keys(), ...after.keys()])) {
    const from = before.get(as)?.originAsn;
    const to = after.get(as)?.originAsn;
    if (from !== to)
      moved.push({ asn: as.asn, ...(from !== undefined ? { from } : {}), ...(to !== undefined ? { to } : {}) });
  }
  return moved;
}

/** Path vector with route objects: every AS recomputes from its neighbours until nothing changes. */
export function pathVectorReference(graph: RefGraph, origins: readonly number[]): Map<RefAs, RefRoute> {
  const routes = new Map<RefAs, RefRoute>();
  const queue: RefAs[] = [];
  const queued = new Set<RefAs>();
  const isOrigin = new Set(origins);
  const push = (as: RefAs): void => {
    if (!queued.has(as) && !isOrigin.has(as.asn)) {
      queued.add(as);
      queue.push(as);
    }
  };
  const neighbours = (as: RefAs): RefAs[] => [...as.customers, ...as.peers, ...as.providers];
  for (const asn of origins) {
    const as = graph.get(asn);
    if (!as) continue;
    routes.set(as, { asPath: [asn], learned: 'origin', originAsn: asn, neighborAsn: asn });
    neighbours(as).forEach(push);
  }
  for (let head = 0; head < queue.length; head++) {
    const as = queue[head] as RefAs;
    queued.delete(as);
    let best: RefRoute | undefined;
    const consider = (list: RefAs[], learned: Learned, exportsAll: boolean): void => {
      for (const n of list) {
        const r = routes.get(n);
        if (!r || r.asPath.includes(as.asn)) continue;
        if (!exportsAll && r.learned !== 'origin' && r.learned !== 'customer') continue;
        const o = offer(as, n, r, learned);
        if (better(o, best)) best = o;
      }
    };
    consider(as.customers, 'customer', false);
    consider(as.peers, 'peer', false);
    consider(as.providers, 'provider', true);
    const current = routes.get(as);
    const found = best as RefRoute | undefined;
    if (current?.asPath.join() === found?.asPath.join() && current?.learned === found?.learned) continue;
    if (found) routes.set(as, found);
    else routes.delete(as);
    neighbours(as).forEach(push);
  }
  return routes;
}
