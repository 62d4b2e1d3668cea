/** Completion of node ids, keywords, relationship and policy words, metadata keys and places (src/language/completions.ts). */
import * as vscode from 'vscode';
import type { CompletionKind } from '../language/features/completions';
import { completionsAt } from '../language/features/completions';
import { fromVsPosition, toVsRange } from './convert';
import { parsedOf } from './parsedDocuments';

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

export function registerCompletion(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.languages.registerCompletionItemProvider(
      { language: 'anycast' },
      {
        provideCompletionItems(document, position) {
          return completionsAt(document.getText(), parsedOf(document).model, fromVsPosition(position)).map((c) => {
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
