/**
 * The resolver's answer, said about the user's own diagram: which colour each PoP wears, which PoP
 * serves each client, the path its traffic takes, catchment sizes, what a failure moved. Two
 * outputs from one computation: `annotateRouting` (plain data the preview paints onto its SVG
 * without laying out again) and `annotatedMermaid` (the diagram text with classDef/class/linkStyle
 * lines and a legend, for any stock mermaid: GitHub, GitLab, Notion). Pure and deterministic.
 */
import type { ClientResult, Resolution, Route } from '../../engine/types';
import { decisionStepWords } from '../words/decisionWords';
import { percent, plural } from '../words/figures';
import type { DocumentModel, NodeModel, NodeRole } from '../../language/meaning/model';

/** Palette slots; PoPs beyond this many reuse colours in order. */
export const paletteSize = 12;

/**
 * Light-background colours for stock mermaid (GitHub and friends draw our classDefs as written).
 * Each PoP gets a strong stroke and a pale fill; text stays dark on the pale fill in any theme.
 */
export const mermaidPalette: readonly {
  readonly stroke: string;
  readonly fill: string;
  readonly clientFill: string;
}[] = [
  { stroke: '#1f77b4', fill: '#b9d7ee', clientFill: '#e3eff8' },
  { stroke: '#e6550d', fill: '#fbcdb3', clientFill: '#fde9dd' },
  { stroke: '#2ca02c', fill: '#bfe5bf', clientFill: '#e4f4e4' },
  { stroke: '#d62728', fill: '#f4bcbc', clientFill: '#fae2e2' },
  { stroke: '#9467bd', fill: '#dccbeb', clientFill: '#efe8f6' },
  { stroke: '#8c564b', fill: '#dcc7c3', clientFill: '#efe5e3' },
  { stroke: '#d6419f', fill: '#f3c3e1', clientFill: '#f9e3f1' },
  { stroke: '#0f9fb0', fill: '#b3e3e9', clientFill: '#def3f6' },
  { stroke: '#9a9b12', fill: '#e2e2b3', clientFill: '#f1f1dc' },
  { stroke: '#393b79', fill: '#c3c4dd', clientFill: '#e3e3ef' },
  { stroke: '#637939', fill: '#d3dac5', clientFill: '#eaede3' },
  { stroke: '#ad494a', fill: '#e8c3c3', clientFill: '#f4e2e2' },
];

/** The routing facts of one diagram node, keyed by its mermaid node id (the preview's `NodeRouting`). */
export interface NodeAnnotation {
  readonly id: string;
  readonly role: 'pop' | 'as' | 'client' | 'service' | 'other';
  /** Palette slot: a PoP's own colour, or for a client the colour of the PoP that serves it. */
  readonly color?: number;
  /** For a client: the node id of the PoP that serves it; absent when no PoP is reachable. */
  readonly pop?: string;
  /** A PoP that does not announce (failed in the scenario or written down). */
  readonly withdrawn?: boolean;
  /** A client served by a different PoP than with nothing failed. */
  readonly moved?: boolean;
  /** A client that no PoP reaches. */
  readonly unreachable?: boolean;
  /** For a client: node ids its traffic crosses, from the client to the PoP. */
  readonly path?: readonly string[];
  /** Route summary shown when hovering the node, one line each. */
  readonly summary: readonly string[];
}

/** One line of the legend: a PoP, its catchment and traffic share. */
export interface LegendAnnotation {
  readonly pop: string;
  readonly label: string;
  readonly color: number;
  readonly clients: number;
  /** Share of total client weight, 0..1. */
  readonly share: number;
  readonly withdrawn: boolean;
}

/** What the preview paints and the annotated text shows (the preview's `RoutingState`). */
export interface RoutingAnnotation {
  readonly nodes: readonly NodeAnnotation[];
  readonly legend: readonly LegendAnnotation[];
  /** A one-line headline, e.g. "US-East down · 1 client moved"; empty when nothing failed. */
  readonly headline: string;
  /** Set when the engine could not resolve (e.g. no stable routing): shown, picture kept. */
  readonly problem?: string;
}

export interface RoutingInput {
  readonly resolution: Resolution;
  /** The resolution with nothing failed, to tell which clients moved; omit when nothing failed. */
  readonly baseline?: Resolution;
  /** PoP node ids failed in the scenario (written-down PoPs come from the resolution itself). */
  readonly failedPops?: readonly string[];
  /** Maps an engine id (router, origin, client) back to the diagram node it came from. */
  readonly nodeOf: (engineId: string) => string | undefined;
}

function roleOf(role: NodeRole): NodeAnnotation['role'] {
  return role === 'narrative' ? 'other' : role;
}

