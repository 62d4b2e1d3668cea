// Runs in Node: what the `anycast` command does when everything else failed, so a user sees one
// line and a documented exit code, never a stack trace.
import { EXIT } from './exitCodes';

/** The one line printed for an error nothing else caught. */
export function internalErrorLine(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const firstLine = text.split(/\r?\n|\r/, 1)[0] ?? '';
  return `anycast: internal error (exit ${EXIT.internal}): ${firstLine}; please report it`;
}

interface Stream {
  on(event: 'error', listener: (error: NodeJS.ErrnoException) => void): unknown;
}

/**
 * A reader that goes away (`anycast resolve ... | head`) is not an error: stop quietly with
 * success, as `cat` does under `head`. Other stream errors end with one line.
 */
export function endQuietlyOnBrokenPipe(
  stream: Stream,
  exit: (code: number) => void,
  err: (line: string) => void,
): void {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') return exit(EXIT.ok);
    err(internalErrorLine(error));
    exit(EXIT.internal);
  });
}
