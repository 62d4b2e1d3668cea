// Runs in Node: the catchment map's figures, measured on the map view in headless Chromium. First map
// (projection, basemap, markers, arcs, labels, legend) for the seed, the cdn example and a generated
// 339-PoP, 1,000-client deployment at real cities; a failure toggle and a hover on the big one; and
// what the map adds to the minified webview bundle.
/// <reference lib="dom" />
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import type { MapScene } from '../src/routing/map/mapScene';
import { mapScene } from '../src/routing/map/mapScene';

import { closeBrowser } from '../test/webview/harness';
import { deploymentText, routingOf } from '../test/webview/mapDeployment';
import { openMap } from '../test/webview/mapHarness';
import { report } from './harness';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function sceneOf(text: string, failedPops: readonly string[] = []): MapScene {
  const scene = mapScene(routingOf(text, { failedPops }));
  if (!scene) throw new Error('benchmark diagram does not resolve');
  return scene;
}

/** Median time to the first painted map, each run in a fresh page (the basemap is decoded each time). */
async function firstMap(name: string, scene: MapScene, target: number): Promise<void> {
  const samples: number[] = [];
  for (let i = 0; i < 5; i++) {
    const map = await openMap();
    samples.push(await map.show(scene));
    await map.close();
  }
  report({
    name: `map: first map (${name})`,
    implementation: 'preview',
    value: median(samples),
    unit: 'ms',
    runs: 5,
    target,
  });
}

async function big(): Promise<void> {
  const text = deploymentText(339, 1000);
  const host = performance.now();
  const scene = sceneOf(text);
  report({
    name: 'map: host parse+resolve+scene (339/1000)',
    implementation: 'preview',
    value: performance.now() - host,
    unit: 'ms',
  });
  await firstMap('339 PoPs, 1,000 clients', scene, 400);
  const map = await openMap();
  await map.show(scene);
  const byShare = [...scene.routing.pops].sort((a, b) => b.share - a.share).slice(0, 9);
  const toggles: number[] = [];
  for (const pop of byShare) {
    const failed = sceneOf(text, [pop.id]);
    toggles.push(await map.restyle(failed.routing));
    toggles.push(await map.restyle(scene.routing));
  }
  report({
    name: 'map: failure toggle restyle+paint (339/1000)',
    implementation: 'preview',
    value: median(toggles),
    unit: 'ms',
    runs: toggles.length,
    target: 30,
  });
  const hovers: number[] = [];
  for (const pop of byShare) {
    hovers.push(
      await map.page.evaluate((id) => {
        const view = (window as unknown as { __map: { setHover(id: string | undefined): void } }).__map;
        const started = performance.now();
        view.setHover(id);
        // Style and layout of the whole page, as the frame after the hover needs them (paint not included).
        document.querySelector('svg.acm-svg')?.getBoundingClientRect();
        const ms = performance.now() - started;
        view.setHover(undefined);
        return ms;
      }, pop.id),
    );
  }
  report({
    name: 'map: hover highlight (339/1000)',
    implementation: 'preview',
    value: median(hovers),
    unit: 'ms',
    runs: hovers.length,
    target: 16,
  });
  await map.close();
}

/** What the map's code and data take in the production webview bundle (as `node esbuild.mjs --production` builds it). */
async function size(): Promise<void> {
  const result = await esbuild.build({
    entryPoints: ['src/webview/main.ts'],
    bundle: true,
    minify: true,
    write: false,
    metafile: true,
    outfile: join('.cache', 'bench', 'webview.js'),
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    logLevel: 'warning',
  });
  await esbuild.stop();
  const output = Object.values(result.metafile.outputs)[0]!;
  const mapInput =
    /src\/(webview\/map|webview\/mapMode|routing\/map)|node_modules\/(d3-geo|topojson-client|world-atlas)\//;
  const bytes = Object.entries(output.inputs)
    .filter(([path]) => mapInput.test(path))
    .reduce((sum, [, input]) => sum + input.bytesInOutput, 0);
  const kb = bytes / 1024;
  console.log(`          map code and data in the minified webview bundle: ${kb.toFixed(0)} KB (target < 300 KB)`);
  if (kb > 300) throw new Error(`the map adds ${kb.toFixed(0)} KB to the webview bundle`);
}

const example = (name: string): string => readFileSync(join('examples', `${name}.anycast.mmd`), 'utf8');
try {
  await size();
  await firstMap('seed', sceneOf(example('seed')), 150);
  await firstMap('cdn', sceneOf(example('cdn')), 150);
  await big();
} finally {
  await closeBrowser();
}
