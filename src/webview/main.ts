// Runs in the webview: the live preview of an anycast diagram (mermaid bundled in).
import type { HostToWebview, WebviewToHost } from '../protocol/messages';
import { PreviewController } from './controller';
import { noteOwnScript } from './elk/lazyElk';
import type { View } from './panZoom';

function restoredView(state: unknown): View | undefined {
  if (typeof state !== 'object' || state === null || !('view' in state)) return undefined;
  const view = (state as { view: unknown }).view;
  if (typeof view !== 'object' || view === null) return undefined;
  const { x, y, scale } = view as Record<string, unknown>;
  return typeof x === 'number' && typeof y === 'number' && typeof scale === 'number' ? { x, y, scale } : undefined;
}

noteOwnScript();

// The state is whatever an earlier version of this page saved: read it as unknown and check it.
const vscode = acquireVsCodeApi<unknown>();
const post = (message: WebviewToHost): void => vscode.postMessage(message);
const controller = new PreviewController(
  document.body,
  {
    post,
    saveState: (state) => vscode.setState(state),
  },
  restoredView(vscode.getState()),
);

window.addEventListener('message', (event: MessageEvent<HostToWebview>) => controller.handle(event.data));
post({ type: 'ready' });
