/**
 * From syntax to meaning: builds the DocumentModel (roles, ASNs, locations, prefixes, sessions and
 * policy, each fact with its source and range) and the diagnostics about it. Pure and linear apart
 * from "did you mean" suggestions, which are computed for a bounded number of problems.
 */
import type { Community, TieBreakModel } from '../../engine/types';
import { greatCircleKm } from '../../engine/geo';
import { cidrContains, parseAddress, parseCidr } from '../../engine/prefix';
import { readEdgeLabel } from './edgeLabels';
import type { RelationshipWord } from './edgeLabels';
import type { Read } from './facts';
import {
  asnNote,
  closestNames,
  readAddress,
  readAsn,
  readCommunity,
  readInteger,
  readLocation,
  readPrefix,
  readWeight,
} from './facts';
import { labelLines, readLabel } from './labels';
import type { MetadataEntry } from '../syntax/metadata';
import { mermaidEdgeKeys, mermaidNodeKeys, readMetadata, scalarSpans, splitCommas } from '../syntax/metadata';
import { MERMAID_SHAPES } from '../syntax/mermaidShapes';
import type {
  AdminState,
  Direction,
  DocumentModel,
  DocumentSettings,
  EdgeMeaning,
  EdgeModel,
  Fact,
  FactSource,
  LocationFact,
  NodeModel,
  NodeRole,
  NodeShape,
  SessionPolicy,
  SubgraphModel,
} from './model';
import { checkProviderCycles, checkReachability, checkResolution } from './graphChecks';
import type { SyntaxDocument, SyntaxEdge, SyntaxNode, SyntaxSubgraph } from '../syntax/flowchart';
import { parseSyntax } from '../syntax/flowchart';
import type { Span } from '../text';
import { LineMap } from '../text';
import type { Diagnostic, Range, Severity } from '../types';
import type { YamlValue } from '../syntax/yaml';
import { entryOf, parseBlock } from '../syntax/yaml';

/** "Did you mean" costs a scan of the candidates; beyond this many problems we skip it to stay linear. */
const maxSuggestionLookups = 200;

/** First private ASN (RFC 6996), given to PoPs and ASes that state none. */
const firstPrivateAsn = 64512;

const nodeKeys = [
  'role',
  'asn',
  'name',
  'loc',
  'location',
  'locations',
  'lat',
  'lon',
  'announce',
  'announces',
  'prefixes',
  'prefix',
  'communities',
  'community',
  'prepend',
  'state',
  'weight',
  'in',
  'address',
];
const edgeKeys = [
  'rel',
  'relationship',
  'prepend',
  'lp',
  'localPref',
  'local-pref',
  'med',
  'communities',
  'community',
  'cost',
  'state',
];
const roleNames: Readonly<Record<NodeRole, string>> = {
  pop: 'PoP',
  as: 'AS',
  client: 'client',
  service: 'service',
  narrative: 'narrative',
};

/** Which roles each anycast metadata key means something for. */
const keyRoles: Readonly<Record<string, readonly NodeRole[]>> = {
  asn: ['pop', 'as'],
  loc: ['pop', 'as', 'client'],
  location: ['pop', 'as', 'client'],
  locations: ['pop', 'as', 'client'],
  lat: ['pop', 'as', 'client'],
  lon: ['pop', 'as', 'client'],
  announce: ['pop'],
  announces: ['pop'],
  prefixes: ['pop'],
  prefix: ['pop'],
  prepend: ['pop'],
  communities: ['pop'],
  community: ['pop'],
  state: ['pop', 'as'],
  weight: ['client'],
  in: ['client'],
  address: ['service'],
};
const anycastKeys = ['service', 'address', 'prefixes', 'prefix', 'tieBreak', 'tie-break', 'seed', 'weight'];
const tieBreakModels: readonly TieBreakModel[] = ['lowest-neighbor-asn', 'router-id', 'oldest', 'random'];

const roleWords: Record<string, NodeRole> = {
  pop: 'pop',
  pops: 'pop',
  site: 'pop',
  node: 'pop',
  as: 'as',
  transit: 'as',
  isp: 'as',
  ix: 'as',
  ixp: 'as',
  access: 'as',
  provider: 'as',
  upstream: 'as',
  carrier: 'as',
  network: 'as',
  tier1: 'as',
  client: 'client',
  clients: 'client',
  user: 'client',
  users: 'client',
  eyeball: 'as',
  eyeballs: 'as',
  resolver: 'client',
  resolvers: 'client',
  service: 'service',
  anycast: 'service',
  vip: 'service',
  narrative: 'narrative',
  note: 'narrative',
  none: 'narrative',
};

const stateWords: Record<string, AdminState> = {
  up: 'up',
  announced: 'up',
  active: 'up',
  down: 'down',
  withdrawn: 'down',
  failed: 'down',
  shutdown: 'down',
};

interface Draft {
  readonly id: string;
  idSpan: Span;
  /** True once an occurrence with a label was seen: that one is the definition. */
  defined: boolean;
  readonly refs: Span[];
  label?: Span;
  labelQuoted: boolean;
  shape: NodeShape;
  readonly classes: Span[];
  metadataSpan?: Span;
  readonly metadata: MetadataEntry[];
  subgraph?: string;
}

type MutableNode = { -readonly [K in keyof NodeModel]: NodeModel[K] };

class Analyzer {
  readonly lines: LineMap;
  readonly diagnostics: Diagnostic[] = [];
  private suggestionBudget = maxSuggestionLookups;
  private readonly inferred: { message: string; range: Range }[] = [];
  /** PoPs that wrote prefixes, even invalid ones (already reported), so "announces nothing" is not said twice. */
  private readonly announceWritten = new Set<string>();

  private readonly subgraphsById: Map<string, SyntaxSubgraph>;

  constructor(
    readonly text: string,
    readonly syntax: SyntaxDocument,
  ) {
    this.lines = new LineMap(text);
    this.subgraphsById = new Map(syntax.subgraphs.map((s) => [s.id.text, s]));
  }

  range(span: { start: number; end: number }): Range {
    return this.lines.range(span.start, span.end);
  }

  report(
    span: { start: number; end: number },
    severity: Severity,
    code: string,
    message: string,
    suggestions?: readonly string[],
  ): void {
    this.reportAt(this.range(span), severity, code, message, suggestions);
  }

