/**
 * One YAML text read as mermaid reads it (js-yaml, JSON schema) with the `yaml` package: our values
 * with the offset of every key and value, and what mermaid would refuse, in our words. Never throws;
 * size and nesting are bounded before anything recursive runs, and duplicate keys are found with one
 * hash lookup per key, so hostile input stays linear.
 */
import { Composer, Parser, isAlias, isMap, isScalar, isSeq } from 'yaml';
import type { CST, Document, Node as YamlNode, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import type { Span } from '../text';

export type YamlValue = YamlScalar | YamlSeq | YamlMap;

export interface YamlScalar {
  readonly kind: 'scalar';
  /** The value as written for a plain scalar; the value with quotes and escapes resolved otherwise. */
  readonly text: string;
  /** True when `start` and `end` include the quotes around the value. */
  readonly quoted: boolean;
  readonly start: number;
  readonly end: number;
}

export interface YamlSeq {
  readonly kind: 'seq';
  readonly items: readonly YamlValue[];
  readonly start: number;
  readonly end: number;
}

export interface YamlEntry {
  readonly key: Span;
  /** Undefined for `key:` with nothing after it. */
  readonly value: YamlValue | undefined;
}

export interface YamlMap {
  readonly kind: 'map';
  readonly entries: readonly YamlEntry[];
  readonly start: number;
  readonly end: number;
}

export interface YamlError {
  readonly start: number;
  readonly end: number;
  readonly message: string;
}

/** Deeper than any settings block; the readers recurse, so nesting is bounded to keep the stack safe. */
const maxDepth = 32;
/** Far longer than any front matter or metadata; the parser is linear, but not free. */
const maxLength = 100_000;

/** The tags of js-yaml's JSON schema, which mermaid uses: any other tag makes mermaid refuse the file. */
const jsonSchemaTags = new Set(
  ['str', 'seq', 'map', 'null', 'bool', 'int', 'float'].map((t) => `tag:yaml.org,2002:${t}`),
);

/** Maps an offset in the parsed source to an offset in the document. */
export type ToDocument = (offset: number) => number;

/** Reads `source`, giving every offset through `toDocument`. */
export function readYaml(
  source: string,
  toDocument: ToDocument,
): { value: YamlValue | undefined; errors: YamlError[] } {
  const errors: YamlError[] = [];
  const report = (from: number, to: number, message: string): void => {
    const start = toDocument(from);
    errors.push({ start, end: Math.max(start, toDocument(to)), message });
  };
  if (source.length > maxLength) {
    report(0, 0, `YAML longer than ${maxLength} characters is not read`);
    return { value: undefined, errors };
  }
  const bracket = firstDeepBracket(source);
  const tokens = bracket === undefined ? [...new Parser().parse(source)] : [];
  const deep = bracket ?? firstTooDeep(tokens);
  if (deep !== undefined) {
    report(deep, deep + 1, `Nested more than ${maxDepth} levels deep`);
    return { value: undefined, errors };
  }
  const documents = [...new Composer({ uniqueKeys: false, prettyErrors: false }).compose(tokens)];
  const [parsed, second] = documents;
  if (!parsed) {
    // A directive with no `---` after it: js-yaml expects the document start marker.
    const directive = tokens.find((t) => t.type === 'directive');
    if (directive) report(directive.offset, directive.offset + 1, "A YAML directive needs a '---' line after it");
    return { value: undefined, errors };
  }
  if (second) {
    const at = second.range[0];
    report(at, at + 3, "Only one YAML document fits here: mermaid refuses a second one after '---' or '...'");
  }
  for (const problem of [...parsed.errors, ...parsed.warnings]) {
    const message = messageFor(problem.code, source, problem.pos[0], problem.message);
    if (message !== undefined) report(problem.pos[0], problem.pos[1], message);
  }
  const value = new NodeReader(source, toDocument, report).read(parsed.contents);
  return { value, errors };
}

/**
 * Our words for the library's problems, or undefined for those js-yaml (and so mermaid) accepts:
 * keys over 1024 characters, unknown directives.
 */
function messageFor(code: string, source: string, at: number, fallback: string): string | undefined {
  const found = source[at] ?? '';
  switch (code) {
    case 'KEY_OVER_1024_CHARS':
    case 'BAD_DIRECTIVE':
      return undefined;
    case 'BAD_SCALAR_START':
      return `A plain value cannot start with '${found}': put the value in quotes`;
    case 'TAB_AS_INDENT':
      return 'Tabs cannot indent YAML: indent with spaces';
    case 'TAG_RESOLVE_FAILED':
      return `Mermaid reads YAML with the JSON schema and refuses the tag '${tagAt(source, at)}'`;
    default:
      return fallback.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? fallback;
  }
}

function tagAt(source: string, at: number): string {
  return /^\S*/.exec(source.slice(at))?.[0] ?? '';
}

/**
 * A first look, cheaper than the parser: the offset of a `[` or `{` that opens more than `maxDepth`
 * levels of brackets, quoted text and comments aside, so hostile nesting never reaches the parser.
 */
function firstDeepBracket(source: string): number | undefined {
  let depth = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    const startsToken = i === 0 || /[\s[{,:]/.test(source[i - 1] ?? '');
    if ((c === '"' || c === "'") && startsToken) i = closingQuote(source, i);
    else if (c === '#' && startsToken) {
      const lineEnd = source.indexOf('\n', i);
      i = lineEnd < 0 ? source.length : lineEnd;
    } else if (c === '[' || c === '{') {
      depth++;
      if (depth > maxDepth) return i;
    } else if (c === ']' || c === '}') depth = Math.max(0, depth - 1);
  }
  return undefined;
}

/** The offset of the quote that closes the one at `open` (a backslash escapes in double quotes). */
function closingQuote(source: string, open: number): number {
  const quote = source[open];
  for (let i = open + 1; i < source.length; i++) {
    if (quote === '"' && source[i] === '\\') i++;
    else if (source[i] === quote) return i;
  }
  return source.length;
}

const collectionTypes = new Set(['block-map', 'block-seq', 'flow-collection']);

/** The offset of the first collection nested deeper than `maxDepth`, found without recursion. */
function firstTooDeep(tokens: readonly CST.Token[]): number | undefined {
  const stack: { token: CST.Token; depth: number }[] = tokens.map((token) => ({ token, depth: 0 }));
  for (let next = stack.pop(); next; next = stack.pop()) {
    const { token, depth } = next;
    if (token.type === 'document') {
      if (token.value) stack.push({ token: token.value, depth });
      continue;
    }
    if (!collectionTypes.has(token.type) || !('items' in token)) continue;
    if (depth >= maxDepth) return token.offset;
    for (const item of token.items as readonly CST.CollectionItem[]) {
      if (item.key) stack.push({ token: item.key, depth: depth + 1 });
      if (item.value) stack.push({ token: item.value, depth: depth + 1 });
    }
  }
  return undefined;
}

type Report = (from: number, to: number, message: string) => void;

/** Turns the composed nodes into our values, checking what js-yaml checks and the library does not. */
class NodeReader {
  /** Anchors seen so far, in document order: an alias may only name an earlier anchor. */
  private readonly anchors = new Map<string, YamlValue | undefined>();

  constructor(
    private readonly source: string,
    private readonly toDocument: ToDocument,
    private readonly report: Report,
  ) {}

  read(node: Document['contents'] | YamlNode | null | undefined): YamlValue | undefined {
    if (!node) return undefined;
    if (isAlias(node)) {
      const [from, to] = node.range ?? [0, 0];
      if (this.anchors.has(node.source)) return this.anchors.get(node.source);
      this.report(from, to, `Unknown alias '*${node.source}': no anchor '&${node.source}' comes before it`);
      return undefined;
    }
    this.checkTag(node);
    const value = isScalar(node)
      ? this.scalar(node)
      : isSeq(node)
        ? this.seq(node as YAMLSeq<YamlNode>)
        : isMap(node)
          ? this.map(node as YAMLMap<YamlNode, YamlNode>)
          : undefined;
    if ('anchor' in node && typeof node.anchor === 'string') this.anchors.set(node.anchor, value);
    return value;
  }

  private checkTag(node: YamlNode): void {
    if (!node.tag || jsonSchemaTags.has(node.tag) || !node.tag.startsWith('tag:yaml.org,2002:')) return;
    // The tag is the word of props just before the node (`!!binary aGVsbG8=`).
    let at = Math.max(0, this.source.lastIndexOf('!', node.range?.[0] ?? 0));
    while (at > 0 && !/\s/.test(this.source[at - 1] ?? '')) at--;
    const tag = tagAt(this.source, at);
    this.report(at, at + tag.length, `Mermaid reads YAML with the JSON schema and refuses the tag '${tag}'`);
  }

  private scalar(node: Scalar): YamlScalar | undefined {
    const [from, to] = node.range ?? [0, 0];
    const start = this.toDocument(from);
    const end = this.toDocument(to);
    const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE';
    if (quoted || node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED') {
      return { kind: 'scalar', text: String(node.value), quoted, start, end };
    }
    if (from === to) return undefined;
    return { kind: 'scalar', text: this.source.slice(from, to), quoted: false, start, end };
  }

  private seq(node: YAMLSeq<YamlNode>): YamlSeq {
    const [from, to] = node.range ?? [0, 0];
    const items: YamlValue[] = [];
    for (const item of node.items) {
      const value = this.read(item);
      if (value) items.push(value);
    }
    return { kind: 'seq', items, start: this.toDocument(from), end: this.toDocument(to) };
  }

  private map(node: YAMLMap<YamlNode, YamlNode>): YamlMap {
    const [from, to] = node.range ?? [0, 0];
    const entries: YamlEntry[] = [];
    const seen = new Set<string>();
    for (const pair of node.items) {
      const key = this.key(pair.key, node.flow === true);
      const value = this.read(pair.value);
      if (!key) continue;
      // js-yaml compares keys as the strings its objects would hold: `1` and `"1"` are the same key.
      const name = key.name;
      if (seen.has(name)) {
        this.report(key.from, key.to, `Duplicate key '${key.span.text}': mermaid refuses a mapping with a key twice`);
      }
      seen.add(name);
      entries.push({ key: key.span, value });
    }
    return { kind: 'map', entries, start: this.toDocument(from), end: this.toDocument(to) };
  }

  private key(
    node: YamlNode | null,
    inFlow: boolean,
  ): { span: Span; name: string; from: number; to: number } | undefined {
    if (!node) return undefined;
    const value = this.read(node);
    const [from, to] = node.range ?? [0, 0];
    const bare = node.anchor === undefined && node.tag === undefined;
    if (isScalar(node) && bare && from === to && !inFlow && this.source[from] === ':') {
      this.report(from, from + 1, "A mapping entry needs a key before ':'");
      return undefined;
    }
    const start = this.toDocument(from);
    const end = this.toDocument(to);
    const quoted = value?.kind === 'scalar' && value.quoted;
    const span: Span = quoted
      ? { text: value.text, start: start + 1, end: end - 1 }
      : { text: this.source.slice(from, to), start, end };
    const name = isScalar(node) ? String(node.value) : span.text;
    return { span, name, from, to };
  }
}
