/**
 * The language's entry point: text in, semantic model and diagnostics out. Pure, never throws,
 * linear in the size of the text.
 */
import { analyzeDocument } from './meaning/analyze';
import type { DocumentModel } from './meaning/model';
import type { Diagnostic } from './types';

export type * from './meaning/model';
export type { Diagnostic, Position, Range, Severity } from './types';

export interface ParsedDocument {
  readonly model: DocumentModel;
  readonly diagnostics: readonly Diagnostic[];
}

/** Parses an `.anycast.mmd` document into its model and every problem found, in document order. */
export function parseDocument(text: string): ParsedDocument {
  return analyzeDocument(text);
}
