import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { asRelCommand } from '../../../src/cli/asRelArgs';
import { checkCommand } from '../../../src/cli/check';
import { commands, topOptions, usage } from '../../../src/cli/cli';
import { exportCommand } from '../../../src/cli/export';
import { mermaidCommand } from '../../../src/cli/mermaid';
import { UsageError, optionSyntax, parseOptions } from '../../../src/cli/options';
import type { OptionSpec } from '../../../src/cli/options';
import { resolveCommand } from '../../../src/cli/resolveArgs';

/** Each table with the help a user reads for it. */
const tables: [string, readonly OptionSpec[], string][] = [
  ['check', checkCommand.options, commands['check']!.help],
  ['resolve', resolveCommand.options, commands['resolve']!.help],
  ['resolve --as-rel', asRelCommand.options, commands['resolve']!.help],
  ['mermaid', mermaidCommand.options, commands['mermaid']!.help],
  ['export', exportCommand.options, commands['export']!.help],
  ['anycast', topOptions, usage()],
];

function usageError(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    assert.ok(error instanceof UsageError, String(error));
    return error.message;
  }
  assert.fail('expected a usage error');
}

describe('option tables', () => {
  for (const [name, options, help] of tables) {
    it(`${name}: the help lists every option of the table, as it is spelled`, () => {
      for (const o of options) assert.ok(help.includes(optionSyntax(o)), `${optionSyntax(o)} missing from:\n${help}`);
    });

    it(`${name}: every option that takes a value reads it alike from --flag value and --flag=value`, () => {
      for (const o of options.filter((x) => x.type === 'string')) {
        const spaced = parseOptions(options, [`--${o.name}`, 'v1', `--${o.name}`, 'v2']).values as Record<
          string,
          unknown
        >;
        const joined = parseOptions(options, [`--${o.name}=v1`, `--${o.name}=v2`]).values as Record<string, unknown>;
        assert.deepEqual(joined, spaced, `--${o.name}`);
        assert.deepEqual(spaced[o.name], o.multiple ? ['v1', 'v2'] : 'v2', `--${o.name}`);
        if (o.short !== undefined)
          assert.deepEqual(
            parseOptions(options, [`-${o.short}`, 'v1']).values,
            parseOptions(options, [`-${o.short}v1`]).values,
          );
      }
    });

    it(`${name}: a switch is set by its name and refuses a value, naming itself`, () => {
      for (const o of options.filter((x) => x.type === 'boolean')) {
        assert.equal((parseOptions(options, [`--${o.name}`]).values as Record<string, unknown>)[o.name], true);
        assert.equal(
          usageError(() => parseOptions(options, [`--${o.name}=yes`])),
          `--${o.name} takes no value, got 'yes'`,
        );
      }
    });

    it(`${name}: an option without its value is a usage error naming the option`, () => {
      for (const o of options.filter((x) => x.type === 'string')) {
        assert.match(
          usageError(() => parseOptions(options, [`--${o.name}`])),
          new RegExp(`^--${o.name} needs a value`),
        );
        assert.match(
          usageError(() => parseOptions(options, [`--${o.name}=`])),
          new RegExp(`^--${o.name} needs a value`),
        );
      }
    });
  }

  it('the help of every command names no option its tables do not declare', () => {
    const declared = new Set(tables.flatMap(([, options]) => options.map((o) => `--${o.name}`)));
    for (const [name, , help] of tables) {
      // What the help shows as output (JSON keys, workflow commands) is not an option.
      const mentioned = help.match(/(?<![\w-])--[a-z][a-z-]*/g) ?? [];
      assert.ok(mentioned.length > 0, `${name} help names no option`);
      for (const flag of mentioned) assert.ok(declared.has(flag), `${name} help mentions undeclared ${flag}`);
    }
  });

  it('keeps repeated options in the order written, whatever the spelling', () => {
    const { values } = parseOptions(resolveCommand.options, ['--fail', 'A', '--fail=B', 'x.mmd', '--fail', 'C']);
    assert.deepEqual(values.fail, ['A', 'B', 'C']);
  });

  it('takes a lone - and whatever follows -- as positionals', () => {
    const { positionals } = parseOptions(checkCommand.options, ['-', '--json', '--', '--hints']);
    assert.deepEqual(positionals, ['-', '--hints']);
  });

  it('does not swallow the next option as a missing value', () => {
    assert.equal(
      usageError(() => parseOptions(mermaidCommand.options, ['--fail', '--markdown'])),
      '--fail needs a value: --fail POP',
    );
    assert.deepEqual(parseOptions(mermaidCommand.options, ['--fail=-x']).values.fail, ['-x']);
  });

  it('names the unknown option and the declared one it looks like', () => {
    assert.equal(
      usageError(() => parseOptions(resolveCommand.options, ['--colour'])),
      "unknown option '--colour'",
    );
    assert.equal(
      usageError(() => parseOptions(resolveCommand.options, ['--fail-lnk', 'A--B'])),
      "unknown option '--fail-lnk'; did you mean --fail-link?",
    );
    assert.equal(
      usageError(() => parseOptions(exportCommand.options, ['-x'])),
      "unknown option '-x'",
    );
    assert.equal(
      usageError(() => parseOptions(asRelCommand.options, ['-x'])),
      "unknown option '-x'",
    );
    assert.equal(
      usageError(() => parseOptions(mermaidCommand.options, ['--legend'])),
      "unknown option '--legend'; did you mean --no-legend?",
    );
  });

  it('gives the declared default when an option is not given', () => {
    const { values } = parseOptions(exportCommand.options, []);
    assert.deepEqual(
      [values.background, values.scale, values.timeout, values.chromium],
      ['light', '2', '120', undefined],
    );
  });
});
