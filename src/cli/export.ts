// Runs in Node: `anycast export FILE -o OUT.svg|OUT.png [--fail POP|--fail-as AS|--fail-link A--B|--up POP]...`, the preview's picture as a
// file, drawn by the preview's own bundle (dist/webview.js, the same mermaid and annotations) in
// headless Chromium, made portable by the same function the editor's Export SVG uses.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ExportBackground, HostToWebview, PictureMessage, WebviewToHost } from '../protocol/messages';
import type { Browser } from 'playwright-core';
import type * as PlaywrightCore from 'playwright-core';
import { failureFlags, whatIfOptions } from './failureOptions';
import { mapScene } from '../routing/map/mapScene';
import type { MapScene } from '../routing/map/mapScene';
import type { PreviewView } from '../routing/map/previewView';
import { pictureExit, previewFile } from './failures';
import type { FailureFlags } from './failures';
import type { CliIo } from './io';
import { helpOption, readCommandLine, usageError } from './options';
import type { CommandSpec, OptionSpec } from './options';
import { onInterrupt } from './io';
import { EXIT } from './exitCodes';

const exportOptions = [
  {
    name: 'output',
    short: 'o',
    type: 'string',
    value: 'OUT',
    description: 'the file to write; .svg or .png (required)',
  },
  ...whatIfOptions,
  {
    name: 'view',
    type: 'string',
    value: 'VIEW',
    default: 'diagram',
    description: 'diagram or map (the catchment map)',
  },
  {
    name: 'attack',
    type: 'boolean',
    description: "add the diagram's attack sources to each PoP's load, as the preview's Simulate attack does",
  },
  { name: 'background', type: 'string', value: 'BG', default: 'light', description: 'light, dark or transparent' },
  { name: 'scale', type: 'string', value: 'N', default: '2', description: 'PNG pixels per diagram unit, at most 8' },
  {
    name: 'chromium',
    type: 'string',
    value: 'PATH',
    description: 'the Chromium to use (default: $ANYCAST_CHROMIUM, then /usr/bin/chromium)',
  },
  {
    name: 'timeout',
    type: 'string',
    value: 'SECONDS',
    default: '120',
    description: 'give up on a layout after this long',
  },
  helpOption,
] as const satisfies readonly OptionSpec[];

export const exportCommand: CommandSpec<typeof exportOptions> = {
  name: 'export',
  synopsis: [
    'export FILE -o OUT.svg [--view map] [--fail POP|--fail-as AS|--fail-link A--B|--up POP]... [options]',
    'export FILE -o OUT.png [--fail POP|--fail-as AS|--fail-link A--B|--up POP]... [--scale 2] [options]',
  ],
  description: `Draws FILE as the editor's preview does (mermaid, PoP colours, catchments, the legend, withdrawn
PoPs and moved clients) in headless Chromium, and writes a standalone picture: an SVG that opens
in browsers and in other renderers (explicit size, styles inlined, no <foreignObject>, a generic
font), or a PNG. The file is written whole or not at all. With --view map it draws the catchment map
instead: each PoP on the world sized by its traffic share, each client's arc to the PoP that serves
it, failures marked, the legend beside it.`,
  options: exportOptions,
  exitStatus:
    '0 written, 1 the file cannot be read, drawn or written, or a flag names nothing in it, 2 bad usage, 3 written, but the routing never settles, 4 no usable Chromium (the table in `anycast --help`).',
};

const backgrounds: readonly ExportBackground[] = ['light', 'dark', 'transparent'];
const chromiumCandidates = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

interface ExportArgs {
  readonly file: string;
  readonly view: PreviewView;
  readonly output: string;
  readonly format: 'svg' | 'png';
  readonly fail: FailureFlags;
  readonly background: ExportBackground;
  readonly scale: number;
  readonly chromium?: string;
  readonly timeoutMs: number;
  readonly attack: boolean;
}

