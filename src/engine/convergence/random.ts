/**
 * A seeded pseudo-random source (mulberry32): the simulation draws delays and MRAI jitter from
 * it, so a run is a pure function of its seed.
 */
export type Random = () => number;

/** Numbers in [0, 1), the same sequence for the same seed on every platform. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A number drawn uniformly from [low, high]. */
export function between(random: Random, [low, high]: readonly [number, number]): number {
  return low + (high - low) * random();
}
