// Runs in Node: the `anycast` command's dispatch: each subcommand lives in its own module and returns an exit code.
import { version } from '../../package.json';
import { checkCommand, runCheck } from './check';
import { convergeCommand, runConverge } from './converge';
import { exportCommand, runExport } from './export';
import { exitCodeHelp } from './exitCodes';
import type { CliIo } from './io';
import { mermaidCommand, runMermaid } from './mermaid';
import { helpOption, helpText, optionsHelp, parseOptions, UsageError, wantsHelp } from './options';
import type { OptionSpec } from './options';
import { planCommand, runPlan } from './plan';
import { runResolve } from './resolve';
import { resolveHelp } from './resolveArgs';

export type Command = (args: readonly string[], io: CliIo) => Promise<number>;

interface Entry {
  readonly run: Command;
  readonly summary: string;
  readonly help: string;
}

export const commands: Readonly<Record<string, Entry>> = {
  check: {
    run: runCheck,
    summary: 'report the problems in .anycast.mmd files (syntax, ids, ASNs, prefixes, locations, reachability)',
    help: helpText(checkCommand),
  },
  resolve: {
    run: runResolve,
    summary: 'which PoP each client (or every AS of a CAIDA graph) reaches, and why',
    help: resolveHelp,
  },
  mermaid: {
    run: runMermaid,
    summary: 'the diagram with catchments, colours and a legend, as mermaid text for GitHub, GitLab or Notion',
    help: helpText(mermaidCommand),
  },
  export: {
    run: runExport,
    summary: "the preview's picture as a standalone SVG or PNG, drawn in headless Chromium",
    help: helpText(exportCommand),
  },
  converge: {
    run: runConverge,
    summary: 'how a failover plays out over time: seconds without service, PoP changes, connections reset',
    help: helpText(convergeCommand),
  },
  plan: {
    run: runPlan,
    summary: 'policy changes (prepend, withdraw, NO_EXPORT, LOCAL_PREF) that lower an objective, with the exact edit',
    help: helpText(planCommand),
  },
};

export const topOptions = [
  helpOption,
  { name: 'version', type: 'boolean', description: "this program's version" },
] as const satisfies readonly OptionSpec[];

export function usage(): string {
  const lines = Object.entries(commands).map(([name, c]) => `  anycast ${name.padEnd(9)} ${c.summary}`);
  return [
    'Usage: anycast <command> [options]',
    '       anycast help <command>',
    '',
    'Commands:',
    ...lines,
    '',
    'Options:',
    ...optionsHelp(topOptions),
    '',
    'Run `anycast <command> --help` for its options.',
    '',
    exitCodeHelp(),
  ].join('\n');
}

/** The command called `name`, never a property every object has (`anycast constructor`). */
function commandNamed(name: string): Entry | undefined {
  return Object.hasOwn(commands, name) ? commands[name] : undefined;
}

function unknownCommand(name: string, io: CliIo): number {
  io.err(`anycast: unknown command '${name}'; the commands are ${Object.keys(commands).join(', ')}`);
  return 2;
}

/** `anycast --help`, `anycast --version`, or a mistake among the options before any command. */
function runTopOptions(argv: readonly string[], io: CliIo): number {
  if (wantsHelp(argv)) {
    io.out(usage());
    return 0;
  }
  try {
    const { values, positionals } = parseOptions(topOptions, argv);
    if (values.version) io.out(`anycast ${version}`);
    else throw new UsageError(`put the command first, as in anycast ${positionals[0] ?? 'check'} [options]`);
    return 0;
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.err(`anycast: ${error.message} (see anycast --help)`);
    return 2;
  }
}

/** Runs `anycast ARGV...`: the exit status, from the one table in exitCodes.ts. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    io.err(usage());
    return 2;
  }
  if (name.startsWith('-')) return runTopOptions(argv, io);
  if (name === 'help') {
    const topic = rest[0];
    const entry = topic === undefined ? undefined : commandNamed(topic);
    if (topic !== undefined && entry === undefined) return unknownCommand(topic, io);
    io.out(entry?.help ?? usage());
    return 0;
  }
  const command = commandNamed(name);
  return command ? command.run(rest, io) : unknownCommand(name, io);
}
