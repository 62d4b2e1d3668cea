/** The outline: PoPs, ASes, clients and services, nested in their subgraphs (src/language/features/symbols.ts). */
import * as vscode from 'vscode';
import type { DocumentSymbol, SymbolKind } from '../language/features/symbols';
import { documentSymbols } from '../language/features/symbols';
import { toVsRange } from './convert';
import type { DocumentAnalyses } from './analyses';
import { anycastSelector } from './activeDiagram';

const kinds: Readonly<Record<SymbolKind, vscode.SymbolKind>> = {
  pop: vscode.SymbolKind.Event,
  as: vscode.SymbolKind.Module,
  client: vscode.SymbolKind.Object,
  service: vscode.SymbolKind.Constant,
  narrative: vscode.SymbolKind.String,
  subgraph: vscode.SymbolKind.Namespace,
};

function toVsSymbol(symbol: DocumentSymbol): vscode.DocumentSymbol {
  const result = new vscode.DocumentSymbol(
    symbol.name,
    symbol.detail,
    kinds[symbol.kind],
    toVsRange(symbol.range),
    toVsRange(symbol.selectionRange),
  );
  result.children = symbol.children.map(toVsSymbol);
  return result;
}

export function registerSymbols(context: vscode.ExtensionContext, analyses: DocumentAnalyses): void {
  context.subscriptions.push(
    vscode.languages.registerDocumentSymbolProvider(
      anycastSelector,
      { provideDocumentSymbols: (document) => documentSymbols(analyses.of(document).model).map(toVsSymbol) },
      { label: 'Anycast topology' },
    ),
  );
}
