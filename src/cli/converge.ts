// Runs in Node: `anycast converge`, how a failover plays out over time: who is without service, for how long, and which connections reset.
import { RequestError } from '../engine/index';
import { settledShare, simulateAsConvergence } from '../engine/convergence/index';
import type { ConvergenceResult, ConvergenceTimers } from '../engine/convergence/index';
import { parseDocument } from '../language/index';
import { engineNames, simulateDiagramConvergence } from '../routing/convergence';
import type { FailureMode } from '../routing/convergence';
import { toTopology } from '../routing/topology';
import { plural } from '../routing/words/figures';
import { clientStory, convergenceHeadline, duration, timelineRows } from '../routing/words/convergenceWords';
import { CliError, readAsRelFile } from './asRel';
import { EXIT } from './exitCodes';
import { parseAsn, parseSeed } from './asRelArgs';
import { failureFlags, failureOptions } from './failureOptions';
import { diagramFailures } from './failures';
import type { CliIo } from './io';
import { decodeDiagram } from './io';
import { helpOption, readCommandLine, UsageError, usageError } from './options';
import type { CommandSpec, OptionValues, OptionSpec } from './options';
import { table } from './resolveWhy';

const convergeOptions = [
  ...failureOptions,
  {
    name: 'crash',
    type: 'boolean',
    description: 'the failed PoPs crash: their neighbours notice after the hold time (or BFD)',
  },
  {
    name: 'drain',
    type: 'string',
    value: 'SECONDS',
    description: 'RFC 8326 graceful shutdown: announce with GRACEFUL_SHUTDOWN (LOCAL_PREF 0), withdraw SECONDS later',
  },
  { name: 'as-rel', type: 'string', value: 'FILE', description: 'a CAIDA AS-relationship file instead of a diagram' },
  {
    name: 'origin',
    type: 'string',
    value: 'ASN',
    multiple: true,
    description: '(--as-rel) an AS that announces the anycast prefix',
  },
  {
    name: 'withdraw',
    type: 'string',
    value: 'ASN',
    multiple: true,
    description: '(--as-rel) an origin that withdraws at t=0',
  },
  {
    name: 'mrai-ebgp',
    type: 'string',
    value: 'S',
    description: "MRAI on eBGP sessions, seconds (0 turns it off); default the file's, else 30",
  },
  {
    name: 'mrai-ibgp',
    type: 'string',
    value: 'S',
    description: "MRAI on iBGP sessions, seconds; default the file's, else 0",
  },
  { name: 'hold', type: 'string', value: 'S', description: "hold time, seconds; default the file's, else 90" },
  {
    name: 'bfd',
    type: 'string',
    value: 'MSxN',
    description: 'BFD instead of the hold timer, e.g. 300x3 (off: the hold timer even if the file sets BFD)',
  },
  {
    name: 'processing',
    type: 'string',
    value: 'A-B',
    description: "update processing delay range, ms; default the file's, else 1-10",
  },
  {
    name: 'seed',
    type: 'string',
    value: 'N',
    description: "seed of the delays and jitter; default the file's, else 1",
  },
  { name: 'json', type: 'boolean', description: 'the timelines and figures as JSON' },
  helpOption,
] as const satisfies readonly OptionSpec[];

export const convergeCommand: CommandSpec<typeof convergeOptions> = {
  name: 'converge',
  synopsis: [
    'converge [--fail POP]... [--fail-as AS]... [--fail-link A--B]... [--crash | --drain SECONDS] [options] FILE',
    'converge --as-rel FILE --origin ASN... --withdraw ASN... [options]',
  ],
  description: `Simulates the failure message by message (BGP updates with propagation and processing delays,
MRAI timers, failure detection by hold timer or BFD) and prints, per client, a timeline of where
its traffic goes, how long it is without service, how often it changes PoP (its TCP and QUIC
connections reset), and when it settles; then the overall figures. With --as-rel, the share of
the ASes whose route changed that have settled after 1, 10, 30, 60 and 120 s. The timers and
seed are the diagram's (front matter \`anycast: convergence:\`) where no flag sets them.`,
  options: convergeOptions,
  exitStatus:
    '0 done, 1 bad input (a file that cannot be read or does not parse, an unknown PoP, AS or link), 2 bad usage, 3 no stable routing within the bounds.',
};

type Values = OptionValues<typeof convergeOptions>;

function seconds(text: string, flag: string): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value < 0)
    throw new UsageError(`--${flag} needs a number of seconds, got '${text}'`);
  return value;
}

