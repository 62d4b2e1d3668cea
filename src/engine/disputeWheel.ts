/**
 * Saying what a dispute wheel is: the routers that kept changing their choice once the solver's
 * budget ran out, the wheel among them in its order (each router prefers a route through the
 * next), ten routers at most named and the rest counted, so a wheel of a thousand routers is
 * still one line.
 */
import { selectBest } from './decision';
import type { Held, Net } from './routerNet';
import { toRoute } from './routerNet';
import type { Instability } from './types';

/** Routers named in a report; the rest are counted. */
export const NAMED_ROUTERS = 10;

/**
 * The wheel among the routers that keep changing: from each, the router its most preferred route
 * (of those it went through) leads to next; followed from the first router until one repeats.
 * Empty when the routes do not close a loop.
 */
function wheelOf(net: Net, cycling: readonly number[], seen: ReadonlyMap<number, ReadonlyMap<string, Held>>): number[] {
  const onWheel = new Set(cycling);
  const next = new Map<number, number>();
  for (const r of cycling) {
    const routes = [...(seen.get(r)?.values() ?? [])];
    if (routes.length === 0) continue;
    const top = routes[
      selectBest(
        net,
        r,
        routes,
        routes.map((_, i) => i),
      )
    ] as Held;
    const via = top.routerPath.slice(1).find((x) => x !== r && onWheel.has(x));
    if (via !== undefined) next.set(r, via);
  }
  const walk: number[] = [];
  const at = new Map<number, number>();
  let r = cycling[0];
  while (r !== undefined && !at.has(r)) {
    at.set(r, walk.length);
    walk.push(r);
    r = next.get(r);
  }
  return r === undefined ? [] : walk.slice(at.get(r));
}

/** "R1 → R2 → R3 → R1", or "R1 → … → R10 → … and 290 more" past ten routers. */
function wheelWords(ids: readonly string[]): string {
  const named = ids.slice(0, NAMED_ROUTERS);
  const rest = ids.length - named.length;
  return named.join(' → ') + (rest > 0 ? ` → … and ${rest} more` : ` → ${ids[0]}`);
}

/** The report of a prefix that never settles: every router that kept changing, the wheel first. */
export function instability(
  net: Net,
  prefix: string,
  seen: ReadonlyMap<number, ReadonlyMap<string, Held>>,
  activations: number,
): Instability {
  const cycling = [...seen.keys()].sort((a, b) => a - b);
  const id = (r: number): string => (net.topology.routers[r] as { id: string }).id;
  const wheel = wheelOf(net, cycling, seen);
  const onWheel = new Set(wheel);
  const others = cycling.filter((r) => !onWheel.has(r));
  const ordered = [...wheel, ...others];
  const count = `${cycling.length} router${cycling.length === 1 ? '' : 's'}`;
  const named =
    wheel.length > 0
      ? `the wheel ${wheelWords(wheel.map(id))}` +
        (others.length > 0 ? `, and ${others.length} more routers that follow it` : '')
      : others.slice(0, NAMED_ROUTERS).map(id).join(', ') +
        (others.length > NAMED_ROUTERS ? ` and ${others.length - NAMED_ROUTERS} more` : '');
  return {
    routers: cycling.map(id),
    cycle: ordered.slice(0, NAMED_ROUTERS).map((r) => ({
      router: id(r),
      routes: [...(seen.get(r) as ReadonlyMap<string, Held>).values()].map((h) => toRoute(net, h, prefix)),
    })),
    message:
      `no stable routing for ${prefix}: after ${activations} route recomputations, ${count} keep changing their choice: ${named} ` +
      `(a dispute wheel: each prefers a route through the next, e.g. by LOCAL_PREF overrides that break customer > peer > provider, or MED behind route reflectors as in RFC 3345)`,
  };
}
