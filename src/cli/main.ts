// Runs in Node: the entry point of the `anycast` command, wiring the dispatch to the process.
import { runCli } from './cli';
import { nodeIo } from './io';

runCli(process.argv.slice(2), nodeIo).then(
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
