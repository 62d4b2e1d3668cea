// Runs in Node: the CLI's only contact with the outside world, so commands can be tested with a fake.
import { randomBytes } from 'node:crypto';
import { constants, unlinkSync } from 'node:fs';
import { open, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

import { MAX_DIAGRAM_BYTES } from '../language/index';

/** Diagrams larger than this are refused before they are read; the editor's limit too. */
export { MAX_DIAGRAM_BYTES };

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** The file's bytes; refused with a one-line error, before reading, when larger than `maxBytes`. */
  readFile(path: string, maxBytes?: number): Promise<Uint8Array>;
  /** Writes whole or not at all: a temporary file renamed into place. */
  writeFileAtomic(path: string, data: string | Uint8Array): Promise<void>;
  /** The CLI's own script, which worker threads run to share a search (`anycast plan`); absent: one thread. */
  readonly workerScript?: string;
}

/** An error about a file the user named, said in one line: the command exits 1 with it. */
export class FileError extends Error {
  override readonly name = 'FileError';
}

/** Where the first byte that is not UTF-8 sits, or undefined when all of `bytes` is UTF-8. */
export function firstInvalidUtf8(bytes: Uint8Array): number | undefined {
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i] as number;
    const length =
      b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0) return i;
    // The second byte's range rules out overlong forms, surrogates and code points past U+10FFFF.
    const low = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80;
    const high = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf;
    for (let k = 1; k < length; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < (k === 1 ? low : 0x80) || c > (k === 1 ? high : 0xbf)) return i;
    }
    i += length;
  }
  return undefined;
}

/**
 * A diagram's text from its bytes. Bytes that are not UTF-8 are refused, never replaced in silence,
 * with where the first one is: line and column as an editor counts them, and the byte offset.
 */
export function decodeDiagram(bytes: Uint8Array): string {
  const bad = firstInvalidUtf8(bytes);
  if (bad === undefined) return new TextDecoder('utf-8').decode(bytes);
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < bad; i++) {
    if (bytes[i] === 10 || (bytes[i] === 13 && bytes[i + 1] !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  const column = new TextDecoder('utf-8').decode(bytes.subarray(lineStart, bad)).length + 1;
  const byte = (bytes[bad] as number).toString(16).padStart(2, '0');
  throw new FileError(`not UTF-8: byte 0x${byte} at line ${line}, column ${column} (byte offset ${bad})`);
}

/** Temporary files still on disk, removed if the process is interrupted. */
const pending = new Set<string>();
/** Other things to undo if the process is interrupted (a temporary folder). */
const cleanups = new Set<() => void>();

/** Registers a synchronous cleanup for an interruption; returns the function that unregisters it. */
export function onInterrupt(cleanup: () => void): () => void {
  cleanups.add(cleanup);
  return () => cleanups.delete(cleanup);
}

/** Removes every temporary file and folder this process made and has not finished with. */
export function removeTemporaries(): void {
  for (const path of pending) {
    try {
      unlinkSync(path);
    } catch {
      // Already gone: nothing to clean.
    }
  }
  pending.clear();
  for (const cleanup of cleanups) cleanup();
  cleanups.clear();
}

function reason(error: unknown): string {
  switch ((error as NodeJS.ErrnoException).code) {
    case 'ENOENT':
      return 'no such directory';
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return 'not writable';
    case 'EISDIR':
      return 'is a directory';
    case 'ENOTDIR':
      return 'a part of the path is not a directory';
    case 'ENOSPC':
      return 'no space left on the device';
    default:
      return error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
  }
}

/** Reads a file after checking its size, so a huge file costs a stat and not gigabytes of memory. */
async function readBounded(path: string, maxBytes: number): Promise<Uint8Array> {
  const info = await stat(path);
  if (info.isDirectory()) throw Object.assign(new FileError(`${path} is a directory`), { code: 'EISDIR' });
  if (info.size > maxBytes) {
    const size = (n: number): string => (n < 1024 * 1024 ? `${n} bytes` : `${Math.round(n / 1024 / 102.4) / 10} MB`);
    throw new FileError(`${path} is ${size(info.size)}, over the ${size(maxBytes)} limit; refused before reading`);
  }
  const handle = await open(path, 'r');
  try {
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}

/**
 * Writes through a temporary file in the target's own folder: a random name, created exclusively
 * (O_EXCL, never through a link planted there), readable by us alone, then renamed over the target.
 */
async function writeAtomically(path: string, data: string | Uint8Array): Promise<void> {
  const target = await stat(path).catch(() => undefined);
  if (target?.isDirectory()) throw new FileError(`cannot write ${path}: is a directory`);
  const tmp = join(dirname(path), `.${basename(path)}.${randomBytes(8).toString('hex')}.tmp`);
  const flags = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0);
  let handle;
  try {
    handle = await open(tmp, flags, 0o600);
  } catch (error) {
    throw new FileError(`cannot write ${path}: ${reason(error)}`);
  }
  pending.add(tmp);
  try {
    await handle.writeFile(data);
    // The temporary file is ours alone; the result gets the target's mode, or the usual 0644.
    await handle.chmod(target ? target.mode & 0o777 : 0o644);
    await handle.close();
    await rename(tmp, path);
    pending.delete(tmp);
  } catch (error) {
    await handle.close().catch(() => undefined);
    await unlink(tmp).catch(() => undefined);
    pending.delete(tmp);
    throw new FileError(`cannot write ${path}: ${reason(error)}`);
  }
}

export const nodeIo: CliIo = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
  readFile: (path, maxBytes = MAX_DIAGRAM_BYTES) => readBounded(path, maxBytes),
  writeFileAtomic: writeAtomically,
};
