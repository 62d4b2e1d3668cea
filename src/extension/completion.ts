/** Completion of node ids, keywords, relationship and policy words, metadata keys and places (src/language/features/completions.ts). */
import * as vscode from 'vscode';
import type { CompletionKind } from '../language/features/completions';
import { completionsAt } from '../language/features/completions';
import { fromVsPosition, toVsRange } from './convert';
import type { DocumentAnalyses } from './analyses';
import { anycastSelector } from './activeDiagram';

const kinds: Readonly<Record<CompletionKind, vscode.CompletionItemKind>> = {
  node: vscode.CompletionItemKind.Variable,
  keyword: vscode.CompletionItemKind.Keyword,
  relationship: vscode.CompletionItemKind.EnumMember,
  policy: vscode.CompletionItemKind.Operator,
  location: vscode.CompletionItemKind.Reference,
  key: vscode.CompletionItemKind.Property,
  value: vscode.CompletionItemKind.Value,
  class: vscode.CompletionItemKind.Class,
};

export function registerCompletion(context: vscode.ExtensionContext, analyses: DocumentAnalyses): void {
  context.subscriptions.push(
    vscode.languages.registerCompletionItemProvider(
      anycastSelector,
      {
        provideCompletionItems(document, position) {
          return completionsAt(document.getText(), analyses.of(document).model, fromVsPosition(position)).map((c) => {
            const item = new vscode.CompletionItem(c.label, kinds[c.kind]);
            if (c.detail !== undefined) item.detail = c.detail;
            if (c.insertText !== undefined) item.insertText = c.insertText;
            if (c.sortText !== undefined) item.sortText = c.sortText;
            item.range = toVsRange(c.range);
            return item;
          });
        },
      },
      // After an arrow's space, inside `|`, after `@{ ` or `key: `, and after `:::`.
      '|',
      ' ',
      ':',
      '{',
    ),
  );
}