/** The timers the flags set; the file's (or the engine's defaults) fill the rest. */
function timersOf(values: Values): Partial<ConvergenceTimers> {
  const timers: { -readonly [K in keyof ConvergenceTimers]?: ConvergenceTimers[K] } = {};
  if (values['mrai-ebgp'] !== undefined) timers.mraiEbgp = seconds(values['mrai-ebgp'], 'mrai-ebgp');
  if (values['mrai-ibgp'] !== undefined) timers.mraiIbgp = seconds(values['mrai-ibgp'], 'mrai-ibgp');
  if (values.hold !== undefined) timers.holdTime = seconds(values.hold, 'hold');
  if (values.bfd === 'off') timers.bfd = undefined;
  else if (values.bfd !== undefined) {
    const match = /^(\d+(?:\.\d+)?)x(\d+)$/.exec(values.bfd);
    if (!match)
      throw new UsageError(`--bfd needs an interval in ms and a multiplier, such as 300x3, got '${values.bfd}'`);
    timers.bfd = { intervalMs: Number(match[1]), multiplier: Number(match[2]) };
  }
  if (values.processing !== undefined) {
    const match = /^(\d+(?:\.\d+)?)-(\d+(?:\.\d+)?)$/.exec(values.processing);
    if (!match || Number(match[1]) > Number(match[2]))
      throw new UsageError(`--processing needs a range of ms such as 1-10, got '${values.processing}'`);
    timers.processingMs = [Number(match[1]), Number(match[2])];
  }
  return timers;
}

function seedOf(values: Values): { seed?: number } {
  return values.seed === undefined ? {} : { seed: parseSeed(values.seed) };
}

function modeOf(values: Values): FailureMode {
  const drain = values.drain === undefined ? undefined : seconds(values.drain, 'drain');
  if (values.crash && drain !== undefined) throw new UsageError('--crash and --drain exclude each other');
  if (values.crash) return { kind: 'crash' };
  return drain !== undefined ? { kind: 'drain', withdrawAfter: drain } : { kind: 'withdraw' };
}

function timersLine(result: ConvergenceResult): string {
  const t = result.timers;
  const detect = t.bfd ? `BFD ${t.bfd.intervalMs} ms x ${t.bfd.multiplier}` : `hold time ${t.holdTime} s`;
  return `Timers: MRAI eBGP ${t.mraiEbgp} s (jitter ${t.mraiJitter.join('-')}), iBGP ${t.mraiIbgp} s; ${detect}; processing ${t.processingMs.join('-')} ms; seed ${result.seed}.`;
}

function diagramText(result: ConvergenceResult, name: (id: string) => string): string {
  const lines = [timersLine(result), ''];
  const affected = result.clients.filter((c) => c.states.length > 1);
  lines.push(...affected.map((c) => clientStory(c, name)));
  const calm = result.clients.length - affected.length;
  if (calm > 0) lines.push(`${affected.length > 0 ? 'The other ' : ''}${plural(calm, 'client')}: not affected.`);
  const rows = timelineRows(result, name);
  if (rows.length > 0) lines.push('', 'Timeline:', ...table([['CLIENT', 'TIME', 'POP', 'PATH'], ...rows]));
  const busy = result.routers.filter((r) => r.updates + r.withdrawals > 0);
  if (busy.length > 0)
    lines.push(
      '',
      'Messages sent:',
      ...table([
        ['ROUTER', 'UPDATES', 'WITHDRAWALS'],
        ...busy.map((r) => [`${name(r.id)} (${r.id})`, String(r.updates), String(r.withdrawals)]),
      ]),
    );
  lines.push('', convergenceHeadline(result));
  return lines.join('\n');
}

function diagramJson(result: ConvergenceResult, name: (id: string) => string): object {
  return {
    clients: result.clients.map((c) => ({ ...c, name: name(c.id), story: clientStory(c, name) })),
    routers: result.routers.filter((r) => r.updates + r.withdrawals > 0),
    lastUpdate: result.lastUpdate,
    settle: result.settle,
    updates: result.updates,
    withdrawals: result.withdrawals,
    events: result.events,
    timers: result.timers,
    seed: result.seed,
    ...(result.unstable ? { unstable: result.unstable } : {}),
    warnings: result.warnings,
  };
}

