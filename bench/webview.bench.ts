// Runs in Node: the live preview's figures, measured on the built webview bundle in headless Chromium
// and the host-side pipeline in Node: keystroke to updated picture on the seed, a failure toggle and
// the first render on a 50-PoP, 300-client diagram, and the extension's activation cost.
/// <reference lib="dom" />
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { DiagramAnalysis } from '../src/routing/analysis';
import type { PreviewLayout } from '../src/routing/picture/previewContent';
import { diagramContent } from '../src/routing/picture/previewContent';
import { failingPops } from '../src/routing/scenario';
import type { RenderMessage } from '../src/protocol/messages';
import { closeBrowser, openPreview } from '../test/webview/harness';
import type { PreviewPage } from '../test/webview/harness';
import { report } from './harness';
import type { ClientStyle } from './webviewDiagram';
import { largeDiagram } from './webviewDiagram';

const seedUri = 'file:///bench/seed.anycast.mmd';
const largeUri = 'file:///bench/large.anycast.mmd';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function analyze(text: string): DiagramAnalysis {
  const analysis = new DiagramAnalysis(text);
  const broken = analysis.syntaxError;
  if (broken) throw new Error(`benchmark diagram does not parse: ${broken.message}`);
  return analysis;
}

/** Each part of the benchmark shows its own document: versions count per document, and an older one is dropped. */
function renderMessage(
  uri: string,
  analysis: DiagramAnalysis,
  version: number,
  failedPops: readonly string[] = [],
  layout: PreviewLayout = {},
): RenderMessage {
  const content = diagramContent(analysis, failingPops(failedPops), layout);
  return {
    type: 'render',
    uri,
    version,
    mermaidText: content.mermaidText,
    routing: content.routing,
    edges: content.edges,
    maxEdges: 500,
    title: 'bench',
  };
}

/** Each node's position as mermaid placed it: the `transform` of its group. */
function nodePlaces(preview: PreviewPage): Promise<Record<string, string>> {
  return preview.page.evaluate(() => {
    const places: Record<string, string> = {};
    for (const g of document.querySelectorAll('#ac-canvas g.node'))
      places[g.id.replace(/^anycast-svg-\d+-/, '')] = g.getAttribute('transform') ?? '';
    return places;
  });
}

async function keystroke(preview: PreviewPage): Promise<void> {
  const seed = readFileSync(join(process.cwd(), 'examples/seed.anycast.mmd'), 'utf8');
  let version = 1;
  await preview.postAndTime(renderMessage(seedUri, analyze(seed), version), { type: 'rendered', version });
  const host: number[] = [];
  const webview: number[] = [];
  const runs = 15;
  for (let i = 0; i < runs; i++) {
    // A keystroke in a label: new text, so mermaid lays the diagram out again.
    const text = seed.replace('User in London', `User in London ${'x'.repeat(i + 1)}`);
    const started = performance.now();
    const message = renderMessage(seedUri, analyze(text), ++version);
    host.push(performance.now() - started);
    webview.push(await preview.postAndTime(message, { type: 'rendered', version }));
  }
  const total = host.map((h, i) => h + webview[i]!);
  report({
    name: 'preview: host parse+resolve+annotate (seed)',
    implementation: 'preview',
    value: median(host),
    unit: 'ms',
    runs,
  });
  report({
    name: 'preview: webview layout+paint (seed)',
    implementation: 'preview',
    value: median(webview),
    unit: 'ms',
    runs,
  });
  report({
    name: 'preview: keystroke to updated picture (seed)',
    implementation: 'preview',
    value: median(total),
    unit: 'ms',
    runs,
    target: 150,
  });
}

async function large(preview: PreviewPage): Promise<void> {
  const diagram = largeDiagram(50, 300);
  console.log(
    `          large diagram: 50 PoPs, 300 clients, 28 ASes, ${diagram.edges} edges, ${diagram.text.length} characters`,
  );
  const analyzeStarted = performance.now();
  const analysis = analyze(diagram.text);
  const analyzeMs = performance.now() - analyzeStarted;
  let version = 1;
  const first = renderMessage(largeUri, analysis, version);
  const firstMs = await preview.postAndTime(first, { type: 'rendered', version });
  console.log(
    `          clients written as examples/cdn.anycast.mmd does (@{ in: AS }), drawn as one group per access AS (anycast.preview.groupClientsAbove)`,
  );
  report({
    name: 'preview: host parse+resolve (50 PoPs, 300 clients)',
    implementation: 'preview',
    value: analyzeMs,
    unit: 'ms',
  });
  report({
    name: 'preview: first render (50 PoPs, 300 clients)',
    implementation: 'preview',
    value: analyzeMs + firstMs,
    unit: 'ms',
    target: 2000,
  });
  await preview.screenshot('bench-50-pops-300-clients');

  const before = await nodePlaces(preview);
  const host: number[] = [];
  const webview: number[] = [];
  const pops = diagram.pops.filter((_, i) => i % 5 === 0);
  for (const pop of pops) {
    const started = performance.now();
    const routing = diagramContent(analysis, failingPops([pop])).routing;
    host.push(performance.now() - started);
    version++;
    webview.push(
      await preview.postAndTime(
        { type: 'routingState', uri: largeUri, version, routing },
        { type: 'rendered', version },
      ),
    );
  }
  await preview.screenshot('bench-50-pops-300-clients-failed');
  const after = await nodePlaces(preview);
  const moved = Object.keys(before).filter((id) => before[id] !== after[id]).length;
  console.log(`          nodes moved by ${pops.length} failure toggles: ${moved} of ${Object.keys(before).length}`);
  if (moved > 0) throw new Error(`${moved} nodes moved on a failure toggle`);
  const total = host.map((h, i) => h + webview[i]!);
  report({
    name: 'preview: toggle host resolve+annotate (50/300)',
    implementation: 'preview',
    value: median(host),
    unit: 'ms',
    runs: pops.length,
  });
  report({
    name: 'preview: toggle webview restyle+paint (50/300)',
    implementation: 'preview',
    value: median(webview),
    unit: 'ms',
    runs: pops.length,
  });
  report({
    name: 'preview: failure toggle (50 PoPs, 300 clients)',
    implementation: 'preview',
    value: median(total),
    unit: 'ms',
    runs: pops.length,
    target: 100,
  });
}

