/**
 * The keys of the front matter's `anycast:` block and of its `convergence:` block, with what each
 * means: one table read by the settings reader (unknown-key warnings), completion and hover.
 */

export interface SettingKey {
  /** The key as the docs write it. */
  readonly key: string;
  /** Other spellings the reader accepts. */
  readonly aliases?: readonly string[];
  /** One line: what the setting does, with its default. */
  readonly detail: string;
  /** Values to offer after `key:` (examples or the only words allowed). */
  readonly values?: readonly string[];
}

const tieBreakModels = ['lowest-neighbor-asn', 'router-id', 'oldest', 'random'];

/** The keys of `anycast:`. */
export const anycastSettingKeys: readonly SettingKey[] = [
  { key: 'service', aliases: ['address'], detail: 'the anycast address clients send to' },
  { key: 'prefixes', aliases: ['prefix'], detail: 'prefixes every PoP announces unless it says otherwise' },
  {
    key: 'tie-break',
    aliases: ['tieBreak'],
    detail: 'final tie-break of the decision process: lowest-neighbor-asn, router-id, oldest or random',
    values: tieBreakModels,
  },
  { key: 'seed', detail: 'seed of the random tie-break' },
  { key: 'weight', detail: 'traffic weight of a client that gives none (default 1)' },
  {
    key: 'warnAbove',
    detail: 'a PoP whose utilisation (load / capacity) is above this is marked as a warning (default 80%)',
    values: ['80%', '90%'],
  },
  { key: 'attack', detail: 'attack from every client and AS inside a subgraph: attack: { EU: 300Gbps }' },
  {
    key: 'convergence',
    detail: 'timers of the convergence simulation (Play convergence, the summary, anycast converge)',
  },
];

/** The keys of `anycast: convergence:`. */
export const convergenceSettingKeys: readonly SettingKey[] = [
  { key: 'mrai', detail: 'Minimum Route Advertisement Interval per session kind: ebgp, ibgp, jitter, withdrawals' },
  {
    key: 'hold',
    detail: 'hold time: a crashed neighbour is noticed after it (default 90s; 3s to 65535s, RFC 4271)',
    values: ['90s', '30s', '9s'],
  },
  {
    key: 'bfd',
    detail: 'BFD detects a failed session after interval x multiplier instead of the hold time (e.g. 300ms x 3)',
    values: ['300ms x 3', '50ms x 3', '1s x 3'],
  },
  {
    key: 'processing',
    detail: 'time a router takes per update, drawn per message from this range (default 1-10ms)',
    values: ['1-10ms', '5ms'],
  },
  { key: 'seed', detail: 'seed of the processing delays and MRAI jitter (default 1): the same seed, the same run' },
];

/** The keys of `anycast: convergence: mrai:`. */
export const mraiSettingKeys: readonly SettingKey[] = [
  {
    key: 'ebgp',
    detail: 'MRAI on eBGP sessions (default 30s, RFC 4271; 0s turns it off)',
    values: ['30s', '5s', '0s'],
  },
  { key: 'ibgp', detail: 'MRAI on iBGP sessions (default 0s, as most implementations)', values: ['0s', '5s'] },
  {
    key: 'jitter',
    detail: 'each MRAI run lasts the interval times a factor drawn from this range (default 0.75-1, RFC 4271)',
    values: ['0.75-1', '1-1'],
  },
  {
    key: 'withdrawals',
    detail: 'rate-limit withdrawals by the MRAI too (default false: withdrawals go at once)',
    values: ['false', 'true'],
  },
];

/** The keys of the block at `path` (`[]` is `anycast:` itself); undefined for a block we do not read. */
export function settingKeysAt(path: readonly string[]): readonly SettingKey[] | undefined {
  const [first, second, ...rest] = path;
  if (first === undefined) return anycastSettingKeys;
  if (first !== 'convergence' || rest.length > 0) return undefined;
  if (second === undefined) return convergenceSettingKeys;
  return second === 'mrai' ? mraiSettingKeys : undefined;
}

/** The entry of `keys` a written key stands for (its own name or an alias). */
export function settingKey(keys: readonly SettingKey[], written: string): SettingKey | undefined {
  return keys.find((k) => k.key === written || k.aliases?.includes(written));
}

/** Every spelling of `keys`, for "did you mean". */
export function settingNames(keys: readonly SettingKey[]): string[] {
  return keys.flatMap((k) => [k.key, ...(k.aliases ?? [])]);
}
