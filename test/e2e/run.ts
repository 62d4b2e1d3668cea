// Runs in Node: the end-to-end test, as a person uses the extension. `vsce package` builds the .vsix,
// code-server installs it, and Playwright drives the workbench in Debian's chromium: Quick Open,
// typing, the Problems panel. Screenshots go to test-results/e2e/ for review. Part of npm test.
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Resvg } from '@resvg/resvg-js';
import { chromium, type Browser, type Page } from 'playwright-core';
import { installVsix, startCodeServer, type CodeServerSession } from '../integration/codeServer';
import {
  chromiumLaunchOptions,
  finish,
  prepareWorkspace,
  removeDirs,
  scratchDir,
  startWatchdog,
  waitForFile,
  withTimeout,
} from '../integration/harness';
import { repoRoot } from '../integration/testEnv';
import { Workbench } from './workbench';
import { compareVsixFiles, forbiddenFiles, parseExpectedFiles, readZip, type ZipEntry } from './vsix';

const layer = 'end-to-end';
const packageTimeoutMs = 180_000;
/** Playwright's wait for each thing a person would see; the workbench needs a few seconds at first. */
const uiTimeoutMs = 45_000;
const screenshots = join(repoRoot, 'test-results', 'e2e');
/** Every step has its own timeouts; this bounds the sum, for CI's sake. */
const layerTimeoutMs = 15 * 60_000;

interface Step {
  readonly name: string;
  /** A chained step needs the chained ones before it: it fails without running once one of them failed. */
  readonly chained: boolean;
  readonly run: () => Promise<void>;
}

const steps: Step[] = [];
const step = (name: string, run: () => Promise<void>, chained = true): void => {
  steps.push({ name, run, chained });
};

const scratch = scratchDir('e2e');
const vsixPath = join(scratch, 'anycast-topology.vsix');
const extensionsDir = join(scratch, 'extensions');
let vsceOutput = '';
let vsixEntries: ZipEntry[] = [];
let vsixFiles: string[] = [];
let workspace: string | undefined;
let session: CodeServerSession | undefined;
let browser: Browser | undefined;
let page: Page;
/** Opened with the browser, before the workbench (see the first step). */
let firstPage: Page | undefined;
let wb: Workbench;

step('npm run package (vsce) builds the .vsix with no warnings', async () => {
  // Chromium is started first, with its page, while the package builds: a browser that opened its
  // first page seconds before the workbench defers its first service-worker install (each webview
  // needs one) by 2-3 s, which would charge the preview's first picture with a cold browser, not with
  // anything a user meets.
  browser = await chromium.launch(chromiumLaunchOptions());
  firstPage = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const { stdout, stderr } = await withTimeout(
    // The same command a maintainer runs, so its flags are tested too.
    promisify(execFile)('npm', ['run', '--silent', 'package', '--', '--out', vsixPath], { cwd: repoRoot }),
    packageTimeoutMs,
    'vsce package',
  );
  vsceOutput = stdout + stderr;
  const warnings = vsceOutput.split('\n').filter((line) => /\bWARNING\b/i.test(line));
  if (warnings.length > 0) throw new Error(`vsce package warned:\n${warnings.join('\n')}`);
  vsixEntries = readZip(vsixPath);
  vsixFiles = vsixEntries.map((e) => e.name);
});

step(
  'the .vsix holds exactly the files listed in test/e2e/expectedVsixFiles.txt',
  async () => {
    const problems = compareVsixFiles(
      vsixFiles,
      parseExpectedFiles(readFileSync(join(repoRoot, 'test', 'e2e', 'expectedVsixFiles.txt'), 'utf8')),
    );
    if (problems.length > 0)
      throw new Error(`${problems.join('\n')}\n(.vscodeignore decides what ships; the list says what should)`);
  },
  false,
);

step(
  'the .vsix holds no node_modules, sources, tests or source maps',
  async () => {
    const forbidden = forbiddenFiles(vsixFiles);
    if (forbidden.length > 0) throw new Error(`must not ship: ${forbidden.join(', ')}`);
    for (const entry of vsixEntries.filter((e) => e.name.endsWith('.js'))) {
      if (entry.content().toString('utf8').includes('sourceMappingURL='))
        throw new Error(
          `${entry.name} points to a source map that does not ship (vscode:prepublish builds with --production)`,
        );
    }
  },
  false,
);