  reportAt(range: Range, severity: Severity, code: string, message: string, suggestions?: readonly string[]): void {
    if (!suggestions || suggestions.length === 0) {
      this.diagnostics.push({ range, severity, code, message });
      return;
    }
    const alreadySaid = /did you mean/i.test(message) || suggestions.every((s) => message.includes(s));
    const said = alreadySaid ? message : `${message} (did you mean ${suggestions.map((s) => `'${s}'`).join(', ')}?)`;
    this.diagnostics.push({ range, severity, code, message: said, suggestions });
  }

  /** Reports a failed read and returns the value of a good one. */
  take<T>(read: Read<T>, span: Span, severity: Severity = 'error'): T | undefined {
    if (read.ok) return read.value;
    this.report(span, severity, read.code, read.message, read.suggestions);
    return undefined;
  }

  suggest(name: string, known: Iterable<string>): string[] {
    if (this.suggestionBudget <= 0) return [];
    this.suggestionBudget--;
    return closestNames(name, known);
  }

  fact<T>(value: T, span: Span, source: FactSource): Fact<T> {
    return { value, range: this.range(span), source };
  }

  infer(span: Span, message: string): void {
    this.inferred.push({ message, range: this.range(span) });
  }

  run(): { model: DocumentModel; diagnostics: Diagnostic[] } {
    for (const e of this.syntax.errors) this.report(e, 'error', e.code, e.message, e.suggestions);
    const settings = this.readFrontMatter();
    const edgeIds = new Map<string, Span>();
    for (const e of this.syntax.edges) {
      if (!e.id) continue;
      if (edgeIds.has(e.id.text))
        this.report(e.id, 'error', 'duplicate-id', `Edge id '${e.id.text}' is already used by another edge`);
      else edgeIds.set(e.id.text, e.id);
    }
    const subgraphIds = new Set(this.syntax.subgraphs.map((s) => s.id.text));
    const { drafts, edgeMetadata } = this.collectNodes(edgeIds, subgraphIds);
    const nodes = this.buildNodes(drafts, settings);
    const byId = new Map(nodes.map((n) => [n.id, n]));
    this.checkReferences(byId, edgeIds, subgraphIds);
    const edges = this.buildEdges(byId, edgeMetadata);
    const implicitTransit = !edges.some((e) => e.meaning.kind === 'session');
    this.fillDefaults(nodes, edges, implicitTransit);
    const finalSettings = this.inferService(nodes, settings);
    this.checkPrefixes(nodes, finalSettings);
    checkProviderCycles(this, nodes, edges);
    const unreachable = checkReachability(this, nodes, edges, implicitTransit);
    for (const i of this.inferred)
      this.diagnostics.push({ range: i.range, severity: 'hint', code: 'inferred', message: i.message });
    const header = this.syntax.header;
    const dir = header?.direction?.text;
    const direction: Direction | undefined =
      dir === 'TD' || dir === 'TB' || dir === 'BT' || dir === 'LR' || dir === 'RL' ? dir : undefined;
    const subgraphs: SubgraphModel[] = this.syntax.subgraphs.map((s) => ({
      id: s.id.text,
      idRange: this.range(s.id),
      title: s.title.text,
      range: this.lines.range(s.start, s.end),
      ...(s.parent !== undefined ? { parent: s.parent } : {}),
    }));
    const model: DocumentModel = {
      ...(direction ? { direction } : {}),
      ...(header
        ? { headerRange: this.lines.range(header.keyword.start, header.direction?.end ?? header.keyword.end) }
        : {}),
      ...(this.syntax.frontMatter
        ? { frontMatterRange: this.lines.range(0, this.syntax.frontMatterEnd ?? this.syntax.frontMatter.end) }
        : {}),
      settings: finalSettings,
      nodes,
      edges,
      subgraphs,
      classDefs: this.syntax.classDefs.flatMap((c) => c.names.map((n) => ({ name: n.text, range: this.range(n) }))),
      implicitTransit,
      inferred: this.inferred,
    };
    checkResolution(this, model, unreachable);
    this.diagnostics.sort(
      (a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character,
    );
    return { model, diagnostics: this.diagnostics };
  }

  private readFrontMatter(): DocumentSettings {
    const fm = this.syntax.frontMatter;
    const empty: DocumentSettings = { prefixes: [] };
    if (!fm) return empty;
    const { value, errors } = parseBlock(this.text, fm.start, fm.end);
    const prefixes: Fact<string>[] = [];
    const settings: { -readonly [K in keyof DocumentSettings]: DocumentSettings[K] } = { prefixes };
    if (!value) return empty;
    if (value.kind !== 'map') {
      this.report(value, 'error', 'front-matter', 'Front matter must be key: value pairs (title:, anycast:, config:)');
      return empty;
    }
    const anycast = entryOf(value, 'anycast');
    // Only the anycast block is ours to judge; YAML elsewhere is mermaid's (and ours reads a subset).
    const nextKey = anycast ? value.entries.find((x) => x.key.start > anycast.key.start) : undefined;
    for (const e of errors) {
      const inside = anycast && e.start >= anycast.key.start && (!nextKey || e.start < nextKey.key.start);
      if (inside || e.start < (value.entries[0]?.key.start ?? 0)) this.report(e, 'error', 'front-matter', e.message);
    }
    const title = entryOf(value, 'title');
    const titleSpan = scalarSpans(title?.value)[0];
    if (titleSpan) settings.title = this.fact(titleSpan.text, titleSpan, 'front-matter');
    if (!anycast) return settings;
    if (!anycast.value || anycast.value.kind !== 'map') {
      this.report(anycast.key, 'error', 'front-matter', "'anycast:' must hold settings such as service: and prefixes:");
      return settings;
    }
    for (const entry of anycast.value.entries) {
      const spans = scalarSpans(entry.value);
      const first = spans[0];
      switch (entry.key.text) {
        case 'service':
        case 'address': {
          if (!first) break;
          const address = this.take(readAddress(first.text), first);
          if (address !== undefined) settings.serviceAddress = this.fact(address, first, 'front-matter');
          break;
        }
        case 'prefixes':
        case 'prefix':
          for (const s of spans.flatMap(splitCommas)) {
            const p = this.take(readPrefix(s.text), s);
            if (p !== undefined) prefixes.push(this.fact(p, s, 'front-matter'));
          }
          break;
        case 'tieBreak':
        case 'tie-break': {
          if (!first) break;
          const model = tieBreakModels.find((m) => m === first.text);
          if (model) settings.tieBreak = this.fact(model, first, 'front-matter');
          else
            this.report(
              first,
              'error',
              'invalid-setting',
              `Unknown tie-break model '${first.text}': use ${tieBreakModels.join(', ')}`,
              this.suggest(first.text, tieBreakModels),
            );
          break;
        }
        case 'seed': {
          if (!first) break;
          const seed = this.take(readInteger(first.text, 'The tie-break seed', 0, 2 ** 32 - 1), first);
          if (seed !== undefined) settings.tieBreakSeed = this.fact(seed, first, 'front-matter');
          break;
        }
        case 'weight': {
          if (!first) break;
          const w = this.take(readWeight(first.text), first);
          if (w !== undefined) settings.defaultWeight = this.fact(w, first, 'front-matter');
          break;
        }
        default:
          this.report(
            entry.key,
            'warning',
            'unknown-key',
            `Unknown anycast setting '${entry.key.text}' (known: ${anycastKeys.join(', ')})`,
            this.suggest(entry.key.text, anycastKeys),
          );
      }
    }
    return settings;
  }

  private collectNodes(
    edgeIds: Map<string, Span>,
    subgraphIds: Set<string>,
  ): { drafts: Draft[]; edgeMetadata: Map<string, { span: Span; entries: MetadataEntry[] }> } {
    const drafts = new Map<string, Draft>();
    const edgeMetadata = new Map<string, { span: Span; entries: MetadataEntry[] }>();
    const readMeta = (span: Span): MetadataEntry[] => {
      const { entries, errors } = readMetadata(this.text, span);
      for (const e of errors) this.report(e, 'error', 'metadata-syntax', `Metadata: ${e.message}`);
      return entries;
    };
    for (const occurrence of this.syntax.nodes) {
      const id = occurrence.id.text;
      if (edgeIds.has(id)) {
        if (occurrence.alone && occurrence.metadata && !occurrence.label) {
          const previous = edgeMetadata.get(id);
          const entries = readMeta(occurrence.metadata);
          edgeMetadata.set(id, { span: occurrence.metadata, entries: [...(previous?.entries ?? []), ...entries] });
        } else {
          this.report(
            occurrence.id,
            'error',
            'duplicate-id',
            `'${id}' is already an edge id; a node needs a different id`,
          );
        }
        continue;
      }
      if (subgraphIds.has(id) && !occurrence.label && !occurrence.metadata) continue;
      let draft = drafts.get(id);
      if (!draft) {
        draft = {
          id,
          idSpan: occurrence.id,
          defined: false,
          refs: [],
          labelQuoted: false,
          shape: 'none',
          classes: [],
          metadata: [],
        };
        drafts.set(id, draft);
      }
      this.mergeOccurrence(draft, occurrence, readMeta);
    }
    for (const assign of this.syntax.classAssigns) {
      for (const idSpan of assign.ids) {
        const draft = drafts.get(idSpan.text);
        if (draft) {
          draft.refs.push(idSpan);
          draft.classes.push(assign.className);
        }
      }
    }
    for (const ref of this.syntax.idReferences) drafts.get(ref.text)?.refs.push(ref);
    return { drafts: [...drafts.values()], edgeMetadata };
  }

  private mergeOccurrence(draft: Draft, occurrence: SyntaxNode, readMeta: (span: Span) => MetadataEntry[]): void {
    draft.refs.push(occurrence.id);
    if (occurrence.label) {
      if (draft.label && draft.label.text !== occurrence.label.text) {
        this.report(
          occurrence.label,
          'warning',
          'redefined-node',
          `Node '${draft.id}' was already given the label '${draft.label.text}'; mermaid shows this later one`,
        );
      }
      draft.label = occurrence.label;
      draft.labelQuoted = occurrence.labelQuoted;
      draft.shape = occurrence.shape;
      if (!draft.defined) {
        draft.idSpan = occurrence.id;
        draft.defined = true;
      }
    } else if (occurrence.shape === 'metadata' && draft.shape === 'none') {
      draft.shape = 'metadata';
    }
    if (occurrence.metadata) {
      draft.metadataSpan = occurrence.metadata;
      draft.metadata.push(...readMeta(occurrence.metadata));
    }
    draft.classes.push(...occurrence.classes);
    if (draft.subgraph === undefined && occurrence.subgraph !== undefined) draft.subgraph = occurrence.subgraph;
  }

  private buildNodes(drafts: readonly Draft[], settings: DocumentSettings): MutableNode[] {
    return drafts.map((d) => this.buildNode(d, settings));
  }

  private buildNode(d: Draft, settings: DocumentSettings): MutableNode {
    const meta = new Map<string, MetadataEntry>();
    for (const entry of d.metadata) {
      const key = entry.key.text;
      if (!nodeKeys.includes(key) && !mermaidNodeKeys.has(key)) {
        this.report(
          entry.key,
          'warning',
          'unknown-key',
          `Unknown metadata key '${key}'; mermaid ignores it and so does the routing`,
          this.suggest(key, nodeKeys),
        );
        continue;
      }
      meta.set(key, entry);
    }
    const shapeSpan = scalarSpans(meta.get('shape')?.value)[0];
    if (shapeSpan && !MERMAID_SHAPES.has(shapeSpan.text)) {
      const lower = shapeSpan.text.toLowerCase().replace(/_/g, '-');
      const fix = MERMAID_SHAPES.has(lower) ? [lower] : this.suggest(shapeSpan.text, MERMAID_SHAPES);
      this.report(
        shapeSpan,
        'error',
        'invalid-shape',
        `Mermaid has no shape '${shapeSpan.text}' and refuses to render the diagram (shape names are lowercase, with '-')`,
        fix,
      );
    }
    const metaLabel = scalarSpans(meta.get('label')?.value)[0];
    const labelSpan = metaLabel ?? d.label;
    const labelFacts = labelSpan ? readLabel(this.stripMarkdown(labelSpan)) : { prefixes: [] };

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
        this.report(
          roleSpan,
          'error',
          'invalid-role',
          `Unknown role '${roleSpan.text}': use pop, as (or transit, access, ix), client, service or narrative`,
          this.suggest(roleSpan.text, Object.keys(roleWords)),
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
    const enclosingAs = this.enclosingAs(d.subgraph);
    if (roleSource === 'default' && enclosingAs && !meta.has('announce') && !meta.has('in') && !meta.has('weight')) {
      role = 'as';
      roleSource = 'subgraph';
    }
    if (roleSource === 'default') {
      if (meta.has('announce') || meta.has('announces') || meta.has('prefixes') || meta.has('prefix')) role = 'pop';
      else if (meta.has('in') || meta.has('weight')) role = 'client';
      else if (meta.has('address')) role = 'service';
      else if (meta.has('asn')) role = 'as';
      if (role !== 'narrative') roleSource = 'metadata';
    }

    const label = labelSpan ? this.displayLabel(labelSpan) : d.id;
    const nameSpan = scalarSpans(meta.get('name')?.value)[0];
    const name = nameSpan?.text ?? labelFacts.name?.text ?? labelFacts.firstLine?.text ?? d.id;

    const node: MutableNode = {
      id: d.id,
      idRange: this.range(d.idSpan),
      references: d.refs.map((r) => this.range(r)),
      label,
      ...(labelSpan ? { labelRange: this.range(labelSpan) } : {}),
      shape: d.shape,
      classes: d.classes.map((c) => c.text),
      ...(d.metadataSpan ? { metadataRange: this.range(d.metadataSpan) } : {}),
      ...(d.subgraph !== undefined ? { subgraph: d.subgraph } : {}),
      role,
      roleSource,
      name,
      locations: [],
      announces: [],
      communities: [],
      state: undefined,
    };
    for (const [key, entry] of meta) {
      const roles = keyRoles[key];
      if (!roles || roles.includes(role)) continue;
      const hint =
        key.startsWith('communit') && role === 'as'
          ? ': for an AS, put communities on its edge (-->|transit 65000:1|)'
          : '';
      this.report(
        entry.key,
        'warning',
        'unused-key',
        `'${key}' means nothing on this ${roleNames[role]} node (it is for ${roles.map((r) => roleNames[r]).join(', ')} nodes)${hint}`,
      );
    }
    if (role === 'narrative') return node;

    // ASN
    const asnSpan = scalarSpans(meta.get('asn')?.value)[0];
    if (asnSpan) {
      const asn = this.take(readAsn(asnSpan.text), asnSpan);
      if (asn !== undefined) node.asn = this.fact(asn, asnSpan, 'metadata');
    } else if (labelFacts.asn && (role === 'as' || role === 'pop')) {
      const asn = this.take(readAsn(labelFacts.asn.text), labelFacts.asn);
      if (asn !== undefined) node.asn = this.fact(asn, labelFacts.asn, 'label');
    } else if (role === 'as' && /^AS\d+$/i.test(d.id)) {
      const asn = this.take(readAsn(d.id), d.idSpan);
      if (asn !== undefined) node.asn = this.fact(asn, d.idSpan, 'id');
    } else if (enclosingAs && (role === 'as' || role === 'pop')) {
      node.asn = this.fact(enclosingAs.asn, enclosingAs.span, 'subgraph');
      if (role === 'as') node.asName = enclosingAs.name;
    }
    if (node.asn) {
      const note = asnNote(node.asn.value);
      if (note)
        this.diagnostics.push({ range: node.asn.range, severity: 'warning', code: 'reserved-asn', message: note });
    }

    // Locations: metadata wins; then label conventions; then the id or name if the gazetteer knows it.
    // A router drawn inside an AS subgraph is usually labelled with just its place (`C1[IAD]`).
    const placeLabel =
      roleSource === 'subgraph' && labelFacts.firstLine && readLocation(labelFacts.firstLine.text).ok
        ? labelFacts.firstLine
        : labelFacts.location;
    node.locations = this.readLocations(d, meta, placeLabel, role);

    if (role === 'pop') {
      const announce = meta.get('announce') ?? meta.get('announces') ?? meta.get('prefixes') ?? meta.get('prefix');
      const spans = announce ? scalarSpans(announce.value).flatMap(splitCommas) : labelFacts.prefixes;
      const source: FactSource = announce ? 'metadata' : 'label';
      if (spans.length > 0) this.announceWritten.add(d.id);
      node.announces = spans.flatMap((s) => {
        const p = this.take(readPrefix(s.text), s);
        return p === undefined ? [] : [this.fact(p, s, source)];
      });
      if (node.announces.length === 0 && settings.prefixes.length > 0)
        node.announces = settings.prefixes.map((p) => ({ ...p, source: 'front-matter' as const }));
      const prepend = scalarSpans(meta.get('prepend')?.value)[0];
      if (prepend) {
        const n = this.take(readInteger(prepend.text, 'Prepend count', 0, 32), prepend);
        if (n !== undefined) node.prepend = this.fact(n, prepend, 'metadata');
      }
    }
    const communities = meta.get('communities') ?? meta.get('community');
    if (role === 'pop') {
      node.communities = scalarSpans(communities?.value)
        .flatMap(splitCommas)
        .flatMap((s) => {
          const c = this.take(readCommunity(s.text), s);
          return c === undefined ? [] : [this.fact<Community>(c, s, 'metadata')];
        });
    }
    const stateSpan = scalarSpans(meta.get('state')?.value)[0];
    if (stateSpan) {
      const state = stateWords[stateSpan.text.toLowerCase()];
      if (state) node.state = this.fact(state, stateSpan, 'metadata');
      else
        this.report(
          stateSpan,
          'error',
          'invalid-state',
          `Unknown state '${stateSpan.text}': use up or down (withdrawn)`,
          this.suggest(stateSpan.text, Object.keys(stateWords)),
        );
    }
    if (role === 'client') {
      const weightSpan = scalarSpans(meta.get('weight')?.value)[0];
      if (weightSpan) {
        const w = this.take(readWeight(weightSpan.text), weightSpan);
        if (w !== undefined) node.weight = this.fact(w, weightSpan, 'metadata');
      } else if (settings.defaultWeight) {
        node.weight = settings.defaultWeight;
      }
      const inSpan = scalarSpans(meta.get('in')?.value)[0];
      if (inSpan) node.inAs = this.fact(inSpan.text, inSpan, 'metadata');
    }
    if (role === 'service') {
      const addrSpan = scalarSpans(meta.get('address')?.value)[0] ?? labelFacts.address;
      if (addrSpan) {
        const address = this.take(readAddress(addrSpan.text), addrSpan);
        if (address !== undefined)
          node.address = this.fact(address, addrSpan, addrSpan === labelFacts.address ? 'label' : 'metadata');
      }
    }
    return node;
  }

  /** The AS named by the nearest enclosing subgraph titled like `AS174 Cogent`, if any. */
  private enclosingAs(subgraph: string | undefined): { asn: number; span: Span; name: string } | undefined {
    const seen = new Set<string>();
    for (let id = subgraph; id !== undefined && !seen.has(id);) {
      seen.add(id);
      const s = this.subgraphsById.get(id);
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

  /** A markdown string "`text`" keeps its inner text. */
  private stripMarkdown(span: Span): Span {
    if (span.text.length >= 2 && span.text.startsWith('`') && span.text.endsWith('`'))
      return { text: span.text.slice(1, -1), start: span.start + 1, end: span.end - 1 };
    return span;
  }

  private displayLabel(span: Span): string {
    return labelLines(this.stripMarkdown(span))
      .map((l) => l.text)
      .join('\n');
  }

  private readLocations(
    d: Draft,
    meta: Map<string, MetadataEntry>,
    fromLabel: Span | undefined,
    role: NodeRole,
  ): LocationFact[] {
    if (role === 'service') return [];
    const lat = scalarSpans(meta.get('lat')?.value)[0];
    const lon = scalarSpans(meta.get('lon')?.value)[0];
    if (lat || lon) {
      if (!lat || !lon) {
        this.report((lat ?? lon) as Span, 'error', 'invalid-location', "Give both 'lat' and 'lon'");
        return [];
      }
      const span: Span = {
        text: `${lat.text},${lon.text}`,
        start: Math.min(lat.start, lon.start),
        end: Math.max(lat.end, lon.end),
      };
      const placed = this.take(readLocation(span.text), span);
      return placed
        ? [
            {
              text: span.text,
              range: this.range(span),
              source: 'metadata',
              kind: placed.kind,
              point: placed.point,
              resolvedName: placed.resolvedName,
            },
          ]
        : [];
    }
    const locEntry = meta.get('loc') ?? meta.get('location') ?? meta.get('locations');
    if (locEntry?.value) {
      return this.locationsFromValue(locEntry.value);
    }
    if (fromLabel) {
      const placed = readLocation(fromLabel.text);
      if (placed.ok)
        return [
          {
            text: fromLabel.text,
            range: this.range(fromLabel),
            source: 'label',
            kind: placed.value.kind,
            point: placed.value.point,
            resolvedName: placed.value.resolvedName,
          },
        ];
      // The id may still place it (`IAD[PoP: Main]`).
      const byId = readLocation(d.id);
      if (byId.ok)
        return [
          {
            text: d.id,
            range: this.range(d.idSpan),
            source: 'id',
            kind: byId.value.kind,
            point: byId.value.point,
            resolvedName: byId.value.resolvedName,
          },
        ];
      this.report(
        fromLabel,
        'warning',
        placed.code,
        `${placed.message} (read from the label; give 'loc' in @{ } metadata to be exact)`,
        placed.suggestions,
      );
      return [{ text: fromLabel.text, range: this.range(fromLabel), source: 'label', kind: 'unknown' }];
    }
    // IATA-style ids (`IAD`, `LHR`) place PoPs and clients without any label convention.
    if (/^[A-Z]{3}\d?$/.test(d.id) || /^[a-z]{3}\d?$/.test(d.id)) {
      const code = d.id.slice(0, 3).toUpperCase();
      const placed = readLocation(code);
      if (placed.ok && placed.value.kind === 'airport') {
        return [
          {
            text: code,
            range: this.range(d.idSpan),
            source: 'id',
            kind: placed.value.kind,
            point: placed.value.point,
            resolvedName: placed.value.resolvedName,
          },
        ];
      }
    }
    return [];
  }

  private locationsFromValue(value: YamlValue): LocationFact[] {
    // `loc: [40.7, -74.0]` is one point; `loc: [IAD, LHR]` is two places.
    if (
      value.kind === 'seq' &&
      value.items.length === 2 &&
      value.items.every((i) => i.kind === 'scalar' && /^-?\d+(\.\d+)?$/.test(i.text))
    ) {
      const span: Span = {
        text: this.text.slice(value.start + 1, value.end - 1),
        start: value.start + 1,
        end: value.end - 1,
      };
      const [a, b] = value.items as [YamlValue & { text: string }, YamlValue & { text: string }];
      const text = `${a.text},${b.text}`;
      const placed = this.take(readLocation(text), span);
      return placed
        ? [
            {
              text,
              range: this.range(span),
              source: 'metadata',
              kind: placed.kind,
              point: placed.point,
              resolvedName: placed.resolvedName,
            },
          ]
        : [];
    }
    return scalarSpans(value).map((s) => {
      const placed = readLocation(s.text);
      if (placed.ok)
        return {
          text: s.text,
          range: this.range(s),
          source: 'metadata' as const,
          kind: placed.value.kind,
          point: placed.value.point,
          resolvedName: placed.value.resolvedName,
        };
      this.report(s, 'error', placed.code, placed.message, placed.suggestions);
      return { text: s.text, range: this.range(s), source: 'metadata' as const, kind: 'unknown' as const };
    });
  }

  private checkReferences(byId: Map<string, NodeModel>, edgeIds: Map<string, Span>, subgraphIds: Set<string>): void {
    const known = (id: string): boolean => byId.has(id) || edgeIds.has(id) || subgraphIds.has(id);
    const refs = [...this.syntax.idReferences, ...this.syntax.classAssigns.flatMap((c) => c.ids)];
    for (const ref of refs) {
      if (!known(ref.text))
        this.report(
          ref,
          'warning',
          'unknown-id',
          `No node, edge or subgraph has the id '${ref.text}'`,
          this.suggest(ref.text, byId.keys()),
        );
    }
    const edgeCount = this.syntax.edges.length;
    for (const ls of this.syntax.linkStyles) {
      for (const index of ls.indexes) {
        const n = Number(index.text);
        if (!Number.isInteger(n) || n < 0 || n >= edgeCount) {
          this.report(
            index,
            'error',
            'unknown-edge-index',
            `linkStyle ${index.text}: the diagram has ${edgeCount} edge${edgeCount === 1 ? '' : 's'}, numbered 0 to ${edgeCount - 1}; mermaid refuses to render this`,
          );
        }
      }
    }
    const subgraphSeen = new Set<string>();
    for (const s of this.syntax.subgraphs) {
      if (subgraphSeen.has(s.id.text))
        this.report(s.id, 'error', 'duplicate-id', `Subgraph id '${s.id.text}' is used twice`);
      subgraphSeen.add(s.id.text);
    }
  }

  private buildEdges(
    byId: Map<string, MutableNode>,
    edgeMetadata: Map<string, { span: Span; entries: MetadataEntry[] }>,
  ): EdgeModel[] {
    return this.syntax.edges.map((e, index) => this.buildEdge(e, index, byId, edgeMetadata));
  }

  private buildEdge(
    e: SyntaxEdge,
    index: number,
    byId: Map<string, MutableNode>,
    edgeMetadata: Map<string, { span: Span; entries: MetadataEntry[] }>,
  ): EdgeModel {
    const meta = e.id ? edgeMetadata.get(e.id.text) : undefined;
    const base = {
      index,
      ...(e.id ? { id: e.id.text, idRange: this.range(e.id) } : {}),
      from: e.from.id.text,
      fromRange: this.range(e.from.id),
      to: e.to.id.text,
      toRange: this.range(e.to.id),
      range: this.lines.range(e.from.id.start, e.to.id.end),
      arrow: e.arrow.text,
      arrowRange: this.range(e.arrow),
      stroke: e.stroke,
      headAtStart: e.headAtStart,
      headAtEnd: e.headAtEnd,
      ...(e.label
        ? {
            label: labelLines(e.label)
              .map((l) => l.text)
              .join('\n'),
            labelRange: this.range(e.label),
          }
        : {}),
      ...(meta ? { metadataRange: this.range(meta.span) } : {}),
    };
    return { ...base, meaning: this.edgeMeaning(e, byId, meta?.entries ?? []) };
  }

  private edgeMeaning(
    e: SyntaxEdge,
    byId: Map<string, MutableNode>,
    metaEntries: readonly MetadataEntry[],
  ): EdgeMeaning {
    const reading = readEdgeLabel(e.label);
    const from = byId.get(e.from.id.text);
    const to = byId.get(e.to.id.text);
    const meta = new Map<string, MetadataEntry>();
    for (const entry of metaEntries) {
      if (!edgeKeys.includes(entry.key.text) && !mermaidEdgeKeys.has(entry.key.text)) {
        this.report(
          entry.key,
          'warning',
          'unknown-key',
          `Unknown edge metadata key '${entry.key.text}'`,
          this.suggest(entry.key.text, edgeKeys),
        );
        continue;
      }
      meta.set(entry.key.text, entry);
    }
    let rel: { word: RelationshipWord; span: Span; source: FactSource } | undefined;
    const relSpan = scalarSpans((meta.get('rel') ?? meta.get('relationship'))?.value)[0];
    if (relSpan) {
      const word = readEdgeLabel(relSpan).relationship;
      if (word) rel = { ...word, source: 'metadata' };
      else
        this.report(
          relSpan,
          'error',
          'invalid-relationship',
          `Unknown relationship '${relSpan.text}': use transit (customer to provider), customer, peer, access or ibgp`,
        );
    }
    if (!rel && reading.relationship) rel = { ...reading.relationship, source: 'label' };
    const isBgpEnd = (n: NodeModel | undefined): boolean => n?.role === 'pop' || n?.role === 'as';
    const bareOrPolicy = reading.prose.length === 0;
    const fromId = e.from.id.text;
    const toId = e.to.id.text;

    if (!rel) {
      if (from?.role === 'client' && to?.role === 'pop') return { kind: 'expectation', client: fromId, pop: toId };
      if (from?.role === 'pop' && to?.role === 'client') return { kind: 'expectation', client: toId, pop: fromId };
      if (!bareOrPolicy || !from || !to) return { kind: 'none' };
      if (isBgpEnd(from) && isBgpEnd(to)) {
        if (from.asn && to.asn && from.asn.value === to.asn.value)
          return { kind: 'igp', source: 'default', ...this.igpCost(reading.policy) };
        if (from.role === 'pop' && to.role === 'pop') return { kind: 'none' };
        const customer = from.role === 'pop' ? fromId : to.role === 'pop' ? toId : fromId;
        const provider = customer === fromId ? toId : fromId;
        this.infer(
          e.arrow,
          `Edge ${fromId} ${e.arrow.text} ${toId} has no relationship: read as '${customer}' buying transit from '${provider}' (write 'transit', 'peer' or 'customer' on it to say so)`,
        );
        return this.session(
          e,
          'customer-provider',
          customer,
          provider,
          'default',
          reading.policy,
          reading.problems,
          meta,
        );
      }
      if (from.role === 'client' && to.role === 'as')
        return { kind: 'access', client: fromId, as: toId, source: 'default' };
      if (to.role === 'client' && from.role === 'as')
        return { kind: 'access', client: toId, as: fromId, source: 'default' };
      return { kind: 'none' };
    }
    if (!from || !to) return { kind: 'none' };
    if (rel.word === 'access') {
      const client = from.role === 'client' ? from : to.role === 'client' ? to : undefined;
      const other = client === from ? to : from;
      if (!client || !isBgpEnd(other)) {
        this.report(
          rel.span,
          'warning',
          'edge-endpoints',
          `'access' puts a client in an AS: one end must be a client and the other an AS or PoP`,
        );
        return { kind: 'none' };
      }
      return { kind: 'access', client: client.id, as: other.id, source: rel.source };
    }
    for (const end of [from, to]) {
      if (!isBgpEnd(end)) {
        this.report(
          rel.span,
          'warning',
          'edge-endpoints',
          `A BGP ${rel.word === 'igp' ? 'iBGP/IGP link' : 'session'} joins PoPs and ASes, but '${end.id}' is a ${end.role} node: give it a role (e.g. @{ role: as, asn: 64500 })`,
        );
        return { kind: 'none' };
      }
    }
    if (rel.word === 'igp') {
      if (from.asn && to.asn && from.asn.value !== to.asn.value) {
        this.report(
          rel.span,
          'error',
          'igp-across-ases',
          `An IGP link joins routers of one AS, but '${fromId}' is AS${from.asn.value} and '${toId}' is AS${to.asn.value}`,
        );
      }
      return { kind: 'igp', source: rel.source, ...this.igpCost(reading.policy) };
    }
    if (from.asn && to.asn && from.asn.value === to.asn.value) {
      this.report(
        rel.span,
        'warning',
        'same-as-session',
        `'${fromId}' and '${toId}' are both AS${from.asn.value}: an eBGP relationship needs two ASes (use 'ibgp' for routers of one AS)`,
      );
    }
    if (rel.word === 'peer-peer')
      return this.session(e, 'peer-peer', fromId, toId, rel.source, reading.policy, reading.problems, meta);
    const customer = rel.word === 'customer-provider' ? fromId : toId;
    const provider = customer === fromId ? toId : fromId;
    return this.session(e, 'customer-provider', customer, provider, rel.source, reading.policy, reading.problems, meta);
  }

  private igpCost(policy: ReturnType<typeof readEdgeLabel>['policy']): { cost?: Fact<number> } {
    const cost = policy.find((p) => p.key === 'cost');
    if (!cost) return {};
    const n = this.take(readInteger(cost.value.text, 'IGP cost', 0, 1_000_000), cost.value);
    return n === undefined ? {} : { cost: this.fact(n, cost.value, 'label') };
  }

  private session(
    e: SyntaxEdge,
    relationship: 'customer-provider' | 'peer-peer',
    customer: string,
    provider: string,
    relationshipSource: FactSource,
    policyWords: ReturnType<typeof readEdgeLabel>['policy'],
    problems: ReturnType<typeof readEdgeLabel>['problems'],
    meta: Map<string, MetadataEntry>,
  ): EdgeMeaning {
    for (const p of problems) this.report(p.span, 'error', 'invalid-policy', p.message);
    const policy: { -readonly [K in keyof SessionPolicy]: SessionPolicy[K] } = { communities: [] };
    let state: Fact<AdminState> | undefined;
    const number = (
      span: Span,
      what: string,
      min: number,
      max: number,
      source: FactSource,
    ): Fact<number> | undefined => {
      const n = this.take(readInteger(span.text, what, min, max), span);
      return n === undefined ? undefined : this.fact(n, span, source);
    };
    const apply = (key: string, span: Span, source: FactSource): void => {
      switch (key) {
        case 'prepend':
          policy.prepend = number(span, 'Prepend count', 0, 32, source);
          break;
        case 'localPref':
        case 'lp':
        case 'local-pref':
          policy.localPref = number(span, 'LOCAL_PREF', 0, 4294967295, source);
          break;
        case 'med':
          policy.med = number(span, 'MED', 0, 4294967295, source);
          break;
        case 'cost':
          policy.exitCost = number(span, 'Exit cost', 0, 1_000_000, source);
          break;
        case 'community':
        case 'communities': {
          const c = this.take(readCommunity(span.text), span);
          if (c !== undefined) policy.communities = [...policy.communities, this.fact<Community>(c, span, source)];
          break;
        }
        case 'state': {
          const s = stateWords[span.text.toLowerCase()];
          if (s) state = this.fact(s, span, source);
          else this.report(span, 'error', 'invalid-state', `Unknown state '${span.text}': use up or down`);
          break;
        }
      }
    };
    for (const p of policyWords) apply(p.key, p.value, 'label');
    for (const [key, entry] of meta) {
      if (key === 'rel' || key === 'relationship' || mermaidEdgeKeys.has(key)) continue;
      for (const s of scalarSpans(entry.value).flatMap((x) => (key.startsWith('communit') ? splitCommas(x) : [x])))
        apply(key, s, 'metadata');
    }
    const bothWays = e.headAtStart === e.headAtEnd;
    return {
      kind: 'session',
      relationship,
      customer,
      provider,
      relationshipSource,
      tail: policy,
      head: bothWays ? policy : { communities: [] },
      ...(state ? { state } : {}),
    };
  }

  /** Default ASNs, client access ASes, and the hints that say what was assumed. */
  private fillDefaults(nodes: MutableNode[], edges: readonly EdgeModel[], implicitTransit: boolean): void {
    const used = new Set(nodes.flatMap((n) => (n.asn ? [n.asn.value] : [])));
    let next = firstPrivateAsn;
    const freshAsn = (): number => {
      while (used.has(next)) next++;
      used.add(next);
      return next;
    };
    for (const n of nodes) {
      if ((n.role === 'pop' || n.role === 'as') && !n.asn) {
        n.asn = { value: freshAsn(), range: n.idRange, source: 'default' };
      }
    }
    const byId = new Map(nodes.map((n) => [n.id, n]));
    for (const e of edges) {
      if (e.meaning.kind !== 'access') continue;
      const client = byId.get(e.meaning.client);
      if (client && !client.inAs)
        client.inAs = {
          value: e.meaning.as,
          range: e.range,
          source: e.meaning.source === 'default' ? 'default' : 'label',
        };
    }
    const ases = nodes.filter((n) => n.role === 'as' || n.role === 'pop');
    for (const n of nodes) {
      if (n.role !== 'client') continue;
      if (n.inAs) {
        const target = byId.get(n.inAs.value);
        if (!target) {
          this.reportAt(
            n.inAs.range,
            'error',
            'unknown-id',
            `No node has the id '${n.inAs.value}'`,
            this.suggest(
              n.inAs.value,
              ases.map((a) => a.id),
            ),
          );
          n.inAs = undefined;
        } else if (target.role !== 'as' && target.role !== 'pop') {
          this.diagnostics.push({
            range: n.inAs.range,
            severity: 'error',
            code: 'edge-endpoints',
            message: `A client sits in an AS, but '${target.id}' is a ${target.role} node`,
          });
          n.inAs = undefined;
        }
      }
      if (!n.inAs && !implicitTransit) {
        const here = n.locations.find((l) => l.point)?.point;
        let best: { node: MutableNode; km: number } | undefined;
        for (const a of ases.filter((x) => x.role === 'as')) {
          for (const l of a.locations) {
            if (!l.point || !here) continue;
            const km = greatCircleKm(here, l.point);
            if (!best || km < best.km) best = { node: a, km };
          }
        }
        if (best) {
          n.inAs = { value: best.node.id, range: n.idRange, source: 'default' };
          this.inferred.push({
            range: n.idRange,
            message: `Client '${n.id}' names no AS: placed in '${best.node.id}', the AS with the nearest router (${Math.round(best.km)} km); say 'in: ${best.node.id}' or draw '${n.id} -->|access| ${best.node.id}'`,
          });
        } else {
          this.diagnostics.push({
            range: n.idRange,
            severity: 'warning',
            code: 'client-without-as',
            message: `Client '${n.id}' is in no AS: add @{ in: <AS id> }, an edge '${n.id} -->|access| <AS>', or a location near an AS router`,
          });
        }
      }
    }
    for (const n of nodes) {
      if ((n.role === 'pop' || n.role === 'client') && n.locations.length === 0) {
        this.diagnostics.push({
          range: n.idRange,
          severity: implicitTransit ? 'warning' : 'information',
          code: 'missing-location',
          message: `${n.role === 'pop' ? 'PoP' : 'Client'} '${n.id}' has no location, so distances to it are unknown: add @{ loc: IAD } or lat,lon`,
        });
      }
      if (n.role === 'pop' && n.announces.length === 0 && !this.announceWritten.has(n.id)) {
        this.diagnostics.push({
          range: n.idRange,
          severity: 'error',
          code: 'pop-without-prefix',
          message: `PoP '${n.id}' announces no prefix: add 'Advertises 203.0.113.0/24' to its label, @{ announce: ... }, or prefixes: in the front matter`,
        });
      }
      if (n.role !== 'narrative' && n.roleSource !== 'metadata') {
        const said: string[] = [`role ${n.role} (from the ${n.roleSource})`];
        if (n.asn)
          said.push(
            n.asn.source === 'default'
              ? `private AS${n.asn.value} (assumed)`
              : `AS${n.asn.value} (from the ${n.asn.source})`,
          );
        for (const l of n.locations)
          if (l.point && l.source !== 'metadata') said.push(`location '${l.text}' = ${l.resolvedName ?? ''}`);
        for (const p of n.announces) if (p.source !== 'metadata') said.push(`announces ${p.value}`);
        if (n.address && n.address.source !== 'metadata') said.push(`service address ${n.address.value}`);
        this.inferred.push({ range: n.idRange, message: `Read from the picture: ${said.join('; ')}` });
      } else if (n.asn?.source === 'default') {
        this.inferred.push({ range: n.idRange, message: `No ASN given for '${n.id}': using private AS${n.asn.value}` });
      }
    }
    if (!implicitTransit) {
      // A PoP reaches the world through its own sessions or, over iBGP, through another router of its AS.
      const connectedAsns = new Set<number>();
      for (const e of edges) {
        if (e.meaning.kind !== 'session') continue;
        for (const id of [e.from, e.to]) {
          const asn = byId.get(id)?.asn?.value;
          if (asn !== undefined) connectedAsns.add(asn);
        }
      }
      for (const n of nodes) {
        if (n.role !== 'pop' || !n.asn || connectedAsns.has(n.asn.value)) continue;
        this.diagnostics.push({
          range: n.idRange,
          severity: 'warning',
          code: 'pop-not-connected',
          message: `PoP '${n.id}' has no BGP session and shares no ASN with a node that has one: nobody hears its announcement. Draw '${n.id} -->|transit| <AS>'`,
        });
      }
    }
    if (implicitTransit && nodes.some((n) => n.role === 'pop')) {
      const header = this.syntax.header?.keyword ?? { start: 0, end: 0 };
      this.inferred.push({
        range: this.range(header),
        message:
          "No BGP sessions are drawn: assuming one transit AS ('Internet') with a router at every PoP and client location, each PoP in its own private ASN as its customer. Routes then tie on AS path, so each client reaches the geographically nearest PoP.",
      });
    }
  }

  private inferService(nodes: readonly MutableNode[], settings: DocumentSettings): DocumentSettings {
    if (settings.serviceAddress) return settings;
    const service = nodes.find((n) => n.role === 'service' && n.address);
    if (!service?.address) return settings;
    for (const other of nodes) {
      if (
        other !== service &&
        other.role === 'service' &&
        other.address &&
        other.address.value !== service.address.value
      ) {
        this.diagnostics.push({
          range: other.address.range,
          severity: 'warning',
          code: 'several-services',
          message: `A second service address ${other.address.value}; routing uses the first, ${service.address.value} (name one in the front matter: anycast: service:)`,
        });
      }
    }
    return { ...settings, serviceAddress: service.address };
  }

  private checkPrefixes(nodes: readonly MutableNode[], settings: DocumentSettings): void {
    const service = settings.serviceAddress;
    if (!service) {
      if (nodes.some((n) => n.role === 'pop')) {
        const at = this.syntax.header?.keyword ?? { start: 0, end: 0 };
        this.report(
          at,
          'hint',
          'no-service-address',
          "No service address: add a node 'Anycast IP: 203.0.113.1' or anycast: service: in the front matter; clients follow the first announced prefix",
        );
      }
      return;
    }
    const address = parseAddress(service.value);
    if (!address.ok) return;
    for (const n of nodes) {
      if (n.role !== 'pop' || n.announces.length === 0) continue;
      const covers = n.announces.some((p) => {
        const cidr = parseCidr(p.value);
        return cidr.ok && cidrContains(cidr.value, address.value);
      });
      if (covers) continue;
      const first = n.announces[0];
      if (!first) continue;
      const family = parseCidr(first.value);
      const mismatch = family.ok && family.value.family !== address.value.family;
      const message = mismatch
        ? `PoP '${n.id}' announces IPv${family.ok ? family.value.family : ''} ${n.announces.map((p) => p.value).join(', ')} but the service address ${service.value} is IPv${address.value.family}`
        : `PoP '${n.id}' announces ${n.announces.map((p) => p.value).join(', ')}, which does not cover the service address ${service.value}: clients can never reach it there`;
      this.diagnostics.push({
        range: first.source === 'front-matter' ? n.idRange : first.range,
        severity: 'error',
        code: 'prefix-not-covering',
        message,
      });
    }
  }
}

/** Parses and analyses a whole document text. */
export function analyzeDocument(text: string): { model: DocumentModel; diagnostics: Diagnostic[] } {
  return new Analyzer(text, parseSyntax(text)).run();
}
