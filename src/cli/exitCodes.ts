// Runs in Node: the one table of the `anycast` command's exit codes, shared by every command,
// `--help` and the README.

/** Exit codes, the same for every command. */
export const EXIT = {
  /** The command did what was asked. */
  ok: 0,
  /** The input is wrong: a diagram with errors, an unknown PoP, an unreadable or unwritable file. */
  badInput: 1,
  /** The command line is wrong: an unknown command or option, a missing argument. */
  usage: 2,
  /** Routing never settles (a dispute wheel): the answer is the report of what cycles. */
  unstable: 3,
  /** Something the command needs is missing (Chromium, for `export`). */
  missingDependency: 4,
  /** A fault of ours: one line on stderr, please report it. */
  internal: 70,
  /** Interrupted by SIGINT (128 + 2); no temporary file or folder is left. */
  interrupted: 130,
  /** Ended by SIGTERM (128 + 15); no temporary file or folder is left. */
  terminated: 143,
} as const;

/** The table as `--help` prints it. */
export function exitCodeHelp(): string {
  return [
    'Exit codes:',
    '  0   success',
    '  1   bad input (diagram errors, unknown PoP, file not readable or writable)',
    '  2   usage (unknown command or option, missing argument)',
    '  3   unstable routing (no stable state: the report says what cycles)',
    '  4   missing dependency (Chromium for export)',
    '  70  internal error (one line on stderr)',
    '  130 interrupted by SIGINT, 143 by SIGTERM (temporary files and Chromium removed)',
  ].join('\n');
}
