/** A code lens above each PoP: its catchment and one click to fail or restore it ("12 clients · 40% · Simulate failure"). */
import * as vscode from 'vscode';
import { popLenses } from '../routing/words/simulationSummary';
import { toVsRange } from './convert';
import type { SimulationStore } from './simulation';
import { anycastSelector } from './activeDiagram';

export function registerCodeLens(context: vscode.ExtensionContext, simulation: SimulationStore): void {
  const changed = new vscode.EventEmitter<void>();
  context.subscriptions.push(
    changed,
    simulation.onDidChange(() => changed.fire()),
    vscode.languages.registerCodeLensProvider(anycastSelector, {
      onDidChangeCodeLenses: changed.event,
      provideCodeLenses(document) {
        return popLenses(simulation.routingOf(document), simulation.loadOptionsOf(document.uri)).map(
          (lens) =>
            new vscode.CodeLens(toVsRange(lens.range), {
              title: `${lens.title} · ${lens.actionTitle}`,
              tooltip: lens.tooltip,
              command: 'anycast.togglePopFailure',
              arguments: [document.uri, lens.pop],
            }),
        );
      },
    }),
  );
}
