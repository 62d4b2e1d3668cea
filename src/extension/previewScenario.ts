/**
 * What the preview needs to know of simulated failures, per document. The simulation store owns
 * that state and implements this interface; the preview only reads it and forwards legend clicks.
 */
import type * as vscode from 'vscode';

/** What the preview draws as failed: PoP node ids, engine session ids and ASNs, and the simulation's headline. */
export interface SimulatedFailures {
  readonly failedPops: readonly string[];
  readonly failedSessions?: readonly string[];
  readonly failedAses?: readonly number[];
  readonly headline?: string;
}

export interface PreviewScenarioSource {
  /** Everything failed for the document: PoPs, links and ASes. */
  previewScenario(uri: vscode.Uri): SimulatedFailures;
  /** Fails a PoP that is up, restores one that is failed. */
  togglePop(uri: vscode.Uri, pop: string): void;
  readonly onDidChange: vscode.Event<vscode.Uri>;
}
