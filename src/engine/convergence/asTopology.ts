/**
 * The AS graph as the AS-level simulation reads it: every (AS, neighbour) pair is a slot, and a
 * slot is also the channel on which the neighbour sends to the AS. Typed arrays throughout, so a
 * CAIDA graph of 60,000 ASes and 800,000 slots stays small.
 */
import type { AsGraph } from '../asTypes';
import { LEARNED_CUSTOMER, LEARNED_PEER, LEARNED_PROVIDER } from '../asTypes';

export interface AsSlots {
  readonly count: number;
  /** The AS that receives on the slot. */
  readonly owner: Int32Array;
  /** The neighbour that sends on it. */
  readonly neighbor: Int32Array;
  /** LEARNED_CUSTOMER, _PEER or _PROVIDER: how the owner classifies routes from that neighbour. */
  readonly learned: Uint8Array;
  /** The neighbour's slot for the owner: the channel the owner sends on to that neighbour. */
  readonly mirror: Int32Array;
  /** Slots of AS x: `first[x] .. first[x + 1]`, customers, then peers, then providers. */
  readonly first: Int32Array;
}

export function buildSlots(graph: AsGraph): AsSlots {
  const n = graph.size;
  const count = graph.customers.length + graph.peers.length + graph.providers.length;
  const owner = new Int32Array(count);
  const neighbor = new Int32Array(count);
  const learned = new Uint8Array(count);
  const first = new Int32Array(n + 1);
  const lists: readonly [Int32Array, Int32Array, number][] = [
    [graph.customerStart, graph.customers, LEARNED_CUSTOMER],
    [graph.peerStart, graph.peers, LEARNED_PEER],
    [graph.providerStart, graph.providers, LEARNED_PROVIDER],
  ];
  const slotOf = new Map<number, number>();
  let s = 0;
  for (let x = 0; x < n; x++) {
    first[x] = s;
    for (const [start, list, kind] of lists) {
      for (let q = start[x] as number; q < (start[x + 1] as number); q++) {
        const y = list[q] as number;
        owner[s] = x;
        neighbor[s] = y;
        learned[s] = kind;
        slotOf.set(x * n + y, s);
        s++;
      }
    }
  }
  first[n] = s;
  const mirror = new Int32Array(count);
  for (let t = 0; t < count; t++) mirror[t] = slotOf.get((neighbor[t] as number) * n + (owner[t] as number)) ?? -1;
  return { count, owner, neighbor, learned, mirror, first };
}

/** AS paths as persistent lists: a route is one node (its AS) pointing at the path it extends. */
export class PathPool {
  as: Int32Array<ArrayBuffer> = new Int32Array(1 << 16);
  next: Int32Array<ArrayBuffer> = new Int32Array(1 << 16);
  /** AS path length including prepends, and the origin index, of the path that starts at the node. */
  length: Int32Array<ArrayBuffer> = new Int32Array(1 << 16);
  origin: Int32Array<ArrayBuffer> = new Int32Array(1 << 16);
  size = 0;

  push(asIndex: number, next: number, length: number, origin: number): number {
    if (this.size === this.as.length) {
      const grow = (a: Int32Array): Int32Array<ArrayBuffer> => {
        const b = new Int32Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.as = grow(this.as);
      this.next = grow(this.next);
      this.length = grow(this.length);
      this.origin = grow(this.origin);
    }
    this.as[this.size] = asIndex;
    this.next[this.size] = next;
    this.length[this.size] = length;
    this.origin[this.size] = origin;
    return this.size++;
  }

  contains(node: number, asIndex: number): boolean {
    for (let at = node; at >= 0; at = this.next[at] as number) if (this.as[at] === asIndex) return true;
    return false;
  }
}
