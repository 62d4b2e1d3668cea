// Runs in Node: each command's options as one table, read with node:util parseArgs, and the help written from the same table.
import { parseArgs } from 'node:util';
import type { CliIo } from './io';
import { wrapWords } from '../routing/words/figures';

interface OptionBase {
  /** The long name without its dashes: `fail-as` for `--fail-as`. */
  readonly name: string;
  /** A one-letter alias: `o` for `-o`. */
  readonly short?: string;
  /** One line of help. */
  readonly description: string;
}

/** An option that is present or not: `--json`. */
export interface SwitchSpec extends OptionBase {
  readonly type: 'boolean';
}

/** An option that takes a value, written `--fail POP` or `--fail=POP` alike. */
export interface ValueSpec extends OptionBase {
  readonly type: 'string';
  /** The value's name in the help: `POP` in `--fail POP`. */
  readonly value: string;
  /** May be given more than once; the values are kept in the order written. */
  readonly multiple?: boolean;
  /** The value when the option is not given; the help shows it. */
  readonly default?: string;
}

export type OptionSpec = SwitchSpec | ValueSpec;

/** A command's help and the table of what it accepts. */
export interface CommandSpec<Options extends readonly OptionSpec[] = readonly OptionSpec[]> {
  /** As typed after `anycast`. */
  readonly name: string;
  /** The usage lines, each after `anycast `. */
  readonly synopsis: readonly string[];
  readonly description: string;
  readonly options: Options;
  readonly exitStatus: string;
}

type ValueOf<O extends OptionSpec> = O extends SwitchSpec
  ? boolean
  : O extends { readonly multiple: true }
    ? string[]
    : O extends { readonly default: string }
      ? string
      : string | undefined;

/** What a table reads: a boolean per switch, a list per repeatable option, else the value or its default. */
export type OptionValues<Options extends readonly OptionSpec[]> = {
  readonly [O in Options[number] as O['name']]: ValueOf<O>;
};

export interface ParsedArgs<Options extends readonly OptionSpec[]> {
  readonly values: OptionValues<Options>;
  readonly positionals: readonly string[];
}

/** Bad command-line usage: exit status 2 and one line naming what was wrong. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export const helpOption = { name: 'help', short: 'h', type: 'boolean', description: 'this text' } as const;

/** `-h` or `--help` anywhere before a `--`, even beside a mistake: help wins. */
export function wantsHelp(args: readonly string[]): boolean {
  const end = args.indexOf('--');
  return (end < 0 ? args : args.slice(0, end)).some((a) => a === '-h' || a === '--help');
}

/** The declared option a mistyped one most likely meant: one that contains it, or one a typo or two away. */
function nearest(written: string, options: readonly OptionSpec[]): string | undefined {
  const distance = (a: string, b: string): number => {
    let row = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
      const next = [i];
      for (let j = 1; j <= b.length; j++)
        next[j] = Math.min(next[j - 1]! + 1, row[j]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      row = next;
    }
    return row[b.length]!;
  };
  const name = written.replace(/^-+/, '');
  const scored = options.map((o) => ({ o, d: name.length >= 3 && o.name.includes(name) ? 0 : distance(name, o.name) }));
  // One typo in a short name, two in a longer one; a letter or two alone resembles too much.
  const best = scored.filter((s) => s.d <= Math.min(2, Math.floor(name.length / 3))).sort((a, b) => a.d - b.d)[0];
  return best && `--${best.o.name}`;
}

function unknownOption(written: string, options: readonly OptionSpec[]): string {
  const meant = nearest(written, options);
  return `unknown option '${written}'${meant ? `; did you mean ${meant}?` : ''}`;
}

function defaults(options: readonly OptionSpec[]): Record<string, string | boolean | string[] | undefined> {
  return Object.fromEntries(options.map((o) => [o.name, o.type === 'boolean' ? false : o.multiple ? [] : o.default]));
}

