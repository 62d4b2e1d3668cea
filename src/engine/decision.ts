/**
 * The decision process of RFC 4271 section 9.1.2.2 at one router: elimination step by step, the
 * configured tie-break, and the explanation of a choice (which step separated the best route from
 * the runner-up).
 */
import type { Held, Net } from './routerNet';
import { toRoute } from './routerNet';
import { mix32 } from './policy';
import type { Alternative, Asn, DecisionStep, Explanation, Origin, Route, TieBreakComparison } from './types';
import { DECISION_STEPS } from './types';

export const ORIGIN_RANK: Readonly<Record<Origin, number>> = { igp: 0, egp: 1, incomplete: 2 };

/**
 * Tie-break keys, compared in order, lower wins. A reflected route's BGP identifier is its
 * ORIGINATOR_ID, and the shorter CLUSTER_LIST wins before the sender's index (its "peer address")
 * and session, which end every key (RFC 4456 section 9).
 */
function tieKey(net: Net, r: number, h: Held): number[] {
  const id = net.routerId[h.learnedFrom === 'ibgp' ? h.originator : h.sender] as number;
  const tail = [h.clusterList.length, h.sender, h.session];
  switch (net.tieBreak.model) {
    case 'lowest-neighbor-asn':
      return [h.neighborAsn, id, ...tail];
    case 'router-id':
      return [id, ...tail];
    case 'oldest':
      // The first PoP announced is the oldest; among its copies, fewer hops arrived first.
      return [h.pop, h.routerPath.length, id, ...tail];
    case 'random':
      return [mix32(net.tieBreak.seed ?? 0, r, h.sender * 65536 + h.session + 1), ...tail];
  }
}

function lexLess(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if ((a[i] as number) !== (b[i] as number)) return (a[i] as number) < (b[i] as number);
  }
  return a.length < b.length;
}

/** The elimination of RFC 4271 9.1.2.2 over the given candidate indexes: survivors after each step. */
function eliminate(
  net: Net,
  r: number,
  cands: readonly Held[],
  start: readonly number[],
): { step: DecisionStep; remaining: number[] }[] {
  let remaining = [...start];
  const keep = (pred: (h: Held) => boolean): void => {
    remaining = remaining.filter((i) => pred(cands[i] as Held));
  };
  const at = (i: number): Held => cands[i] as Held;
  return DECISION_STEPS.map((step) => {
    switch (step) {
      case 'local-pref': {
        const top = Math.max(...remaining.map((i) => at(i).localPref));
        keep((h) => h.localPref === top);
        break;
      }
      case 'as-path-length': {
        const shortest = Math.min(...remaining.map((i) => at(i).asPath.length));
        keep((h) => h.asPath.length === shortest);
        break;
      }
      case 'origin': {
        const lowest = Math.min(...remaining.map((i) => ORIGIN_RANK[at(i).origin]));
        keep((h) => ORIGIN_RANK[h.origin] === lowest);
        break;
      }
      case 'med': {
        // MED compares only routes from the same neighbour AS (no always-compare-med).
        const lowest = new Map<Asn, number>();
        for (const i of remaining)
          lowest.set(at(i).neighborAsn, Math.min(lowest.get(at(i).neighborAsn) ?? Infinity, at(i).med));
        keep((h) => h.med === lowest.get(h.neighborAsn));
        break;
      }
      case 'ebgp-over-ibgp':
        if (remaining.some((i) => at(i).learnedFrom !== 'ibgp')) keep((h) => h.learnedFrom !== 'ibgp');
        break;
      case 'igp-cost': {
        // A cost to or from a router without a location is unknown: the step cannot compare, and
        // the next one decides (the explanation flags it).
        if (remaining.some((i) => Number.isNaN(at(i).igpCost))) break;
        const lowest = Math.min(...remaining.map((i) => at(i).igpCost));
        keep((h) => h.igpCost === lowest);
        break;
      }
      case 'tie-break': {
        let winner = remaining[0] as number;
        let winnerKey = tieKey(net, r, at(winner));
        for (const i of remaining.slice(1)) {
          const key = tieKey(net, r, at(i));
          if (lexLess(key, winnerKey)) {
            winner = i;
            winnerKey = key;
          }
        }
        remaining = [winner];
        break;
      }
      default:
        break;
    }
    return { step, remaining };
  });
}