/** Node ids the route's traffic crosses, from `start`, with repeats (routers of one node) folded. */
function pathNodes(start: string, route: Route | undefined, nodeOf: RoutingInput['nodeOf']): string[] {
  const path = [start];
  for (const router of route?.routerPath ?? []) {
    const node = nodeOf(router);
    if (node !== undefined && node !== path[path.length - 1]) path.push(node);
  }
  return path;
}

function asPathText(route: Route): string {
  return route.asPath.length === 0 ? '(local)' : route.asPath.join(' ');
}

function clientSummary(
  node: NodeModel,
  result: ClientResult | undefined,
  popName: (engineId: string | undefined) => string | undefined,
  movedFrom: string | undefined,
): string[] {
  const served = popName(result?.pop);
  if (!result?.route || served === undefined) return [`${node.name}: no PoP reachable`];
  const lines = [`${node.name} → ${served}`, `AS path ${asPathText(result.route)}`];
  const explanation = result.explanation;
  if (explanation) {
    const runnerUp = explanation.runnerUp === undefined ? undefined : explanation.candidates[explanation.runnerUp];
    const why = decisionStepWords[explanation.decidedBy];
    if (runnerUp) {
      lines.push(
        `Chosen by ${why} over ${popName(runnerUp.pop) ?? runnerUp.pop}${explanation.arbitrary ? ' (arbitrary)' : ''}`,
      );
    } else {
      lines.push(`Chosen as ${why}`);
    }
  }
  if (result.rttMs !== undefined) lines.push(`RTT ≈ ${Math.round(result.rttMs)} ms`);
  if (movedFrom !== undefined) lines.push(`Moved from ${movedFrom}`);
  return lines;
}

/** Computes what to show for `model` under `input`'s resolution. */
export function annotateRouting(model: DocumentModel, input: RoutingInput): RoutingAnnotation {
  const { resolution, baseline, nodeOf } = input;
  const pops = model.nodes.filter((n) => n.role === 'pop');
  const colorOf = new Map(pops.map((pop, i) => [pop.id, i % paletteSize]));
  const nameOf = new Map(model.nodes.map((n) => [n.id, n.name]));
  const popNode = (engineId: string | undefined): string | undefined =>
    engineId === undefined ? undefined : (nodeOf(engineId) ?? engineId);
  const popName = (engineId: string | undefined): string | undefined => {
    const node = popNode(engineId);
    return node === undefined ? undefined : (nameOf.get(node) ?? node);
  };

  const popResults = new Map<string, Resolution['pops'][number]>();
  for (const pop of resolution.pops) {
    const node = popNode(pop.id);
    if (node !== undefined) popResults.set(node, pop);
  }
  const clientResults = new Map<string, ClientResult>();
  for (const client of resolution.clients) {
    const node = nodeOf(client.id) ?? client.id;
    clientResults.set(node, client);
  }
  const baselinePop = new Map<string, string | undefined>();
  for (const client of baseline?.clients ?? []) baselinePop.set(nodeOf(client.id) ?? client.id, popNode(client.pop));
  const routerResults = new Map<string, Resolution['routers'][number]>();
  for (const router of resolution.routers) {
    const node = nodeOf(router.id);
    if (node !== undefined && !routerResults.has(node)) routerResults.set(node, router);
  }
  const failed = new Set(input.failedPops ?? []);

  let moved = 0;
  let lost = 0;
  const nodes: NodeAnnotation[] = model.nodes.map((node): NodeAnnotation => {
    const role = roleOf(node.role);
    if (node.role === 'pop') {
      const result = popResults.get(node.id);
      const withdrawn = failed.has(node.id) || result?.state === 'down';
      const clients = result?.clients.length ?? 0;
      const summary = withdrawn
        ? [`${node.name}: withdrawn`, failed.has(node.id) ? 'Failed in this simulation' : 'Written down in the diagram']
        : [`${node.name}: ${plural(clients, 'client')} · ${percent(result?.trafficShare ?? 0)} of traffic`];
      if (node.asn) summary.push(`Origin AS${node.asn.value}`);
      return { id: node.id, role, color: colorOf.get(node.id) ?? 0, withdrawn, summary };
    }
    if (node.role === 'client') {
      const result = clientResults.get(node.id);
      const pop = popNode(result?.pop);
      const before = baselinePop.get(node.id);
      const didMove = baseline !== undefined && before !== undefined && before !== pop;
      if (didMove && pop !== undefined) moved++;
      if (baseline !== undefined && before !== undefined && pop === undefined) lost++;
      const summary = clientSummary(node, result, popName, didMove ? (nameOf.get(before) ?? before) : undefined);
      if (pop === undefined) return { id: node.id, role, unreachable: true, summary };
      const color = colorOf.get(pop);
      return {
        id: node.id,
        role,
        ...(color === undefined ? {} : { color }),
        pop,
        ...(didMove ? { moved: true } : {}),
        path: pathNodes(node.id, result?.route, nodeOf),
        summary,
      };
    }
    if (node.role === 'as') {
      const best = routerResults.get(node.id)?.best;
      const head = node.asn ? `AS${node.asn.value} ${node.name}` : node.name;
      const summary = best
        ? [head, `Best route → ${popName(best.pop) ?? best.pop}`, `AS path ${asPathText(best)}`]
        : [head, 'No route to the anycast prefix'];
      return { id: node.id, role, summary };
    }
    if (node.role === 'service') {
      return { id: node.id, role, summary: [node.address ? `Anycast address ${node.address.value}` : node.name] };
    }
    return { id: node.id, role, summary: [] };
  });

  const legend: LegendAnnotation[] = pops.map((pop) => {
    const result = popResults.get(pop.id);
    return {
      pop: pop.id,
      label: pop.name,
      color: colorOf.get(pop.id) ?? 0,
      clients: result?.clients.length ?? 0,
      share: result?.trafficShare ?? 0,
      withdrawn: failed.has(pop.id) || result?.state === 'down',
    };
  });

  const parts: string[] = [];
  if (failed.size > 0)
    parts.push(
      `${pops
        .filter((p) => failed.has(p.id))
        .map((p) => p.name)
        .join(', ')} down`,
    );
  if (baseline !== undefined && failed.size > 0) {
    parts.push(`${plural(moved, 'client')} moved`);
    if (lost > 0) parts.push(`${lost} lost service`);
  }
  const headline = parts.join(' · ');
  return resolution.unstable
    ? { nodes, legend, headline, problem: resolution.unstable.message }
    : { nodes, legend, headline };
}

