/**
 * Where a node is: metadata wins (`lat`/`lon`, then `loc`), then the place its label names, then
 * its id when the gazetteer knows it (`IAD[PoP: Main]`, an IATA-style id such as `lhr1`).
 */
import type { AnalysisContext } from './context';
import type { Placed } from './facts';
import { readLocation } from './facts';
import { lookupLocation, splitPairedName, suggestCodesNear } from '../places/gazetteer';
import type { FactSource, LocationFact, NodeRole } from './model';
import type { Draft } from './occurrences';
import type { MetadataEntry } from '../syntax/metadata';
import { scalarSpans } from '../syntax/metadata';
import type { YamlValue } from '../syntax/yaml';
import type { Span } from '../text';
import type { Range } from '../types';

function placedFact(text: string, range: Range, source: FactSource, placed: Placed): LocationFact {
  return { text, range, source, kind: placed.kind, point: placed.point, resolvedName: placed.resolvedName };
}

/**
 * The locations of a node; `fromLabel` is the label text that names its place, if any, and
 * `aside` the line under it that may name the same place in words (`PoP: NQZ<br>Astana`).
 */
export function readLocations(
  cx: AnalysisContext,
  d: Draft,
  meta: ReadonlyMap<string, MetadataEntry>,
  fromLabel: Span | undefined,
  role: NodeRole,
  aside?: Span,
): LocationFact[] {
  if (role === 'service') return [];
  const lat = scalarSpans(meta.get('lat')?.value)[0];
  const lon = scalarSpans(meta.get('lon')?.value)[0];
  if (lat || lon) return locationFromLatLon(cx, lat, lon);
  const locEntry = meta.get('loc') ?? meta.get('location') ?? meta.get('locations');
  if (locEntry?.value) return locationsFromValue(cx, locEntry.value);
  if (fromLabel) return locationFromLabel(cx, d, fromLabel, aside);
  return locationFromIataId(cx, d);
}

function locationFromLatLon(cx: AnalysisContext, lat: Span | undefined, lon: Span | undefined): LocationFact[] {
  if (!lat || !lon) {
    cx.report((lat ?? lon) as Span, 'error', 'invalid-location', "Give both 'lat' and 'lon'");
    return [];
  }
  const span: Span = {
    text: `${lat.text},${lon.text}`,
    start: Math.min(lat.start, lon.start),
    end: Math.max(lat.end, lon.end),
  };
  const placed = cx.take(readLocation(span.text), span);
  // Coordinates written wrong are reported as such; the node is not also "without a location".
  return [
    placed
      ? placedFact(span.text, cx.range(span), 'metadata', placed)
      : { text: span.text, range: cx.range(span), source: 'metadata', kind: 'unknown' },
  ];
}

function locationFromLabel(cx: AnalysisContext, d: Draft, fromLabel: Span, aside: Span | undefined): LocationFact[] {
  const placed = readLocation(fromLabel.text);
  if (placed.ok) {
    const paired = splitPairedName(fromLabel.text);
    const code = paired?.map((part) => part.trim()).find((part) => /^[A-Z]{3}$/.test(part));
    const name = paired?.map((part) => part.trim()).find((part) => part !== code);
    if (code !== undefined && name !== undefined) {
      const at = fromLabel.text.indexOf(code);
      noteUnknownCode(cx, { text: code, start: fromLabel.start + at, end: fromLabel.start + at + code.length }, name);
    }
    return [placedFact(fromLabel.text, cx.range(fromLabel), 'label', placed.value)];
  }
  // `PoP: NQZ<br>Astana` pairs the code with the city as `PoP: NQZ - Astana` does.
  const byAside = aside ? readLocation(aside.text) : undefined;
  if (aside && byAside?.ok) {
    noteUnknownCode(cx, fromLabel, aside.text);
    return [placedFact(aside.text, cx.range(aside), 'label', byAside.value)];
  }
  // The id may still place it (`IAD[PoP: Main]`).
  const byId = readLocation(d.id);
  if (byId.ok) return [placedFact(d.id, cx.range(d.idSpan), 'id', byId.value)];
  cx.report(
    fromLabel,
    'warning',
    placed.code,
    `${placed.message} (read from the label; give 'loc' in @{ } metadata to be exact)`,
    placed.suggestions,
  );
  return [{ text: fromLabel.text, range: cx.range(fromLabel), source: 'label', kind: 'unknown' }];
}

/**
 * A code the gazetteer does not know, written beside a place it does: the node is placed by the
 * place, and a note offers that place's own codes and the ones near it (not look-alikes elsewhere).
 */
function noteUnknownCode(cx: AnalysisContext, code: Span, placeName: string): void {
  if (!/^[A-Z]{3}$/.test(code.text) || lookupLocation(code.text)) return;
  const place = lookupLocation(placeName);
  if (!place) return;
  cx.report(
    code,
    'information',
    'unknown-location',
    `'${code.text}' is not an airport code the gazetteer knows: placed by '${placeName}' (${place.description})`,
    suggestCodesNear(code.text, place),
  );
}

/** IATA-style ids (`IAD`, `LHR`) place PoPs and clients without any label convention. */
function locationFromIataId(cx: AnalysisContext, d: Draft): LocationFact[] {
  if (!/^[A-Z]{3}\d?$/.test(d.id) && !/^[a-z]{3}\d?$/.test(d.id)) return [];
  const code = d.id.slice(0, 3).toUpperCase();
  const placed = readLocation(code);
  if (placed.ok && placed.value.kind === 'airport') return [placedFact(code, cx.range(d.idSpan), 'id', placed.value)];
  return [];
}

function locationsFromValue(cx: AnalysisContext, value: YamlValue): LocationFact[] {
  // `loc: [40.7, -74.0]` is one point; `loc: [IAD, LHR]` is two places.
  if (
    value.kind === 'seq' &&
    value.items.length === 2 &&
    value.items.every((i) => i.kind === 'scalar' && /^-?\d+(\.\d+)?$/.test(i.text))
  ) {
    const span: Span = {
      text: cx.text.slice(value.start + 1, value.end - 1),
      start: value.start + 1,
      end: value.end - 1,
    };
    const [a, b] = value.items as [YamlValue & { text: string }, YamlValue & { text: string }];
    const text = `${a.text},${b.text}`;
    const placed = cx.take(readLocation(text), span);
    return placed ? [placedFact(text, cx.range(span), 'metadata', placed)] : [];
  }
  return scalarSpans(value).map((s) => {
    const placed = readLocation(s.text);
    if (placed.ok) return placedFact(s.text, cx.range(s), 'metadata', placed.value);
    cx.report(s, 'error', placed.code, placed.message, placed.suggestions);
    return { text: s.text, range: cx.range(s), source: 'metadata' as const, kind: 'unknown' as const };
  });
}
