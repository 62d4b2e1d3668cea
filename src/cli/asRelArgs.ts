// Runs in Node: the options of `anycast resolve --as-rel`, as one table, read into the CAIDA routing request.
import type { Asn, AsSolver, TieBreakModel } from '../engine/index';
import { UsageError, helpOption, parseOptions } from './options';
import type { CommandSpec, OptionSpec, OptionValues } from './options';

export const TIE_BREAKS: readonly TieBreakModel[] = ['lowest-neighbor-asn', 'router-id', 'oldest', 'random'];
const SOLVERS: readonly AsSolver[] = ['auto', 'sweep', 'path-vector'];

const asRelOptions = [
  {
    name: 'as-rel',
    type: 'string',
    value: 'FILE',
    description: 'the CAIDA AS-relationship file (serial-1 or serial-2, plain or .gz) to route over',
  },
  { name: 'origin', type: 'string', value: 'ASN', multiple: true, description: 'an AS announcing the prefix' },
  {
    name: 'prepend',
    type: 'string',
    value: 'ASN=N',
    multiple: true,
    description: 'that origin prepends its ASN N more times on every announcement',
  },
  {
    name: 'fail',
    type: 'string',
    value: 'ASN',
    multiple: true,
    description: 'withdraw that origin and show what moved',
  },
  {
    name: 'fail-each',
    type: 'boolean',
    description: 'N-1: withdraw each origin in turn and show where its catchment goes',
  },
  { name: 'fail-as', type: 'string', value: 'ASN', multiple: true, description: 'take an AS down' },
  {
    name: 'fail-link',
    type: 'string',
    value: 'A-B',
    multiple: true,
    description: 'take the link between AS A and AS B down',
  },
  {
    name: 'tie-break',
    type: 'string',
    value: 'MODEL',
    default: 'lowest-neighbor-asn',
    description: `last step of the decision: ${TIE_BREAKS.join(', ')} (the first is BGPy's)`,
  },
  { name: 'seed', type: 'string', value: 'N', default: '0', description: 'seed of the random tie-break' },
  {
    name: 'solver',
    type: 'string',
    value: 'NAME',
    default: 'auto',
    description: `${SOLVERS.join(', ')}; auto takes the sweep for pure Gao-Rexford`,
  },
  {
    name: 'local-pref',
    type: 'string',
    value: 'A-B=N',
    multiple: true,
    description:
      'AS A gives routes from neighbour B LOCAL_PREF N (needs the path-vector solver, which reports a dispute wheel when no stable routing exists)',
  },
  { name: 'as', type: 'string', value: 'ASN', multiple: true, description: "explain this AS's choice step by step" },
  {
    name: 'json',
    type: 'boolean',
    description: 'machine-readable output: routes of every AS, unreachable ASes, summary',
  },
  helpOption,
] as const satisfies readonly OptionSpec[];

export const asRelCommand: CommandSpec<typeof asRelOptions> = {
  name: 'resolve',
  synopsis: ['resolve --as-rel FILE --origin ASN [--origin ASN]... [options]'],
  description: `Routes every AS of a CAIDA AS-relationship file (serial-1 or serial-2, plain or .gz) toward one
anycast prefix announced by the origin ASes, under Gao-Rexford policy, and explains each choice.`,
  options: asRelOptions,
  exitStatus: '0 routed, 1 bad input or impossible request, 2 bad usage, 3 no stable routing.',
};

export interface AsRelArgs {
  readonly file: string;
  readonly origins: Asn[];
  readonly fail: Asn[];
  readonly failAses: Asn[];
  readonly failLinks: (readonly [Asn, Asn])[];
  readonly explain: Asn[];
  readonly localPref: (readonly [Asn, Asn, number])[];
  readonly prepend: (readonly [Asn, number])[];
  readonly failEach: boolean;
  readonly tieBreak: TieBreakModel;
  readonly seed: number;
  readonly solver: AsSolver;
  readonly json: boolean;
}

export function parseAsn(text: string | undefined, flag: string): Asn {
  const match = /^(?:AS)?(\d{1,10})$/i.exec(text ?? '');
  const asn = match ? Number(match[1]) : NaN;
  if (!(asn >= 1 && asn <= 4294967295))
    throw new UsageError(`${flag} needs an AS number such as 13335 or AS13335, got '${text ?? ''}'`);
  return asn;
}

export function parseTieBreak(v: string): TieBreakModel {
  if (!TIE_BREAKS.includes(v as TieBreakModel))
    throw new UsageError(`unknown tie-break '${v}'; use one of ${TIE_BREAKS.join(', ')}`);
  return v as TieBreakModel;
}

export function parseSeed(v: string): number {
  if (!/^\d{1,9}$/.test(v)) throw new UsageError(`--seed needs a whole number, got '${v}'`);
  return Number(v);
}

function parseSolver(v: string): AsSolver {
  if (!SOLVERS.includes(v as AsSolver)) throw new UsageError(`unknown solver '${v}'; use one of ${SOLVERS.join(', ')}`);
  return v as AsSolver;
}

function parseLink(v: string): readonly [Asn, Asn] {
  const [a, b, extra] = v.split('-');
  if (extra !== undefined || b === undefined)
    throw new UsageError(`--fail-link needs two ASNs joined by '-', such as 174-3356, got '${v}'`);
  return [parseAsn(a, '--fail-link'), parseAsn(b, '--fail-link')];
}

function parsePrepend(v: string): readonly [Asn, number] {
  const match = /^(?:AS)?(\d+)=(\d{1,3})$/i.exec(v);
  if (!match || Number(match[2]) > 255)
    throw new UsageError(`--prepend needs ORIGIN=COUNT with a count from 0 to 255, such as 13335=2, got '${v}'`);
  return [parseAsn(match[1], '--prepend'), Number(match[2])];
}

function parseLocalPref(v: string): readonly [Asn, Asn, number] {
  const match = /^(?:AS)?(\d+)-(?:AS)?(\d+)=(\d{1,9})$/i.exec(v);
  if (!match) throw new UsageError(`--local-pref needs RECEIVER-NEIGHBOUR=VALUE, such as 3356-174=50, got '${v}'`);
  return [parseAsn(match[1], '--local-pref'), parseAsn(match[2], '--local-pref'), Number(match[3])];
}

function toAsRelArgs(values: OptionValues<typeof asRelOptions>, file: string): AsRelArgs {
  const asns = (list: readonly string[], flag: string): Asn[] => list.map((v) => parseAsn(v, flag));
  return {
    file,
    origins: asns(values.origin, '--origin'),
    fail: asns(values.fail, '--fail'),
    failAses: asns(values['fail-as'], '--fail-as'),
    failLinks: values['fail-link'].map(parseLink),
    explain: asns(values.as, '--as'),
    localPref: values['local-pref'].map(parseLocalPref),
    prepend: values.prepend.map(parsePrepend),
    failEach: values['fail-each'],
    tieBreak: parseTieBreak(values['tie-break']),
    seed: parseSeed(values.seed),
    solver: parseSolver(values.solver),
    json: values.json,
  };
}

/** Reads the options of the --as-rel mode; throws UsageError. */
export function parseAsRelArgs(args: readonly string[]): AsRelArgs {
  const { values, positionals } = parseOptions(asRelOptions, args);
  if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}'`);
  if (values['as-rel'] === undefined) throw new UsageError('give --as-rel FILE');
  const parsed = toAsRelArgs(values, values['as-rel']);
  if (parsed.origins.length === 0) throw new UsageError('give at least one --origin ASN');
  return parsed;
}
