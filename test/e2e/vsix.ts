// Runs in Node: reads a .vsix (a zip) through its central directory, and checks its file list
// against the allowlist in expectedVsixFiles.txt.
import { readFileSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';

const endOfCentralDirectory = 0x06054b50;
const centralDirectoryEntry = 0x02014b50;
const localFileHeader = 0x04034b50;

export interface ZipEntry {
  readonly name: string;
  /** The entry's bytes, inflated. */
  content(): Buffer;
}

/** The entries of a zip archive, in archive order (stored or deflated, as vsce writes them). */
export function readZip(path: string): ZipEntry[] {
  const zip = readFileSync(path);
  let end = -1;
  // The end record sits in the last 22 bytes plus an optional comment of at most 64 KiB.
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === endOfCentralDirectory) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new Error(`${path} is not a zip archive (no end of central directory)`);
  const count = zip.readUInt16LE(end + 10);
  let offset = zip.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (zip.readUInt32LE(offset) !== centralDirectoryEntry)
      throw new Error(`${path}: corrupt central directory at byte ${offset}`);
    const method = zip.readUInt16LE(offset + 10);
    const compressedSize = zip.readUInt32LE(offset + 20);
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    const localOffset = zip.readUInt32LE(offset + 42);
    const name = zip.toString('utf8', offset + 46, offset + 46 + nameLength);
    entries.push({
      name,
      content: () => {
        if (zip.readUInt32LE(localOffset) !== localFileHeader)
          throw new Error(`${path}: corrupt local header of ${name}`);
        const start = localOffset + 30 + zip.readUInt16LE(localOffset + 26) + zip.readUInt16LE(localOffset + 28);
        const data = zip.subarray(start, start + compressedSize);
        if (method === 0) return data;
        if (method === 8) return inflateRawSync(data);
        throw new Error(`${path}: ${name} uses zip method ${method}`);
      },
    });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

export interface ExpectedFiles {
  /** Exact paths that must be in the package. */
  readonly required: readonly string[];
  /** Patterns (`*` within one path segment) for files that may be in it, e.g. examples. */
  readonly allowed: readonly RegExp[];
}

/** Parses the allowlist: one path a line, `#` comments; a line with `*` is a pattern. */
export function parseExpectedFiles(text: string): ExpectedFiles {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
  const toPattern = (glob: string): RegExp =>
    new RegExp(
      `^${glob
        .split('*')
        .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
        .join('[^/]*')}$`,
    );
  return {
    required: lines.filter((l) => !l.includes('*')),
    allowed: lines.filter((l) => l.includes('*')).map(toPattern),
  };
}

/** What differs between the package and the allowlist; empty when they agree. */
export function compareVsixFiles(actual: readonly string[], expected: ExpectedFiles): string[] {
  const problems: string[] = [];
  for (const path of expected.required) if (!actual.includes(path)) problems.push(`missing from the package: ${path}`);
  for (const path of actual) {
    if (!expected.required.includes(path) && !expected.allowed.some((p) => p.test(path)))
      problems.push(`not on the list of files that ship: ${path}`);
  }
  return problems;
}

/** Paths that must never ship, whatever the allowlist says. */
export function forbiddenFiles(actual: readonly string[]): string[] {
  return actual.filter(
    (p) =>
      /(^|\/)(node_modules|src|test|\.vscode-test[^/]*|\.cache)\//.test(p) || /\.(map|ts|vsix|tsbuildinfo)$/.test(p),
  );
}
