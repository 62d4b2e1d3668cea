/** The status bar says what the active diagram's simulation took down and what moved; a click opens the summary. */
import * as vscode from 'vscode';
import { isEmptyScenario } from '../routing/scenario';
import { simulationHeadline } from '../routing/words/simulationSummary';
import { currentDiagram } from './activeDiagram';
import type { SimulationStore } from './simulation';

const typingDelayMs = 200;

export function registerStatusBar(context: vscode.ExtensionContext, simulation: SimulationStore): void {
  const item = vscode.window.createStatusBarItem('anycast.simulation', vscode.StatusBarAlignment.Left, 10);
  item.name = 'Anycast Simulation';
  item.command = 'anycast.showSimulationSummary';
  let timer: ReturnType<typeof setTimeout> | undefined;
  const refresh = (): void => {
    timer = undefined;
    // With the preview focused there is no active editor: keep showing the diagram last edited.
    const document = currentDiagram();
    const headline = document && !document.isClosed ? simulationHeadline(simulation.routingOf(document)) : '';
    if (!headline) {
      item.hide();
      return;
    }
    item.text = `$(debug-disconnect) ${headline}`;
    item.tooltip = `Simulated failure: ${headline}. Click for the summary; "Anycast: End Simulation" ends it.`;
    item.show();
  };
  context.subscriptions.push(
    item,
    simulation.onDidChange(refresh),
    vscode.window.onDidChangeActiveTextEditor(refresh),
    vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.document !== currentDiagram() || isEmptyScenario(simulation.scenarioOf(event.document.uri))) return;
      // Typing under a simulation re-resolves: once per pause, not per keystroke.
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(refresh, typingDelayMs);
    }),
    { dispose: () => timer !== undefined && clearTimeout(timer) },
  );
  refresh();
}
