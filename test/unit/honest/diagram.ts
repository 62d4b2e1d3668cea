import { resolve } from '../../../src/engine/index';
import type { Resolution } from '../../../src/engine/index';
import { parseDocument } from '../../../src/language/index';
import { toTopology } from '../../../src/routing/topology';

/** A diagram's text from its lines, with front matter naming the service and its prefix. */
export function diagram(...lines: string[]): string {
  return [
    '---',
    'anycast:',
    '  service: 203.0.113.1',
    '  prefixes: [203.0.113.0/24]',
    '---',
    'flowchart LR',
    ...lines.map((l) => `  ${l}`),
  ].join('\n');
}

/** Resolves a diagram as the CLI and the preview do. */
export function resolveDiagram(text: string): Resolution {
  return resolve(toTopology(parseDocument(text).model).topology);
}

/** The PoP each client reaches, by client id. */
export function popsOf(resolution: Resolution): Record<string, string | undefined> {
  return Object.fromEntries(resolution.clients.map((c) => [c.id, c.pop]));
}
