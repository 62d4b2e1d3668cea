/**
 * The front matter between `---` lines at the top of a diagram. Mermaid refuses the whole file
 * when this YAML does not load, so every YAML error in it is reported, wherever it sits.
 */
import type { Span } from '../text';
import type { YamlError } from './yaml';
import { entryOf, parseBlock } from './yaml';
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
  for (const e of errorsLeftToSyntax(s.text, frontMatter)) s.error(e.start, e.end, e.message, 'front-matter');
  s.pos = m.index + m[0].length;
  return { frontMatter, frontMatterEnd: s.pos };
}

/**
 * The YAML errors of the front matter that the meaning stage does not report. Meaning reports
 * those in the `anycast:` block and before the first key, next to the settings it reads there;
 * the rest (a duplicate `title:`, a bad `config:`, YAML that is not a mapping) are reported here.
 */
function errorsLeftToSyntax(text: string, frontMatter: Span): YamlError[] {
  const { value, errors } = parseBlock(text, frontMatter.start, frontMatter.end);
  if (value?.kind !== 'map') return errors;
  const firstKey = value.entries[0]?.key.start ?? 0;
  const anycast = entryOf(value, 'anycast');
  const afterAnycast = anycast ? value.entries.find((e) => e.key.start > anycast.key.start) : undefined;
  const inAnycast = (e: YamlError): boolean =>
    anycast !== undefined && e.start >= anycast.key.start && (!afterAnycast || e.start < afterAnycast.key.start);
  return errors.filter((e) => e.start >= firstKey && !inAnycast(e));
}
