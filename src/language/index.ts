/**
 * The language's entry point: text in, semantic model and diagnostics out. Pure, never throws,
 * linear in the size of the text.
 */
import type { DocumentModel } from './model';
import type { Diagnostic } from './types';

export type * from './model';
export type { Diagnostic, Position, Range, Severity } from './types';

export interface ParsedDocument {
  readonly model: DocumentModel;
  readonly diagnostics: readonly Diagnostic[];
}

const emptyModel: DocumentModel = {
  settings: { prefixes: [] },
  nodes: [],
  edges: [],
  subgraphs: [],
  classDefs: [],
  implicitTransit: true,
  inferred: [],
};

/** Parses an `.anycast.mmd` document. The interface is stable; the parser behind it is being written. */
export function parseDocument(text: string): ParsedDocument {
  void text;
  return { model: emptyModel, diagnostics: [] };
}