/** Options of the annotated text. */
export interface MermaidAnnotationOptions {
  /** Add the legend subgraph (PoP → catchment size and share). Default true. */
  readonly legend?: boolean;
}

/** Mermaid label text: quotes become the entity mermaid understands; newlines stay visible breaks. */
function quoteLabel(text: string): string {
  return `"${text.replace(/"/g, '#quot;').replace(/\r?\n/g, '<br>')}"`;
}

/** An id no node of the model uses, so the legend never captures a user's node. */
function freshId(base: string, taken: ReadonlySet<string>): string {
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}_${n}`;
  return id;
}

/**
 * The user's diagram text followed by styling lines and a legend that show `annotation` in any
 * stock mermaid renderer. The user's own lines are kept byte for byte.
 */
export function annotatedMermaid(
  text: string,
  model: DocumentModel,
  annotation: RoutingAnnotation,
  options: MermaidAnnotationOptions = {},
): string {
  const taken = new Set<string>([
    ...model.nodes.map((n) => n.id),
    ...model.subgraphs.map((s) => s.id),
    ...model.classDefs.map((c) => c.name),
  ]);
  const cls = (name: string): string => freshId(`anycast${name}`, taken);
  const popClass = Array.from({ length: paletteSize }, (_, i) => cls(`Pop${i}`));
  const clientClass = Array.from({ length: paletteSize }, (_, i) => cls(`Client${i}`));
  const movedClass = Array.from({ length: paletteSize }, (_, i) => cls(`Moved${i}`));
  const withdrawnClass = cls('Withdrawn');
  const unreachableClass = cls('Unreachable');

  const lines: string[] = ['%% Annotated by Anycast Topology: PoP colours, catchments and the legend below.'];
  const used = new Set<string>();
  const assignments = new Map<string, string[]>();
  const assign = (className: string, nodeId: string): void => {
    used.add(className);
    const list = assignments.get(className) ?? [];
    list.push(nodeId);
    assignments.set(className, list);
  };
  // The preview's client groups (annotateGroup.ts) are not in the user's text, which this keeps as written.
  const drawn = new Set(model.nodes.map((n) => n.id));
  const nodes = annotation.nodes.filter((n) => drawn.has(n.id));
  for (const node of nodes) {
    const slot = node.color === undefined ? undefined : node.color % paletteSize;
    if (node.role === 'pop') assign(node.withdrawn ? withdrawnClass : popClass[slot ?? 0]!, node.id);
    else if (node.role === 'client') {
      if (node.unreachable) assign(unreachableClass, node.id);
      else if (slot !== undefined) assign((node.moved ? movedClass : clientClass)[slot]!, node.id);
    }
  }

  const defs: string[] = [];
  for (let i = 0; i < paletteSize; i++) {
    const { stroke, fill, clientFill } = mermaidPalette[i]!;
    if (used.has(popClass[i]!))
      defs.push(`classDef ${popClass[i]} fill:${fill},stroke:${stroke},stroke-width:3px,color:#111`);
    if (used.has(clientClass[i]!))
      defs.push(`classDef ${clientClass[i]} fill:${clientFill},stroke:${stroke},stroke-width:2px,color:#111`);
    if (used.has(movedClass[i]!))
      defs.push(
        `classDef ${movedClass[i]} fill:${clientFill},stroke:${stroke},stroke-width:2px,stroke-dasharray:6 3,color:#111`,
      );
  }
  if (used.has(withdrawnClass))
    defs.push(
      `classDef ${withdrawnClass} fill:#eeeeee,stroke:#8a8a8a,stroke-width:2px,stroke-dasharray:6 4,color:#6b6b6b`,
    );
  if (used.has(unreachableClass))
    defs.push(
      `classDef ${unreachableClass} fill:#ffffff,stroke:#c50f1f,stroke-width:2px,stroke-dasharray:3 3,color:#111`,
    );
  lines.push(...defs);
  for (const [className, ids] of assignments) lines.push(`class ${ids.join(',')} ${className}`);

  // Edges a client's traffic takes wear its PoP's colour (linkStyle counts edges in document order).
  const edgesByPair = new Map<string, number[]>();
  for (const edge of model.edges) {
    for (const key of [`${edge.from}\u0000${edge.to}`, `${edge.to}\u0000${edge.from}`]) {
      const list = edgesByPair.get(key) ?? [];
      list.push(edge.index);
      edgesByPair.set(key, list);
    }
  }
  const routeColor = new Map<number, number>();
  for (const node of nodes) {
    if (node.role !== 'client' || node.color === undefined || !node.path) continue;
    for (let i = 0; i + 1 < node.path.length; i++) {
      for (const index of edgesByPair.get(`${node.path[i]}\u0000${node.path[i + 1]}`) ?? [])
        routeColor.set(index, node.color % paletteSize);
    }
  }
  for (const [index, slot] of [...routeColor].sort((x, y) => x[0] - y[0])) {
    lines.push(`linkStyle ${index} stroke:${mermaidPalette[slot]!.stroke},stroke-width:3px`);
  }

  if ((options.legend ?? true) && annotation.legend.length > 0) {
    const legendId = freshId('anycastLegend', taken);
    const title = annotation.headline ? `Catchments · ${annotation.headline}` : 'Catchments';
    lines.push(`subgraph ${legendId}[${quoteLabel(title)}]`);
    const legendIds: string[] = [];
    annotation.legend.forEach((entry, i) => {
      const id = freshId(`${legendId}_${i}`, taken);
      legendIds.push(id);
      const figures = entry.withdrawn ? 'withdrawn' : `${plural(entry.clients, 'client')} · ${percent(entry.share)}`;
      // Every legend PoP is also a diagram node, so its class is already defined above.
      const className = entry.withdrawn ? withdrawnClass : popClass[entry.color % paletteSize]!;
      lines.push(`  ${id}[${quoteLabel(`${entry.label}: ${figures}`)}]:::${className}`);
    });
    const names = new Map(model.nodes.map((n) => [n.id, n.name]));
    const movedNodes = nodes.filter((n) => n.moved);
    if (movedNodes.length > 0) {
      const text = movedNodes
        .map((n) => `${names.get(n.id) ?? n.id} → ${(n.pop && names.get(n.pop)) ?? n.pop ?? '?'}`)
        .join('\n');
      const id = freshId(`${legendId}_moved`, taken);
      legendIds.push(id);
      lines.push(`  ${id}[${quoteLabel(`Moved:\n${text}`)}]`);
    }
    const unreachable = nodes.filter((n) => n.unreachable);
    if (unreachable.length > 0) {
      const text = unreachable.map((n) => names.get(n.id) ?? n.id).join('\n');
      const id = freshId(`${legendId}_unreachable`, taken);
      legendIds.push(id);
      lines.push(`  ${id}[${quoteLabel(`No PoP reachable:\n${text}`)}]:::${unreachableClass}`);
    }
    // Invisible links keep the entries in legend order (mermaid places unlinked nodes as it likes).
    if (legendIds.length > 1) lines.push(`  ${legendIds.join(' ~~~ ')}`);
    lines.push('end');
  }
  const base = text.endsWith('\n') ? text : `${text}\n`;
  return `${base}${lines.join('\n')}\n`;
}
