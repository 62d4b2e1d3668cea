// Runs in Node: typing on the cdn example, one keystroke every 100 ms, with the host's analysis done
// here as the extension does it (the real parser and resolver; diagnostics 150 ms after the last
// change; the preview at once on the first change, then once typing pauses for 250 ms) and the real
// webview bundle in headless Chromium. Figures: how long after the last keystroke the final
// diagnostics and the final picture are there, and how many layouts of a superseded version mermaid
// started after a newer keystroke had arrived (each one is typing-time wasted).
/// <reference lib="dom" />
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from '../src/language/index';
import type { RenderMessage } from '../src/protocol/messages';
import { DiagramAnalysis } from '../src/routing/analysis';
import { previewContent } from '../src/routing/picture/previewContent';
import { closeBrowser, openPreview } from '../test/webview/harness';
import { report } from './harness';

const uri = 'file:///bench/cdn.anycast.mmd';
const keystrokeMs = 100;
const diagnosticsDebounceMs = 150;
const previewDebounceMs = 250;
/** What the user types: a new client, one character at a time, before the classDefs. */
const typed = '  OTT([Users in Ottawa]):::users@{ in: Rogers }\n  ';

const cdn = readFileSync(join('examples', 'cdn.anycast.mmd'), 'utf8');
const at = cdn.indexOf('  classDef pop');
const versionText = (n: number): string => cdn.slice(0, at) + typed.slice(0, n) + cdn.slice(at);

function renderOf(version: number): RenderMessage | undefined {
  const content = previewContent(new DiagramAnalysis(versionText(version)));
  if (content.kind !== 'diagram') return undefined;
  return {
    type: 'render',
    uri,
    version,
    mermaidText: content.mermaidText,
    routing: content.routing,
    edges: content.edges,
    maxEdges: 500,
    title: 'cdn',
  };
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

const preview = await openPreview({ width: 1100, height: 800 });
// Each message the webview posts gets the page time it was posted at.
await preview.page.evaluate(
  '(() => { const p = window.__posted; const push = p.push.bind(p); p.push = (m) => push(Object.assign(m, { at: performance.now() })); })()',
);
// A keystroke reaches the webview as the host's `edited` message: the page notes when each arrives.
await preview.page.evaluate(
  "(() => { window.__edits = {}; window.addEventListener('message', (e) => { if (e.data.type === 'edited') window.__edits[e.data.version] = performance.now(); }); })()",
);
const first = renderOf(0)!;
await preview.post(first);
await preview.waitForPosted((m): m is never => m.type === 'rendered' && m.version === 0, 0, 60_000);

// The page's CPU time (all its threads), read from Chromium: a figure the machine's load does not inflate.
const cdp = await preview.page.context().newCDPSession(preview.page);
await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
const cpuSeconds = async (): Promise<number> =>
  (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ProcessTime')?.value ?? NaN;

const keys = typed.length;
/** Page clock time of each keystroke. */
const keyTimes: number[] = [];
let diagnosed = { version: -1, at: 0 };
let diagnosticsTimer: ReturnType<typeof setTimeout> | undefined;
let window: ReturnType<typeof setTimeout> | undefined;
let dirty = false;
let latest = 0;
const pageNow = (): Promise<number> => preview.page.evaluate('performance.now()') as Promise<number>;

/** Analyses the newest version only, and posts it. */
async function renderNewest(): Promise<void> {
  const message = renderOf(latest);
  if (message) await preview.post(message);
}

function onChange(): void {
  void preview.post({ type: 'edited', uri, version: latest });
  clearTimeout(diagnosticsTimer);
  diagnosticsTimer = setTimeout(() => {
    const version = latest;
    parseDocument(versionText(version));
    void pageNow().then((now) => (diagnosed = { version, at: now }));
  }, diagnosticsDebounceMs);
  const close = (): void => {
    window = undefined;
    if (!dirty) return;
    dirty = false;
    void renderNewest();
    window = setTimeout(close, previewDebounceMs);
  };
  if (window === undefined) void renderNewest();
  else {
    dirty = true;
    clearTimeout(window);
  }
  window = setTimeout(close, previewDebounceMs);
}

let cpuAtLastKey = 0;
for (let n = 1; n <= keys; n++) {
  latest = n;
  if (n === keys) cpuAtLastKey = await cpuSeconds();
  keyTimes.push(await pageNow());
  onChange();
  await sleep(keystrokeMs);
}
const final = await preview.waitForPosted((m): m is never => m.type === 'rendered' && m.version === keys, 0, 60_000);
const cpuToFinal = (await cpuSeconds()) - cpuAtLastKey;
while (diagnosed.version !== keys) await sleep(10);
const marks = (await preview.page.evaluate(
  `performance.getEntriesByType('mark').filter((m) => m.name.startsWith('anycast-layout ')).map((m) => ({ name: m.name, at: m.startTime }))`,
)) as { name: string; at: number }[];
const lastKey = keyTimes[keyTimes.length - 1]!;
const finalMark = marks.find((m) => m.name === `anycast-layout ${uri} ${keys}`);
const pictureDone = (final as { at: number }).at - lastKey;
const arrived = (await preview.page.evaluate('window.__edits')) as Record<string, number>;
let wasted = 0;
for (const mark of marks) {
  const version = Number(mark.name.split(' ').pop());
  const next = arrived[String(version + 1)];
  if (version >= 1 && version < keys && next !== undefined && mark.at > next) wasted++;
}
console.log(
  `${keys} keystrokes; layouts started for versions ${marks.map((m) => m.name.split(' ').pop()).join(', ')}; final layout began ${((finalMark?.at ?? 0) - lastKey).toFixed(0)} ms after the last keystroke`,
);
report({
  name: 'typing on cdn: final diagnostics after the last keystroke',
  implementation: 'preview',
  value: diagnosed.at - lastKey,
  unit: 'ms',
  target: 1500,
});
report({
  name: 'typing on cdn: final picture after the last keystroke',
  implementation: 'preview',
  value: pictureDone,
  unit: 'ms',
  target: 1500,
});
report({
  name: 'typing on cdn: webview CPU from the last keystroke to the final picture',
  implementation: 'preview',
  value: cpuToFinal * 1000,
  unit: 'ms',
});
report({
  name: 'typing on cdn: superseded layouts started after a newer keystroke',
  implementation: 'preview',
  value: wasted,
  unit: 'count',
  target: 0,
});
await preview.close();
await closeBrowser();