/** Loads dist/extension.js against a do-nothing `vscode` and activates it: our share of activation. */
function activation(): void {
  const bundle = join(process.cwd(), 'dist', 'extension.js');
  const source = readFileSync(bundle, 'utf8');
  if (/mermaidAPI|flowchart-v2/.test(source)) throw new Error('mermaid leaked into the extension host bundle');
  console.log(`          dist/extension.js: ${(source.length / 1024).toFixed(0)} KB, no mermaid in it`);
  // Every property, call and construction yields the stub again; it is also its own prototype, so
  // esbuild's ES-module wrapper around `require('vscode')` inherits every name from it.
  const stub: object = new Proxy(function stub() {}, {
    get: (_t, key) => (key === Symbol.iterator ? [][Symbol.iterator] : key === Symbol.toPrimitive ? () => '' : stub),
    apply: () => stub,
    construct: () => stub,
    getPrototypeOf: () => stub,
    set: () => true,
  });
  const require = createRequire(bundle);
  const Module = require('node:module') as { _load: (request: string, ...rest: unknown[]) => unknown };
  const load = Module._load;
  Module._load = (request, ...rest) => (request === 'vscode' ? stub : load(request, ...rest));
  try {
    const started = performance.now();
    const extension = require(bundle) as { activate(context: unknown): void };
    extension.activate({ subscriptions: [], extensionUri: stub });
    report({
      name: 'preview: extension load + activate (stub host)',
      implementation: 'preview',
      value: performance.now() - started,
      unit: 'ms',
      target: 50,
    });
  } finally {
    Module._load = load;
  }
}

/**
 * A first render in a page of its own with a cap: mermaid's layout grows much faster than linearly
 * with the nodes and edges it is given, so a slow case is reported as it is rather than waited for.
 */
async function cappedFirstRender(
  name: string,
  style: ClientStyle,
  layout: PreviewLayout,
  target?: number,
): Promise<void> {
  const capMs = 60_000;
  const diagram = largeDiagram(50, 300, style);
  const analysis = analyze(diagram.text);
  const preview = await openPreview({ width: 1400, height: 900 });
  try {
    const started = performance.now();
    const finished = await Promise.race([
      preview
        .postAndTime(renderMessage(`file:///bench/${style}.anycast.mmd`, analysis, 1, [], layout), {
          type: 'rendered',
          version: 1,
        })
        .then(() => true),
      new Promise<false>((r) => setTimeout(() => r(false), capMs)),
    ]);
    const ms = performance.now() - started;
    if (!finished) console.log(`          ${name}: no picture after ${capMs / 1000} s; reported at the cap`);
    report({
      name,
      implementation: 'preview',
      value: finished ? ms : capMs,
      unit: 'ms',
      ...(target === undefined ? {} : { target }),
    });
  } finally {
    await preview.close();
  }
}

async function main(): Promise<void> {
  activation();
  const preview = await openPreview({ width: 1400, height: 900 });
  try {
    await keystroke(preview);
    await large(preview);
  } finally {
    await preview.close();
  }
  try {
    // One edge per client (`C --> AS`, 449 edges as written), grouped as the preview does by default.
    await cappedFirstRender('preview: first render, clients as edges (50/300)', 'edge', {}, 2000);
    // Without grouping, for comparison: what the diagrams cost drawn client by client.
    await cappedFirstRender('preview: first render ungrouped, clients by in: (50/300)', 'metadata', {
      groupClientsAbove: Infinity,
    });
    await cappedFirstRender('preview: first render ungrouped, clients as edges (50/300)', 'edge', {
      groupClientsAbove: Infinity,
    });
  } finally {
    await closeBrowser();
  }
}

await main();