step(
  'every file the manifest points to is in the .vsix',
  async () => {
    const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
    const pointed: string[] = [manifest.main, manifest.browser, manifest.icon];
    for (const language of manifest.contributes?.languages ?? [])
      pointed.push(language.configuration, language.icon?.light, language.icon?.dark);
    for (const grammar of manifest.contributes?.grammars ?? []) pointed.push(grammar.path);
    const missing = pointed
      .filter((p): p is string => typeof p === 'string')
      .map((p) => `extension/${p.replace(/^\.\//, '')}`)
      .filter((p) => !vsixFiles.includes(p));
    if (missing.length > 0) throw new Error(`package.json points to files the .vsix lacks: ${missing.join(', ')}`);
  },
  false,
);

step('code-server installs the .vsix as a user would', async () => {
  const output = await installVsix(vsixPath, extensionsDir);
  if (!/successfully installed/i.test(output)) throw new Error(`code-server did not confirm the install:\n${output}`);
});

step('the workbench opens the untrusted folder in Restricted Mode', async () => {
  workspace = prepareWorkspace();
  // A diagram laid out by ELK, for the last step, written before the workbench starts: Quick Open
  // may not list a file written while it runs.
  const seed = readFileSync(join(repoRoot, 'examples', 'seed.anycast.mmd'), 'utf8');
  writeFileSync(join(workspace, 'examples', 'elk-layout.anycast.mmd'), `---\nconfig:\n  layout: elk\n---\n${seed}`);
  session = await startCodeServer(workspace, { extensionsDir, workspaceTrust: true });
  browser ??= await chromium.launch(chromiumLaunchOptions());
  page = firstPage ?? (await browser.newPage({ viewport: { width: 1400, height: 900 } }));
  page.setDefaultTimeout(uiTimeoutMs);
  wb = new Workbench(page, screenshots);
  await page.goto(`${session.url}/?folder=${encodeURIComponent(workspace)}`);
  await page.locator('.statusbar-item', { hasText: 'Restricted Mode' }).first().waitFor();
});

step('Quick Open opens examples/seed.anycast.mmd as Anycast Topology, coloured by its grammar', async () => {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill('seed.anycast.mmd');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'seed.anycast.mmd' }).first().waitFor();
  await page.keyboard.press('Enter');
  await wb.editor().locator('.view-lines', { hasText: 'flowchart' }).waitFor();
  await page.locator('#status\\.editor\\.mode', { hasText: 'Anycast Topology' }).waitFor();
  // The grammar has coloured the text once the editor shows more than the default token colour.
  await page.waitForFunction(
    `new Set([...document.querySelectorAll('.editor-instance .view-lines span[class^="mtk"]')].map((s) => s.className)).size > 2`,
  );
  await wb.screenshot('01-seed-highlighted');
});

step('typing a dangling edge shows a red squiggle and a Problems entry on that line', async () => {
  await wb.focusEditor();
  await page.keyboard.press('Control+End');
  // Control+End lands on the last line; End then Enter opens a fresh line below it.
  const typedLine = readFileSync(join(workspace!, 'examples', 'seed.anycast.mmd'), 'utf8').split('\n').length + 1;
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('PoPUS -->');
  await page.locator('#status\\.editor\\.selection', { hasText: `Ln ${typedLine},` }).waitFor();
  await wb.editor().locator('.squiggly-error').first().waitFor();
  await page.keyboard.press('Control+Shift+M');
  const row = page.locator('.markers-panel .monaco-list-row', { hasText: `Ln ${typedLine}` }).first();
  await row.waitFor();
  await wb.screenshot('02-error-squiggle-and-problem');
});

step('deleting the line clears the squiggle and the Problems entry', async () => {
  await wb.focusEditor();
  await page.keyboard.press('Control+End');
  await wb.runCommand('Delete Line');
  await wb.editor().locator('.squiggly-error').first().waitFor({ state: 'detached' });
  await page.locator('.markers-panel', { hasText: 'No problems have been detected' }).first().waitFor();
  await wb.screenshot('03-fixed');
});

/** Figures measured along the way, printed as they come and written to test-results/e2e/figures.json. */
const figures: Record<string, number> = {};
/** The target for the first picture after "Open Preview" (issue 11), reported, not asserted: the machine is shared. */
const firstPictureTargetMs = 1500;

