/**
 * The exits of one full-mesh AS, indexed once for all its routers. In a full mesh every router
 * hears the same routes over iBGP: each member's best route learned outside the AS (its exit).
 * Steps 1 to 4 of the decision process (LOCAL_PREF, AS path length, ORIGIN, MED per neighbour AS)
 * compare attributes that iBGP does not change, so the exits that can win anywhere in the AS are
 * the same for every router: the index keeps them by preference level, neighbour AS and MED, and
 * a router combines them with its own routes and then picks by IGP cost (hot potato), never
 * building one candidate per sibling.
 */
import { ORIGIN_RANK, bestOf, selectBest } from './decision';
import { overIbgp } from './ibgpRoutes';
import type { Held, Net } from './routerNet';
import type { Asn } from './types';

/** The exits of one preference level (LOCAL_PREF, AS path length, ORIGIN), by neighbour AS, then MED. */
interface Level {
  readonly localPref: number;
  readonly pathLength: number;
  readonly originRank: number;
  count: number;
  readonly groups: Map<Asn, Map<number, Set<number>>>;
}

/** The exits a reader can choose from after steps 1 to 3, and the lowest MED per neighbour AS among them. */
interface View {
  readonly level: Level;
  readonly mins: ReadonlyMap<Asn, number>;
}

const levelKey = (h: Held): string => `${h.localPref}/${h.asPath.length}/${ORIGIN_RANK[h.origin]}`;

/** The preference level of a route: LOCAL_PREF, AS path length and ORIGIN (steps 1 to 3). */
type Rank = Pick<Level, 'localPref' | 'pathLength' | 'originRank'>;

/** -1, 0 or 1 as route h is less preferred than, as preferred as, or more preferred than level b (steps 1 to 3). */
function compareToLevel(h: Held, b: Rank): number {
  if (h.localPref !== b.localPref) return h.localPref > b.localPref ? 1 : -1;
  if (h.asPath.length !== b.pathLength) return h.asPath.length < b.pathLength ? 1 : -1;
  const originRank = ORIGIN_RANK[h.origin];
  if (originRank !== b.originRank) return originRank < b.originRank ? 1 : -1;
  return 0;
}

const rankOf = (h: Held): Rank => ({
  localPref: h.localPref,
  pathLength: h.asPath.length,
  originRank: ORIGIN_RANK[h.origin],
});

const above = (a: Rank, b: Rank): boolean =>
  a.localPref !== b.localPref
    ? a.localPref > b.localPref
    : a.pathLength !== b.pathLength
      ? a.pathLength < b.pathLength
      : a.originRank < b.originRank;

/** What a change of one exit means to the AS's readers. */
export type ExitChange = 'preference' | 'survivors' | 'none';

export class ExitIndex {
  private readonly exits = new Map<number, Held>();
  private readonly levels = new Map<string, Level>();
  private sorted: number[] | undefined;
  /** The view of a router with no exit of its own, kept to tell what a change does. */
  private current: View | undefined;

  /** The exit router q offers over iBGP (its best route, when learned outside the AS). */
  exit(q: number): Held | undefined {
    return this.exits.get(q);
  }

  /**
   * Sets or clears router q's exit. 'preference' when the best level or a lowest MED changed
   * (any reader may choose differently), 'survivors' when an exit that survives steps 1 to 4 came
   * or went (readers choosing among exits may), 'none' when no reader can notice.
   */
  set(q: number, h: Held | undefined): ExitChange {
    const before = this.current;
    const old = this.exits.get(q);
    if (old) this.remove(q, old);
    if (h) this.add(q, h);
    this.sorted = undefined;
    const after = (this.current = this.view(-1));
    if (!sameView(before, after)) return 'preference';
    return (old && survives(old, before)) || (h && survives(h, after)) ? 'survivors' : 'none';
  }

  /** The routers with an exit, in index order. */
  exporters(): readonly number[] {
    return (this.sorted ??= [...this.exits.keys()].sort((a, b) => a - b));
  }

  /** The best level of the exits other than `except`'s. */
  top(except: number): Level | undefined {
    const mine = this.exits.get(except);
    const mineKey = mine && levelKey(mine);
    let top: Level | undefined;
    for (const [key, level] of this.levels)
      if (level.count > (key === mineKey ? 1 : 0) && (!top || above(level, top))) top = level;
    return top;
  }

