/** Hover on a node id: the route, catchment or best path under the current simulation (src/routing/words/hoverText.ts). */
import * as vscode from 'vscode';
import { hoverAt } from '../routing/words/hoverText';
import { fromVsPosition, toVsRange } from './convert';
import type { SimulationStore } from './simulation';
import { anycastSelector } from './activeDiagram';

export function registerHover(context: vscode.ExtensionContext, simulation: SimulationStore): void {
  context.subscriptions.push(
    vscode.languages.registerHoverProvider(anycastSelector, {
      provideHover(document, position) {
        const hover = hoverAt(
          simulation.routingOf(document),
          fromVsPosition(position),
          simulation.loadOptionsOf(document.uri),
        );
        if (!hover) return undefined;
        // Untrusted, no HTML: labels are the user's text and are escaped by hoverText.
        return new vscode.Hover(new vscode.MarkdownString(hover.markdown), toVsRange(hover.range));
      },
    }),
  );
}
