/**
 * Edge labels as BGP: a relationship word (`transit`, `peer`, `customer`, `access`, `ibgp`) and
 * short policy words readable in the picture (`prepend 2`, `lp 150`, `med 10`, `no-export`,
 * `65000:1`, `cost 300`, `down`). A label with other words is the author's prose and means nothing.
 */
import type { Span } from '../text';

export type RelationshipWord = 'customer-provider' | 'provider-customer' | 'peer-peer' | 'access' | 'igp';

export interface PolicyWord {
  readonly key: 'prepend' | 'localPref' | 'med' | 'cost' | 'community' | 'state' | 'rrClient' | 'cluster';
  /** The value text (`2`, `no-export`, `down`). */
  readonly value: Span;
  /** The whole phrase (`prepend 2`). */
  readonly phrase: Span;
}

export interface EdgeLabelReading {
  readonly relationship?: { readonly word: RelationshipWord; readonly span: Span };
  readonly policy: readonly PolicyWord[];
  /** Words that are neither: the label is prose (unless a relationship word makes it BGP). */
  readonly prose: readonly Span[];
  /** Policy keywords with a missing or bad value. */
  readonly problems: readonly { readonly span: Span; readonly message: string }[];
}

const relationshipWords: Record<string, RelationshipWord> = {
  transit: 'customer-provider',
  upstream: 'customer-provider',
  provider: 'customer-provider',
  c2p: 'customer-provider',
  'customer-of': 'customer-provider',
  buys: 'customer-provider',
  customer: 'provider-customer',
  downstream: 'provider-customer',
  p2c: 'provider-customer',
  sells: 'provider-customer',
  peer: 'peer-peer',
  peers: 'peer-peer',
  peering: 'peer-peer',
  p2p: 'peer-peer',
  ix: 'peer-peer',
  ixp: 'peer-peer',
  pni: 'peer-peer',
  'settlement-free': 'peer-peer',
  access: 'access',
  ibgp: 'igp',
  igp: 'igp',
  backbone: 'igp',
  internal: 'igp',
};

const numberKeys: Record<string, PolicyWord['key']> = {
  prepend: 'prepend',
  prepends: 'prepend',
  lp: 'localPref',
  'local-pref': 'localPref',
  localpref: 'localPref',
  local_pref: 'localPref',
  'local-preference': 'localPref',
  med: 'med',
  cost: 'cost',
  'igp-cost': 'cost',
  cluster: 'cluster',
  'cluster-id': 'cluster',
};

const wordValues: Record<string, PolicyWord['key']> = {
  'no-export': 'community',
  no_export: 'community',
  noexport: 'community',
  'no-advertise': 'community',
  no_advertise: 'community',
  down: 'state',
  failed: 'state',
  shutdown: 'state',
  up: 'state',
  'rr-client': 'rrClient',
  'route-reflector-client': 'rrClient',
  'reflector-client': 'rrClient',
};

/** Every word an edge label may use, for "did you mean". */
export const edgeLabelWords: readonly string[] = [
  ...Object.keys(relationshipWords),
  ...Object.keys(numberKeys),
  ...Object.keys(wordValues),
  'community',
];

/** The relationship words, for "did you mean" on a mistyped one. */
export const relationshipWordList: readonly string[] = Object.keys(relationshipWords);

/** Words split at spaces, commas and semicolons, with offsets. */
function words(label: Span): Span[] {
  const out: Span[] = [];
  const re = /[^\s,;]+/g;
  for (let m = re.exec(label.text); m; m = re.exec(label.text)) {
    out.push({ text: m[0], start: label.start + m.index, end: label.start + m.index + m[0].length });
  }
  return out;
}

type Problem = { span: Span; message: string };

/** Reads the policy phrase that starts at `list[i]` into `policy` or `problems`; returns how many words it used (0: not policy). */
function readPolicyPhrase(list: readonly Span[], i: number, policy: PolicyWord[], problems: Problem[]): number {
  const w = list[i] as Span;
  const lower = w.text.toLowerCase().replace(/:$/, '');
  // `prepend x2`, `prepend×2`, `prepend=2`, `lp:150`, `med 10`
  const glued = /^([a-z_-]+)[=:×x]?(\d+)$/i.exec(w.text);
  const gluedKey = glued ? numberKeys[(glued[1] ?? '').toLowerCase()] : undefined;
  if (glued && gluedKey) {
    const digits = glued[2] ?? '';
    policy.push({ key: gluedKey, value: { text: digits, start: w.end - digits.length, end: w.end }, phrase: w });
    return 1;
  }
  const next = list[i + 1];
  const key = numberKeys[lower];
  if (key) {
    const m = next ? /^[x×=]?(-?\d+)$/.exec(next.text) : null;
    if (next && m) {
      const digits = m[1] ?? '';
      policy.push({
        key,
        value: { text: digits, start: next.end - digits.length, end: next.end },
        phrase: { text: `${w.text} ${next.text}`, start: w.start, end: next.end },
      });
      return 2;
    }
    const example = key === 'localPref' ? 150 : key === 'prepend' ? 2 : 10;
    problems.push({ span: w, message: `'${w.text}' needs a number after it, e.g. '${w.text} ${example}'` });
    return 1;
  }
  if (lower === 'community' || lower === 'communities') {
    if (!next) {
      problems.push({ span: w, message: `'${w.text}' needs a value, e.g. 'community 65000:100'` });
      return 1;
    }
    policy.push({
      key: 'community',
      value: next,
      phrase: { text: `${w.text} ${next.text}`, start: w.start, end: next.end },
    });
    return 2;
  }
  const wordKey = wordValues[lower];
  if (wordKey) {
    policy.push({ key: wordKey, value: w, phrase: w });
    return 1;
  }
  if (/^\d+:\d+$/.test(w.text)) {
    policy.push({ key: 'community', value: w, phrase: w });
    return 1;
  }
  return 0;
}

export function readEdgeLabel(label: Span | undefined): EdgeLabelReading {
  const policy: PolicyWord[] = [];
  const prose: Span[] = [];
  const problems: Problem[] = [];
  let relationship: EdgeLabelReading['relationship'];
  if (!label) return { policy, prose, problems };
  const list = words(label);
  for (let i = 0; i < list.length; i++) {
    const w = list[i];
    if (!w) continue;
    const rel = relationshipWords[w.text.toLowerCase().replace(/:$/, '')];
    if (rel && !relationship) {
      relationship = { word: rel, span: w };
      continue;
    }
    const used = readPolicyPhrase(list, i, policy, problems);
    if (used === 0) prose.push(w);
    else i += used - 1;
  }
  // In prose ("routes to the nearest provider") a relationship word counts only when it leads.
  if (relationship && prose.length > 0 && relationship.span.start !== list[0]?.start) {
    prose.push(relationship.span);
    prose.sort((a, b) => a.start - b.start);
    relationship = undefined;
  }
  return relationship ? { relationship, policy, prose, problems } : { policy, prose, problems };
}
