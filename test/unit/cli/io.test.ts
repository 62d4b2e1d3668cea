import assert from 'node:assert/strict';
import {
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { FileError, MAX_DIAGRAM_BYTES, nodeIo, onInterrupt, removeTemporaries } from '../../../src/cli/io';

const root = mkdtempSync(join(tmpdir(), 'anycast-io-test-'));
after(() => rmSync(root, { recursive: true, force: true }));
let count = 0;
const freshDir = (): string => {
  const dir = join(root, `case${count++}`);
  mkdirSync(dir);
  return dir;
};

async function writeError(path: string): Promise<FileError> {
  const error = await nodeIo.writeFileAtomic(path, 'x').then(
    () => undefined,
    (e: unknown) => e,
  );
  assert.ok(error instanceof FileError, `expected a FileError, got ${String(error)}`);
  assert.equal(error.message.split('\n').length, 1);
  return error;
}

describe('writing an output file', () => {
  it('replaces the target whole and leaves no temporary file beside it', async () => {
    const dir = freshDir();
    const out = join(dir, 'out.mmd');
    writeFileSync(out, 'old');
    await nodeIo.writeFileAtomic(out, 'new');
    assert.equal(readFileSync(out, 'utf8'), 'new');
    assert.deepEqual(readdirSync(dir), ['out.mmd']);
  });

  it('gives a new file the usual 0644 and an existing file its own mode, never the temporary 0600', async () => {
    const dir = freshDir();
    await nodeIo.writeFileAtomic(join(dir, 'new.svg'), 'x');
    assert.equal(statSync(join(dir, 'new.svg')).mode & 0o777, 0o644);
    writeFileSync(join(dir, 'kept.svg'), 'x', { mode: 0o640 });
    await nodeIo.writeFileAtomic(join(dir, 'kept.svg'), 'y');
    assert.equal(statSync(join(dir, 'kept.svg')).mode & 0o777, 0o640);
  });

  it('replaces a symlink at the target instead of writing through it', async () => {
    const dir = freshDir();
    const victim = join(dir, 'victim');
    writeFileSync(victim, 'precious');
    symlinkSync(victim, join(dir, 'out.mmd'));
    await nodeIo.writeFileAtomic(join(dir, 'out.mmd'), 'diagram');
    assert.equal(readFileSync(victim, 'utf8'), 'precious');
    assert.ok(lstatSync(join(dir, 'out.mmd')).isFile());
  });

  it('does not name its temporary file after the process id, so no link can be planted in advance', async () => {
    const dir = freshDir();
    const victim = join(dir, 'victim');
    writeFileSync(victim, 'precious');
    symlinkSync(victim, join(dir, `out.mmd.${process.pid}.tmp`));
    await nodeIo.writeFileAtomic(join(dir, 'out.mmd'), 'diagram');
    assert.equal(readFileSync(victim, 'utf8'), 'precious');
  });

  it('says in one line that the folder does not exist', async () => {
    const error = await writeError(join(root, 'missing', 'out.mmd'));
    assert.match(error.message, /^cannot write .*missing\/out\.mmd: no such directory$/);
  });

  it('says in one line that the target is a directory, and leaves it alone', async () => {
    const dir = freshDir();
    const error = await writeError(dir);
    assert.match(error.message, /: is a directory$/);
    assert.deepEqual(readdirSync(dir), []);
  });

  it('says in one line that the place is not writable', async () => {
    const error = await writeError('/sys/anycast-out.mmd');
    assert.match(error.message, /^cannot write \/sys\/anycast-out\.mmd: not writable$/);
  });

  it('removes registered temporary folders when interrupted, once', () => {
    const dir = freshDir();
    let removed = 0;
    onInterrupt(() => {
      rmSync(dir, { recursive: true });
      removed++;
    });
    removeTemporaries();
    removeTemporaries();
    assert.equal(removed, 1);
    assert.throws(() => statSync(dir), /ENOENT/);
  });
});

describe('reading an input file', () => {
  it('refuses a file over the limit from its size alone, in one line', async () => {
    const dir = freshDir();
    writeFileSync(join(dir, 'big.anycast.mmd'), 'x'.repeat(2048));
    await assert.rejects(nodeIo.readFile(join(dir, 'big.anycast.mmd'), 1024), (e: unknown) => {
      assert.ok(e instanceof FileError);
      assert.match(e.message, /big\.anycast\.mmd is 2048 bytes, over the 1024 bytes limit; refused before reading$/);
      return true;
    });
    assert.equal(MAX_DIAGRAM_BYTES, 20 * 1024 * 1024);
  });

  it('reads a file under the limit whole', async () => {
    const dir = freshDir();
    writeFileSync(join(dir, 'a.anycast.mmd'), 'flowchart LR');
    assert.equal(new TextDecoder().decode(await nodeIo.readFile(join(dir, 'a.anycast.mmd'))), 'flowchart LR');
  });
});
