/** Rename a node id across the file, refusing ids mermaid would misread (src/language/features/rename.ts). */
import * as vscode from 'vscode';
import { prepareRename, renameAt } from '../language/features/rename';
import { fromVsPosition, toVsRange } from './convert';
import type { DocumentAnalyses } from './analyses';
import { anycastSelector } from './activeDiagram';

export function registerRename(context: vscode.ExtensionContext, analyses: DocumentAnalyses): void {
  context.subscriptions.push(
    vscode.languages.registerRenameProvider(anycastSelector, {
      prepareRename(document, position) {
        const ready = prepareRename(analyses.of(document).model, fromVsPosition(position));
        if (!ready.ok) throw new Error(ready.message);
        return { range: toVsRange(ready.range), placeholder: ready.placeholder };
      },
      provideRenameEdits(document, position, newName) {
        const result = renameAt(analyses.of(document).model, fromVsPosition(position), newName.trim());
        if (!result.ok) throw new Error(result.message);
        const edit = new vscode.WorkspaceEdit();
        for (const e of result.edits) edit.replace(document.uri, toVsRange(e.range), e.newText);
        return edit;
      },
    }),
  );
}
