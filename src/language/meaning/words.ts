/**
 * The words a diagram may use for meaning: node roles, admin states, and the metadata keys of
 * nodes and edges with the roles each key is for.
 */
import type { AdminState, NodeRole } from './model';

/** The anycast metadata keys of a node (mermaid's own keys are known too). */
export const nodeKeys = [
  'role',
  'asn',
  'name',
  'loc',
  'location',
  'locations',
  'lat',
  'lon',
  'announce',
  'announces',
  'prefixes',
  'prefix',
  'communities',
  'community',
  'prepend',
  'state',
  'weight',
  'traffic',
  'rps',
  'capacity',
  'attack',
  'in',
  'address',
];
/** The anycast metadata keys of an edge. */
export const edgeKeys = [
  'rel',
  'relationship',
  'prepend',
  'lp',
  'localPref',
  'local-pref',
  'med',
  'communities',
  'community',
  'cost',
  'state',
];
/** How a role is named in messages. */
export const roleNames: Readonly<Record<NodeRole, string>> = {
  pop: 'PoP',
  as: 'AS',
  client: 'client',
  service: 'service',
  narrative: 'narrative',
};

/** Which roles each anycast metadata key means something for. */
export const keyRoles: Readonly<Record<string, readonly NodeRole[]>> = {
  asn: ['pop', 'as'],
  loc: ['pop', 'as', 'client'],
  location: ['pop', 'as', 'client'],
  locations: ['pop', 'as', 'client'],
  lat: ['pop', 'as', 'client'],
  lon: ['pop', 'as', 'client'],
  announce: ['pop'],
  announces: ['pop'],
  prefixes: ['pop'],
  prefix: ['pop'],
  prepend: ['pop'],
  communities: ['pop'],
  community: ['pop'],
  state: ['pop', 'as'],
  weight: ['client'],
  traffic: ['client'],
  rps: ['client'],
  capacity: ['pop'],
  attack: ['client', 'as'],
  in: ['client'],
  address: ['service'],
};
/** Role words, as a class, label or `role:` value. */
export const roleWords: Record<string, NodeRole> = {
  pop: 'pop',
  pops: 'pop',
  site: 'pop',
  node: 'pop',
  as: 'as',
  transit: 'as',
  isp: 'as',
  ix: 'as',
  ixp: 'as',
  access: 'as',
  provider: 'as',
  upstream: 'as',
  carrier: 'as',
  network: 'as',
  tier1: 'as',
  client: 'client',
  clients: 'client',
  user: 'client',
  users: 'client',
  eyeball: 'as',
  eyeballs: 'as',
  resolver: 'client',
  resolvers: 'client',
  service: 'service',
  anycast: 'service',
  vip: 'service',
  narrative: 'narrative',
  note: 'narrative',
  none: 'narrative',
};

/** Admin-state words of PoPs, ASes and sessions. */
export const stateWords: Record<string, AdminState> = {
  up: 'up',
  announced: 'up',
  active: 'up',
  down: 'down',
  withdrawn: 'down',
  failed: 'down',
  shutdown: 'down',
};
