/**
 * How far each AS's choice carries over the next-hop forest of a `RouteTable`: how many ASes route
 * through it, and which reach their PoP through an arbitrary decision (theirs or one further along).
 */
import type { AsExplanations, RouteTable } from './asTypes';

/** How far each AS's choice carries: what depends on it, and who depends on a coin toss. */
export interface AsInfluence {
  /** Per AS: how many ASes (itself included) route through it. */
  readonly downstream: Int32Array;
  /** Per AS: 1 when its path crosses an arbitrary decision (its own or one further along). */
  readonly viaArbitrary: Uint8Array;
  /** ASes with a route whose path crosses at least one arbitrary decision. */
  readonly reachedViaArbitrary: number;
}

/**
 * The reach of each decision over the next-hop forest: an arbitrary choice at a large transit AS
 * decides the PoP of every AS behind it. Linear: a counting sort by path length, then one pass
 * each way.
 */
export function influenceOf(table: RouteTable, explanations: AsExplanations): AsInfluence {
  const n = table.graph.size;
  const { nextHop, pathLength } = table;
  let longest = 0;
  for (let x = 0; x < n; x++) if ((pathLength[x] as number) > longest) longest = pathLength[x] as number;
  const start = new Int32Array(longest + 2);
  for (let x = 0; x < n; x++)
    if ((nextHop[x] as number) >= 0)
      start[(pathLength[x] as number) + 1] = (start[(pathLength[x] as number) + 1] as number) + 1;
  for (let l = 1; l < start.length; l++) start[l] = (start[l] as number) + (start[l - 1] as number);
  const order = new Int32Array(start[start.length - 1] as number);
  const fill = start.slice();
  for (let x = 0; x < n; x++) {
    if ((nextHop[x] as number) < 0) continue;
    const l = pathLength[x] as number;
    order[fill[l] as number] = x;
    fill[l] = (fill[l] as number) + 1;
  }
  const viaArbitrary = new Uint8Array(n);
  let reachedViaArbitrary = 0;
  // Shorter paths first: the next hop's verdict is known before the AS's own.
  for (const x of order) {
    const next = nextHop[x] as number;
    const inherited =
      next !== x && (pathLength[next] as number) < (pathLength[x] as number) ? (viaArbitrary[next] as number) : 0;
    viaArbitrary[x] = (explanations.arbitraryOver[x] as number) >= 0 || inherited ? 1 : 0;
    reachedViaArbitrary += viaArbitrary[x] as number;
  }
  const downstream = new Int32Array(n);
  // Longer paths first: an AS's count is complete before it is added to its next hop.
  for (let i = order.length - 1; i >= 0; i--) {
    const x = order[i] as number;
    downstream[x] = (downstream[x] as number) + 1;
    const next = nextHop[x] as number;
    if (next !== x && (pathLength[next] as number) < (pathLength[x] as number))
      downstream[next] = (downstream[next] as number) + (downstream[x] as number);
  }
  return { downstream, viaArbitrary, reachedViaArbitrary };
}
