/** A CliIo over an in-memory file table that records what a command prints and writes. */
import type { CliIo } from '../../../src/cli/io';

export interface FakeIo extends CliIo {
  stdout: string;
  stderr: string;
  readonly written: Record<string, string>;
}

export function fakeIo(files: Record<string, string | Uint8Array>): FakeIo {
  const io: FakeIo = {
    stdout: '',
    stderr: '',
    written: {},
    out(text) {
      io.stdout += `${text}\n`;
    },
    err(text) {
      io.stderr += `${text}\n`;
    },
    async readFile(path) {
      const f = files[path];
      if (f === undefined) throw Object.assign(new Error(`ENOENT: no such file '${path}'`), { code: 'ENOENT' });
      return typeof f === 'string' ? new TextEncoder().encode(f) : f;
    },
    async writeFileAtomic(path, data) {
      io.written[path] = typeof data === 'string' ? data : new TextDecoder().decode(data);
    },
  };
  return io;
}
