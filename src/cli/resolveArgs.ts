// Runs in Node: the options of `anycast resolve` on a diagram, as one table, and the help of both resolve modes.
import type { TieBreakModel } from '../engine/index';
import { TIE_BREAKS, asRelCommand, parseSeed, parseTieBreak } from './asRelArgs';
import { whatIfOptions } from './failureOptions';
import { UsageError, helpOption, helpText, parseOptions } from './options';
import type { CommandSpec, OptionSpec } from './options';

const diagramOptions = [
  ...whatIfOptions,
  {
    name: 'fail-each',
    type: 'boolean',
    description:
      'N-1: withdraw each PoP in turn (on top of any --fail) and show where its clients go and the RTT they lose, worst first; when PoPs state a capacity, also the worst utilisation each failure causes and where, ranked by that first',
  },
  {
    name: 'why',
    type: 'string',
    value: 'ID',
    multiple: true,
    description:
      "explain a client's (or router's) choice step by step: every candidate route and which survive each step of the decision process",
  },
  {
    name: 'tie-break',
    type: 'string',
    value: 'MODEL',
    description: `${TIE_BREAKS.join(', ')} (default: the diagram's, else lowest-neighbor-asn)`,
  },
  { name: 'seed', type: 'string', value: 'N', default: '0', description: 'seed of the random tie-break' },
  {
    name: 'attack',
    type: 'boolean',
    description:
      "send the diagram's attack sources along the same routing: each PoP's absorbed attack and total load, the PoPs overwhelmed, the share absorbed in the attack's own continent",
  },
  { name: 'json', type: 'boolean', description: '{"clients":[...],"pops":[...],"moved":[...]} instead of tables' },
  helpOption,
] as const satisfies readonly OptionSpec[];

export const resolveCommand: CommandSpec<typeof diagramOptions> = {
  name: 'resolve',
  synopsis: ['resolve FILE.anycast.mmd [--fail POP|--fail-as AS|--fail-link A--B|--up POP]... [options]'],
  description: `Resolves the diagram: for each client the PoP it reaches, the prefix, the AS path, where on its
path the PoP was decided (router and step) over the nearest alternative (the best route to another
PoP), and the estimated round-trip time; for each PoP its catchment, and its load and utilisation when the diagram states traffic and capacities. With --fail, --fail-as or --fail-link (repeatable), the state after the failure and
what moved; with --up, the same for a PoP the file marks down, announced again.`,
  options: diagramOptions,
  exitStatus:
    '0 resolved, 1 the file cannot be read or has errors, or an option names nothing in it, 2 bad usage, 3 no stable routing.',
};

/** `anycast resolve --help`: the diagram mode, then the --as-rel mode. */
export const resolveHelp = `${helpText(resolveCommand)}\n\n${helpText(asRelCommand)}`;

export interface DiagramArgs {
  readonly file: string;
  readonly fail: string[];
  readonly failAs: string[];
  readonly failLink: string[];
  readonly up: string[];
  readonly failEach: boolean;
  readonly why: string[];
  readonly tieBreak?: TieBreakModel;
  readonly seed: number;
  readonly attack: boolean;
  readonly json: boolean;
}

/** Reads the options of the diagram mode; throws UsageError. */
export function parseDiagramArgs(args: readonly string[]): DiagramArgs {
  const { values, positionals } = parseOptions(diagramOptions, args);
  const [file, extra] = positionals;
  if (file === undefined) throw new UsageError('name a .anycast.mmd file (or use --as-rel FILE)');
  if (extra !== undefined) throw new UsageError(`one diagram at a time: unexpected '${extra}'`);
  const tieBreak = values['tie-break'];
  return {
    file,
    fail: values.fail,
    failAs: values['fail-as'],
    failLink: values['fail-link'],
    up: values.up,
    failEach: values['fail-each'],
    why: values.why,
    ...(tieBreak !== undefined ? { tieBreak: parseTieBreak(tieBreak) } : {}),
    seed: parseSeed(values.seed),
    attack: values.attack,
    json: values.json,
  };
}

/** Whether the arguments ask for the CAIDA mode (`--as-rel FILE` or `--as-rel=FILE`). */
export function wantsAsRel(args: readonly string[]): boolean {
  const end = args.indexOf('--');
  return (end < 0 ? args : args.slice(0, end)).some((a) => a === '--as-rel' || a.startsWith('--as-rel='));
}
