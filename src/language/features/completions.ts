/**
 * What to offer where the cursor is: node ids after an arrow or at a statement start, statement
 * keywords, relationship and policy words inside an edge label `|...|`, metadata keys and their
 * values inside `@{ ... }` (locations from the gazetteer after `loc:`), anycast settings in the
 * front matter (settingCompletions.ts). Reads only the text around the cursor and the model, so it
 * works on a broken line.
 */
import { completeLocations } from '../places/gazetteer';
import { settingOffer } from './settingCompletions';
import type { DocumentModel, NodeModel } from '../meaning/model';
import type { Position, Range } from '../types';

export type CompletionKind = 'node' | 'keyword' | 'relationship' | 'policy' | 'location' | 'key' | 'value' | 'class';

export interface CompletionItem {
  readonly label: string;
  readonly kind: CompletionKind;
  readonly detail?: string;
  readonly documentation?: string;
  /** Text to insert when it differs from the label. */
  readonly insertText?: string;
  /** The text the item replaces (the word being typed). */
  readonly range: Range;
  /** Orders items; lower first. */
  readonly sortText?: string;
}

interface Word {
  readonly label: string;
  readonly detail: string;
  readonly insertText?: string;
}

const statementKeywords: readonly Word[] = [
  { label: 'subgraph', detail: 'Group nodes: subgraph id [Title] … end' },
  { label: 'end', detail: 'Close the open subgraph' },
  { label: 'classDef', detail: 'Define a class: classDef name fill:#…,stroke:#…' },
  { label: 'class', detail: 'Give nodes a class: class A,B pop' },
  { label: 'style', detail: 'Style one node: style A fill:#…' },
  { label: 'linkStyle', detail: 'Style edges by index: linkStyle 0 stroke:#…' },
  { label: 'click', detail: 'Make a node clickable' },
  { label: 'direction', detail: 'Direction inside a subgraph: TB, LR…' },
];

const headers: readonly Word[] = ['TD', 'LR', 'BT', 'RL'].map((d) => ({
  label: `flowchart ${d}`,
  detail: `A flowchart laid out ${d === 'TD' ? 'top-down' : d === 'LR' ? 'left to right' : d === 'BT' ? 'bottom-up' : 'right to left'}`,
}));

/** The relationship words of edge labels, read in the direction of the arrow. */
const relationshipWords: readonly Word[] = [
  { label: 'transit', detail: 'tail buys transit from head (customer → provider)' },
  { label: 'customer', detail: 'head is a customer of tail (provider → customer)' },
  { label: 'peer', detail: 'settlement-free peering between the two ASes' },
  { label: 'access', detail: 'a client sitting in this AS' },
  { label: 'ibgp', detail: 'two routers of one AS (IGP link, optional cost)' },
];

const policyWords: readonly Word[] = [
  { label: 'prepend', detail: 'extra copies of the sender’s ASN: prepend 2', insertText: 'prepend 1' },
  { label: 'lp', detail: 'LOCAL_PREF the receiver assigns: lp 150', insertText: 'lp 100' },
  { label: 'med', detail: 'MED the sender attaches: med 10', insertText: 'med 0' },
  { label: 'cost', detail: 'extra IGP cost to use this exit: cost 300', insertText: 'cost 100' },
  { label: 'no-export', detail: 'NO_EXPORT community (RFC 1997): not passed beyond the neighbour AS' },
  { label: 'down', detail: 'the session is down' },
  { label: 'rr-client', detail: 'on ibgp: the tail is a route-reflector client of the head (RFC 4456)' },
];

const nodeKeys: readonly Word[] = [
  { label: 'role', detail: 'pop, as, client, service or narrative' },
  { label: 'asn', detail: 'AS number: 13335 or AS13335' },
  { label: 'name', detail: 'display name' },
  { label: 'loc', detail: 'location: IATA code (IAD), city, region (us-east-1) or lat,lon' },
  { label: 'lat', detail: 'latitude in degrees' },
  { label: 'lon', detail: 'longitude in degrees' },
  { label: 'announce', detail: 'prefixes a PoP announces: 203.0.113.0/24' },
  { label: 'communities', detail: 'communities on every announcement: no-export, 65000:1' },
  { label: 'prepend', detail: 'extra prepends on every announcement of this PoP' },
  { label: 'state', detail: 'up, or down (withdrawn PoP, failed AS)' },
  { label: 'weight', detail: 'a client’s relative traffic weight (default 1)' },
  { label: 'traffic', detail: 'a client’s traffic with a unit: 40Gbps, 500Mbps or 120k rps' },
  { label: 'rps', detail: 'a client’s traffic in requests per second: 120k' },
  { label: 'capacity', detail: 'what a PoP can serve, in the clients’ unit: 100Gbps or 500k rps' },
  { label: 'attack', detail: 'attack traffic from a client or an AS: 300Gbps' },
  { label: 'in', detail: 'the id of the AS a client sits in' },
  { label: 'address', detail: 'the anycast service address' },
];

