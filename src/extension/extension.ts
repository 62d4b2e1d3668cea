// Runs in the VS Code extension host: Node (desktop, code-server) and the web worker (vscode.dev).
// Activation is a flat list of register*(context) calls, one line per feature.
import type * as vscode from 'vscode';
import { registerDiagnostics } from './diagnostics';
import { registerPreview } from './preview';

export function activate(context: vscode.ExtensionContext): void {
  registerDiagnostics(context);
  registerPreview(context);
}

export function deactivate(): void {
  // Everything registered above is disposed through context.subscriptions.
}
