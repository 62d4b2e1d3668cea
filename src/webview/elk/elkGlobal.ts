/** How dist/webview-elk.js hands elkjs to the preview's bundle: one global, set when the script runs. */
import type { ELK, ELKConstructorArguments } from 'elkjs/lib/elk-api';

export type ElkConstructor = new (options?: ELKConstructorArguments) => ELK;

export const elkGlobal = 'anycastElkLayout';
