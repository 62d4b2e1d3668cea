/**
 * Per-PoP load and utilisation: the clients' `traffic` summed onto the PoP each reaches, plus the
 * attack traffic when asked, set against each PoP's `capacity`. Pure and linear in the clients; a
 * what-if's load is this function on the what-if's resolution (N-1 and planning call it once per
 * candidate resolution).
 */
import type { Resolution } from '../engine/types';
import { inUnit, loadUnit } from '../language/meaning/loadFacts';
import type { DocumentModel, RateUnit } from '../language/meaning/model';
import type { ScenarioRouting } from './analysis';
import { attackFlows, summariseAttack } from './attack';
import type { AttackSummary } from './attack';
import type { TopologyBuild } from './topology';

/** The default `warnAbove`: utilisation above 80% is a warning. */
export const DEFAULT_WARN_ABOVE = 0.8;

/** How loaded a PoP is: under the threshold, above it, over 100%, or no capacity to say. */
export type LoadLevel = 'ok' | 'warn' | 'over' | 'unknown';

export interface PopLoad {
  /** The PoP's node id (also its engine origin id). */
  readonly pop: string;
  /** Clients it serves (all of them, with or without a stated traffic). */
  readonly clients: number;
  /** Client traffic landing on it, in the report's unit. */
  readonly traffic: number;
  /** Attack traffic landing on it (0 unless the attack is included). */
  readonly attack: number;
  /** `traffic + attack`. */
  readonly load: number;
  readonly capacity?: number;
  /** `load / capacity`; undefined without a capacity. */
  readonly utilisation?: number;
  readonly level: LoadLevel;
}

export interface LoadReport {
  /** The unit every figure is in; undefined when the document states no traffic, capacity or attack. */
  readonly unit?: RateUnit;
  /** The share above which a PoP is at 'warn' (front matter, else the option, else 0.8). */
  readonly warnAbove: number;
  /** Every PoP, in document order. */
  readonly pops: readonly PopLoad[];
  /** Client traffic that reaches no PoP. */
  readonly unserved: number;
  /** Present when the attack was included. */
  readonly attack?: AttackSummary;
}

export interface LoadOptions {
  /** The editor's `anycast.load.warnAbove` as a share; the front matter's `warnAbove` wins. */
  readonly warnAbove?: number;
  /** Send the attack sources' traffic along the same routing and add it to the load. */
  readonly attack?: boolean;
}

/** True when the document states any traffic, capacity or attack: only then is load worth showing. */
export function hasLoadFigures(model: DocumentModel): boolean {
  return loadUnit(model.nodes, model.settings) !== undefined;
}

/** Where a utilisation stands against the threshold. */
export function levelOf(utilisation: number | undefined, warnAbove: number): LoadLevel {
  if (utilisation === undefined) return 'unknown';
  if (utilisation > 1) return 'over';
  return utilisation > warnAbove ? 'warn' : 'ok';
}

/** What the load reads of a resolution: the clients' PoPs, and the routers' routes for the attack. */
export type LoadInput = Pick<Resolution, 'clients'> & Partial<Pick<Resolution, 'routers'>>;

/** The load on every PoP under `resolution` (the attack only when it carries the routers' routes). */
export function computeLoad(
  model: DocumentModel,
  build: TopologyBuild,
  resolution: LoadInput,
  options: LoadOptions = {},
): LoadReport {
  const unit = loadUnit(model.nodes, model.settings);
  const warnAbove = model.settings.warnAbove?.value ?? options.warnAbove ?? DEFAULT_WARN_ABOVE;
  const traffic = new Map<string, number>();
  const clients = new Map<string, number>();
  const byId = new Map(model.nodes.map((n) => [n.id, n]));
  let unserved = 0;
  for (const c of resolution.clients) {
    const t = inUnit(byId.get(c.id)?.traffic, unit);
    if (c.pop === undefined) {
      unserved += t;
      continue;
    }
    traffic.set(c.pop, (traffic.get(c.pop) ?? 0) + t);
    clients.set(c.pop, (clients.get(c.pop) ?? 0) + 1);
  }
  const routers = resolution.routers;
  const flows =
    options.attack && unit && routers
      ? attackFlows(model, build, { clients: resolution.clients, routers }, unit)
      : undefined;
  const attack = new Map<string, number>();
  for (const f of flows ?? []) if (f.pop !== undefined) attack.set(f.pop, (attack.get(f.pop) ?? 0) + f.rate);
  const pops = model.nodes
    .filter((n) => n.role === 'pop')
    .map((n): PopLoad => {
      const t = traffic.get(n.id) ?? 0;
      const a = attack.get(n.id) ?? 0;
      const capacity = n.capacity && n.capacity.value.unit === unit ? n.capacity.value.value : undefined;
      const utilisation = capacity !== undefined && capacity > 0 ? (t + a) / capacity : undefined;
      return {
        pop: n.id,
        clients: clients.get(n.id) ?? 0,
        traffic: t,
        attack: a,
        load: t + a,
        ...(capacity !== undefined ? { capacity } : {}),
        ...(utilisation !== undefined ? { utilisation } : {}),
        level: levelOf(utilisation, warnAbove),
      };
    });
  return {
    ...(unit ? { unit } : {}),
    warnAbove,
    pops,
    unserved,
    ...(flows
      ? {
          attack: summariseAttack(
            model,
            flows,
            pops.filter((p) => p.level === 'over').map((p) => p.pop),
          ),
        }
      : {}),
  };
}

/** The load under a what-if, and before it when something is failed; undefined without figures or routing. */
export function loadOfRouting(
  routing: ScenarioRouting,
  options: LoadOptions = {},
): { readonly after: LoadReport; readonly before?: LoadReport } | undefined {
  if (!routing.resolution || !hasLoadFigures(routing.model)) return undefined;
  const after = computeLoad(routing.model, routing.build, routing.resolution, options);
  if (!routing.diff || !routing.baseline) return { after };
  return { after, before: computeLoad(routing.model, routing.build, routing.baseline, options) };
}

/** The PoP with the highest utilisation, if any has one. */
export function worstPop(report: LoadReport): PopLoad | undefined {
  let worst: PopLoad | undefined;
  for (const p of report.pops)
    if (p.utilisation !== undefined && (worst?.utilisation === undefined || p.utilisation > worst.utilisation))
      worst = p;
  return worst;
}
