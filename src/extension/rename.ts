/** Rename a node id across the file, refusing ids mermaid would misread (src/language/rename.ts). */
import * as vscode from 'vscode';
import { prepareRename, renameAt } from '../language/features/rename';
import { fromVsPosition, toVsRange } from './convert';
import { parsedOf } from './parsedDocuments';

export function registerRename(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.languages.registerRenameProvider(
      { language: 'anycast' },
      {
        prepareRename(document, position) {
          const ready = prepareRename(parsedOf(document).model, fromVsPosition(position));
          if (!ready.ok) throw new Error(ready.message);
          return { range: toVsRange(ready.range), placeholder: ready.placeholder };
        },
        provideRenameEdits(document, position, newName) {
          const result = renameAt(parsedOf(document).model, fromVsPosition(position), newName.trim());
          if (!result.ok) throw new Error(result.message);
          const edit = new vscode.WorkspaceEdit();
          for (const e of result.edits) edit.replace(document.uri, toVsRange(e.range), e.newText);
          return edit;
        },
      },
    ),
  );
}
