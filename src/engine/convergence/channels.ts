/**
 * The directed BGP sessions of a router graph: one channel per direction of every eBGP session
 * and every iBGP pair, with its one-way propagation delay. The simulation keeps per channel what
 * was last advertised (Adj-RIB-Out), what arrived (Adj-RIB-In) and its MRAI timer.
 */
import { greatCircleKm } from '../geo';
import { FIBRE_KM_PER_MS } from '../forwarding';
import type { Adjacency, Net } from '../routerNet';

export interface Channel {
  readonly from: number;
  readonly to: number;
  /** Engine session index for eBGP; -1 for iBGP. */
  readonly session: number;
  /** How the receiver classifies routes from this sender; undefined for iBGP. */
  readonly learned?: Adjacency['learned'];
  /** One-way propagation delay, ms: great-circle km at fibre speed (0 when a location is unknown). */
  readonly propagationMs: number;
}

export interface Channels {
  readonly list: readonly Channel[];
  /** Channels a router sends on. */
  readonly out: readonly number[][];
  /** Channels a router receives on. */
  readonly in: readonly number[][];
  /** The channel into router r from `neighbor` over `session` (-1 for iBGP). */
  channelInto(r: number, neighbor: number, session: number): number | undefined;
  /** Both directions of engine session k. */
  readonly ofSession: ReadonlyMap<number, readonly number[]>;
}

function delayMs(net: Net, a: number, b: number): number {
  const pa = net.point[a];
  const pb = net.point[b];
  return pa && pb ? greatCircleKm(pa, pb) / FIBRE_KM_PER_MS : 0;
}

export function buildChannels(net: Net): Channels {
  const list: Channel[] = [];
  const n = net.asn.length;
  const out: number[][] = Array.from({ length: n }, () => []);
  const into: number[][] = Array.from({ length: n }, () => []);
  const byKey: Map<number, number>[] = Array.from({ length: n }, () => new Map());
  const ofSession = new Map<number, number[]>();
  const add = (channel: Channel): void => {
    const id = list.length;
    list.push(channel);
    out[channel.from]?.push(id);
    into[channel.to]?.push(id);
    byKey[channel.to]?.set(channel.session >= 0 ? channel.session : -(channel.from + 1), id);
    if (channel.session >= 0) {
      const both = ofSession.get(channel.session);
      if (both) both.push(id);
      else ofSession.set(channel.session, [id]);
    }
  };
  for (let r = 0; r < n; r++) {
    for (const adj of net.adjacencies[r] ?? [])
      add({
        from: adj.neighbor,
        to: r,
        session: adj.session,
        learned: adj.learned,
        propagationMs: delayMs(net, adj.neighbor, r),
      });
    for (const q of net.siblings(r)) add({ from: q, to: r, session: -1, propagationMs: delayMs(net, q, r) });
  }
  return {
    list,
    out,
    in: into,
    channelInto: (r, neighbor, session) => byKey[r]?.get(session >= 0 ? session : -(neighbor + 1)),
    ofSession,
  };
}
