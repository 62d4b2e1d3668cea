// Runs in the extension host: our plain ranges and diagnostics become VS Code's, and back, unchanged.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { diagnosticSource, fromVsRange, toVsDiagnostic, toVsRange } from '../../../src/extension/convert';
import type { Diagnostic, Severity } from '../../../src/language/types';

suite('Conversion to VS Code types', () => {
  test('keeps zero-based lines and UTF-16 characters of a range, both ways', () => {
    const range = { start: { line: 3, character: 7 }, end: { line: 4, character: 0 } };
    const converted = toVsRange(range);
    assert.ok(converted.start.isEqual(new vscode.Position(3, 7)));
    assert.ok(converted.end.isEqual(new vscode.Position(4, 0)));
    assert.deepEqual(fromVsRange(converted), range);
  });

  test('maps each severity, and carries the message, the code and the source', () => {
    const expected: Record<Severity, vscode.DiagnosticSeverity> = {
      error: vscode.DiagnosticSeverity.Error,
      warning: vscode.DiagnosticSeverity.Warning,
      information: vscode.DiagnosticSeverity.Information,
      hint: vscode.DiagnosticSeverity.Hint,
    };
    for (const severity of Object.keys(expected) as Severity[]) {
      const diagnostic: Diagnostic = {
        range: { start: { line: 1, character: 2 }, end: { line: 1, character: 5 } },
        severity,
        message: `a ${severity}`,
        code: 'some-code',
      };
      const converted = toVsDiagnostic(diagnostic);
      assert.equal(converted.severity, expected[severity], severity);
      assert.equal(converted.message, `a ${severity}`);
      assert.equal(converted.code, 'some-code');
      assert.equal(converted.source, diagnosticSource);
      assert.ok(converted.range.isEqual(new vscode.Range(1, 2, 1, 5)));
    }
  });
});