const edgeKeys: readonly Word[] = [
  { label: 'rel', detail: 'transit, customer, peer, access or ibgp' },
  { label: 'prepend', detail: 'extra copies of the sender’s ASN' },
  { label: 'lp', detail: 'LOCAL_PREF the receiver assigns' },
  { label: 'med', detail: 'MED the sender attaches' },
  { label: 'communities', detail: 'communities the sender attaches' },
  { label: 'cost', detail: 'IGP cost (ibgp) or extra exit cost' },
  { label: 'state', detail: 'up or down' },
];

const rateWords: readonly Word[] = ['1Gbps', '10Gbps', '100Gbps', '1Tbps', '100k rps', '1M rps'].map((label) => ({
  label,
  detail: 'a rate: bps or rps with k, M, G, T',
}));

const valueWords: Readonly<Record<string, readonly Word[]>> = {
  role: ['pop', 'as', 'client', 'service', 'narrative'].map((label) => ({ label, detail: 'role' })),
  state: [
    { label: 'up', detail: 'announced / up' },
    { label: 'down', detail: 'withdrawn / failed' },
  ],
  rel: relationshipWords,
  relationship: relationshipWords,
  traffic: rateWords,
  capacity: rateWords,
  attack: rateWords,
  communities: [
    { label: 'no-export', detail: 'NO_EXPORT (RFC 1997)' },
    { label: 'no-advertise', detail: 'NO_ADVERTISE (RFC 1997)' },
  ],
};

const locationKeys = new Set(['loc', 'location', 'locations']);
const maxLocations = 50;

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function offsetOf(text: string, position: Position): number {
  let offset = 0;
  for (let line = 0; line < position.line; line++) {
    const next = text.indexOf('\n', offset);
    if (next < 0) return text.length;
    offset = next + 1;
  }
  return Math.min(offset + position.character, text.length);
}

/** True when the cursor is between front matter `---` lines at the top. */
function inFrontMatter(text: string, offset: number): boolean {
  if (!/^---[ \t]*\r?\n/.test(text)) return false;
  const close = /\n---[ \t]*(\r?\n|$)/.exec(text.slice(3));
  return close === null || offset <= close.index + 3;
}

function nodeDetail(node: NodeModel): string {
  const role = node.role === 'narrative' ? 'node' : node.role === 'pop' ? 'PoP' : node.role === 'as' ? 'AS' : node.role;
  return node.name === node.id ? role : `${role} · ${node.name}`;
}

/** Where completion was asked: the text of the line before the cursor, and the range a word of a given length replaces. */
interface Request {
  readonly text: string;
  readonly model: DocumentModel;
  readonly position: Position;
  /** Offset of the start of the cursor's line. */
  readonly start: number;
  /** The line up to the cursor. */
  readonly before: string;
}

function rangeBack(req: Request, length: number): Range {
  return { start: { line: req.position.line, character: req.position.character - length }, end: req.position };
}

function items(req: Request, words: readonly Word[], kind: CompletionKind, length: number): CompletionItem[] {
  return words.map((w, i) => ({
    label: w.label,
    kind,
    detail: w.detail,
    ...(w.insertText ? { insertText: w.insertText } : {}),
    range: rangeBack(req, length),
    sortText: String(i).padStart(4, '0'),
  }));
}

function locationItems(req: Request, typed: string): CompletionItem[] {
  return completeLocations(typed, maxLocations).map((c, i) => ({
    label: c.label,
    kind: 'location' as const,
    detail: c.detail,
    range: rangeBack(req, typed.length),
    sortText: String(i).padStart(4, '0'),
  }));
}

/** Completion items at `position` of `text` (whose model is `model`). */
export function completionsAt(text: string, model: DocumentModel, position: Position): CompletionItem[] {
  const offset = offsetOf(text, position);
  const start = lineStart(text, offset);
  const req: Request = { text, model, position, start, before: text.slice(start, offset) };
  if (inFrontMatter(text, offset)) return frontMatterCompletions(req, offset);
  // Inside `@{ ... }` not yet closed on this line: keys, or the value of the key before the cursor.
  const metaOpen = req.before.lastIndexOf('@{');
  if (metaOpen >= 0 && !req.before.slice(metaOpen).includes('}')) return metadataCompletions(req, metaOpen);
  return labelCompletions(req) ?? outsideLabelCompletions(req);
}