/** The route the decision process picks among all of `cands`, or undefined when there is none. */
export function bestOf(net: Net, r: number, cands: readonly Held[]): Held | undefined {
  return cands.length === 0
    ? undefined
    : cands[
        selectBest(
          net,
          r,
          cands,
          cands.map((_, i) => i),
        )
      ];
}

export function selectBest(net: Net, r: number, cands: readonly Held[], from: readonly number[]): number {
  if (from.length === 1) return from[0] as number;
  const rounds = eliminate(net, r, cands, from);
  return rounds[rounds.length - 1]?.remaining[0] as number;
}

/** Whether `c` loses to `b` at the first three steps (LOCAL_PREF, AS_PATH length, ORIGIN), which compare every candidate alike. */
function losesEarly(b: Held, c: Held): boolean {
  if (b.localPref !== c.localPref) return b.localPref > c.localPref;
  if (b.asPath.length !== c.asPath.length) return b.asPath.length < c.asPath.length;
  return ORIGIN_RANK[b.origin] < ORIGIN_RANK[c.origin];
}

/** Whether `b` beats `c` at the steps after MED (eBGP over iBGP, IGP cost, tie-break). */
function beatsLate(net: Net, r: number, b: Held, c: Held): boolean {
  if ((b.learnedFrom === 'ibgp') !== (c.learnedFrom === 'ibgp')) return b.learnedFrom !== 'ibgp';
  if (b.igpCost !== c.igpCost) return b.igpCost < c.igpCost;
  return lexLess(tieKey(net, r, b), tieKey(net, r, c));
}

/**
 * Whether router r, whose best route is `best`, keeps it when candidate `c` (not `best`) leaves
 * (`added` false) or joins its candidates, whatever the others are. When every MED is equal the
 * steps rank routes in one order: a leaving loser changes nothing, a joining one must lose to the
 * best. Otherwise a sufficient test: MED compares only routes from one neighbour AS, so a
 * candidate tied with the best through ORIGIN from another neighbour AS may, by leaving, let one of
 * its own group survive MED and win later.
 */
export function keepsBest(net: Net, r: number, best: Held, c: Held, added: boolean, medMatters: boolean): boolean {
  if (!medMatters) return !added || losesEarly(best, c) || (!losesEarly(c, best) && beatsLate(net, r, best, c));
  if (losesEarly(best, c)) return true;
  if (losesEarly(c, best)) return false;
  const sameAs = best.neighborAsn === c.neighborAsn;
  if (!added) return sameAs && c.med >= best.med;
  if (sameAs && c.med !== best.med) return c.med > best.med;
  return beatsLate(net, r, best, c);
}

/** The first step at which `b` loses to `a`, comparing the two routes alone. */
function separatingStep(a: Held, b: Held): DecisionStep {
  if (a.localPref !== b.localPref) return 'local-pref';
  if (a.asPath.length !== b.asPath.length) return 'as-path-length';
  if (a.origin !== b.origin) return 'origin';
  if (a.neighborAsn === b.neighborAsn && a.med !== b.med) return 'med';
  if ((a.learnedFrom === 'ibgp') !== (b.learnedFrom === 'ibgp')) return 'ebgp-over-ibgp';
  if (a.igpCost !== b.igpCost && !Number.isNaN(a.igpCost) && !Number.isNaN(b.igpCost)) return 'igp-cost';
  return 'tie-break';
}

