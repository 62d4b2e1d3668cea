/** The entry of dist/webview-elk.js: elkjs, loaded by the preview only for diagrams laid out by ELK (lazyElk.ts). */
import ELK from 'elkjs/lib/elk.bundled.js';
import { elkGlobal, type ElkConstructor } from './elkGlobal';

(globalThis as Record<string, unknown>)[elkGlobal] = ELK satisfies ElkConstructor;