function report(name: string, ms: number, target: string): void {
  figures[name] = Math.round(ms);
  console.log(`  figure: ${name} ${Math.round(ms)} ms (${target})`);
}

step('"Anycast: Open Preview to the Side" from the palette draws the seed beside the editor', async () => {
  await wb.focusEditor();
  const issued = await wb.runCommand('Anycast: Open Preview to the Side');
  // The same moment on the wall clock, which the webview's own timings are measured against.
  const issuedAt = Date.now() - (performance.now() - issued);
  // No picture at all fails the step (the wait times out); a slow one is reported.
  await wb.previewFrame().locator('svg g.node', { hasText: 'New York' }).first().waitFor();
  await wb.previewFrame().locator('svg g.node', { hasText: 'Asia-Pacific' }).first().waitFor();
  report(
    'firstPictureMs',
    performance.now() - issued,
    `first picture of the seed, target < ${firstPictureTargetMs} ms`,
  );
  const timeline = await wb.previewTimeline(issuedAt);
  report('firstPictureHtmlMs', timeline.html, 'the workbench has the webview HTML from the extension');
  report('firstPictureWebviewPageMs', timeline.page, 'the webview page starts loading');
  report('firstPictureScriptMs', timeline.script, 'the page has dist/webview.js');
  report('firstPictureLayoutStartMs', timeline.layout, 'mermaid starts the first layout');
  await wb.screenshot('04-preview');
});

step(
  '"Anycast: Simulate Failure..." from the palette, picking US-East, moves New York to EU-West in the preview',
  async () => {
    await wb.simulateByName('US-East');
    // New York wears EU-West's colour (the second PoP, ac-c1) and is marked moved; US-East is withdrawn.
    await wb.previewFrame().locator('g.node.ac-client.ac-moved.ac-c1', { hasText: 'New York' }).first().waitFor();
    await wb.previewFrame().locator('g.node.ac-pop.ac-withdrawn', { hasText: 'US-East' }).first().waitFor();
    await page.locator('.statusbar-item', { hasText: 'US-East down · 1 client moved' }).first().waitFor();
    await wb.screenshot('05-simulated-us-east-down');
  },
);

step('hovering the New York client in the editor reads its path to EU-West', async () => {
  await wb.editor().locator('.view-lines span', { hasText: 'User in New York' }).first().hover();
  const hover = page.locator('.monaco-hover', { hasText: 'Served by EU-West' }).first();
  await hover.waitFor();
  await page.locator('.monaco-hover', { hasText: 'AS path: 64496 (Internet) 64513' }).first().waitFor();
  await page.locator('.monaco-hover', { hasText: 'moved from US-East' }).first().waitFor();
  await wb.screenshot('06-hover-new-york');
  await page.keyboard.press('Escape');
});

step('"Anycast: Export SVG" saves a standalone SVG beside the diagram', async () => {
  const target = join(workspace!, 'examples', 'seed.svg');
  rmSync(target, { force: true });
  await wb.focusEditor();
  await wb.startCommand('Anycast: Export SVG');
  // The save dialog proposes seed.svg beside seed.anycast.mmd; Enter accepts it.
  const input = page.locator('.quick-input-widget input');
  await page.waitForFunction(
    () =>
      (document.querySelector('.quick-input-widget input') as HTMLInputElement | null)?.value.endsWith('seed.svg') ??
      false,
  );
  await wb.screenshot('07-export-dialog');
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden' });
  await waitForFile(target, uiTimeoutMs);
  const svg = readFileSync(target, 'utf8');
  if (!svg.startsWith('<?xml') || !/<svg[^>]*\swidth="\d+"[^>]*>/.test(svg))
    throw new Error(`not a standalone SVG: ${svg.slice(0, 200)}`);
  if (/foreignObject/i.test(svg)) throw new Error('the exported SVG holds a <foreignObject>');
  if (!svg.replace(/<[^>]+>/g, ' ').includes('moved'))
    throw new Error('the exported SVG does not show the simulation (New York marked moved)');
});

