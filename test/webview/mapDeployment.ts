/**
 * A generated anycast deployment at real cities, for the catchment map's tests and benchmarks: PoPs
 * at the most populous cities of the gazetteer, clients at the most populous cities too (weighted by
 * population), on the implicit transit so each client reaches its nearest PoP. Deterministic.
 */
import { CITIES } from '../../src/language/places/gazetteerData';
import type { MapSceneInput } from '../../src/routing/map/mapScene';
import { DiagramAnalysis } from '../../src/routing/analysis';
import type { DiagramScenario } from '../../src/routing/scenario';
import { noFailures } from '../../src/routing/scenario';

interface City {
  readonly name: string;
  readonly lat: number;
  readonly lon: number;
  readonly thousands: number;
}

function cities(): City[] {
  return CITIES.trim()
    .split('\n')
    .map((line) => {
      const [name = '', , , lat = '0', lon = '0', thousands = '0'] = line.split('|');
      return { name, lat: Number(lat) / 1000, lon: Number(lon) / 1000, thousands: Number(thousands) };
    });
}

/** Mermaid label text: the characters a label may not hold, dropped. */
function labelText(name: string): string {
  return name.replace(/["[\]{}()|<>#;]/g, '');
}

/**
 * `pops` PoPs at every `stride`-th city from the most populous on (spread over the world, not all in
 * the biggest metros), `clients` clients at the most populous cities.
 */
export function deploymentText(pops: number, clients: number): string {
  const all = cities();
  const stride = Math.max(1, Math.floor(all.length / pops));
  const lines = ['---', 'anycast:', '  service: 192.0.2.1', '  prefixes: [192.0.2.0/24]', '---', 'flowchart LR'];
  for (let i = 0; i < pops; i++) {
    const c = all[(i * stride) % all.length]!;
    lines.push(`  P${i}[PoP: ${labelText(c.name)}]@{ loc: "${c.lat},${c.lon}" }`);
  }
  for (let i = 0; i < clients; i++) {
    const c = all[i % all.length]!;
    const weight = Math.max(1, Math.round(c.thousands / 100));
    lines.push(`  C${i}([Users in ${labelText(c.name)}])@{ loc: "${c.lat},${c.lon}", weight: ${weight} }`);
  }
  return `${lines.join('\n')}\n`;
}

/** The routing of `text` under a what-if, in the shape the map reads. */
export function routingOf(text: string, scenario: Partial<DiagramScenario> = {}): MapSceneInput {
  return new DiagramAnalysis(text).underScenario({ ...noFailures, ...scenario });
}
