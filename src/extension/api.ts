/**
 * What `activate()` returns: read-only hooks for integration tests and scripts, reached through
 * `vscode.extensions.getExtension(...).exports` instead of commands in the palette's namespace.
 */
import * as vscode from 'vscode';
import type { DocumentAnalyses } from './analyses';
import type { PreviewManager } from './preview';
import type { RenderedEvent } from './renderWaits';
import type { SimulationState, SimulationStore } from './simulation';

export interface AnycastApi {
  /** Resolves once the preview shows `uri` at `version` or later; rejects if mermaid refused it. */
  waitForPreviewRender(uri: string, version: number, timeoutMs?: number): Promise<RenderedEvent>;
  /** The SVG the preview shows, undefined when none. */
  previewSvg(): Promise<string | undefined>;
  /** The simulation of an open diagram as every view shows it. */
  simulationState(uri: string | vscode.Uri): SimulationState | undefined;
  /** How many times the resolver ran for the editor's analyses so far. */
  resolutions(): number;
}

export function createApi(
  analyses: DocumentAnalyses,
  preview: PreviewManager,
  simulation: SimulationStore,
): AnycastApi {
  return {
    waitForPreviewRender: (uri, version, timeoutMs = 20_000) => preview.waitForRender(uri, version, timeoutMs),
    previewSvg: () => preview.requestSvg(),
    simulationState(uri) {
      const key = uri.toString();
      const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
      return document ? simulation.stateOf(document) : undefined;
    },
    resolutions: () => analyses.resolutions,
  };
}
