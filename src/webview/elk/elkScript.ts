/** The entry of dist/webview-elk.js: elkjs, loaded by the preview only for diagrams laid out by ELK (lazyElk.ts). */
import ELK from 'elkjs/lib/elk.bundled.js';
import { publishElk } from './elkGlobal';

publishElk(ELK);
