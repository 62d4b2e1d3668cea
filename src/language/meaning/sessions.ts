/**
 * A BGP session's policy, from the edge label's policy words and then the edge's metadata: prepend,
 * LOCAL_PREF, MED, communities, exit cost and admin state. An IGP link takes only a cost.
 */
import type { Community } from '../../engine/types';
import type { AnalysisContext } from './context';
import type { EdgeLabelReading } from './edgeLabels';
import { readCommunity, readInteger } from './facts';
import type { AdminState, EdgeMeaning, Fact, FactSource, SessionPolicy } from './model';
import { stateWords } from './words';
import type { MetadataEntry } from '../syntax/metadata';
import { mermaidEdgeKeys, scalarSpans, splitCommas } from '../syntax/metadata';
import type { SyntaxEdge } from '../syntax/flowchart';
import type { Span } from '../text';

/** The two ends of a session and where its relationship was read. */
export interface SessionEnds {
  readonly relationship: 'customer-provider' | 'peer-peer';
  readonly customer: string;
  readonly provider: string;
  readonly relationshipSource: FactSource;
}

interface SessionDraft {
  readonly policy: { -readonly [K in keyof SessionPolicy]: SessionPolicy[K] };
  state?: Fact<AdminState>;
}

export function readSession(
  cx: AnalysisContext,
  e: SyntaxEdge,
  ends: SessionEnds,
  reading: EdgeLabelReading,
  meta: ReadonlyMap<string, MetadataEntry>,
): EdgeMeaning {
  for (const p of reading.problems) cx.report(p.span, 'error', 'invalid-policy', p.message);
  const draft: SessionDraft = { policy: { communities: [] } };
  for (const p of reading.policy) applyPolicy(cx, draft, p.key, p.value, 'label');
  for (const [key, entry] of meta) {
    if (key === 'rel' || key === 'relationship' || mermaidEdgeKeys.has(key)) continue;
    for (const s of scalarSpans(entry.value).flatMap((x) => (key.startsWith('communit') ? splitCommas(x) : [x])))
      applyPolicy(cx, draft, key, s, 'metadata');
  }
  const bothWays = e.headAtStart === e.headAtEnd;
  const { policy, state } = draft;
  return {
    kind: 'session',
    relationship: ends.relationship,
    customer: ends.customer,
    provider: ends.provider,
    relationshipSource: ends.relationshipSource,
    tail: policy,
    head: bothWays ? policy : { communities: [] },
    ...(state ? { state } : {}),
  };
}

function applyPolicy(cx: AnalysisContext, draft: SessionDraft, key: string, span: Span, source: FactSource): void {
  const number = (what: string, min: number, max: number): Fact<number> | undefined => {
    const n = cx.take(readInteger(span.text, what, min, max), span);
    return n === undefined ? undefined : cx.fact(n, span, source);
  };
  const policy = draft.policy;
  switch (key) {
    case 'prepend':
      policy.prepend = number('Prepend count', 0, 32);
      break;
    case 'localPref':
    case 'lp':
    case 'local-pref':
      policy.localPref = number('LOCAL_PREF', 0, 4294967295);
      break;
    case 'med':
      policy.med = number('MED', 0, 4294967295);
      break;
    case 'cost':
      policy.exitCost = number('Exit cost', 0, 1_000_000);
      break;
    case 'community':
    case 'communities': {
      const c = cx.take(readCommunity(span.text), span);
      if (c !== undefined) policy.communities = [...policy.communities, cx.fact<Community>(c, span, source)];
      break;
    }
    case 'state': {
      const s = stateWords[span.text.toLowerCase()];
      if (s) draft.state = cx.fact(s, span, source);
      else cx.report(span, 'error', 'invalid-state', `Unknown state '${span.text}': use up or down`);
      break;
    }
    case 'rrClient':
    case 'cluster':
      cx.report(
        span,
        'warning',
        'invalid-policy',
        `'${span.text}' describes an iBGP session between two routers of one AS (e.g. 'ibgp rr-client'); it means nothing on an eBGP session`,
      );
      break;
  }
}

/** The `cost 300` of an IGP link, if its label gives one. */
export function readIgpCost(cx: AnalysisContext, policy: EdgeLabelReading['policy']): { cost?: Fact<number> } {
  const cost = policy.find((p) => p.key === 'cost');
  if (!cost) return {};
  const n = cx.take(readInteger(cost.value.text, 'IGP cost', 0, 1_000_000), cost.value);
  return n === undefined ? {} : { cost: cx.fact(n, cost.value, 'label') };
}

/** `rr-client` (and `cluster N`) on an iBGP link: the tail is a route-reflector client of the head. */
export function readReflection(
  cx: AnalysisContext,
  policy: EdgeLabelReading['policy'],
): { reflectorClient?: { clusterId?: number } } {
  const client = policy.find((p) => p.key === 'rrClient');
  const cluster = policy.find((p) => p.key === 'cluster');
  const clusterId = cluster
    ? cx.take(readInteger(cluster.value.text, 'cluster id', 1, 4294967295), cluster.value)
    : undefined;
  if (!client) {
    if (cluster)
      cx.report(cluster.phrase, 'warning', 'invalid-policy', `'${cluster.phrase.text}' needs 'rr-client' beside it`);
    return {};
  }
  return { reflectorClient: clusterId === undefined ? {} : { clusterId } };
}
