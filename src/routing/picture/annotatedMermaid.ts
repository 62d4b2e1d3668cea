/**
 * The routing annotation as mermaid text: the user's diagram followed by classDef/class/linkStyle
 * lines and a legend, for any stock mermaid (GitHub, GitLab, Notion). Pure and deterministic.
 */
import type { DocumentModel } from '../../language/meaning/model';
import { percent, plural } from '../words/figures';
import { mermaidMaxEdges } from '../../language/meaning/mermaidLimits';
import { failurePaint, paletteSize, slotPaint } from './palette';
import type { NodeAnnotation, RoutingAnnotation } from './routingAnnotation';

/** Options of the annotated text. */
export interface MermaidAnnotationOptions {
  /** Add the legend subgraph (PoP → catchment size and share). Default true. */
  readonly legend?: boolean;
}

/**
 * Mermaid label text: quotes, backticks and `%%` become the entities mermaid understands (a
 * backtick after the opening quote starts a markdown string, `%%{` a directive, wherever it is);
 * newlines stay visible breaks.
 */
function quoteLabel(text: string): string {
  const escaped = text
    .replace(/"/g, '#quot;')
    .replace(/`/g, '#96;')
    .replace(/%(?=%)/g, '#37;')
    .replace(/\r\n?|\n/g, '<br>');
  return `"${escaped}"`;
}

/** An id no node of the model uses, so the legend never captures a user's node. */
function freshId(base: string, taken: ReadonlySet<string>): string {
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}_${n}`;
  return id;
}

/** Our class names, each chosen so that no node, subgraph or class of the user's is captured. */
interface ClassNames {
  readonly pop: readonly string[];
  readonly client: readonly string[];
  readonly moved: readonly string[];
  readonly withdrawn: string;
  readonly unreachable: string;
}

function classNames(taken: ReadonlySet<string>): ClassNames {
  const cls = (name: string): string => freshId(`anycast${name}`, taken);
  return {
    pop: Array.from({ length: paletteSize }, (_, i) => cls(`Pop${i}`)),
    client: Array.from({ length: paletteSize }, (_, i) => cls(`Client${i}`)),
    moved: Array.from({ length: paletteSize }, (_, i) => cls(`Moved${i}`)),
    withdrawn: cls('Withdrawn'),
    unreachable: cls('Unreachable'),
  };
}

/** classDef lines for the classes used, then one `class` line per class. */
function classLines(nodes: readonly NodeAnnotation[], classes: ClassNames): string[] {
  const used = new Set<string>();
  const assignments = new Map<string, string[]>();
  const assign = (className: string, nodeId: string): void => {
    used.add(className);
    const list = assignments.get(className) ?? [];
    list.push(nodeId);
    assignments.set(className, list);
  };
  for (const node of nodes) {
    const slot = node.color === undefined ? undefined : node.color % paletteSize;
    if (node.role === 'pop') assign(node.withdrawn ? classes.withdrawn : classes.pop[slot ?? 0]!, node.id);
    else if (node.role === 'as' && node.failed) assign(classes.withdrawn, node.id);
    else if (node.role === 'client') {
      if (node.unreachable) assign(classes.unreachable, node.id);
      else if (slot !== undefined) assign((node.moved ? classes.moved : classes.client)[slot]!, node.id);
    }
  }
  const defs: string[] = [];
  for (let i = 0; i < paletteSize; i++) {
    const { stroke, popFill, clientFill, popText, clientText } = slotPaint(i, 'light');
    const client = `fill:${clientFill},stroke:${stroke},stroke-width:2px`;
    if (used.has(classes.pop[i]!))
      defs.push(`classDef ${classes.pop[i]} fill:${popFill},stroke:${stroke},stroke-width:3px,color:${popText}`);
    if (used.has(classes.client[i]!)) defs.push(`classDef ${classes.client[i]} ${client},color:${clientText}`);
    if (used.has(classes.moved[i]!))
      defs.push(`classDef ${classes.moved[i]} ${client},stroke-dasharray:6 3,color:${clientText}`);
  }
  if (used.has(classes.withdrawn))
    defs.push(
      `classDef ${classes.withdrawn} fill:#eeeeee,stroke:#8a8a8a,stroke-width:2px,stroke-dasharray:6 4,color:#6b6b6b`,
    );
  if (used.has(classes.unreachable))
    defs.push(
      `classDef ${classes.unreachable} fill:#ffffff,stroke:#c50f1f,stroke-width:2px,stroke-dasharray:3 3,color:#111`,
    );
  return [...defs, ...[...assignments].map(([className, ids]) => `class ${ids.join(',')} ${className}`)];
}

/** Edges a client's traffic takes wear its PoP's colour (linkStyle counts edges in document order). */
function linkStyleLines(
  model: DocumentModel,
  annotation: RoutingAnnotation,
  nodes: readonly NodeAnnotation[],
): string[] {
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
  const failedStroke = failurePaint('light').failedStroke;
  return [
    ...[...routeColor]
      .sort((x, y) => x[0] - y[0])
      .map(([index, slot]) => `linkStyle ${index} stroke:${slotPaint(slot, 'light').stroke},stroke-width:3px`),
    ...(annotation.failedEdges ?? []).map(
      (index) => `linkStyle ${index} stroke:${failedStroke},stroke-width:2px,stroke-dasharray:6 4`,
    ),
  ];
}

/** The legend subgraph: each PoP's catchment and load, who moved, who has no PoP. */
function legendLines(
  model: DocumentModel,
  annotation: RoutingAnnotation,
  nodes: readonly NodeAnnotation[],
  classes: ClassNames,
  taken: ReadonlySet<string>,
): string[] {
  const legendId = freshId('anycastLegend', taken);
  const title = annotation.headline ? `Catchments · ${annotation.headline}` : 'Catchments';
  const lines = [`subgraph ${legendId}[${quoteLabel(title)}]`];
  const legendIds: string[] = [];
  annotation.legend.forEach((entry, i) => {
    const id = freshId(`${legendId}_${i}`, taken);
    legendIds.push(id);
    // The load goes on a line of its own, as in the preview's legend: "40 Gbps · 62% of 64 Gbps".
    const figures = entry.withdrawn
      ? 'withdrawn'
      : [`${plural(entry.clients, 'client')} · ${percent(entry.share)}`, entry.load?.text].filter(Boolean).join('\n');
    // Every legend PoP is also a diagram node, so its class is already defined above.
    const className = entry.withdrawn ? classes.withdrawn : classes.pop[entry.color % paletteSize]!;
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
    lines.push(`  ${id}[${quoteLabel(`No PoP reachable:\n${text}`)}]:::${classes.unreachable}`);
  }
  // Invisible links keep the entries in legend order (mermaid places unlinked nodes as it likes),
  // unless they would push the file past what stock mermaid draws.
  if (legendIds.length > 1 && model.edges.length + legendIds.length - 1 <= mermaidMaxEdges)
    lines.push(`  ${legendIds.join(' ~~~ ')}`);
  lines.push('end');
  return lines;
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
  const classes = classNames(taken);
  // The preview's client groups (clientGroups.ts) are not in the user's text, which this keeps as written.
  const drawn = new Set(model.nodes.map((n) => n.id));
  const nodes = annotation.nodes.filter((n) => drawn.has(n.id));
  const lines = [
    '%% Annotated by Anycast Topology: PoP colours, catchments and the legend below.',
    ...classLines(nodes, classes),
    ...linkStyleLines(model, annotation, nodes),
    ...((options.legend ?? true) && annotation.legend.length > 0
      ? legendLines(model, annotation, nodes, classes, taken)
      : []),
  ];
  const base = text.endsWith('\n') ? text : `${text}\n`;
  return `${base}${lines.join('\n')}\n`;
}
