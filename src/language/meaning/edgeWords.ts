/**
 * Nothing on an edge label is dropped in silence: on a BGP edge, every word that is neither a
 * relationship nor policy is a warning with "did you mean", the vendor words for our words
 * included; a mistyped relationship on an edge between two BGP speakers says so too.
 */
import type { AnalysisContext } from './context';
import { closestNames } from './facts';
import { edgeLabelWords, relationshipWordList } from './edgeLabels';
import type { Span } from '../text';

/** Router configuration words people write for ours, and why when it is not the same thing. */
const vendorWords: Readonly<Record<string, { readonly use: string; readonly why?: string }>> = {
  localpreference: { use: 'lp' },
  local_preference: { use: 'lp' },
  'set-local-preference': { use: 'lp' },
  metric: { use: 'med' },
  'multi-exit-disc': { use: 'med' },
  multi_exit_disc: { use: 'med' },
  'as-path-prepend': { use: 'prepend' },
  'aspath-prepend': { use: 'prepend' },
  as_path_prepend: { use: 'prepend' },
  'as-prepend': { use: 'prepend' },
  weight: {
    use: 'lp',
    why: "'weight' is local to one router (Cisco): it never reaches the other routers of the AS, so it cannot steer the AS; 'lp' sets LOCAL_PREF for the whole AS",
  },
};

const isNumber = (w: Span): boolean => /^-?\d+(\.\d+)?$/.test(w.text);

/**
 * Warns about each unknown word of a BGP edge label; a number right after an unknown word is part
 * of the same phrase (`metric 10` is one problem, not two).
 */
export function reportUnknownEdgeWords(cx: AnalysisContext, prose: readonly Span[]): void {
  let previous: Span | undefined;
  for (const w of prose) {
    const follows = previous !== undefined && isNumber(w) && /^\s*$/.test(cx.text.slice(previous.end, w.start));
    previous = w;
    if (follows) continue;
    const lower = w.text.toLowerCase();
    const vendor = vendorWords[lower];
    if (vendor) {
      const message =
        vendor.why ??
        `'${w.text}' is not a word of edge labels; write '${vendor.use}' (the routing ignores '${w.text}')`;
      cx.report(w, 'warning', 'unknown-edge-word', message, [vendor.use]);
      continue;
    }
    const message = isNumber(w)
      ? `'${w.text}' follows no policy word (prepend, lp, med, cost); the routing ignores it`
      : `Unknown word '${w.text}' on a BGP edge label; the routing ignores it`;
    cx.report(w, 'warning', 'unknown-edge-word', message, isNumber(w) ? [] : closestNames(lower, edgeLabelWords));
  }
}

/**
 * A label between two BGP speakers whose first word is a near miss of a relationship word
 * (`trasit`): without this, the edge would be prose and the session silently missing.
 */
export function reportMistypedRelationship(cx: AnalysisContext, prose: readonly Span[]): boolean {
  const first = prose[0];
  if (!first || isNumber(first)) return false;
  const near = closestNames(first.text.toLowerCase(), relationshipWordList, 3);
  if (near.length === 0) return false;
  cx.report(
    first,
    'warning',
    'unknown-edge-word',
    `Unknown relationship '${first.text}': the edge is read as prose and carries no BGP session`,
    near,
  );
  return true;
}
