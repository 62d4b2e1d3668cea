/**
 * Host messages for the seed diagram, written out by hand: the webview tests check what the
 * webview does with a given message, independently of the parser and the resolver.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { DiagramEdge, NodeAnnotation, RenderMessage, RoutingAnnotation } from '../../src/protocol/messages';

export const seedUri = 'file:///work/examples/seed.anycast.mmd';
export const seedText = readFileSync(resolve(import.meta.dirname, '../../examples/seed.anycast.mmd'), 'utf8');

export const seedEdges: readonly DiagramEdge[] = [
  ['IP', 'BGP'],
  ['BGP', 'PoPUS'],
  ['BGP', 'PoPEU'],
  ['BGP', 'PoPAP'],
  ['ClientUS', 'PoPUS'],
  ['ClientEU', 'PoPEU'],
  ['ClientAP', 'PoPAP'],
  ['PoPUS', 'Serve1'],
  ['PoPEU', 'Serve2'],
  ['PoPAP', 'Serve3'],
  ['PoPUS', 'Withdraw'],
  ['Withdraw', 'Reroute'],
].map(([from, to]) => ({ from: from!, to: to! }));

const pops = [
  { id: 'PoPUS', name: 'US-East' },
  { id: 'PoPEU', name: 'EU-West' },
  { id: 'PoPAP', name: 'Asia-Pacific' },
];

/** The seed's routing: each user at its nearest PoP, or with US-East failed, New York at EU-West. */
export function seedRouting(usEastFailed: boolean): RoutingAnnotation {
  const servedBy: Record<string, number> = { ClientUS: usEastFailed ? 1 : 0, ClientEU: 1, ClientAP: 2 };
  const nodes: NodeAnnotation[] = [
    { id: 'IP', role: 'service', summary: ['Anycast address 203.0.113.1'] },
    { id: 'BGP', role: 'other', summary: [] },
    ...pops.map((p, i): NodeAnnotation => {
      const withdrawn = usEastFailed && i === 0;
      const clients = Object.values(servedBy).filter((c) => c === i).length;
      return {
        id: p.id,
        role: 'pop',
        color: i,
        ...(withdrawn ? { withdrawn } : {}),
        summary: [withdrawn ? `${p.name}: withdrawn` : `${p.name}: ${clients} clients`],
      };
    }),
    ...Object.entries(servedBy).map(([client, i]): NodeAnnotation => {
      const pop = pops[i]!;
      const moved = usEastFailed && client === 'ClientUS';
      return {
        id: client,
        role: 'client',
        color: i,
        pop: pop.id,
        ...(moved ? { moved } : {}),
        path: [client, pop.id],
        summary: [`${client} → ${pop.name}`, 'AS path 65000 64513'],
      };
    }),
  ];
  return {
    nodes,
    legend: pops.map((p, i) => {
      const clients = Object.values(servedBy).filter((c) => c === i).length;
      return { pop: p.id, label: p.name, color: i, clients, share: clients / 3, withdrawn: usEastFailed && i === 0 };
    }),
    headline: usEastFailed ? 'US-East down · 1 client moved' : '',
  };
}

export function seedRender(version: number, overrides: Partial<RenderMessage> = {}): RenderMessage {
  return {
    type: 'render',
    uri: seedUri,
    version,
    mermaidText: seedText,
    routing: seedRouting(false),
    edges: seedEdges,
    maxEdges: 500,
    title: 'seed.anycast.mmd',
    ...overrides,
  };
}