step(
  'a box ticked with the mouse and Enter accept the ticked set in the picker; the code lenses follow at once',
  async () => {
    await wb.openSimulatePicker();
    const row = page.locator('.quick-input-list .monaco-list-row', { hasText: 'Asia-Pacific' }).first();
    await row.locator('.monaco-checkbox').click();
    await page.locator('.quick-input-widget', { hasText: '2 Selected' }).waitFor();
    // The box took the keyboard focus with the click (there Enter would untick it); the picker takes it back.
    await page.waitForFunction(() => {
      const focused = document.activeElement;
      return Boolean(focused?.closest('.quick-input-widget')) && !focused?.closest('.monaco-checkbox');
    });
    const entered = performance.now();
    await page.keyboard.press('Enter');
    await wb.quickInput().waitFor({ state: 'hidden' });
    await page
      .locator('.statusbar-item', { hasText: 'US-East, Asia-Pacific down · 2 clients moved' })
      .first()
      .waitFor();
    report('statusRefreshMs', performance.now() - entered, 'status bar after a simulation change');
    await wb.previewFrame().locator('g.node.ac-pop.ac-withdrawn', { hasText: 'Asia-Pacific' }).first().waitFor();
    report('previewRefreshMs', performance.now() - entered, 'preview after a simulation change');
    await wb.editor().locator('.codelens-decoration', { hasText: 'Failed in simulation' }).nth(1).waitFor();
    report(
      'lensRefreshMs',
      performance.now() - entered,
      'code lenses after a simulation change (VS Code asks for lenses 250 ms or more after the editor has the focus back)',
    );
    await wb.screenshot('07b-picker-ticked-with-the-mouse');
  },
);

step(
  'the cdn example in Dark High Contrast with a PoP and an AS failed keeps its catchment colours readable',
  async () => {
    await page.keyboard.press('Control+P');
    const input = page.locator('.quick-input-widget input');
    await input.fill('cdn.anycast.mmd');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'cdn.anycast.mmd' }).first().click();
    await page.locator('.tab.active', { hasText: 'cdn.anycast.mmd' }).waitFor();
    await wb.startCommand('Preferences: Color Theme');
    await input.fill('Dark High Contrast');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Dark High Contrast' }).first().click();
    await page.locator('body.hc-black, .monaco-workbench.hc-black').first().waitFor();
    await wb.focusEditor();
    await wb.runCommand('Anycast: Open Preview to the Side');
    // Above 12 placed PoPs the preview opens on the map; this step looks at the diagram.
    await wb.showPreviewView('diagram');
    await wb.previewFrame().locator('svg', { hasText: 'Johannesburg' }).first().waitFor();
    await wb.simulateByName('LAX');
    // Typed while LAX is already failed: Enter fails Lumen too.
    await wb.simulateByName('AS3356 Lumen');
    await wb.previewFrame().locator('g.node.ac-pop.ac-withdrawn', { hasText: 'LAX' }).first().waitFor();
    await wb.previewFrame().locator('g.node.ac-as.ac-failed', { hasText: 'Lumen' }).first().waitFor();
    await wb.previewFrame().locator('path.ac-failed').first().waitFor();
    // The whole cdn diagram fits the preview only at about 1:12: the cursor on LAX's line marks it in
    // the picture, and Zoom in (1.25x around the marked node) brings it to a readable size.
    const cdnLines = readFileSync(join(repoRoot, 'examples', 'cdn.anycast.mmd'), 'utf8').split('\n');
    const laxLine = cdnLines.findIndex((line) => /^\s*LAX\[/.test(line)) + 1;
    await wb.focusEditor();
    await page.keyboard.press('Control+G');
    await wb.quickInput().fill(`:${laxLine}`);
    await page.keyboard.press('Enter');
    // Go to Line leaves the cursor in the indentation; Home puts it on the node's id.
    await page.keyboard.press('Home');
    await wb.previewFrame().locator('g.node.ac-cursor', { hasText: 'LAX' }).first().waitFor();
    const zoomIn = wb.previewFrame().getByRole('button', { name: 'Zoom in' });
    for (let i = 0; i < 10; i++) await zoomIn.click();
    await wb.screenshot('08-cdn-dark-high-contrast-lax-and-lumen-failed');
  },
);

