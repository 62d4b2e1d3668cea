// Runs in Node: the entry point of the `anycast` command, wiring the dispatch to the process: the
// last line of defence (one line, a documented exit code), a quiet end when the reader of our
// output goes away, and no temporary file left behind when interrupted.
import { runCli } from './cli';
import { EXIT } from './exitCodes';
import { FileError, nodeIo, removeTemporaries } from './io';
import { endQuietlyOnBrokenPipe, internalErrorLine } from './lastResort';
import { isPlanWorker, runPlanWorker } from './planWorkers';

if (isPlanWorker()) runPlanWorker();
else startCli();

/** The command's life in the main thread. */
function startCli(): void {
  const writeErr = (line: string): void => void process.stderr.write(`${line}\n`);
  endQuietlyOnBrokenPipe(process.stdout, (code) => process.exit(code), writeErr);
  endQuietlyOnBrokenPipe(
    process.stderr,
    (code) => process.exit(code),
    () => undefined,
  );
  // Chromium, launched by playwright-core in its own process group, is killed by its exit hook.
  for (const [signal, code] of [
    ['SIGINT', EXIT.interrupted],
    ['SIGTERM', EXIT.terminated],
  ] as const) {
    process.on(signal, () => {
      removeTemporaries();
      process.exit(code);
    });
  }
  process.on('uncaughtException', (error) => {
    writeErr(internalErrorLine(error));
    process.exit(EXIT.internal);
  });

  runCli(process.argv.slice(2), { ...nodeIo, workerScript: process.argv[1] ?? '' }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      if (error instanceof FileError) {
        writeErr(`anycast: ${error.message}`);
        process.exitCode = EXIT.badInput;
        return;
      }
      writeErr(internalErrorLine(error));
      process.exitCode = EXIT.internal;
    },
  );
}
