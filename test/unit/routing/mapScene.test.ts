import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { greatCircleKm } from '../../../src/engine/geo';
import { chooseView } from '../../../src/routing/map/previewView';
import type { MapScene } from '../../../src/routing/map/mapScene';
import { mapScene } from '../../../src/routing/map/mapScene';
import { DiagramAnalysis } from '../../../src/routing/analysis';
import { routingFor } from '../../../src/routing/picture/previewContent';
import type { DiagramScenario } from '../../../src/routing/scenario';
import { failingPops } from '../../../src/routing/scenario';
import { routingOf } from '../../webview/mapDeployment';

const example = (name: string): string =>
  readFileSync(new URL(`../../../examples/${name}.anycast.mmd`, import.meta.url), 'utf8');
const seed = example('seed');
const cdn = example('cdn');

function sceneOf(text: string, scenario: Partial<DiagramScenario> = {}): MapScene {
  const scene = mapScene(routingOf(text, scenario));
  assert.ok(scene, 'the diagram resolves');
  return scene;
}

const byId = <T extends { readonly id: string }>(items: readonly T[], id: string): T => {
  const found = items.find((i) => i.id === id);
  assert.ok(found, `${id} is there`);
  return found;
};

describe('catchment map scene', () => {
  it("places the seed's PoPs and clients west to east: New York, London, Tokyo", () => {
    const { places } = sceneOf(seed);
    const lon = (id: string): number =>
      [...places.pops, ...places.clients].find((n) => n.id === id)?.point.lon ?? Number.NaN;
    assert.ok(lon('ClientUS') < lon('ClientEU') && lon('ClientEU') < lon('ClientAP'));
    assert.ok(lon('PoPUS') < lon('PoPEU') && lon('PoPEU') < lon('PoPAP'));
    assert.deepEqual(places.unplaced, []);
    assert.equal(new Set(places.pops.map((p) => p.colour)).size, 3);
  });

  it('sends each seed client to its nearest PoP with the whole catchment share', () => {
    const { routing } = sceneOf(seed);
    assert.deepEqual(
      routing.clients.map((c) => [c.id, c.pop, c.previousPop]),
      [
        ['ClientUS', 'PoPUS', undefined],
        ['ClientEU', 'PoPEU', undefined],
        ['ClientAP', 'PoPAP', undefined],
      ],
    );
    assert.deepEqual(
      routing.pops.map((p) => [p.id, p.clients, p.withdrawn]),
      [
        ['PoPUS', 1, false],
        ['PoPEU', 1, false],
        ['PoPAP', 1, false],
      ],
    );
  });

  it('failing US-East moves New York to EU-West, remembers where it was, and moves no marker', () => {
    const before = sceneOf(seed);
    const after = sceneOf(seed, { failedPops: ['PoPUS'] });
    const ny = byId(after.routing.clients, 'ClientUS');
    assert.equal(ny.pop, 'PoPEU');
    assert.equal(ny.previousPop, 'PoPUS');
    assert.deepEqual(ny.path.at(-1), byId(after.places.pops, 'PoPEU').point);
    assert.deepEqual(byId(after.routing.pops, 'PoPUS'), { id: 'PoPUS', share: 0, clients: 0, withdrawn: true });
    assert.deepEqual(after.places, before.places);
  });

  it('leaves a client without service when every PoP is down: no PoP, no path beyond itself', () => {
    const { routing, places } = sceneOf(seed, { failedPops: ['PoPUS', 'PoPEU', 'PoPAP'] });
    const tokyo = byId(routing.clients, 'ClientAP');
    assert.equal(tokyo.pop, undefined);
    assert.equal(tokyo.previousPop, 'PoPAP');
    assert.deepEqual(tokyo.path, [byId(places.clients, 'ClientAP').point]);
  });

  it('lists the nodes it cannot place with the reason and where they are written', () => {
    const text = [
      'flowchart LR',
      '  A[PoP: Frankfurt]',
      '  Q[PoP: QWJ]@{ loc: QWJ }',
      '  X[PoP]',
      '  C([User in Berlin])',
    ].join('\n');
    const { places } = sceneOf(text);
    assert.deepEqual(
      places.unplaced.map((u) => [u.id, u.role, u.reason, u.range.start.line]),
      [
        ['Q', 'pop', "unknown location 'QWJ'", 2],
        ['X', 'pop', 'no location', 3],
      ],
    );
    assert.deepEqual(
      places.pops.map((p) => p.id),
      ['A'],
    );
  });

  it("draws a client's path through the located routers its traffic crosses", () => {
    const { routing, places } = sceneOf(cdn);
    const sf = byId(routing.clients, 'SF');
    assert.equal(sf.pop, byId(places.pops, sf.pop!).id);
    assert.ok(sf.path.length >= 3, 'client, an eyeball router, the PoP');
    assert.deepEqual(sf.path[0], byId(places.clients, 'SF').point);
    assert.deepEqual(sf.path.at(-1), byId(places.pops, sf.pop!).point);
  });

  it("greys a failed AS's routers and breaks its sessions", () => {
    const { routing, places } = sceneOf(cdn, { failedAses: ['NTT'] });
    assert.deepEqual(routing.downAses, ['NTT']);
    const nttRouters = places.routers.filter((r) => r.node === 'NTT');
    assert.equal(nttRouters.length, 8);
    const nttPoints = new Set(nttRouters.map((r) => `${r.point.lat},${r.point.lon}`));
    const touchesNtt = places.sessions.filter((s) => routing.downSessions.includes(s.id));
    assert.ok(touchesNtt.length >= 8);
    assert.ok(
      touchesNtt.every((s) => nttPoints.has(`${s.from.lat},${s.from.lon}`) || nttPoints.has(`${s.to.lat},${s.to.lon}`)),
    );
  });

  it('gives every cdn PoP its own colour but the one pair that must share, which is an ocean apart', () => {
    const { places } = sceneOf(cdn);
    assert.equal(places.pops.length, 25);
    const pairs = places.pops.flatMap((a, i) =>
      places.pops.slice(i + 1).flatMap((b) => (a.colour === b.colour ? [greatCircleKm(a.point, b.point)] : [])),
    );
    assert.equal(pairs.length, 1);
    assert.ok(pairs[0]! > 5000, `${pairs[0]} km apart`);
  });

  it('colours every cdn PoP with its diagram slot, with nothing failed and with LHR failed', () => {
    for (const failedPops of [[], ['LHR']]) {
      const { places } = sceneOf(cdn, { failedPops });
      const legend = routingFor(new DiagramAnalysis(cdn), failingPops(failedPops)).legend;
      assert.equal(legend.length, 25);
      assert.deepEqual(places.pops.map((p) => [p.id, p.colour]).sort(), legend.map((l) => [l.pop, l.color]).sort());
    }
  });
});

describe('the view the preview opens with', () => {
  const small = { placedPops: 3, edges: 13, maxEdges: 500 };
  it('opens the seed on the diagram and the 25-PoP cdn example on the map', () => {
    assert.equal(chooseView('auto', small), 'diagram');
    assert.equal(chooseView('auto', { ...small, placedPops: 25 }), 'map');
  });
  it('opens on the map at 13 placed PoPs, not at 12', () => {
    assert.equal(chooseView('auto', { ...small, placedPops: 12 }), 'diagram');
    assert.equal(chooseView('auto', { ...small, placedPops: 13 }), 'map');
  });
  it('opens on the map when mermaid would refuse the diagram', () => {
    assert.equal(chooseView('auto', { placedPops: 2, edges: 501, maxEdges: 500 }), 'map');
  });
  it('follows the setting when it names a view', () => {
    assert.equal(chooseView('diagram', { ...small, placedPops: 339 }), 'diagram');
    assert.equal(chooseView('map', small), 'map');
  });
});
