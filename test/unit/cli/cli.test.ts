import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { commands, runCli } from '../../../src/cli/cli';
import { fakeIo } from './fakeIo';

const seed = readFileSync(new URL('../../../examples/seed.anycast.mmd', import.meta.url), 'utf8');
const { version } = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

describe('anycast', () => {
  it('lists every command with --help, -h and help, exit 0', async () => {
    for (const args of [['--help'], ['-h'], ['help'], ['--verbose', '--help']]) {
      const io = fakeIo({});
      assert.equal(await runCli(args, io), 0);
      for (const name of Object.keys(commands)) assert.match(io.stdout, new RegExp(`^  anycast ${name} `, 'm'));
      assert.match(io.stdout, /--version/);
      assert.equal(io.stderr, '');
    }
  });

  it('prints its version from package.json', async () => {
    const io = fakeIo({});
    assert.equal(await runCli(['--version'], io), 0);
    assert.equal(io.stdout, `anycast ${version}\n`);
  });

  it("prints a command's help for help COMMAND as for COMMAND --help", async () => {
    for (const name of Object.keys(commands)) {
      const viaHelp = fakeIo({});
      const viaFlag = fakeIo({});
      assert.equal(await runCli(['help', name], viaHelp), 0);
      assert.equal(await runCli([name, '--help'], viaFlag), 0);
      assert.equal(viaHelp.stdout, viaFlag.stdout);
      assert.match(viaHelp.stdout, new RegExp(`^Usage:\\n  anycast ${name} `));
    }
  });

  it('hands the rest of the line to the command, --flag=value included', async () => {
    const io = fakeIo({ 'seed.anycast.mmd': seed });
    assert.equal(await runCli(['resolve', '--fail=US-East', 'seed.anycast.mmd', '--json'], io), 0, io.stderr);
    assert.equal((JSON.parse(io.stdout) as { moved: unknown[] }).moved.length, 1);
  });

  const mistakes: [string, string[], RegExp][] = [
    ['no command at all', [], /^Usage: anycast <command>/],
    [
      'an unknown command',
      ['resolv'],
      /^anycast: unknown command 'resolv'; the commands are check, resolve, mermaid, export, converge, plan\n$/,
    ],
    ['a property every object has', ['constructor'], /^anycast: unknown command 'constructor'/],
    ['help on an unknown command', ['help', 'draw'], /^anycast: unknown command 'draw'/],
    ['an unknown option', ['--verbose'], /^anycast: unknown option '--verbose' \(see anycast --help\)\n$/],
    ['a value given to --version', ['--version=2'], /^anycast: --version takes no value/],
    ['a command after --', ['--', 'check'], /^anycast: put the command first, as in anycast check \[options\]/],
  ];
  for (const [what, args, message] of mistakes) {
    it(`exits 2 on ${what}, saying so on stderr`, async () => {
      const io = fakeIo({});
      assert.equal(await runCli(args, io), 2);
      assert.match(io.stderr, message);
      assert.equal(io.stdout, '');
    });
  }
});
