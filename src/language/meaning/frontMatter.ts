/**
 * The front matter's `anycast:` block: the service address, default prefixes, tie-break model and
 * seed, the default client weight, the utilisation warning threshold, attacks per subgraph
 * (loadFacts.ts) and the convergence timers (convergenceSettings.ts). The syntax stage reports
 * the front matter's YAML errors.
 */
import type { TieBreakModel } from '../../engine/types';
import type { AnalysisContext } from './context';
import { readConvergence } from './convergenceSettings';
import { readAddress, readInteger, readPrefix, readWeight } from './facts';
import { readGroupAttacks, readWarnAbove } from './loadFacts';
import type { DocumentSettings, Fact } from './model';
import { scalarSpans, splitCommas } from '../syntax/metadata';
import type { YamlEntry, YamlMap } from '../syntax/yaml';
import { entryOf, parseBlock } from '../syntax/yaml';
import { anycastSettingKeys, settingKey, settingKeysAt, settingNames } from './settingKeys';

const anycastKeys = settingNames(anycastSettingKeys);
const tieBreakModels: readonly TieBreakModel[] = ['lowest-neighbor-asn', 'router-id', 'oldest', 'random'];

type SettingsDraft = { -readonly [K in keyof DocumentSettings]: DocumentSettings[K] } & { prefixes: Fact<string>[] };

/** Reads the document settings from the front matter; no front matter gives no settings. */
export function readFrontMatter(cx: AnalysisContext): DocumentSettings {
  const fm = cx.syntax.frontMatter;
  const empty: DocumentSettings = { prefixes: [] };
  if (!fm) return empty;
  const { value } = parseBlock(cx.text, fm.start, fm.end);
  const settings: SettingsDraft = { prefixes: [] };
  if (!value) return empty;
  if (value.kind !== 'map') {
    cx.report(value, 'error', 'front-matter', 'Front matter must be key: value pairs (title:, anycast:, config:)');
    return empty;
  }
  const anycast = entryOf(value, 'anycast');
  const title = entryOf(value, 'title');
  const titleSpan = scalarSpans(title?.value)[0];
  if (titleSpan) settings.title = cx.fact(titleSpan.text, titleSpan, 'front-matter');
  if (!anycast) return settings;
  if (!anycast.value || anycast.value.kind !== 'map') {
    cx.report(anycast.key, 'error', 'front-matter', "'anycast:' must hold settings such as service: and prefixes:");
    return settings;
  }
  for (const entry of anycast.value.entries) readAnycastSetting(cx, entry, settings);
  settings.keys = keysWritten(cx, anycast.value, []);
  return settings;
}

/** The known keys written in `map` (at `path` under `anycast:`) and in the blocks they hold. */
function keysWritten(
  cx: AnalysisContext,
  map: YamlMap,
  path: readonly string[],
): NonNullable<DocumentSettings['keys']> {
  const keys = settingKeysAt(path);
  if (!keys) return [];
  return map.entries.flatMap((entry) => {
    const known = settingKey(keys, entry.key.text);
    if (!known) return [];
    const at = [...path, known.key];
    const inner = entry.value?.kind === 'map' ? keysWritten(cx, entry.value, at) : [];
    return [{ path: at, range: cx.range(entry.key) }, ...inner];
  });
}

function readAnycastSetting(cx: AnalysisContext, entry: YamlEntry, settings: SettingsDraft): void {
  const spans = scalarSpans(entry.value);
  const first = spans[0];
  switch (entry.key.text) {
    case 'service':
    case 'address': {
      if (!first) break;
      const address = cx.take(readAddress(first.text), first);
      if (address !== undefined) settings.serviceAddress = cx.fact(address, first, 'front-matter');
      break;
    }
    case 'prefixes':
    case 'prefix':
      cx.frontMatterPrefixesWritten ||= spans.length > 0;
      for (const s of spans.flatMap(splitCommas)) {
        const p = cx.take(readPrefix(s.text), s);
        if (p !== undefined) settings.prefixes.push(cx.fact(p, s, 'front-matter'));
      }
      break;
    case 'tieBreak':
    case 'tie-break': {
      if (!first) break;
      const model = tieBreakModels.find((m) => m === first.text);
      if (model) settings.tieBreak = cx.fact(model, first, 'front-matter');
      else
        cx.report(
          first,
          'error',
          'invalid-setting',
          `Unknown tie-break model '${first.text}': use ${tieBreakModels.join(', ')}`,
          cx.suggest(first.text, tieBreakModels),
        );
      break;
    }
    case 'seed': {
      if (!first) break;
      const seed = cx.take(readInteger(first.text, 'The tie-break seed', 0, 2 ** 32 - 1), first);
      if (seed !== undefined) settings.tieBreakSeed = cx.fact(seed, first, 'front-matter');
      break;
    }
    case 'weight': {
      if (!first) break;
      const w = cx.take(readWeight(first.text), first);
      if (w !== undefined) settings.defaultWeight = cx.fact(w, first, 'front-matter');
      break;
    }
    case 'convergence': {
      const convergence = readConvergence(cx, entry);
      if (convergence) settings.convergence = convergence;
      break;
    }
    case 'warnAbove': {
      const share = readWarnAbove(cx, entry);
      if (share !== undefined) settings.warnAbove = share;
      break;
    }
    case 'attack':
      settings.groupAttacks = readGroupAttacks(cx, entry);
      break;
    default:
      cx.report(
        entry.key,
        'warning',
        'unknown-key',
        `Unknown anycast setting '${entry.key.text}' (known: ${anycastKeys.join(', ')})`,
        cx.suggest(entry.key.text, anycastKeys),
      );
  }
}