/** Explains a router's choice among its candidates: the elimination, the runner-up and the step that separated them. */
export function explainChoice(
  net: Net,
  r: number,
  cands: readonly Held[],
  prefix: string,
): { explanation: Explanation; route: Route } {
  const all = cands.map((_, i) => i);
  const survivors = eliminate(net, r, cands, all);
  const best = survivors[survivors.length - 1]?.remaining[0] as number;
  const rest = all.filter((i) => i !== best);
  const runnerUp = rest.length > 0 ? selectBest(net, r, cands, rest) : undefined;
  const decidedBy =
    runnerUp === undefined ? 'only-route' : separatingStep(cands[best] as Held, cands[runnerUp] as Held);
  const alternative = nearestAlternative(net, r, cands, survivors, best);
  const igpSurvivors = survivors.find((s) => s.step === 'igp-cost')?.remaining ?? [];
  const igpCostUnknown = igpSurvivors.length > 1 && igpSurvivors.some((i) => Number.isNaN((cands[i] as Held).igpCost));
  const explanation: Explanation = {
    candidates: cands.map((h) => toRoute(net, h, prefix)),
    survivors,
    best,
    ...(runnerUp !== undefined ? { runnerUp } : {}),
    decidedBy,
    ...(decidedBy === 'tie-break' && runnerUp !== undefined
      ? { tieBreak: compareTieBreak(net, r, cands[best] as Held, cands[runnerUp] as Held) }
      : {}),
    ...(alternative ? { alternative } : {}),
    arbitrary: alternative?.step === 'tie-break',
    ...(igpCostUnknown ? { igpCostUnknown } : {}),
  };
  return { explanation, route: explanation.candidates[best] as Route };
}

/**
 * The best route to another PoP than the best's: among those still in the running before the
 * step that eliminated the last of them, the one the decision process prefers.
 */
function nearestAlternative(
  net: Net,
  r: number,
  cands: readonly Held[],
  survivors: readonly { step: DecisionStep; remaining: readonly number[] }[],
  best: number,
): Alternative | undefined {
  const pop = (cands[best] as Held).pop;
  const elsewhere = (ids: readonly number[]): number[] => ids.filter((i) => (cands[i] as Held).pop !== pop);
  let before = elsewhere(cands.map((_, i) => i));
  if (before.length === 0) return undefined;
  for (const { step, remaining } of survivors) {
    const left = elsewhere(remaining);
    if (left.length === 0) {
      const index = selectBest(net, r, cands, before);
      return {
        index,
        step,
        ...(step === 'tie-break'
          ? { tieBreak: compareTieBreak(net, r, cands[best] as Held, cands[index] as Held) }
          : {}),
      };
    }
    before = left;
  }
  return undefined;
}

/** What the tie-break compared between the winner and a loser: the first key of the model on which they differ. */
function compareTieBreak(net: Net, r: number, a: Held, b: Held): TieBreakComparison {
  const model = net.tieBreak.model;
  const ka = tieKey(net, r, a);
  const kb = tieKey(net, r, b);
  let i = 0;
  while (i < ka.length - 1 && ka[i] === kb[i]) i++;
  // Keys end with [CLUSTER_LIST length, sender, session]; what comes before depends on the model.
  const head = ka.length - 3;
  const ids = net.topology.routers;
  const routerName = (k: number): string => (ids[k] as { id: string }).id;
  const idRouter = (h: Held): number => (h.learnedFrom === 'ibgp' ? h.originator : h.sender);
  if (i >= head) {
    if (i === head) return { model, by: 'cluster-list', best: a.clusterList.length, other: b.clusterList.length };
    return { model, by: 'peer-address', best: routerName(a.sender), other: routerName(b.sender) };
  }
  const routerId = (): TieBreakComparison => ({
    model,
    by: 'router-id',
    best: routerName(idRouter(a)),
    other: routerName(idRouter(b)),
    bestId: net.routerId[idRouter(a)] as number,
    otherId: net.routerId[idRouter(b)] as number,
  });
  switch (model) {
    case 'lowest-neighbor-asn':
      return i === 0 ? { model, by: 'neighbor-asn', best: a.neighborAsn, other: b.neighborAsn } : routerId();
    case 'router-id':
      return routerId();
    case 'oldest': {
      const origins = net.topology.origins;
      if (i === 0)
        return {
          model,
          by: 'arrival',
          best: (origins[a.pop] as { id: string }).id,
          other: (origins[b.pop] as { id: string }).id,
        };
      return i === 1 ? { model, by: 'hops', best: a.routerPath.length, other: b.routerPath.length } : routerId();
    }
    case 'random':
      return { model, by: 'seed', seed: net.tieBreak.seed ?? 0 };
  }
}
