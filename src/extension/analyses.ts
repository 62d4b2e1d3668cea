/**
 * The one owner of the editor's analyses: one per open document version (parse, topology, baseline
 * and each what-if, see src/routing/analysisCache.ts), read by diagnostics, hovers, code lenses,
 * the preview, the status bar, the simulation summary and export. The only listener to a document
 * closing: it forgets the analysis, then tells the features that keep per-document state.
 */
import * as vscode from 'vscode';
import type { DiagramAnalysis } from '../routing/analysis';
import { AnalysisCache } from '../routing/analysisCache';

export class DocumentAnalyses implements vscode.Disposable {
  private readonly cache = new AnalysisCache();
  private readonly closed = new vscode.EventEmitter<vscode.Uri>();
  /** A document closed (or stopped being ours): drop what you keep about it. */
  readonly onDidClose = this.closed.event;
  private readonly closing = vscode.workspace.onDidCloseTextDocument((document) => {
    this.cache.forget(document.uri.toString());
    this.closed.fire(document.uri);
  });

  /** The analysis of the document as it is now. */
  of(document: vscode.TextDocument): DiagramAnalysis {
    return this.cache.analysisOf({
      key: document.uri.toString(),
      version: document.version,
      size: document.offsetAt(document.lineAt(document.lineCount - 1).range.end),
      getText: () => document.getText(),
    });
  }

  /** How many times the resolver ran, for tests that pin one resolve per version and what-if. */
  get resolutions(): number {
    return this.cache.resolutions;
  }

  dispose(): void {
    this.closing.dispose();
    this.closed.dispose();
  }
}