/**
 * Reads `args` against a table: `--flag value` and `--flag=value` alike, repeatable options in
 * order, everything else positional (`-` and whatever follows `--` included). Throws a
 * UsageError naming the flag for an unknown option, a missing value or a value given to a switch.
 */
export function parseOptions<Options extends readonly OptionSpec[]>(
  options: Options,
  args: readonly string[],
): ParsedArgs<Options> {
  const { tokens } = parseArgs({
    args: [...args],
    options: Object.fromEntries(
      options.map((o) => [o.name, o.short === undefined ? { type: o.type } : { type: o.type, short: o.short }]),
    ),
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const byName = new Map<string, OptionSpec>(options.map((o) => [o.name, o]));
  const values = defaults(options);
  const positionals: string[] = [];
  for (const token of tokens) {
    if (token.kind === 'positional') positionals.push(token.value);
    if (token.kind !== 'option') continue;
    const spec = byName.get(token.name);
    if (spec === undefined) throw new UsageError(unknownOption(token.rawName, options));
    if (spec.type === 'boolean') {
      if (token.value !== undefined) throw new UsageError(`${token.rawName} takes no value, got '${token.value}'`);
      values[spec.name] = true;
      continue;
    }
    // A separate value that looks like an option is the next option, not this one's value.
    const value = token.value;
    if (value === undefined || value === '' || (!token.inlineValue && value.startsWith('-') && value !== '-'))
      throw new UsageError(`${token.rawName} needs a value: ${token.rawName} ${spec.value}`);
    const list = values[spec.name];
    if (spec.multiple && Array.isArray(list)) list.push(value);
    else values[spec.name] = value;
  }
  return { values: values as OptionValues<Options>, positionals };
}

const WIDTH = 100;

/** What an option is called in the help: `-o, --output OUT`, `--fail POP`, `--json`. */
export function optionSyntax(o: OptionSpec): string {
  return `${o.short !== undefined ? `-${o.short}, ` : ''}--${o.name}${o.type === 'string' ? ` ${o.value}` : ''}`;
}

/** The options section of a help text: one entry per option of the table, in its order. */
export function optionsHelp(options: readonly OptionSpec[]): string[] {
  const column = Math.max(...options.map((o) => optionSyntax(o).length)) + 4;
  return options.flatMap((o) => {
    const notes = [
      ...(o.type === 'string' && o.multiple ? ['repeat'] : []),
      ...(o.type === 'string' && o.default !== undefined ? [`default: ${o.default}`] : []),
    ];
    const text = notes.length > 0 ? `${o.description} (${notes.join('; ')})` : o.description;
    const [first = '', ...rest] = wrapWords(text, WIDTH - column);
    return [`  ${optionSyntax(o).padEnd(column - 2)}${first}`, ...rest.map((l) => `${' '.repeat(column)}${l}`)];
  });
}

/** `anycast <command> --help`, written from the command's table. */
export function helpText(command: CommandSpec): string {
  return [
    'Usage:',
    ...command.synopsis.map((s) => `  anycast ${s}`),
    '',
    command.description,
    '',
    'Options:',
    ...optionsHelp(command.options),
    '',
    ...wrapWords(`Exit status: ${command.exitStatus}`, WIDTH),
  ].join('\n');
}

/** Says what was wrong in one line on standard error; the exit status of bad usage. */
export function usageError(command: string, message: string, io: CliIo): number {
  io.err(`anycast ${command}: ${message} (see anycast ${command} --help)`);
  return 2;
}

/**
 * Reads a command's arguments against its table: the values and positionals, or the exit status
 * after printing the help (0) or what was wrong (2).
 */
export function readCommandLine<Options extends readonly OptionSpec[]>(
  command: CommandSpec<Options>,
  args: readonly string[],
  io: CliIo,
): ParsedArgs<Options> | number {
  if (wantsHelp(args)) {
    io.out(helpText(command));
    return 0;
  }
  try {
    return parseOptions(command.options, args);
  } catch (error) {
    if (error instanceof UsageError) return usageError(command.name, error.message, io);
    throw error;
  }
}
