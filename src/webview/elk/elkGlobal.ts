/** How dist/webview-elk.js hands elkjs to the preview's bundle: one global, set when the script runs. */
import type { ELK, ELKConstructorArguments } from 'elkjs/lib/elk-api';

export type ElkConstructor = new (options?: ELKConstructorArguments) => ELK;

const elkGlobal = 'anycastElkLayout';

/** Called by dist/webview-elk.js as it runs. */
export function publishElk(elk: ElkConstructor): void {
  (globalThis as Record<string, unknown>)[elkGlobal] = elk;
}

/** elkjs once dist/webview-elk.js has run in this page. */
export function publishedElk(): ElkConstructor | undefined {
  return (globalThis as Record<string, unknown>)[elkGlobal] as ElkConstructor | undefined;
}
