/** The decision steps of RFC 4271 in the words a network engineer uses, for hovers, summaries and the preview. */
import type { DecisionStep, PopDecision } from '../../engine/types';

export const decisionStepWords: Readonly<Record<DecisionStep, string>> = {
  'only-route': 'the only route',
  'local-pref': 'higher LOCAL_PREF',
  'as-path-length': 'shorter AS path',
  origin: 'better ORIGIN',
  med: 'lower MED',
  'ebgp-over-ibgp': 'eBGP over iBGP',
  'igp-cost': 'lower IGP cost (hot potato)',
  'tie-break': 'the final tie-break',
};

/** What decided a client's PoP where it was decided: a decision step, longest-prefix match, or no other PoP at all. */
export const popDecisionByWords: Readonly<Record<PopDecision['by'], string>> = {
  ...decisionStepWords,
  'more-specific-prefix': 'a more-specific prefix',
  'only-pop': 'the only PoP reachable',
};
