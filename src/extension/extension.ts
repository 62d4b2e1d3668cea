// Runs in the VS Code extension host: Node (desktop, code-server) and the web worker (vscode.dev).
// Activation is a flat list of register*(context) calls, one line per feature.
import type * as vscode from 'vscode';
import { trackActiveDiagram } from './activeDiagram';
import { DocumentAnalyses } from './analyses';
import { registerN1View } from './n1View';
import { createApi } from './api';
import type { AnycastApi } from './api';
import { registerCodeLens } from './codeLens';
import { registerCompletion } from './completion';
import { registerDefinition } from './definition';
import { registerDiagnostics } from './diagnostics';
import { registerExport } from './export';
import { registerHover } from './hover';
import { registerPreview } from './preview';
import { registerQuickFix } from './quickFix';
import { registerRename } from './rename';
import { registerSimulation } from './simulation';
import { registerStatusBar } from './statusBar';
import { registerSuggestions } from './suggest';
import { registerSymbols } from './symbols';

export function activate(context: vscode.ExtensionContext): AnycastApi {
  // The one owner of each document version's analysis; every feature below reads it.
  const analyses = new DocumentAnalyses();
  context.subscriptions.push(analyses);
  registerDiagnostics(context, analyses);
  trackActiveDiagram(context, analyses);
  // The one owner of simulated failures; the preview, hovers, lenses and status bar read it.
  const simulation = registerSimulation(context, analyses);
  registerN1View(context, analyses);
  const preview = registerPreview(context, analyses, simulation);
  registerHover(context, simulation);
  registerCodeLens(context, simulation);
  registerStatusBar(context, simulation);
  registerExport(context, preview);
  registerCompletion(context, analyses);
  registerDefinition(context, analyses);
  registerRename(context, analyses);
  registerSymbols(context, analyses);
  registerQuickFix(context, analyses);
  registerSuggestions(context, analyses, simulation);
  return createApi(analyses, preview, simulation);
}

export function deactivate(): void {
  // Everything registered above is disposed through context.subscriptions.
}
