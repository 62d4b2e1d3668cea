import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { runCli } from '../../../src/cli/cli';
import { EXIT, exitCodeHelp } from '../../../src/cli/exitCodes';
import { fakeIo } from './fakeIo';

// export draws in headless Chromium for its success and unstable rows: build first (node esbuild.mjs).
const seed = readFileSync(new URL('../../../examples/seed.anycast.mmd', import.meta.url), 'utf8');
/**
 * A dispute wheel (BAD GADGET): Origin buys transit from R1, R2 and R3, which peer in a ring, each
 * preferring (LOCAL_PREF 300) the route of the next over its own customer route. Other, a second
 * PoP behind R1, is what `converge` fails.
 */
const wheel = [
  'flowchart TD',
  '  O[PoP: Origin<br>Advertises 203.0.113.0/24]:::pop@{ asn: 64500, loc: IAD }',
  '  P[PoP: Other<br>Advertises 203.0.113.0/24]:::pop@{ asn: 64500, loc: LHR }',
  '  R1[AS1 One]:::transit@{ loc: IAD }',
  '  R2[AS2 Two]:::transit@{ loc: IAD }',
  '  R3[AS3 Three]:::transit@{ loc: IAD }',
  '  O -->|transit| R1',
  '  O -->|transit| R2',
  '  O -->|transit| R3',
  '  P -->|transit| R1',
  '  R2 -->|peer lp 300| R1',
  '  R3 -->|peer lp 300| R2',
  '  R1 -->|peer lp 300| R3',
  '  U([Users in Washington]):::users@{ in: R1 }',
].join('\n');
const broken = 'flowchart LR\n  A[open --> B\n';
const files = { 'seed.mmd': seed, 'wheel.mmd': wheel, 'broken.mmd': broken };
const noChromium = ['--chromium', '/nonexistent/chromium'];

/** [what, command line, the exit status the table gives it]. */
const rows: readonly (readonly [string, readonly string[], number])[] = [
  ['check: a clean file', ['check', 'seed.mmd'], EXIT.ok],
  ['check: unstable routing is a warning of the file, not a failed check', ['check', 'wheel.mmd'], EXIT.ok],
  ['check: a file with errors', ['check', 'broken.mmd'], EXIT.badInput],
  ['check: a missing file', ['check', 'missing.mmd'], EXIT.badInput],
  ['check: no file named', ['check'], EXIT.usage],
  ['check: an unknown option', ['check', '--bogus', 'seed.mmd'], EXIT.usage],
  ['resolve: a diagram', ['resolve', 'seed.mmd', '--fail', 'PoPUS'], EXIT.ok],
  ['resolve: a diagram with errors', ['resolve', 'broken.mmd'], EXIT.badInput],
  ['resolve: an unknown PoP', ['resolve', 'seed.mmd', '--fail', 'Mars'], EXIT.badInput],
  ['resolve: a missing file', ['resolve', 'missing.mmd'], EXIT.badInput],
  ['resolve: an unknown option', ['resolve', 'seed.mmd', '--bogus'], EXIT.usage],
  ['resolve: unstable routing', ['resolve', 'wheel.mmd'], EXIT.unstable],
  ['mermaid: a diagram', ['mermaid', 'seed.mmd'], EXIT.ok],
  ['mermaid: a diagram with errors', ['mermaid', 'broken.mmd'], EXIT.badInput],
  ['mermaid: an unknown PoP', ['mermaid', 'seed.mmd', '--fail', 'Mars'], EXIT.badInput],
  ['mermaid: an unknown AS', ['mermaid', 'seed.mmd', '--fail-as', 'Atlantis'], EXIT.badInput],
  ['mermaid: a missing file', ['mermaid', 'missing.mmd'], EXIT.badInput],
  ['mermaid: no file named', ['mermaid'], EXIT.usage],
  ['mermaid: unstable routing, the text written all the same', ['mermaid', 'wheel.mmd'], EXIT.unstable],
  ['export: a picture', ['export', 'seed.mmd', '-o', 'seed.svg'], EXIT.ok],
  ['export: a diagram with errors', ['export', 'broken.mmd', '-o', 'b.svg', ...noChromium], EXIT.badInput],
  ['export: an unknown PoP', ['export', 'seed.mmd', '-o', 's.svg', '--fail', 'Mars', ...noChromium], EXIT.badInput],
  ['export: no -o', ['export', 'seed.mmd'], EXIT.usage],
  ['export: an output that is neither SVG nor PNG', ['export', 'seed.mmd', '-o', 'seed.jpg'], EXIT.usage],
  ['export: unstable routing, the picture written all the same', ['export', 'wheel.mmd', '-o', 'w.svg'], EXIT.unstable],
  ['export: no Chromium', ['export', 'seed.mmd', '-o', 'seed.svg', ...noChromium], EXIT.missingDependency],
  ['converge: a failover', ['converge', 'seed.mmd', '--fail', 'PoPUS'], EXIT.ok],
  ['converge: an unknown PoP', ['converge', 'seed.mmd', '--fail', 'Mars'], EXIT.badInput],
  ['converge: a diagram with errors', ['converge', 'broken.mmd', '--fail', 'A'], EXIT.badInput],
  ['converge: nothing failed', ['converge', 'seed.mmd'], EXIT.usage],
  ['converge: routing that never settles after the failure', ['converge', 'wheel.mmd', '--fail', 'P'], EXIT.unstable],
  ['an unknown command', ['bogus'], EXIT.usage],
  ['no command', [], EXIT.usage],
  ['--help', ['--help'], EXIT.ok],
  ['--version', ['--version'], EXIT.ok],
];

describe('every command exits as the one table says', () => {
  for (const [what, argv, status] of rows) {
    it(`${what}: ${status}`, async () => {
      const io = fakeIo(files);
      assert.equal(await runCli(argv, io), status, io.stderr);
      // A failure says why on stderr; unstable routing is an answer, whose report may be the output.
      const why = status === EXIT.unstable ? `${io.stderr}${io.stdout}` : io.stderr;
      if (status !== EXIT.ok) assert.match(why, status === EXIT.unstable ? /never settles|no stable|UNSTABLE/i : /\S/);
      if (status === EXIT.badInput || status === EXIT.usage || status === EXIT.missingDependency)
        assert.deepEqual(io.written, {}, 'nothing written');
    });
  }

  it('prints the same table in --help as the rows above use', () => {
    for (const code of [EXIT.ok, EXIT.badInput, EXIT.usage, EXIT.unstable, EXIT.missingDependency])
      assert.match(exitCodeHelp(), new RegExp(`\\n {2}${code} +\\w`));
  });
});
