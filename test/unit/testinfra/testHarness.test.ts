// The pure pieces of the test infrastructure: the suite-progress reader of the integration launchers,
// and the .vsix reader and allowlist of the end-to-end test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { SuiteProgress } from '../../integration/harness';
import { compareVsixFiles, forbiddenFiles, parseExpectedFiles, readZip } from '../../e2e/vsix';

test('suite progress takes the closing line as final and swallows the per-test markers', () => {
  const progress = new SuiteProgress();
  const printed = [
    'suite-event: start Activation wakes up',
    'suite-event: pass',
    '  ✔ wakes up',
    'suite-event: start Commands fail',
    'suite-event: fail',
    'suite: 1 passed, 1 failed',
  ].filter((l) => progress.accept(l));
  assert.deepEqual(printed, ['  ✔ wakes up', 'suite: 1 passed, 1 failed']);
  assert.deepEqual(progress.counts(), { passed: 1, failed: 1 });
  assert.equal(progress.unfinished(), undefined);
});

test('a suite that never closes counts what finished plus the test it stopped in, and names it', () => {
  const progress = new SuiteProgress();
  for (const line of [
    'suite-event: start A one',
    'suite-event: pass',
    'suite-event: start A two',
    'suite-event: pass',
    'suite-event: start B hangs',
  ])
    progress.accept(line);
  assert.deepEqual(progress.counts(), { passed: 2, failed: 1 });
  assert.equal(progress.unfinished(), 'B hangs');
  const explained = progress.explain(new Error('Timed out'));
  assert.ok(explained instanceof Error);
  assert.equal(explained.message, 'Timed out; the suite stopped in the test "B hangs"');
});

test('a suite that printed nothing has no counts, so the launcher reports one failure', () => {
  const progress = new SuiteProgress();
  progress.accept('some workbench noise');
  assert.equal(progress.counts(), undefined);
});

test('the allowlist needs every exact path, allows patterns within one folder, and flags the rest', () => {
  const expected = parseExpectedFiles(
    '# comment\nextension/package.json\nextension/dist/extension.js\n\nextension/examples/*.anycast.mmd\n',
  );
  assert.deepEqual(expected.required, ['extension/package.json', 'extension/dist/extension.js']);
  const problems = compareVsixFiles(
    [
      'extension/package.json',
      'extension/examples/seed.anycast.mmd',
      'extension/examples/deep/x.anycast.mmd',
      'extension/src/a.ts',
    ],
    expected,
  );
  assert.deepEqual(problems, [
    'missing from the package: extension/dist/extension.js',
    'not on the list of files that ship: extension/examples/deep/x.anycast.mmd',
    'not on the list of files that ship: extension/src/a.ts',
  ]);
  assert.deepEqual(compareVsixFiles(['extension/package.json', 'extension/dist/extension.js'], expected), []);
});

test('never ships node_modules, sources, tests or source maps', () => {
  const files = [
    'extension/dist/extension.js',
    'extension/dist/extension.js.map',
    'extension/node_modules/a/index.js',
    'extension/src/x.ts',
    'extension/test/y.js',
    'extension/media/preview.css',
  ];
  assert.deepEqual(forbiddenFiles(files), [
    'extension/dist/extension.js.map',
    'extension/node_modules/a/index.js',
    'extension/src/x.ts',
    'extension/test/y.js',
  ]);
});

/** A minimal zip writer (stored and deflated entries) to give the reader something real to read. */
function writeZip(entries: { name: string; data: Buffer; deflate: boolean }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const { name, data, deflate } of entries) {
    const body = deflate ? deflateRawSync(data) : data;
    const nameBytes = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(deflate ? 8 : 0, 8);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(deflate ? 8 : 0, 10);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, body);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

test('reads the names and contents of stored and deflated zip entries', () => {
  const dir = mkdtempSync(join(tmpdir(), 'anycast-zip-'));
  try {
    const path = join(dir, 'x.vsix');
    const js = Buffer.from('console.log("hello");\n'.repeat(50));
    writeFileSync(
      path,
      writeZip([
        { name: 'extension/package.json', data: Buffer.from('{"name":"x"}'), deflate: false },
        { name: 'extension/dist/extension.js', data: js, deflate: true },
      ]),
    );
    const entries = readZip(path);
    assert.deepEqual(
      entries.map((e) => e.name),
      ['extension/package.json', 'extension/dist/extension.js'],
    );
    assert.equal(entries[0]!.content().toString(), '{"name":"x"}');
    assert.ok(entries[1]!.content().equals(js));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('refuses a file that is not a zip, saying so', () => {
  const dir = mkdtempSync(join(tmpdir(), 'anycast-zip-'));
  try {
    const path = join(dir, 'not.vsix');
    writeFileSync(path, Buffer.alloc(100, 7));
    assert.throws(() => readZip(path), /not a zip archive/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
