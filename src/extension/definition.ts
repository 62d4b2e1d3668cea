/** Go to definition and find references for node ids (src/language/references.ts). */
import * as vscode from 'vscode';
import { definitionAt, referencesAt } from '../language/features/references';
import { fromVsPosition, toVsRange } from './convert';
import { parsedOf } from './parsedDocuments';

export function registerDefinition(context: vscode.ExtensionContext): void {
  const selector = { language: 'anycast' };
  context.subscriptions.push(
    vscode.languages.registerDefinitionProvider(selector, {
      provideDefinition(document, position) {
        const range = definitionAt(parsedOf(document).model, fromVsPosition(position));
        return range ? new vscode.Location(document.uri, toVsRange(range)) : undefined;
      },
    }),
    vscode.languages.registerReferenceProvider(selector, {
      provideReferences(document, position, context) {
        return referencesAt(parsedOf(document).model, fromVsPosition(position), context.includeDeclaration).map(
          (r) => new vscode.Location(document.uri, toVsRange(r)),
        );
      },
    }),
  );
}
