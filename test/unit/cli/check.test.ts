import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { runCheck } from '../../../src/cli/check';
import { fakeIo } from './fakeIo';

const seed = readFileSync(new URL('../../../examples/seed.anycast.mmd', import.meta.url), 'utf8');
const broken = ['flowchart LR', '  P[PoP: Londn]@{ announce: 203.0.113.0/33 }', '  A -->|peer| B -->', ''].join('\n');

describe('anycast check', () => {
  it('passes the seed with exit 0 and no lines on stdout', async () => {
    const io = fakeIo({ 'seed.anycast.mmd': seed });
    assert.equal(await runCheck(['seed.anycast.mmd'], io), 0);
    assert.equal(io.stdout, '');
    assert.match(io.stderr, /1 file checked: 0 errors/);
    assert.deepEqual(io.written, {}, 'check writes no files');
  });

  it('prints file:line:col: severity: message with 1-based positions and exits 1 on errors', async () => {
    const io = fakeIo({ 'bad.mmd': broken });
    assert.equal(await runCheck(['bad.mmd'], io), 1);
    const lines = io.stdout.trim().split('\n');
    assert.ok(lines.length >= 3, io.stdout);
    for (const line of lines) assert.match(line, /^bad\.mmd:\d+:\d+: (error|warning|information): .+ \[[a-z-]+\]$/);
    // The prefix /33 starts at column 29 of line 2 (1-based).
    assert.ok(
      lines.some((l) => l.startsWith('bad.mmd:2:29: error:') && l.includes('[invalid-prefix]')),
      io.stdout,
    );
    assert.ok(
      lines.some((l) => l.startsWith('bad.mmd:2:10: warning:') && l.includes("'London'")),
      io.stdout,
    );
    assert.ok(
      lines.some((l) => l.startsWith('bad.mmd:3:')),
      io.stdout,
    );
  });

  it('prints hints only when asked', async () => {
    const io = fakeIo({ 'seed.anycast.mmd': seed });
    await runCheck(['--hints', 'seed.anycast.mmd'], io);
    assert.match(io.stdout, /seed\.anycast\.mmd:4:13: hint: .*role pop.*\[inferred\]/);
  });

  it('gives JSON with 1-based ranges, codes and suggestions', async () => {
    const io = fakeIo({ 'bad.mmd': broken, 'seed.anycast.mmd': seed });
    assert.equal(await runCheck(['--json', 'seed.anycast.mmd', 'bad.mmd'], io), 1);
    const out = JSON.parse(io.stdout) as {
      files: {
        file: string;
        diagnostics: {
          line: number;
          column: number;
          endColumn: number;
          severity: string;
          code: string;
          suggestions?: string[];
        }[];
      }[];
      errors: number;
    };
    assert.deepEqual(
      out.files.map((f) => f.file),
      ['seed.anycast.mmd', 'bad.mmd'],
    );
    assert.ok(out.files[0]?.diagnostics.every((d) => d.severity !== 'error'));
    const location = out.files[1]?.diagnostics.find((d) => d.code === 'unknown-location');
    assert.deepEqual(location && [location.line, location.column, location.endColumn], [2, 10, 15]);
    assert.ok(location?.suggestions?.includes('London'));
    assert.ok(out.errors >= 2);
  });

  it('prints GitHub Actions annotations with escaped properties', async () => {
    const io = fakeIo({ 'a,b.mmd': broken });
    assert.equal(await runCheck(['--github', 'a,b.mmd'], io), 1);
    const lines = io.stdout.trim().split('\n');
    assert.ok(
      lines.includes(
        "::error file=a%2Cb.mmd,line=2,col=29,endLine=2,endColumn=43,title=anycast invalid-prefix::Invalid prefix: prefix length '33' must be a number from 0 to 32",
      ),
      io.stdout,
    );
    assert.ok(lines.every((l) => /^::(error|warning|notice) file=/.test(l)));
    assert.equal(await runCheck(['--github', '--json', 'a,b.mmd'], fakeIo({})), 2);
  });

  it('reports an unreadable file and exits 1, and bad usage with 2', async () => {
    const io = fakeIo({});
    assert.equal(await runCheck(['missing.mmd'], io), 1);
    assert.match(io.stderr, /missing\.mmd: cannot read: no such file/);
    assert.equal(await runCheck([], fakeIo({})), 2);
    assert.equal(await runCheck(['--bogus', 'x'], fakeIo({})), 2);
  });
  it('says what was wrong with an option in one line naming it, exit 2', async () => {
    const cases: [string[], string][] = [
      [['--json=yes', 'x.mmd'], "--json takes no value, got 'yes'"],
      [['--jsn', 'x.mmd'], "unknown option '--jsn'; did you mean --json?"],
      [['--github', '--json', 'x.mmd'], 'choose one of --json and --github'],
      [[], 'name at least one file'],
    ];
    for (const [args, message] of cases) {
      const io = fakeIo({});
      assert.equal(await runCheck(args, io), 2, args.join(' '));
      assert.equal(io.stderr, `anycast check: ${message} (see anycast check --help)\n`);
      assert.equal(io.stdout, '');
    }
  });
});
