// Runs in Node: the `anycast` command. Each subcommand lives in its own module and returns an exit code.
import type { CliIo } from './io';
import { nodeIo } from './io';
import { runCheck } from './check';
import { runResolve } from './resolve';
import { runMermaid } from './mermaid';
import { runExport } from './export';

export type Command = (args: readonly string[], io: CliIo) => Promise<number>;

const commands: Record<string, { run: Command; summary: string }> = {
  check: {
    run: runCheck,
    summary: 'report the problems in .anycast.mmd files (syntax, ids, ASNs, prefixes, locations, reachability)',
  },
  resolve: { run: runResolve, summary: 'which PoP each client (or every AS of a CAIDA graph) reaches, and why' },
  mermaid: {
    run: runMermaid,
    summary: 'the diagram with catchments, colours and a legend, as mermaid text for GitHub, GitLab or Notion',
  },
  export: { run: runExport, summary: "the preview's picture as a standalone SVG or PNG, drawn in headless Chromium" },
};

function usage(): string {
  const lines = Object.entries(commands).map(([name, c]) => `  anycast ${name.padEnd(9)} ${c.summary}`);
  return [
    'Usage: anycast <command> [options]',
    '',
    'Commands:',
    ...lines,
    '',
    'Run `anycast <command> --help` for its options.',
  ].join('\n');
}

async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(usage());
    return name === undefined ? 2 : 0;
  }
  const command = commands[name];
  if (!command) {
    io.err(`anycast: unknown command '${name}'\n\n${usage()}`);
    return 2;
  }
  return command.run(rest, io);
}

main(process.argv.slice(2), nodeIo).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `anycast: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 70;
  },
);
