import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { runMermaid } from '../../../src/cli/mermaid';
import { fakeIo } from './fakeIo';

const seed = readFileSync(new URL('../../../examples/seed.anycast.mmd', import.meta.url), 'utf8');
const twoTransits = readFileSync(new URL('../../fixtures/cli/two-transits.anycast.mmd', import.meta.url), 'utf8');

describe('anycast mermaid', () => {
  it('prints the seed followed by PoP colours, catchments and a legend', async () => {
    const io = fakeIo({ 'seed.anycast.mmd': seed });
    assert.equal(await runMermaid(['seed.anycast.mmd'], io), 0);
    assert.ok(io.stdout.startsWith(seed), 'the diagram as written comes first');
    assert.match(io.stdout, /class PoPUS anycastPop0/);
    assert.match(io.stdout, /class ClientUS anycastClient0/);
    assert.match(io.stdout, /"US-East: 1 client · 33%"/);
    assert.equal(io.stderr, '');
  });

  it('takes --fail by PoP id or name and marks who moved', async () => {
    for (const pop of ['PoPUS', 'us-east']) {
      const io = fakeIo({ 'seed.anycast.mmd': seed });
      assert.equal(await runMermaid(['--fail', pop, 'seed.anycast.mmd'], io), 0);
      assert.match(io.stdout, /class PoPUS anycastWithdrawn/);
      assert.match(io.stdout, /class ClientUS anycastMoved1/);
      assert.match(io.stdout, /User in New York → EU-West/);
    }
  });

  it('takes --fail-as and --fail-link as anycast resolve does, naming the failure in the legend', async () => {
    const cases: [string[], RegExp][] = [
      [['--fail-as', 'Cogent'], /AS174 Cogent down · 1 client moved/],
      [['--fail-as', 'AS174'], /AS174 Cogent down · 1 client moved/],
      [['--fail-link', 'E--T1'], /AS7922 Comcast ↔ AS174 Cogent down · 1 client moved/],
      [['--fail-link=cogent,comcast'], /AS7922 Comcast ↔ AS174 Cogent down · 1 client moved/],
    ];
    for (const [args, headline] of cases) {
      const io = fakeIo({ 'd.anycast.mmd': twoTransits });
      assert.equal(await runMermaid([...args, 'd.anycast.mmd'], io), 0, io.stderr);
      assert.match(io.stdout, headline);
      assert.match(io.stdout, /class U anycastMoved1/);
      assert.match(io.stdout, /Users in Washington → West/);
    }
    const plain = fakeIo({ 'd.anycast.mmd': twoTransits });
    assert.equal(await runMermaid(['d.anycast.mmd'], plain), 0);
    assert.match(plain.stdout, /class U anycastClient0/);
  });

  it('names what exists when --fail-as or --fail-link names nothing, exit 1 (bad input, as in resolve)', async () => {
    const as = fakeIo({ 'd.anycast.mmd': twoTransits });
    assert.equal(await runMermaid(['--fail-as', 'Atlantis', 'd.anycast.mmd'], as), 1);
    assert.match(
      as.stderr,
      /--fail-as Atlantis: no such AS; the diagram has T1 \(AS174 Cogent\), T2 \(AS3356 Lumen\), E \(AS7922 Comcast\)/,
    );
    const link = fakeIo({ 'd.anycast.mmd': twoTransits });
    assert.equal(await runMermaid(['--fail-link', 'P--T2', 'd.anycast.mmd'], link), 1);
    assert.match(
      link.stderr,
      /--fail-link P--T2: no BGP session between two such nodes; the diagram has P--T1, Q--T2, E--T1, E--T2/,
    );
    const bare = fakeIo({ 'd.anycast.mmd': twoTransits });
    assert.equal(await runMermaid(['d.anycast.mmd', '--fail-link'], bare), 2);
    assert.match(bare.stderr, /--fail-link needs a value/);
  });

  it('wraps in a markdown fence and writes a file whole on request', async () => {
    const io = fakeIo({ 'seed.anycast.mmd': seed });
    assert.equal(await runMermaid(['--markdown', '-o', 'out.md', 'seed.anycast.mmd'], io), 0);
    assert.equal(io.stdout, '');
    assert.match(io.written['out.md'] ?? '', /^```mermaid\nflowchart TD\n[\s\S]*\n```\n$/);
  });

  it('reads --fail=POP, --fail-link=A--B, --output=OUT and -oOUT as their spaced spellings', async () => {
    const written = async (args: string[]): Promise<string | undefined> => {
      const io = fakeIo({ 'd.anycast.mmd': twoTransits });
      assert.equal(await runMermaid([...args, 'd.anycast.mmd'], io), 0, io.stderr);
      return io.written['out.mmd'];
    };
    const spaced = await written(['--fail', 'East', '--fail-link', 'Q--T2', '-o', 'out.mmd']);
    assert.match(spaced ?? '', /class P anycastWithdrawn/);
    assert.match(spaced ?? '', /East, West ↔ AS3356 Lumen down · 0 clients moved · 1 lost service/);
    assert.equal(await written(['--fail=East', '--fail-link=Q--T2', '--output=out.mmd']), spaced);
    assert.equal(await written(['--fail=East', '--fail-link=Q--T2', '-oout.mmd']), spaced);
  });

  it('says what was wrong with an option in one line naming it, exit 2', async () => {
    const cases: [string[], string][] = [
      [['seed.anycast.mmd', '-o'], '-o needs a value: -o OUT'],
      [['--fail=', 'seed.anycast.mmd'], '--fail needs a value: --fail POP'],
      [['--markdown=yes', 'seed.anycast.mmd'], "--markdown takes no value, got 'yes'"],
      [['--legend', 'seed.anycast.mmd'], "unknown option '--legend'; did you mean --no-legend?"],
    ];
    for (const [args, message] of cases) {
      const io = fakeIo({ 'seed.anycast.mmd': seed });
      assert.equal(await runMermaid(args, io), 2, args.join(' '));
      assert.equal(io.stderr, `anycast mermaid: ${message} (see anycast mermaid --help)\n`);
    }
  });

  it('names the PoPs when --fail names none of them, exit 1 (bad input, as in resolve)', async () => {
    const io = fakeIo({ 'seed.anycast.mmd': seed });
    assert.equal(await runMermaid(['--fail', 'Mars', 'seed.anycast.mmd'], io), 1);
    assert.match(io.stderr, /--fail Mars: no such PoP.*PoPUS \(US-East\), PoPEU \(EU-West\), PoPAP \(Asia-Pacific\)/);
  });

  it('reports a syntax error as file:line:column and exits 1', async () => {
    const io = fakeIo({ 'bad.anycast.mmd': 'flowchart LR\n  A -->\n' });
    assert.equal(await runMermaid(['bad.anycast.mmd'], io), 1);
    assert.match(io.stderr, /^bad\.anycast\.mmd:2:\d+: error: /);
  });

  it('says why for an unreadable file (exit 1) and for bad usage (exit 2)', async () => {
    const io = fakeIo({});
    assert.equal(await runMermaid(['missing.anycast.mmd'], io), 1);
    assert.match(io.stderr, /cannot read missing\.anycast\.mmd/);
    assert.equal(await runMermaid([], io), 2);
    assert.equal(await runMermaid(['--bogus', 'x'], io), 2);
    assert.match(io.stderr, /unknown option '--bogus'/);
  });
});
