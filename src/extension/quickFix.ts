/** Quick fixes for our diagnostics (src/language/features/quickFixes.ts), matched by code and range. */
import * as vscode from 'vscode';
import { quickFixesFor } from '../language/features/quickFixes';
import type { Diagnostic } from '../language/types';
import { diagnosticSource, fromVsRange, toVsRange } from './convert';
import type { DocumentAnalyses } from './analyses';
import { anycastSelector } from './activeDiagram';

export function registerQuickFix(context: vscode.ExtensionContext, analyses: DocumentAnalyses): void {
  context.subscriptions.push(
    vscode.languages.registerCodeActionsProvider(
      anycastSelector,
      {
        provideCodeActions(document, _range, context) {
          const ours = context.diagnostics.filter((d) => d.source === diagnosticSource);
          if (ours.length === 0) return [];
          const analysis = analyses.of(document);
          const actions: vscode.CodeAction[] = [];
          for (const vsDiagnostic of ours) {
            const range = fromVsRange(vsDiagnostic.range);
            const code =
              typeof vsDiagnostic.code === 'object' ? String(vsDiagnostic.code.value) : String(vsDiagnostic.code ?? '');
            // Our own diagnostic, with its suggestions (VS Code's copy does not carry them).
            const diagnostic: Diagnostic | undefined = analysis.diagnostics.find(
              (d) =>
                d.code === code &&
                d.range.start.line === range.start.line &&
                d.range.start.character === range.start.character &&
                d.range.end.line === range.end.line &&
                d.range.end.character === range.end.character,
            );
            if (!diagnostic) continue;
            for (const fix of quickFixesFor(document.getText(), analysis.model, diagnostic)) {
              const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
              action.diagnostics = [vsDiagnostic];
              action.isPreferred = fix.preferred;
              action.edit = new vscode.WorkspaceEdit();
              for (const e of fix.edits) action.edit.replace(document.uri, toVsRange(e.range), e.newText);
              actions.push(action);
            }
          }
          return actions;
        },
      },
      { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] },
    ),
  );
}
