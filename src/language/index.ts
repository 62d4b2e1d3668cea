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

/** Texts larger than this (bytes in the CLI, characters in the editor) are not analysed: a parse would not end in useful time. */
export const MAX_DIAGRAM_BYTES = 20 * 1024 * 1024;

/** What stands for a document too large to analyse: an empty model and one error saying why, at its start. */
export function tooLargeDocument(size: number): ParsedDocument {
  const count = (n: number): string => n.toLocaleString('en-US');
  return {
    model: analyzeDocument('').model,
    diagnostics: [
      {
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        severity: 'error',
        code: 'too-large',
        message: `This document has ${count(size)} characters, over the ${count(MAX_DIAGRAM_BYTES)} (20 MB) a diagram may have: it is not analysed (anycast check refuses it too)`,
      },
    ],
  };
}
