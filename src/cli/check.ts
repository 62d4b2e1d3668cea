// Runs in Node: `anycast check FILE...`, the diagnostics of each diagram as compiler-style lines or JSON.
import { DiagramAnalysis } from '../routing/analysis';
import type { Diagnostic } from '../language/index';
import type { CliIo } from './io';
import { decodeDiagram } from './io';
import { helpOption, readCommandLine, usageError } from './options';
import type { CommandSpec, OptionSpec } from './options';

const checkOptions = [
  {
    name: 'json',
    type: 'boolean',
    description:
      'print {"files":[{"file","diagnostics":[...]}],"errors","warnings"} instead; diagnostics carry 1-based line/column and end, severity, code, message and any suggestions (hints included)',
  },
  {
    name: 'github',
    type: 'boolean',
    description:
      "print GitHub Actions annotations (::error file=...,line=...::message) so problems show on the pull request's lines",
  },
  { name: 'hints', type: 'boolean', description: 'also print hints (which facts were read from labels or assumed)' },
  helpOption,
] as const satisfies readonly OptionSpec[];

export const checkCommand: CommandSpec<typeof checkOptions> = {
  name: 'check',
  synopsis: ['check [--json | --github] [--hints] FILE...'],
  description: `Parses each .anycast.mmd file and prints its problems as
  file:line:column: severity: message [code]
(1-based line and column), in the order of the file's lines, then a summary on stderr.`,
  options: checkOptions,
  exitStatus: '0 no errors, 1 errors (or an unreadable file), 2 bad usage.',
};

interface FileReport {
  readonly file: string;
  readonly diagnostics: readonly Diagnostic[];
  readonly readError?: string;
}

function toJson(d: Diagnostic): Record<string, unknown> {
  return {
    line: d.range.start.line + 1,
    column: d.range.start.character + 1,
    endLine: d.range.end.line + 1,
    endColumn: d.range.end.character + 1,
    severity: d.severity,
    code: d.code,
    message: d.message,
    ...(d.suggestions && d.suggestions.length > 0 ? { suggestions: d.suggestions } : {}),
  };
}

/** Workflow-command escaping: `%`, CR and LF in data; also `:` and `,` in properties. */
const escapeData = (s: string): string => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string): string => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

function githubAnnotation(file: string, d: Diagnostic): string {
  const level = d.severity === 'error' ? 'error' : d.severity === 'warning' ? 'warning' : 'notice';
  const { start, end } = d.range;
  const where = `file=${escapeProperty(file)},line=${start.line + 1},col=${start.character + 1},endLine=${end.line + 1},endColumn=${end.character + 1}`;
  return `::${level} ${where},title=${escapeProperty(`anycast ${d.code}`)}::${escapeData(d.message)}`;
}

export async function runCheck(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = readCommandLine(checkCommand, args, io);
  if (typeof parsed === 'number') return parsed;
  const { json, github, hints } = parsed.values;
  const files = parsed.positionals;
  if (json && github) return usageError('check', 'choose one of --json and --github', io);
  if (files.length === 0) return usageError('check', 'name at least one file', io);
  const reports: FileReport[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = decodeDiagram(await io.readFile(file));
    } catch (error) {
      const code = (error as { code?: string }).code;
      reports.push({
        file,
        diagnostics: [],
        readError: code === 'ENOENT' ? 'no such file' : error instanceof Error ? error.message : String(error),
      });
      continue;
    }
    reports.push({ file, diagnostics: new DiagramAnalysis(text).diagnostics });
  }
  let errors = 0;
  let warnings = 0;
  for (const r of reports) {
    if (r.readError !== undefined) errors++;
    for (const d of r.diagnostics) {
      if (d.severity === 'error') errors++;
      else if (d.severity === 'warning') warnings++;
    }
  }
  if (json) {
    const out = {
      files: reports.map((r) => ({
        file: r.file,
        ...(r.readError !== undefined ? { error: r.readError } : {}),
        diagnostics: r.diagnostics.map(toJson),
      })),
      errors,
      warnings,
    };
    io.out(JSON.stringify(out, null, 2));
  } else {
    const lines: string[] = [];
    for (const r of reports) {
      if (r.readError !== undefined) {
        io.err(`${r.file}: cannot read: ${r.readError}`);
        continue;
      }
      for (const d of r.diagnostics) {
        if (d.severity === 'hint' && !hints) continue;
        lines.push(
          github
            ? githubAnnotation(r.file, d)
            : `${r.file}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.severity}: ${d.message} [${d.code}]`,
        );
      }
    }
    if (lines.length > 0) io.out(lines.join('\n'));
    io.err(
      `${reports.length} file${reports.length === 1 ? '' : 's'} checked: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`,
    );
  }
  return errors > 0 ? 1 : 0;
}
