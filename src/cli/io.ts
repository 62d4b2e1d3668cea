// Runs in Node: the CLI's only contact with the outside world, so commands can be tested with a fake.
import { readFile, writeFile, rename, unlink } from 'node:fs/promises';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  readFile(path: string): Promise<Uint8Array>;
  /** Writes whole or not at all: a temporary file renamed into place. */
  writeFileAtomic(path: string, data: string | Uint8Array): Promise<void>;
}

export const nodeIo: CliIo = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
  readFile: (path) => readFile(path),
  async writeFileAtomic(path, data) {
    const tmp = `${path}.${process.pid}.tmp`;
    try {
      await writeFile(tmp, data);
      await rename(tmp, path);
    } catch (error) {
      await unlink(tmp).catch(() => undefined);
      throw error;
    }
  },
};