function frontMatterCompletions(req: Request, offset: number): CompletionItem[] {
  const offer = settingOffer(req.text.slice(req.text.indexOf('\n') + 1, offset));
  return offer ? items(req, offer.words, offer.kind, offer.typed) : [];
}

function metadataCompletions(req: Request, metaOpen: number): CompletionItem[] {
  const { before, model } = req;
  const inside = before.slice(metaOpen + 2);
  const value = /([\w-]+)\s*:\s*(?:["'])?([^,:"']*)$/.exec(inside);
  if (value) {
    const key = value[1] ?? '';
    const typed = (value[2] ?? '').replace(/^\s+/, '');
    if (locationKeys.has(key)) return locationItems(req, typed);
    if (key === 'in') {
      return model.nodes
        .filter((n) => n.role === 'as')
        .map((n) => ({
          label: n.id,
          kind: 'node' as const,
          detail: nodeDetail(n),
          range: rangeBack(req, typed.length),
        }));
    }
    const values = valueWords[key];
    return values ? items(req, values, 'value', typed.length) : [];
  }
  const owner = /([\p{L}\p{N}_]+)\s*$/u.exec(before.slice(0, metaOpen))?.[1];
  const isEdge = owner !== undefined && model.edges.some((e) => e.id === owner);
  const word = /[\w-]*$/.exec(inside)?.[0] ?? '';
  return items(req, isEdge ? edgeKeys : nodeKeys, 'key', word.length);
}

/** Inside a node label: the place after `PoP:` or `User in` (the parser reads it there), else nothing; undefined outside labels. */
function labelCompletions(req: Request): CompletionItem[] | undefined {
  const { before } = req;
  const labelPlace = /[[(]"?(?:[^\]\)"]*?\b(?:PoP|Site|POP):\s*|[^\]\)"]*?\b(?:in|at)\s+)([\p{L}\p{N} .,'-]*)$/u.exec(
    before,
  );
  if (labelPlace && !/[\])]/.test(before.slice(before.lastIndexOf(labelPlace[0])))) {
    const typed = labelPlace[1] ?? '';
    if (typed.length > 0) return locationItems(req, typed);
  }
  // Anywhere else inside a node label the user is writing prose: offer nothing rather than ids.
  if ((before.split('"').length - 1) % 2 === 1 || /[[({][^\])}]*$/.test(before.replace(/"[^"]*"/g, '""'))) return [];
  return undefined;
}

/** Edge-label words, class names, statement keywords and node ids. */
function outsideLabelCompletions(req: Request): CompletionItem[] {
  const { before, model } = req;
  // Inside an edge label `-->|...`: relationship and policy words.
  const bar = before.lastIndexOf('|');
  const pipes = before.split('|').length - 1;
  if (pipes % 2 === 1 && /(?:--|==|-\.)[-.=]*[>ox]?\s*$/.test(before.slice(0, bar))) {
    const length = (/[\w-]*$/.exec(before)?.[0] ?? '').length;
    return [
      ...items(req, relationshipWords, 'relationship', length),
      ...items(req, policyWords, 'policy', length).map((i) => ({ ...i, sortText: `1${i.sortText ?? ''}` })),
    ];
  }
  const classMatch = /:::([\w-]*)$/.exec(before);
  if (classMatch) {
    return model.classDefs.map((c, i) => ({
      label: c.name,
      kind: 'class' as const,
      range: rangeBack(req, classMatch[1]?.length ?? 0),
      sortText: String(i).padStart(4, '0'),
    }));
  }
  const word = /[\p{L}\p{N}_]*$/u.exec(before)?.[0] ?? '';
  const nodeItems = model.nodes.map((n, i) => ({
    label: n.id,
    kind: 'node' as const,
    detail: nodeDetail(n),
    range: rangeBack(req, word.length),
    sortText: `1${String(i).padStart(4, '0')}`,
  }));
  const atStatementStart = /^\s*[\p{L}\p{N}_]*$/u.test(before);
  if (model.headerRange === undefined && atStatementStart && !/\S/.test(req.text.slice(0, req.start)))
    return items(req, headers, 'keyword', word.length);
  if (atStatementStart)
    return [
      ...items(req, statementKeywords, 'keyword', word.length).map((i) => ({ ...i, sortText: `2${i.sortText ?? ''}` })),
      ...nodeItems,
    ];
  // After an arrow, or in a class/style statement's id list: node ids.
  return nodeItems;
}
