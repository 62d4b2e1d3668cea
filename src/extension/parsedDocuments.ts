/**
 * One parse per document version for the editor features (completion, navigation, outline, quick
 * fixes, simulation): a burst of provider calls on the same version parses once.
 */
import type * as vscode from 'vscode';
import { parseDocument } from '../language/index';
import type { ParsedDocument } from '../language/index';

const cache = new Map<string, { readonly version: number; readonly parsed: ParsedDocument }>();

/** Enough for every open editor; older entries are dropped first. */
const maxCached = 32;

export function parsedOf(document: vscode.TextDocument): ParsedDocument {
  const key = document.uri.toString();
  const hit = cache.get(key);
  if (hit && hit.version === document.version) return hit.parsed;
  const parsed = parseDocument(document.getText());
  cache.delete(key);
  cache.set(key, { version: document.version, parsed });
  if (cache.size > maxCached) cache.delete(cache.keys().next().value as string);
  return parsed;
}

/** Forgets a closed document. */
export function forgetParsed(uri: vscode.Uri): void {
  cache.delete(uri.toString());
}
