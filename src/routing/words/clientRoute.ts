/**
 * A client's route, decided once: the PoP that serves it, the AS path, where on its path the PoP
 * was decided and the nearest alternative's PoP, the RTT, and what the what-if changed. The editor's hover
 * (markdown) and the preview's node tooltip (plain lines) both say this one record. Pure.
 */
import type { Explanation, PopDecision, Resolution } from '../../engine/types';

export interface ClientRoute {
  /** Node id of the PoP that serves the client; absent when no PoP is reachable. */
  readonly pop?: string;
  /** Present with `pop`. */
  readonly asPath?: readonly number[];
  /** The client router's own choice (its candidates and elimination). */
  readonly explanation?: Explanation;
  /** Where on the path the PoP was decided (the client's router or one further on), and by what. */
  readonly decision?: PopDecision;
  /** Node id of the nearest alternative's PoP: the best route to another PoP where the PoP was decided. */
  readonly alternativePop?: string;
  readonly rttMs?: number;
  /** Node id of the PoP that served the client with nothing failed, when the what-if changed it. */
  readonly movedFrom?: string;
  /** The RTT with nothing failed, when the client moved. */
  readonly rttBeforeMs?: number;
  /** Node ids of the PoPs the client reaches in other stable states (the order of events decides). */
  readonly alsoReaches?: readonly string[];
}

/**
 * Every client's route in `resolution`, by node id; with `baseline` (the nothing-failed
 * resolution, given when something is failed) each also says where it moved from.
 */
export function clientRoutes(
  resolution: Resolution,
  baseline: Resolution | undefined,
  nodeOf: (engineId: string) => string | undefined,
): Map<string, ClientRoute> {
  const node = (engineId: string): string => nodeOf(engineId) ?? engineId;
  const before = new Map((baseline?.clients ?? []).map((c) => [node(c.id), c]));
  const routes = new Map<string, ClientRoute>();
  for (const client of resolution.clients) {
    const id = node(client.id);
    const served = client.route && client.pop !== undefined ? node(client.pop) : undefined;
    const explanation = client.explanation;
    const alternative = client.decision?.alternative;
    const was = before.get(id);
    const wasServedBy = was?.pop === undefined ? undefined : node(was.pop);
    const moved = wasServedBy !== undefined && wasServedBy !== served;
    routes.set(id, {
      ...(served !== undefined && client.route ? { pop: served, asPath: client.route.asPath } : {}),
      ...(explanation ? { explanation } : {}),
      ...(client.decision ? { decision: client.decision } : {}),
      ...(alternative ? { alternativePop: node(alternative.pop) } : {}),
      ...(client.rttMs !== undefined ? { rttMs: client.rttMs } : {}),
      ...(moved ? { movedFrom: wasServedBy } : {}),
      ...(moved && was?.rttMs !== undefined ? { rttBeforeMs: was.rttMs } : {}),
      ...(client.alsoReaches ? { alsoReaches: client.alsoReaches.map(node) } : {}),
    });
  }
  return routes;
}