  /** The best level of the exits other than `except`'s, with the lowest MED of each neighbour AS there. */
  view(except: number, top = this.top(except)): View | undefined {
    if (!top) return undefined;
    const mins = new Map<Asn, number>();
    for (const [neighbor, byMed] of top.groups) {
      let min = Infinity;
      for (const [med, routers] of byMed) if (med < min && (routers.size > 1 || !routers.has(except))) min = med;
      if (min < Infinity) mins.set(neighbor, min);
    }
    return { level: top, mins };
  }

  /** The exits at the view's level whose MED is the lowest of their neighbour AS under `mins`, but `except`'s. */
  survivors(view: View, mins: ReadonlyMap<Asn, number>, except: number): number[] {
    const out: number[] = [];
    for (const [neighbor, byMed] of view.level.groups) {
      const min = mins.get(neighbor);
      for (const q of (min === undefined ? undefined : byMed.get(min)) ?? []) if (q !== except) out.push(q);
    }
    return out;
  }

  private add(q: number, h: Held): void {
    this.exits.set(q, h);
    const key = levelKey(h);
    let level = this.levels.get(key);
    if (!level) this.levels.set(key, (level = { ...rankOf(h), count: 0, groups: new Map() }));
    level.count++;
    let byMed = level.groups.get(h.neighborAsn);
    if (!byMed) level.groups.set(h.neighborAsn, (byMed = new Map()));
    let routers = byMed.get(h.med);
    if (!routers) byMed.set(h.med, (routers = new Set()));
    routers.add(q);
  }

  private remove(q: number, h: Held): void {
    this.exits.delete(q);
    const key = levelKey(h);
    const level = this.levels.get(key) as Level;
    const byMed = level.groups.get(h.neighborAsn) as Map<number, Set<number>>;
    const routers = byMed.get(h.med) as Set<number>;
    routers.delete(q);
    if (routers.size === 0) byMed.delete(h.med);
    if (byMed.size === 0) level.groups.delete(h.neighborAsn);
    if (--level.count === 0) this.levels.delete(key);
  }
}

/** Whether two views have the same level and the same lowest MED per neighbour AS. */
function sameView(a: View | undefined, b: View | undefined): boolean {
  if (!a || !b) return a === b;
  if (above(a.level, b.level) || above(b.level, a.level) || a.mins.size !== b.mins.size) return false;
  for (const [asn, med] of a.mins) if (b.mins.get(asn) !== med) return false;
  return true;
}

function survives(h: Held, view: View | undefined): boolean {
  return !!view && compareToLevel(h, view.level) === 0 && view.mins.get(h.neighborAsn) === h.med;
}

/**
 * Router r's choice in a full mesh: the decision process over its own routes (`own`: its PoPs and
 * eBGP routes) and every other member's exit, the same choice as over the full candidate list.
 * An exit that loses steps 1 to 4 among the exits alone loses them at r too; if one of r's own
 * routes survives them, eBGP over iBGP removes every exit; otherwise the surviving exits are
 * compared by IGP cost from r, and only the nearest are built as routes for the tie-break.
 */
export function chooseInMesh(
  net: Net,
  r: number,
  own: readonly Held[],
  index: ExitIndex | undefined,
): Held | undefined {
  const view = index?.view(r);
  let ownTop: Held | undefined;
  for (const h of own) if (!ownTop || compareToLevel(h, rankOf(ownTop)) > 0) ownTop = h;
  const order = !view ? 1 : !ownTop ? -1 : compareToLevel(ownTop, view.level);
  if (order > 0 || !view || !index) return bestOf(net, r, own);
  const mins = new Map(view.mins);
  const ownAtTop: number[] = [];
  if (order === 0)
    own.forEach((h, i) => {
      if (compareToLevel(h, view.level) !== 0) return;
      ownAtTop.push(i);
      mins.set(h.neighborAsn, Math.min(mins.get(h.neighborAsn) ?? Infinity, h.med));
    });
  const ownSurvivors = ownAtTop.filter((i) => (own[i] as Held).med === mins.get((own[i] as Held).neighborAsn));
  if (ownSurvivors.length > 0) return own[selectBest(net, r, own, ownSurvivors)];
  let lowest = Infinity;
  let nearest: number[] = [];
  const survivors = index.survivors(view, mins, r);
  for (const q of survivors) {
    const cost = net.igpCost(r, q) + (index.exit(q) as Held).igpCost;
    // An unknown cost (a router without a location) leaves the IGP step out, as the decision process does.
    if (Number.isNaN(cost)) {
      nearest = survivors;
      break;
    }
    if (cost < lowest) [lowest, nearest] = [cost, [q]];
    else if (cost === lowest) nearest.push(q);
  }
  const heard = nearest.map((q) => overIbgp(net, r, q, index.exit(q)) as Held);
  return bestOf(net, r, heard);
}