/** The command line read, or the exit status after the help or a usage error. */
function readArgs(args: readonly string[], io: CliIo): ExportArgs | number {
  const parsed = readCommandLine(exportCommand, args, io);
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  const wrong = (message: string): number => usageError('export', message, io);
  if (positionals.length !== 1)
    return wrong(positionals.length === 0 ? 'name the diagram file' : 'name one diagram file');
  const { output, background, chromium, view } = values;
  if (view !== 'map' && view !== 'diagram') return wrong(`--view takes map or diagram, not '${view}'`);
  if (output === undefined) return wrong('name the picture to write with -o OUT.svg or -o OUT.png');
  const ext = extname(output).toLowerCase();
  if (ext !== '.svg' && ext !== '.png') return wrong(`-o ${output}: the name must end in .svg or .png`);
  if (!backgrounds.includes(background as ExportBackground))
    return wrong(`--background takes ${backgrounds.join(', ')}, not '${background}'`);
  const scale = Number(values.scale);
  if (!(scale > 0 && scale <= 8)) return wrong('--scale takes a number above 0, at most 8');
  const seconds = Number(values.timeout);
  if (!(seconds > 0)) return wrong('--timeout takes a number of seconds');
  return {
    file: positionals[0]!,
    view,
    output,
    format: ext === '.png' ? 'png' : 'svg',
    fail: failureFlags(values),
    background: background as ExportBackground,
    scale,
    timeoutMs: seconds * 1000,
    attack: values.attack,
    ...(chromium !== undefined ? { chromium } : {}),
  };
}

/** The Chromium to drive, or a sentence saying where we looked. */
export function findChromium(
  explicit: string | undefined,
  env: NodeJS.ProcessEnv,
): string | { readonly missing: string } {
  const named = explicit ?? env['ANYCAST_CHROMIUM'];
  if (named !== undefined) return existsSync(named) ? named : { missing: `no Chromium at ${named}` };
  const found = chromiumCandidates.find((p) => existsSync(p));
  return found ?? { missing: `no Chromium found (looked at ${chromiumCandidates.join(', ')})` };
}

/** dist/webview.js and media/preview.css beside the CLI bundle (dist/cli.js), or in the source tree under tsx. */
function previewAssets(): { script: string; style: string } | undefined {
  for (const root of [resolve(__dirname, '..'), resolve(__dirname, '..', '..')]) {
    const script = join(root, 'dist', 'webview.js');
    const style = join(root, 'media', 'preview.css');
    if (existsSync(script) && existsSync(style)) return { script, style };
  }
  return undefined;
}

/** The preview's page, reduced to what the webview needs, with a host that records what it posts. */
function pageHtml(script: string, style: string, theme: 'light' | 'dark'): string {
  const nonce = 'anycastexport';
  const csp = [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    "style-src file: 'unsafe-inline'",
    'img-src file: data:',
    'font-src file:',
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<link rel="stylesheet" href="${pathToFileURL(style).href}">
</head><body class="vscode-${theme}">
<script nonce="${nonce}">
  window.__posted = [];
  window.acquireVsCodeApi = () => ({ postMessage: (m) => window.__posted.push(m), getState: () => undefined, setState: () => undefined });
</script>
<script nonce="${nonce}" src="${pathToFileURL(script).href}"></script>
</body></html>`;
}

class ExportError extends Error {
  constructor(
    message: string,
    readonly code: number,
  ) {
    super(message);
  }
}

interface Drawing {
  readonly mermaidText: string;
  readonly routing: Extract<HostToWebview, { type: 'render' }>['routing'];
  readonly edges: Extract<HostToWebview, { type: 'render' }>['edges'];
  readonly title: string;
  readonly map?: MapScene;
}

/** Starts headless Chromium through playwright-core, loaded only now: it is big and only export needs it. */
/**
 * Starts Chromium with its own temporary files (`org.chromium.Chromium.*`) inside `tmp`, our export
 * folder, so that removing the folder on a signal removes them too.
 */
async function launch(chromium: string, tmp: string): Promise<Browser> {
  let playwright: typeof PlaywrightCore;
  try {
    playwright = await import('playwright-core');
  } catch {
    throw new ExportError(
      'anycast export needs the playwright-core package to drive Chromium (npm install playwright-core)',
      EXIT.missingDependency,
    );
  }
  try {
    return await playwright.chromium.launch({
      executablePath: chromium,
      env: { ...process.env, TMPDIR: tmp },
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
  } catch (error) {
    throw new ExportError(
      `Chromium at ${chromium} did not start: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
      EXIT.missingDependency,
    );
  }
}