async function runDiagram(file: string, values: Values, io: CliIo): Promise<number> {
  let text: string;
  try {
    text = decodeDiagram(await io.readFile(file));
  } catch (error) {
    throw new CliError(
      `cannot read ${file}: ${(error as { code?: string }).code === 'ENOENT' ? 'no such file' : error instanceof Error ? error.message : String(error)}`,
    );
  }
  const { model, diagnostics } = parseDocument(text);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  for (const d of errors)
    io.err(`${file}:${d.range.start.line + 1}:${d.range.start.character + 1}: error: ${d.message}`);
  if (errors.length > 0)
    throw new CliError(`${file}: ${errors.length} error(s); fix them (see \`anycast check\`) first`);
  const flags = failureFlags(values);
  if (flags.fail.length + flags.failAs.length + flags.failLink.length === 0)
    throw new UsageError('name what fails: --fail POP, --fail-as AS or --fail-link A--B');
  const scenario = diagramFailures(model, flags);
  if (typeof scenario === 'string') throw new RequestError(scenario);
  const build = toTopology(model);
  const result = simulateDiagramConvergence(scenario, model, build, modeOf(values), {
    timers: timersOf(values),
    ...seedOf(values),
  });
  const name = engineNames(model, build);
  io.out(values.json ? JSON.stringify(diagramJson(result, name)) : diagramText(result, name));
  for (const w of result.warnings) io.err(`${file}: warning: ${w}`);
  return result.unstable ? EXIT.unstable : EXIT.ok;
}

const MILESTONES = [1, 10, 30, 60, 120];

async function runAsLevel(file: string, values: Values, io: CliIo): Promise<number> {
  const origins = values.origin.map((v) => ({ asn: parseAsn(v, '--origin') }));
  const withdrawn = values.withdraw.map((v) => parseAsn(v, '--withdraw'));
  if (origins.length === 0 || withdrawn.length === 0)
    throw new UsageError('--as-rel needs the origins (--origin ASN, repeat) and what withdraws (--withdraw ASN)');
  const graph = await readAsRelFile(io, file);
  const result = simulateAsConvergence(graph, origins, withdrawn, { timers: timersOf(values), ...seedOf(values) });
  const shares = MILESTONES.map((s) => ({ seconds: s, share: settledShare(result, s) }));
  if (values.json) {
    const { settle: _settle, nextHop: _nextHop, originIndex: _originIndex, ...figures } = result;
    io.out(JSON.stringify({ ases: graph.size, ...figures, settled: shares }));
  } else {
    io.out(
      [
        `${graph.size} ASes; withdrawing ${withdrawn.map((a) => `AS${a}`).join(', ')} changed the route of ${result.affected} (${result.lost} left without one).`,
        `Timers: MRAI eBGP ${result.timers.mraiEbgp} s (jitter ${result.timers.mraiJitter.join('-')}); processing ${result.timers.processingMs.join('-')} ms; seed ${result.seed}.`,
        '',
        'Settled (share of the ASes whose route changed):',
        ...table([['AFTER', 'SETTLED'], ...shares.map((s) => [`${s.seconds} s`, `${(100 * s.share).toFixed(1)}%`])]),
        '',
        `Settle time p50 ${duration(result.quantiles.p50)}, p90 ${duration(result.quantiles.p90)}, max ${duration(result.quantiles.max)}; last update after ${duration(result.lastUpdate)}; ${result.updates} updates, ${result.withdrawals} withdrawals.`,
        ...(result.unstable ? [`UNSTABLE: ${result.unstable}`] : []),
      ].join('\n'),
    );
  }
  return result.unstable ? EXIT.unstable : EXIT.ok;
}

/** `anycast converge`: a diagram's failover over time, or with --as-rel an origin's withdrawal on a CAIDA graph. */
export async function runConverge(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = readCommandLine(convergeCommand, args, io);
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  try {
    if (values['as-rel'] !== undefined) {
      if (positionals.length > 0) throw new UsageError(`--as-rel takes no diagram: unexpected '${positionals[0]}'`);
      return await runAsLevel(values['as-rel'], values, io);
    }
    if (positionals.length !== 1)
      throw new UsageError(
        positionals.length === 0 ? 'name a .anycast.mmd file (or use --as-rel FILE)' : 'one diagram at a time',
      );
    return await runDiagram(positionals[0] as string, values, io);
  } catch (error) {
    if (error instanceof UsageError) return usageError('converge', error.message, io);
    if (error instanceof CliError || error instanceof RequestError) {
      io.err(`anycast converge: ${error.message}`);
      return EXIT.badInput;
    }
    throw error;
  }
}
