/**
 * Front matter and `@{ ... }` metadata, read as mermaid reads them, with the offset of every key and
 * value so diagnostics point at the exact text. The reading itself is in `yamlRead.ts`; this module
 * places it in the document, and remembers recent readings: a keystroke changes one block, and the
 * YAML parser costs far more than moving a reading to where its text now sits.
 */
import type { ToDocument, YamlEntry, YamlError, YamlMap, YamlValue } from './yamlRead';
import { readYaml } from './yamlRead';

export type { YamlEntry, YamlError, YamlMap, YamlScalar, YamlSeq, YamlValue } from './yamlRead';

interface Reading {
  readonly value: YamlValue | undefined;
  readonly errors: readonly YamlError[];
}

/** Block YAML between `start` and `end` (front matter, or a multi-line `@{ ... }` body). */
export function parseBlock(
  text: string,
  start: number,
  end: number,
): { value: YamlValue | undefined; errors: YamlError[] } {
  const reading = blockReadings.of(text.slice(start, end), (source) => readYaml(source, (offset) => offset));
  return moved(reading, start);
}

/**
 * The body of a one-line `@{ ... }`: mermaid reads it as `{\n<body>\n}`, so a trailing comment ends
 * at the line break it adds. `start` is at `{`, `end` just after `}`.
 */
export function parseFlowMap(text: string, start: number, end: number): { map: YamlMap; errors: YamlError[] } {
  const reading = flowReadings.of(text.slice(start + 1, end - 1), (body) => {
    // Offsets in `{\n<body>\n}` to offsets from the `{` of `{<body>}`.
    const closing = 2 + body.length;
    const toBraces: ToDocument = (offset) => (offset <= 1 ? offset : offset <= closing ? offset - 1 : offset - 2);
    return readYaml(`{\n${body}\n}`, toBraces);
  });
  const { value, errors } = moved(reading, start);
  const map: YamlMap = value?.kind === 'map' ? value : { kind: 'map', entries: [], start, end };
  return { map, errors };
}

/** The entry for `key` in a map, if any (last one wins, as in YAML loaders). */
export function entryOf(map: YamlMap, key: string): YamlEntry | undefined {
  let found: YamlEntry | undefined;
  for (const e of map.entries) if (e.key.text === key) found = e;
  return found;
}

/**
 * Readings of recent texts of one kind. Bounded in count and length (a few megabytes at most); when
 * full it starts afresh, which costs one re-reading of each block still in use.
 */
class Readings {
  private readonly byText = new Map<string, Reading>();

  of(source: string, read: (source: string) => Reading): Reading {
    const known = this.byText.get(source);
    if (known) return known;
    if (source.length > 2_000) return read(source);
    if (this.byText.size >= 5_000) this.byText.clear();
    const own = detached(source);
    const fresh = read(own);
    this.byText.set(own, fresh);
    return fresh;
  }
}

const flowReadings = new Readings();
const blockReadings = new Readings();

/**
 * A copy of `s` that shares no memory with the document it was cut from: engines let a slice point
 * into its source, and a remembered reading must not keep every old version of a document alive.
 */
function detached(s: string): string {
  return JSON.parse(JSON.stringify(s)) as string;
}

/** A fresh copy of a reading made at offset 0, moved to `delta`; shared values (aliases) stay shared. */
function moved(reading: Reading, delta: number): { value: YamlValue | undefined; errors: YamlError[] } {
  const copies = new Map<YamlValue, YamlValue>();
  const move = (value: YamlValue): YamlValue => {
    const known = copies.get(value);
    if (known) return known;
    const start = value.start + delta;
    const end = value.end + delta;
    const copy: YamlValue =
      value.kind === 'scalar'
        ? { ...value, start, end }
        : value.kind === 'seq'
          ? { kind: 'seq', items: value.items.map(move), start, end }
          : {
              kind: 'map',
              entries: value.entries.map((e) => ({
                key: { text: e.key.text, start: e.key.start + delta, end: e.key.end + delta },
                value: e.value && move(e.value),
              })),
              start,
              end,
            };
    copies.set(value, copy);
    return copy;
  };
  return {
    value: reading.value && move(reading.value),
    errors: reading.errors.map((e) => ({ ...e, start: e.start + delta, end: e.end + delta })),
  };
}
