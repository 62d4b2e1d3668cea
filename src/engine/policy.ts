/**
 * Defaults of the routing policy shared by both solvers and both granularities: Gao-Rexford
 * LOCAL_PREF by relationship, and the final tie-break models.
 */
import type { TieBreak } from './types';

/** Default LOCAL_PREF by the relationship a route was learned over: customer > peer > provider. */
export const LOCAL_PREF_CUSTOMER = 200;
export const LOCAL_PREF_PEER = 150;
export const LOCAL_PREF_PROVIDER = 100;

export const DEFAULT_TIE_BREAK: TieBreak = { model: 'lowest-neighbor-asn' };

/**
 * A 32-bit mix of three integers (a murmur3-style finaliser): the 'random' tie-break ranks each
 * (receiver, sender) pair by it, so results are a pure function of the seed and stable across runs.
 */
export function mix32(seed: number, a: number, b: number): number {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  h = Math.imul(h ^ (a >>> 0), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  h = Math.imul(h ^ (b >>> 0), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 16), 0xc2b2ae35);
  return (h ^ (h >>> 15)) >>> 0;
}

/** Codes of the tie-break models for the typed-array solvers. */
export const TIE_LOWEST_ASN = 0;
export const TIE_OLDEST = 1;
export const TIE_RANDOM = 2;

/**
 * At AS level there is no BGP identifier in the data, so 'router-id' takes the neighbour's ASN as
 * its identifier and behaves as 'lowest-neighbor-asn'.
 */
export function tieBreakCode(tieBreak: TieBreak): number {
  switch (tieBreak.model) {
    case 'lowest-neighbor-asn':
    case 'router-id':
      return TIE_LOWEST_ASN;
    case 'oldest':
      return TIE_OLDEST;
    case 'random':
      return TIE_RANDOM;
  }
}
