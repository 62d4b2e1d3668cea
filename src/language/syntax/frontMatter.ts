/**
 * The front matter between `---` lines at the top of a diagram. Mermaid refuses the whole file
 * when this YAML does not load, so every YAML error in it is reported, wherever it sits.
 */
import type { Span } from '../text';
import { parseBlock } from './yaml';
import type { Scanner } from './scanner';

/** Reads the front matter at the start of the text, if any, and leaves the cursor after it. */
export function readFrontMatter(s: Scanner): { frontMatter?: Span; frontMatterEnd?: number } {
  const first = /^---[ \t]*\r?\n/.exec(s.text);
  if (!first) return {};
  const close = /\n---[ \t]*(\r?\n|$)/g;
  close.lastIndex = first[0].length - 1;
  const m = close.exec(s.text);
  if (!m) {
    s.error(0, 3, "Front matter opened with '---' is never closed by a '---' line", 'unclosed-front-matter');
    s.pos = first[0].length;
    return {};
  }
  const frontMatter = s.span(first[0].length, m.index + 1);
  for (const e of parseBlock(s.text, frontMatter.start, frontMatter.end).errors) {
    s.error(e.start, e.end, e.message, 'front-matter');
  }
  s.pos = m.index + m[0].length;
  return { frontMatter, frontMatterEnd: s.pos };
}
