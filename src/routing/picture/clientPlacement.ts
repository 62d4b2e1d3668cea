/**
 * Keeps each client beside its access AS in the preview's layout. A client placed by metadata
 * (`C@{ in: E }`) has no edge to lay out, so mermaid would put it anywhere (in a far column of
 * strays); one invisible link per such client, in the layout text only and never in the user's
 * file, draws it next to its AS. Pure.
 */
import { mermaidMaxEdges } from '../../language/meaning/mermaidLimits';
import type { DocumentModel } from '../../language/meaning/model';

/** `text` with an invisible link from each client placed by `in:` to its AS, unless that would pass mermaid's edge limit. */
export function withClientsByTheirAs(text: string, model: DocumentModel): string {
  const linked = new Set(model.edges.flatMap((e) => [`${e.from}\u0000${e.to}`, `${e.to}\u0000${e.from}`]));
  const ids = new Set(model.nodes.map((n) => n.id));
  const links = model.nodes
    .filter((n) => n.role === 'client' && n.inAs !== undefined && ids.has(n.inAs.value))
    .filter((n) => !linked.has(`${n.id}\u0000${n.inAs!.value}`))
    .map((n) => `  ${n.id} ~~~ ${n.inAs!.value}`);
  if (links.length === 0 || model.edges.length + links.length > mermaidMaxEdges) return text;
  const base = text.endsWith('\n') ? text : `${text}\n`;
  return `${base}  %% Layout only (Anycast Topology): each client beside its access AS.\n${links.join('\n')}\n`;
}
