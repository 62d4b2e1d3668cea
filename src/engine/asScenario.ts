/** Origins and a what-if scenario resolved against an `AsGraph` into masks the solvers read. */
import { asIndex } from './asGraph';
import type { AsGraph, AsMasks, AsOrigin, AsScenario } from './asTypes';

/** Thrown for requests that cannot be answered (unknown ASN, an origin listed twice). */
export class RequestError extends Error {
  override name = 'RequestError';
}

function indexOrThrow(graph: AsGraph, asn: number, what: string): number {
  const x = asIndex(graph, asn);
  if (x < 0) throw new RequestError(`${what} AS${asn} is not in the graph (${graph.size} ASes)`);
  return x;
}

function markLink(start: Int32Array, list: Int32Array, down: Uint8Array, x: number, y: number): boolean {
  for (let p = start[x] as number; p < (start[x + 1] as number); p++) {
    if (list[p] === y) {
      down[p] = 1;
      return true;
    }
  }
  return false;
}

export function prepareAs(graph: AsGraph, origins: readonly AsOrigin[], scenario: AsScenario = {}): AsMasks {
  const originAt = new Int32Array(graph.size).fill(-1);
  origins.forEach((o, k) => {
    const x = indexOrThrow(graph, o.asn, 'origin');
    if (originAt[x] !== -1) throw new RequestError(`origin AS${o.asn} is listed twice`);
    if (o.prepend !== undefined && !(Number.isInteger(o.prepend) && o.prepend >= 0 && o.prepend <= 255)) {
      throw new RequestError(`prepend of origin AS${o.asn} must be a whole number from 0 to 255`);
    }
    originAt[x] = k;
  });
  for (const asn of scenario.withdrawn ?? []) {
    const x = indexOrThrow(graph, asn, 'withdrawn');
    if (originAt[x] === -1) throw new RequestError(`AS${asn} is not an origin, so it cannot be withdrawn`);
    originAt[x] = -1;
  }
  const asDown = new Uint8Array(graph.size);
  for (const asn of scenario.failedAses ?? []) asDown[indexOrThrow(graph, asn, 'failed')] = 1;
  const failedLinks = scenario.failedLinks ?? [];
  if (failedLinks.length === 0) return { originAt, asDown };
  const customerDown = new Uint8Array(graph.customers.length);
  const peerDown = new Uint8Array(graph.peers.length);
  const providerDown = new Uint8Array(graph.providers.length);
  for (const [a, b] of failedLinks) {
    const x = indexOrThrow(graph, a, 'failed link end');
    const y = indexOrThrow(graph, b, 'failed link end');
    const found =
      markLink(graph.customerStart, graph.customers, customerDown, x, y) ||
      markLink(graph.providerStart, graph.providers, providerDown, x, y) ||
      markLink(graph.peerStart, graph.peers, peerDown, x, y);
    if (!found) throw new RequestError(`there is no link between AS${a} and AS${b}`);
    markLink(graph.customerStart, graph.customers, customerDown, y, x);
    markLink(graph.providerStart, graph.providers, providerDown, y, x);
    markLink(graph.peerStart, graph.peers, peerDown, y, x);
  }
  return { originAt, asDown, customerDown, peerDown, providerDown };
}
