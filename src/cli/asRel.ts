// Runs in Node: reads a CAIDA AS-relationship file, plain or gzip-compressed, into a graph.
import { gunzipSync } from 'node:zlib';
import { AsRelError, parseAsRelationships } from '../engine/index';
import type { AsGraph } from '../engine/index';
import type { CliIo } from './io';

/** A failure the user can act on: the message names the file and, for bad lines, the line and column. */
export class CliError extends Error {
  override name = 'CliError';
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** CAIDA's AS-relationship files are far larger than any diagram (tens of MB); this bounds memory all the same. */
const MAX_AS_REL_BYTES = 512 * 1024 * 1024;

/** Reads and indexes `path`; gzip is recognised by its magic bytes, whatever the file is called. */
export async function readAsRelFile(io: CliIo, path: string): Promise<AsGraph> {
  let bytes: Uint8Array;
  try {
    bytes = await io.readFile(path, MAX_AS_REL_BYTES);
  } catch (error) {
    throw new CliError(
      `cannot read ${path}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : describe(error)}`,
    );
  }
  if (bytes[0] === 0x42 && bytes[1] === 0x5a && bytes[2] === 0x68) {
    throw new CliError(
      `${path}: bzip2-compressed (CAIDA's .bz2); Node cannot read bzip2: run 'bunzip2 -k ${path}' or recompress with gzip`,
    );
  }
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      bytes = gunzipSync(bytes);
    } catch (error) {
      throw new CliError(`${path}: not a valid gzip file (${describe(error)})`);
    }
  }
  try {
    const graph = parseAsRelationships(bytes);
    if (graph.size === 0) throw new CliError(`${path}: no AS relationships found (expected lines like '174|3356|0')`);
    return graph;
  } catch (error) {
    if (error instanceof AsRelError)
      throw new CliError(
        `${path}:${error.line}:${error.column}: ${error.message.replace(/^line \d+, column \d+: /, '')}`,
      );
    throw error;
  }
}
