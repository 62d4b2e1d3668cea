/** Go to definition and find references for node ids (src/language/features/references.ts). */
import * as vscode from 'vscode';
import { definitionAt, referencesAt } from '../language/features/references';
import { fromVsPosition, toVsRange } from './convert';
import type { DocumentAnalyses } from './analyses';
import { anycastSelector } from './activeDiagram';

export function registerDefinition(context: vscode.ExtensionContext, analyses: DocumentAnalyses): void {
  const selector = anycastSelector;
  context.subscriptions.push(
    vscode.languages.registerDefinitionProvider(selector, {
      provideDefinition(document, position) {
        const range = definitionAt(analyses.of(document).model, fromVsPosition(position));
        return range ? new vscode.Location(document.uri, toVsRange(range)) : undefined;
      },
    }),
    vscode.languages.registerReferenceProvider(selector, {
      provideReferences(document, position, context) {
        return referencesAt(analyses.of(document).model, fromVsPosition(position), context.includeDeclaration).map(
          (r) => new vscode.Location(document.uri, toVsRange(r)),
        );
      },
    }),
  );
}
