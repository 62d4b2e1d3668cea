/** The syntax tree of a flowchart: what the parser found and where, before any meaning is given to it. */
import type { EdgeHead, EdgeStroke, NodeShape } from '../meaning/model';
import type { Span } from '../text';

export interface SyntaxNode {
  readonly id: Span;
  readonly shape: NodeShape;
  /** Inner label text as written (without quotes); undefined for a bare id. */
  readonly label?: Span;
  readonly labelQuoted: boolean;
  readonly classes: readonly Span[];
  /** `@{ ... }` including the braces. */
  readonly metadata?: Span;
  readonly subgraph?: string;
  /** True when the node is the whole statement (no edges), e.g. `e1@{ ... }`. */
  readonly alone: boolean;
}

export interface SyntaxEdge {
  readonly id?: Span;
  readonly from: SyntaxNode;
  readonly to: SyntaxNode;
  readonly arrow: Span;
  readonly stroke: EdgeStroke;
  readonly headAtStart: EdgeHead;
  readonly headAtEnd: EdgeHead;
  readonly label?: Span;
}

export interface SyntaxSubgraph {
  readonly id: Span;
  readonly title: Span;
  readonly start: number;
  end: number;
  readonly parent?: string;
}

export interface SyntaxError {
  readonly start: number;
  readonly end: number;
  readonly message: string;
  readonly code: string;
  /** Replacement texts for the range, when the fix is plain. */
  readonly suggestions?: readonly string[];
}

export interface SyntaxDocument {
  /** The YAML between the `---` lines. */
  frontMatter?: Span;
  frontMatterEnd?: number;
  header?: { readonly keyword: Span; readonly direction?: Span };
  readonly nodes: SyntaxNode[];
  readonly edges: SyntaxEdge[];
  readonly classAssigns: { readonly ids: readonly Span[]; readonly className: Span }[];
  readonly classDefs: { readonly names: readonly Span[] }[];
  /** Ids named by `style` and `click`. */
  readonly idReferences: Span[];
  readonly linkStyles: { readonly indexes: readonly Span[] }[];
  readonly subgraphs: SyntaxSubgraph[];
  /** `%%{ ... }%%` directives, delimiters included. */
  readonly directives: Span[];
  readonly errors: SyntaxError[];
}

/** An arrow as read, before the nodes on either side are known. */
export type ArrowSyntax = Omit<SyntaxEdge, 'from' | 'to' | 'id'>;
