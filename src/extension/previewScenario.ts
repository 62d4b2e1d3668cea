/**
 * Which PoPs the preview shows as failed, per document. The preview reads it through this small
 * interface so that the simulation feature can own the state and plug itself in with
 * `setPreviewScenarioSource`; until then a plain in-memory store answers the legend's buttons.
 */
import * as vscode from 'vscode';

/** What the preview draws as failed: PoP node ids, engine session ids and ASNs, and the simulation's headline. */
export interface SimulatedFailures {
  readonly failedPops: readonly string[];
  readonly failedSessions?: readonly string[];
  readonly failedAses?: readonly number[];
  readonly headline?: string;
}

export interface PreviewScenarioSource {
  /** PoP node ids failed for the document. */
  failedPops(uri: vscode.Uri): readonly string[];
  /** Everything failed for the document (links and ASes too), when the source knows more than PoPs. */
  previewScenario?(uri: vscode.Uri): SimulatedFailures;
  /** Fails a PoP that is up, restores one that is failed. */
  togglePop(uri: vscode.Uri, pop: string): void;
  readonly onDidChange: vscode.Event<vscode.Uri>;
}

class InMemoryScenarios implements PreviewScenarioSource, vscode.Disposable {
  private readonly failed = new Map<string, readonly string[]>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly closing = vscode.workspace.onDidCloseTextDocument((document) => {
    if (this.failed.delete(document.uri.toString())) this.changed.fire(document.uri);
  });

  failedPops(uri: vscode.Uri): readonly string[] {
    return this.failed.get(uri.toString()) ?? [];
  }

  togglePop(uri: vscode.Uri, pop: string): void {
    const current = this.failedPops(uri);
    const next = current.includes(pop) ? current.filter((p) => p !== pop) : [...current, pop];
    if (next.length === 0) this.failed.delete(uri.toString());
    else this.failed.set(uri.toString(), next);
    this.changed.fire(uri);
  }

  dispose(): void {
    this.changed.dispose();
    this.closing.dispose();
  }
}

let source: (PreviewScenarioSource & Partial<vscode.Disposable>) | undefined;
const swapped = new vscode.EventEmitter<void>();
/** Fires when another source replaces the current one. */
export const onDidSwapScenarioSource = swapped.event;

export function previewScenarioSource(): PreviewScenarioSource {
  source ??= new InMemoryScenarios();
  return source;
}

/** Lets the simulation feature become the one owner of failure state shown in the preview. */
export function setPreviewScenarioSource(next: PreviewScenarioSource): void {
  source?.dispose?.();
  source = next;
  swapped.fire();
}