step(
  'the cdn example on the catchment map with LAX failed, and its exported map drawn outside the browser',
  async () => {
    await wb.focusEditor();
    await wb.runCommand('Anycast: Switch Preview Between Map and Diagram');
    await wb.previewFrame().locator('g.acm-pop.acm-withdrawn', { hasText: 'LAX' }).first().waitFor();
    await wb.previewFrame().locator('path.acm-land').first().waitFor();
    await wb.screenshot('09-cdn-map-lax-failed');
    const target = join(workspace!, 'examples', 'cdn.svg');
    rmSync(target, { force: true });
    await wb.focusEditor();
    await wb.startCommand('Anycast: Export SVG');
    const input = page.locator('.quick-input-widget input');
    await page.waitForFunction(
      () =>
        (document.querySelector('.quick-input-widget input') as HTMLInputElement | null)?.value.endsWith('cdn.svg') ??
        false,
    );
    await page.keyboard.press('Enter');
    await input.waitFor({ state: 'hidden' });
    await waitForFile(target, uiTimeoutMs);
    const svg = readFileSync(target, 'utf8');
    if (!svg.includes('data-pop=')) throw new Error('the exported SVG is not the map on screen');
    if (/foreignObject/i.test(svg)) throw new Error('the exported map holds a <foreignObject>');
    const size = /<svg[^>]*\swidth="(\d+(?:\.\d+)?)"[^>]*\sheight="(\d+(?:\.\d+)?)"/.exec(svg);
    if (!size) throw new Error(`the exported map has no explicit size: ${svg.slice(0, 200)}`);
    const picture = new Resvg(svg, { font: { loadSystemFonts: true } }).render();
    if (picture.width !== Math.round(Number(size[1])) || picture.height !== Math.round(Number(size[2])))
      throw new Error(`resvg drew ${picture.width}x${picture.height}, the SVG declares ${size[1]}x${size[2]}`);
    const pixels = picture.pixels;
    const colours = new Set<number>();
    for (let i = 0; i < pixels.length && colours.size < 16; i += 4 * 97)
      colours.add((pixels[i]! << 16) | (pixels[i + 1]! << 8) | pixels[i + 2]!);
    if (colours.size < 4) throw new Error(`the exported map renders nearly blank (${colours.size} colours sampled)`);
  },
);

step(
  'a diagram that asks for an ELK layout has the preview load ELK, a script of its own, and draw with it',
  async () => {
    await page.keyboard.press('Control+P');
    await wb.quickInput().fill('elk-layout.anycast.mmd');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'elk-layout.anycast.mmd' }).first().click();
    await page.locator('.tab.active', { hasText: 'elk-layout.anycast.mmd' }).waitFor();
    await wb.focusEditor();
    await wb.runCommand('Anycast: Open Preview to the Side');
    await wb.previewFrame().locator('svg g.node', { hasText: 'User in Tokyo' }).first().waitFor();
    await wb.previewFrame().locator('script[src$="/webview-elk.js"]').waitFor({ state: 'attached' });
    await wb.screenshot('10-elk-layout');
  },
);

async function main(): Promise<void> {
  rmSync(screenshots, { recursive: true, force: true });
  mkdirSync(screenshots, { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  let passed = 0;
  let failed = 0;
  startWatchdog(
    layer,
    layerTimeoutMs,
    () => ({ passed, failed: failed + 1 }),
    () => session?.service.kill(),
  );
  let broken: string | undefined;
  for (const { name, run, chained } of steps) {
    try {
      if (chained && broken) throw new Error(`not run: "${broken}" failed`);
      await run();
      passed++;
      console.log(`  ok ${name}`);
    } catch (error) {
      failed++;
      if (chained) broken ??= name;
      console.log(
        `  not ok ${name}\n    ${(error instanceof Error ? error.message : String(error)).split('\n').join('\n    ')}`,
      );
      if (page) await wb.screenshot(`failed-${passed + failed}`).catch(() => undefined);
    }
  }
  writeFileSync(join(screenshots, 'figures.json'), `${JSON.stringify(figures, null, 2)}\n`);
  await browser?.close().catch(() => undefined);
  await session?.service.stop();
  removeDirs(scratch, ...(session?.dirs ?? []), ...(workspace ? [workspace] : []));
  finish(layer, { passed, failed });
}

main()
  .catch((error) => finish(layer, undefined, error))
  // A step that failed may leave a handle open (a dialog, a socket): never let it keep the run alive.
  .finally(() => process.exit());
