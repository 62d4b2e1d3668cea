/**
 * Stands in for elkjs inside mermaid (esbuild.mjs points mermaid's `elkjs/lib/elk.bundled.js` here).
 * ELK is 1.5 MB of the preview's 3 MB, and only a diagram that asks for it (`config: layout: elk`)
 * uses it: the preview loads it, from dist/webview-elk.js beside this bundle, the first time one
 * does, so every other first picture neither downloads nor compiles it.
 */
import type { ELK, ELKConstructorArguments, ElkLayoutArguments, ElkNode } from 'elkjs/lib/elk-api';
import { publishedElk, type ElkConstructor } from './elkGlobal';

/** The preview bundle's own script element: its address and nonce load the ELK script. */
let ownScript: HTMLScriptElement | undefined;

/** Notes the script running now as the preview's own (only main.ts knows it runs while the page loads it). */
export function noteOwnScript(): void {
  if (document.currentScript instanceof HTMLScriptElement) ownScript = document.currentScript;
}

let loading: Promise<ElkConstructor> | undefined;

function loadElk(): Promise<ElkConstructor> {
  loading ??= new Promise<ElkConstructor>((resolve, reject) => {
    const loaded = publishedElk();
    if (loaded) return resolve(loaded);
    if (!ownScript?.src) return reject(new Error('ELK layout: the preview cannot tell where its scripts are'));
    const script = document.createElement('script');
    script.src = new URL('webview-elk.js', ownScript.src).href;
    script.nonce = ownScript.nonce;
    script.onload = () => {
      const elk = publishedElk();
      if (elk) resolve(elk);
      else reject(new Error(`ELK layout: ${script.src} did not define the layout engine`));
    };
    script.onerror = () => reject(new Error(`ELK layout: could not load ${script.src}`));
    document.head.append(script);
  });
  // A failed load may be retried by the next diagram that asks for ELK.
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}

/** What mermaid uses of elkjs: `new ELK()`, then `layout(graph)`. */
export default class LazyElk {
  private engine: ELK | undefined;

  constructor(private readonly options?: ELKConstructorArguments) {}

  async layout(graph: ElkNode, args?: ElkLayoutArguments): Promise<ElkNode> {
    this.engine ??= new (await loadElk())(this.options);
    return this.engine.layout(graph, args);
  }
}
