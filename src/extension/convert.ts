/**
 * The one place where our plain `{ line, character }` data (src/language/types.ts) becomes VS Code's
 * types and back. Providers and commands import these instead of building ranges themselves.
 */
import * as vscode from 'vscode';
import type { Diagnostic, Position, Range, Severity } from '../language/types';

/** The `source` shown next to every diagnostic in the Problems panel. */
export const diagnosticSource = 'anycast';

export function toVsPosition(position: Position): vscode.Position {
  return new vscode.Position(position.line, position.character);
}

export function toVsRange(range: Range): vscode.Range {
  return new vscode.Range(toVsPosition(range.start), toVsPosition(range.end));
}

export function fromVsPosition(position: vscode.Position): Position {
  return { line: position.line, character: position.character };
}

export function fromVsRange(range: vscode.Range): Range {
  return { start: fromVsPosition(range.start), end: fromVsPosition(range.end) };
}

const severities: Readonly<Record<Severity, vscode.DiagnosticSeverity>> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

export function toVsSeverity(severity: Severity): vscode.DiagnosticSeverity {
  return severities[severity];
}

export function toVsDiagnostic(diagnostic: Diagnostic): vscode.Diagnostic {
  const result = new vscode.Diagnostic(
    toVsRange(diagnostic.range),
    diagnostic.message,
    toVsSeverity(diagnostic.severity),
  );
  result.source = diagnosticSource;
  result.code = diagnostic.code;
  return result;
}
