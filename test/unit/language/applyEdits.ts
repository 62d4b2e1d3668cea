// Test helper: applies plain text edits (as an editor would) so tests can re-parse the result.
import type { TextEdit } from '../../../src/language/features/rename';

export function applyEdits(source: string, edits: readonly TextEdit[]): string {
  const lines = source.split('\n');
  const offset = (p: { line: number; character: number }): number =>
    lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  return [...edits]
    .sort((a, b) => offset(b.range.start) - offset(a.range.start))
    .reduce((s, e) => s.slice(0, offset(e.range.start)) + e.newText + s.slice(offset(e.range.end)), source);
}
