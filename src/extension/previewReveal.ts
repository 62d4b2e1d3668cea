/** Shows in the editor the source of what was clicked in the preview. */
import * as vscode from 'vscode';
import type { DiagramContent } from '../routing/picture/previewContent';
import type { WebviewToHost } from '../protocol/messages';
import { toVsRange } from './convert';

/** Opens `document` beside the preview with the clicked node's or edge's source selected, if it is still this document's. */
export async function revealInSource(
  document: vscode.TextDocument | undefined,
  content: DiagramContent | undefined,
  message: Extract<WebviewToHost, { type: 'reveal' }>,
): Promise<void> {
  if (!document || document.uri.toString() !== message.uri || !content) return;
  const range =
    message.target.kind === 'node' ? content.nodeRange(message.target.id) : content.edgeRange(message.target.index);
  if (!range) return;
  const visible = vscode.window.visibleTextEditors.find((e) => e.document === document);
  const editor = await vscode.window.showTextDocument(document, {
    viewColumn: visible?.viewColumn ?? vscode.ViewColumn.One,
    preserveFocus: false,
    selection: toVsRange(range),
  });
  editor.revealRange(toVsRange(range), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}
