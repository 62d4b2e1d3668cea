// Runs in the VS Code extension host: Node (desktop, code-server) and the web worker (vscode.dev).
// Activation is a flat list of register*(context) calls, one line per feature.
import type * as vscode from 'vscode';
import { trackActiveDiagram } from './activeDiagram';
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
import { registerSymbols } from './symbols';

export function activate(context: vscode.ExtensionContext): void {
  registerDiagnostics(context);
  trackActiveDiagram(context);
  // The one owner of simulated failures; the preview, hovers, lenses and status bar read it.
  const simulation = registerSimulation(context);
  registerPreview(context, simulation);
  registerHover(context, simulation);
  registerCodeLens(context, simulation);
  registerStatusBar(context, simulation);
  registerExport(context);
  registerCompletion(context);
  registerDefinition(context);
  registerRename(context);
  registerSymbols(context);
  registerQuickFix(context);
}

export function deactivate(): void {
  // Everything registered above is disposed through context.subscriptions.
}
