/**
 * `@{ ... }` metadata on nodes and edges: mermaid reads a one-line body as a YAML flow mapping and
 * a multi-line body as block YAML, and drops keys it does not know, so anycast facts ride here
 * without changing the picture. This module turns the YAML into spans per key.
 */
import type { Span } from '../text';
import type { YamlError, YamlMap, YamlValue } from './yaml';
import { parseBlock, parseFlowMap } from './yaml';

/** Keys mermaid itself gives meaning to; we accept them silently. */
export const mermaidNodeKeys = new Set(['shape', 'label', 'icon', 'form', 'pos', 'img', 'w', 'h', 'constraint']);
export const mermaidEdgeKeys = new Set(['animate', 'animation', 'curve']);

export interface MetadataEntry {
  readonly key: Span;
  readonly value: YamlValue | undefined;
}

/** Reads the `{ ... }` span that follows `@`. */
export function readMetadata(text: string, braces: Span): { entries: MetadataEntry[]; errors: YamlError[] } {
  if (!braces.text.includes('\n')) {
    const { map, errors } = parseFlowMap(text, braces.start, braces.end);
    return { entries: [...map.entries], errors };
  }
  const { value, errors } = parseBlock(text, braces.start + 1, braces.end - 1);
  if (value === undefined && errors.length === 0) {
    // Mermaid reads it as null, and fails on a node's null metadata.
    const message = "A multi-line '@{ }' with nothing in it makes mermaid fail: fill it in or remove it";
    return { entries: [], errors: [{ start: braces.start, end: braces.start + 1, message }] };
  }
  if (value === undefined) return { entries: [], errors };
  if (value.kind !== 'map') {
    return {
      entries: [],
      errors: [...errors, { start: value.start, end: value.end, message: 'Metadata must be key: value pairs' }],
    };
  }
  return { entries: [...(value as YamlMap).entries], errors };
}

/** The scalar items of a value (a scalar, or a list of scalars); nested maps are ignored. */
export function scalarSpans(value: YamlValue | undefined): Span[] {
  if (!value) return [];
  if (value.kind === 'scalar')
    return [
      {
        text: value.text,
        start: value.quoted ? value.start + 1 : value.start,
        end: value.quoted ? value.end - 1 : value.end,
      },
    ];
  if (value.kind === 'seq') return value.items.flatMap((item) => (item.kind === 'scalar' ? scalarSpans(item) : []));
  return [];
}

/** Splits a plain `a, b` scalar into its parts (block YAML keeps commas inside one scalar). */
export function splitCommas(span: Span): Span[] {
  const out: Span[] = [];
  const re = /[^,\s][^,]*/g;
  for (let m = re.exec(span.text); m; m = re.exec(span.text)) {
    const text = m[0].trimEnd();
    out.push({ text, start: span.start + m.index, end: span.start + m.index + text.length });
  }
  return out;
}
