/**
 * What a node stands for, from the strongest evidence to the weakest: its `role:` metadata, a role
 * class, its label, an enclosing AS subgraph, and last the keys its metadata uses.
 */
import type { AnalysisContext } from './context';
import { readAsn } from './facts';
import type { LabelFacts } from './labels';
import { readLabel } from './labels';
import type { FactSource, NodeRole } from './model';
import { roleWords } from './words';
import type { Draft } from './occurrences';
import type { MetadataEntry } from '../syntax/metadata';
import { scalarSpans } from '../syntax/metadata';
import type { Span } from '../text';

/** An AS named by a subgraph title such as `AS174 Cogent`. */
export interface EnclosingAs {
  readonly asn: number;
  readonly span: Span;
  readonly name: string;
}

export interface RoleReading {
  readonly role: NodeRole;
  readonly roleSource: FactSource;
  readonly enclosingAs: EnclosingAs | undefined;
}

export function readRole(
  cx: AnalysisContext,
  d: Draft,
  meta: ReadonlyMap<string, MetadataEntry>,
  labelFacts: LabelFacts,
): RoleReading {
  let role: NodeRole = 'narrative';
  let roleSource: FactSource = 'default';
  const roleSpan = scalarSpans(meta.get('role')?.value)[0];
  const classRole = d.classes.map((c) => ({ c, r: roleWords[c.text.toLowerCase()] })).find((x) => x.r !== undefined);
  if (roleSpan) {
    const r = roleWords[roleSpan.text.toLowerCase()];
    if (r) {
      role = r;
      roleSource = 'metadata';
    } else {
      cx.report(
        roleSpan,
        'error',
        'invalid-role',
        `Unknown role '${roleSpan.text}': use pop, as (or transit, access, ix), client, service or narrative`,
        cx.suggest(roleSpan.text, Object.keys(roleWords)),
      );
    }
  }
  if (roleSource === 'default' && classRole?.r) {
    role = classRole.r;
    roleSource = 'class';
  }
  if (roleSource === 'default' && labelFacts.role) {
    role = labelFacts.role;
    roleSource = 'label';
  }
  const enclosingAs = enclosingAsOf(cx, d.subgraph);
  if (roleSource === 'default' && enclosingAs && !meta.has('announce') && !meta.has('in') && !isClientKeyed(meta)) {
    role = 'as';
    roleSource = 'subgraph';
  }
  if (roleSource === 'default') {
    role = roleFromKeys(meta);
    if (role !== 'narrative') roleSource = 'metadata';
  }
  return { role, roleSource, enclosingAs };
}

/** Keys only a client has: its traffic share or figure. */
function isClientKeyed(meta: ReadonlyMap<string, MetadataEntry>): boolean {
  return meta.has('weight') || meta.has('traffic') || meta.has('rps');
}

/** The role the metadata keys imply when nothing names one. */
function roleFromKeys(meta: ReadonlyMap<string, MetadataEntry>): NodeRole {
  if (meta.has('announce') || meta.has('announces') || meta.has('prefixes') || meta.has('prefix')) return 'pop';
  if (meta.has('capacity')) return 'pop';
  if (meta.has('in') || isClientKeyed(meta)) return 'client';
  if (meta.has('address')) return 'service';
  if (meta.has('asn')) return 'as';
  return 'narrative';
}

/** The AS named by the nearest enclosing subgraph titled like `AS174 Cogent`, if any. */
function enclosingAsOf(cx: AnalysisContext, subgraph: string | undefined): EnclosingAs | undefined {
  const seen = new Set<string>();
  for (let id = subgraph; id !== undefined && !seen.has(id);) {
    seen.add(id);
    const s = cx.subgraphsById.get(id);
    if (!s) return undefined;
    const facts = readLabel(s.title);
    if (facts.role === 'as' && facts.asn) {
      const asn = readAsn(facts.asn.text);
      return asn.ok ? { asn: asn.value, span: facts.asn, name: facts.name?.text ?? `AS${asn.value}` } : undefined;
    }
    id = s.parent;
  }
  return undefined;
}