/** Lays the drawing out in headless Chromium and asks the webview for the portable picture. */
async function draw(chromium: string, drawing: Drawing, args: ExportArgs): Promise<PictureMessage> {
  const assets = previewAssets();
  if (!assets)
    throw new ExportError('the preview bundle is missing: run `npm run build` (it makes dist/webview.js)', 1);
  const dir = mkdtempSync(join(tmpdir(), 'anycast-export-'));
  const removeDir = (): void => rmSync(dir, { recursive: true, force: true });
  const forget = onInterrupt(removeDir);
  const page = join(dir, 'export.html');
  writeFileSync(page, pageHtml(assets.script, assets.style, args.background === 'dark' ? 'dark' : 'light'));
  let browser: Browser | undefined;
  try {
    browser = await launch(chromium, dir);
    const tab = await browser.newPage();
    // Nothing but our own files: no network, ever.
    await tab.route(/^(?!file:)/, (route) => route.abort());
    await tab.goto(pathToFileURL(page).href);
    const posted = (): Promise<WebviewToHost[]> =>
      tab.evaluate(() => (window as unknown as { __posted: WebviewToHost[] }).__posted);
    const waitFor = async <T extends WebviewToHost>(
      match: (m: WebviewToHost) => m is T,
      what: string,
    ): Promise<T | WebviewToHost> => {
      const deadline = Date.now() + args.timeoutMs;
      for (;;) {
        const found = (await posted()).find((m) => match(m) || m.type === 'renderFailed');
        if (found) return found;
        if (Date.now() > deadline)
          throw new ExportError(`timed out after ${args.timeoutMs / 1000} s waiting for ${what}`, 1);
        await new Promise((r) => setTimeout(r, 20));
      }
    };
    const post = (message: HostToWebview): Promise<void> => tab.evaluate((m) => window.postMessage(m, '*'), message);
    await waitFor((m): m is WebviewToHost => m.type === 'ready', 'the preview to load');
    await post({ type: 'setTheme', theme: args.background === 'dark' ? 'dark' : 'light' });
    await post({ type: 'setView', view: args.view });
    const uri = pathToFileURL(resolve(args.file)).href;
    await post({
      type: 'render',
      uri,
      version: 1,
      mermaidText: drawing.mermaidText,
      routing: drawing.routing,
      edges: drawing.edges,
      // The map needs no mermaid layout: a limit of 0 tells the webview to skip it.
      maxEdges: args.view === 'map' ? 0 : Math.max(500, drawing.edges.length),
      ...(drawing.map ? { map: drawing.map } : {}),
      title: drawing.title,
    });
    const rendered = await waitFor((m): m is WebviewToHost => m.type === 'rendered', 'mermaid to lay the diagram out');
    if (rendered.type === 'renderFailed')
      throw new ExportError(`mermaid could not draw ${args.file}: ${rendered.message}`, 1);
    await post({
      type: 'requestPicture',
      requestId: 1,
      background: args.background,
      format: args.format,
      scale: args.scale,
    });
    const answer = await waitFor((m): m is PictureMessage => m.type === 'picture' && m.requestId === 1, 'the picture');
    if (answer.type !== 'picture') throw new ExportError('the preview failed while exporting', 1);
    if (answer.error !== undefined || answer.svg === undefined)
      throw new ExportError(`the export failed: ${answer.error ?? 'no picture'}`, 1);
    return answer;
  } finally {
    await browser?.close();
    forget();
    removeDir();
  }
}

export async function runExport(
  args: readonly string[],
  io: CliIo,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  const parsed = readArgs(args, io);
  if (typeof parsed === 'number') return parsed;
  const load = { attack: parsed.attack };
  const drawn = await previewFile('export', parsed.file, parsed.fail, io, load);
  if (typeof drawn === 'number') return drawn;
  const { content, scenario, analysis } = drawn;
  const map = parsed.view === 'map' ? mapScene(analysis.underScenario(scenario), undefined, load) : undefined;
  if (parsed.view === 'map' && !map) {
    io.err(`anycast export: ${parsed.file}: the routing could not be computed, so there is no map to draw`);
    return 1;
  }
  const chromium = findChromium(parsed.chromium, env);
  if (typeof chromium !== 'string') {
    io.err(
      `anycast export: ${chromium.missing}. Install Chromium (apt-get install chromium), or pass --chromium PATH or set ANYCAST_CHROMIUM.`,
    );
    return EXIT.missingDependency;
  }
  try {
    const answer = await draw(
      chromium,
      {
        mermaidText: content.mermaidText,
        routing: content.routing,
        edges: content.edges,
        title: parsed.file,
        ...(map ? { map } : {}),
      },
      parsed,
    );
    const data = parsed.format === 'png' ? Buffer.from(answer.png ?? '', 'base64') : answer.svg!;
    if (data.length === 0) throw new ExportError('the preview could not rasterise the picture; no file written', 1);
    await io.writeFileAtomic(parsed.output, data);
    if (answer.note !== undefined) io.err(`anycast export: ${parsed.output}: ${answer.note}`);
  } catch (error) {
    if (error instanceof ExportError) {
      io.err(`anycast export: ${error.message}`);
      return error.code;
    }
    throw error;
  }
  if (content.routing.problem) io.err(`anycast export: ${parsed.file}: ${content.routing.problem}`);
  return pictureExit(drawn);
}
