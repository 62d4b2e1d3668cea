// Runs in the extension host: failure simulation end to end through the real providers — the
// command, the hover, the code lenses, the status headline, the summary and the preview.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SimulationState } from '../../../src/extension/simulation';
import {
  anycastApi,
  anycastExtension,
  closeAllEditors,
  openWorkspaceFile,
  replaceText,
  waitTimeoutMs,
  waitUntil,
} from './helpers';

function state(document: vscode.TextDocument): Thenable<SimulationState> {
  return anycastApi().then((api) => {
    const now = api.simulationState(document.uri);
    if (!now) throw new Error(`${document.uri.toString()} is not open`);
    return now;
  });
}

/** The hover text at the first occurrence of `word` in the document. */
async function hoverText(document: vscode.TextDocument, word: string): Promise<string> {
  const offset = document.getText().indexOf(word);
  assert.ok(offset >= 0, `'${word}' is in the document`);
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
    'vscode.executeHoverProvider',
    document.uri,
    document.positionAt(offset + 1),
  );
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
}

async function lensTitles(document: vscode.TextDocument): Promise<string[]> {
  const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>(
    'vscode.executeCodeLensProvider',
    document.uri,
    10,
  );
  return lenses.map((l) => l.command?.title ?? '');
}

/** Asks for the lenses until their titles satisfy `predicate` (VS Code refreshes them on our change event). */
async function lensTitlesOnce(
  document: vscode.TextDocument,
  predicate: (titles: readonly string[]) => boolean,
  what: string,
): Promise<string[]> {
  let titles: string[] = [];
  await waitUntil(() => {
    void lensTitles(document).then((t) => (titles = t));
    return predicate(titles);
  }, what);
  return titles;
}

suite('Failure simulation', () => {
  let document: vscode.TextDocument;

  setup(async () => {
    document = (await openWorkspaceFile('examples/seed.anycast.mmd')).document;
    await waitUntil(() => anycastExtension().isActive, 'the extension to activate');
    await vscode.commands.executeCommand('anycast.endSimulation', document.uri);
  });
  teardown(async () => {
    await vscode.commands.executeCommand('anycast.endSimulation', document.uri);
    await closeAllEditors();
  });

  test('Simulate Failure on US-East moves New York to EU-West, and End Simulation brings it back', async () => {
    const before = await state(document);
    assert.equal(before.clients['ClientUS'], 'PoPUS');
    assert.equal(before.headline, '');
    const headline = await vscode.commands.executeCommand<string>('anycast.simulateFailure', {
      uri: document.uri.toString(),
      pops: ['US-East'],
    });
    assert.equal(headline, 'US-East down · 1 client moved');
    const during = await state(document);
    assert.equal(during.clients['ClientUS'], 'PoPEU');
    assert.equal(during.headline, 'US-East down · 1 client moved');
    await vscode.commands.executeCommand('anycast.endSimulation', document.uri);
    assert.equal((await state(document)).clients['ClientUS'], 'PoPUS');
  });

  test('hovers read the route, and follow the simulation', async () => {
    const normal = await hoverText(document, 'ClientUS');
    assert.match(normal, /Served by \*\*US-East\*\*/);
    assert.match(normal, /AS path: 64496 \(Internet\) 64512/);
    assert.match(normal, /PoP decided at Internet \(AS64496, New York\) by \*\*lower IGP cost \(hot potato\)\*\*/);
    assert.match(normal, /Estimated RTT: ≈ \d+ ms/);
    await vscode.commands.executeCommand('anycast.simulateFailure', { uri: document.uri.toString(), pops: ['PoPUS'] });
    assert.match(
      await hoverText(document, 'ClientUS'),
      /Served by \*\*EU-West\*\* \(moved from US-East in this simulation\)/,
    );
    assert.match(await hoverText(document, 'PoPEU'), /Catchment: \*\*2 clients\*\*/);
  });

  test('a code lens above each PoP shows its catchment and fails or restores it', async () => {
    const titles = await lensTitles(document);
    assert.deepEqual(titles, [
      '1 client · 33% · Simulate failure',
      '1 client · 33% · Simulate failure',
      '1 client · 33% · Simulate failure',
    ]);
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>(
      'vscode.executeCodeLensProvider',
      document.uri,
      10,
    );
    const first = lenses[0]?.command;
    assert.ok(first);
    await vscode.commands.executeCommand(first.command, ...(first.arguments ?? []));
    assert.equal((await state(document)).headline, 'US-East down · 1 client moved');
    assert.deepEqual(await lensTitles(document), [
      'Failed in simulation · 1 client moved · Restore',
      '2 clients · 67% · Simulate failure',
      '1 client · 33% · Simulate failure',
    ]);
  });

  test('code lenses follow a simulation change at once, and its end', async () => {
    await vscode.commands.executeCommand('anycast.simulateFailure', {
      uri: document.uri.toString(),
      pops: ['Asia-Pacific'],
    });
    const titles = await lensTitlesOnce(
      document,
      (t) => t[2] === 'Failed in simulation · 1 client moved · Restore',
      'the Asia-Pacific lens to say it failed',
    );
    // Tokyo went to one of the two others: one of them now serves two of the three clients.
    assert.equal(titles.filter((t) => t === '2 clients · 67% · Simulate failure').length, 1);
    await vscode.commands.executeCommand('anycast.endSimulation', document.uri);
    await lensTitlesOnce(
      document,
      (t) => t.length === 3 && t.every((title) => title === '1 client · 33% · Simulate failure'),
      'every lens back to its own client',
    );
  });

  test('the code lens of a PoP the file marks down shows it up in the simulation, never fails it', async () => {
    const text = document
      .getText()
      .replace('Advertises 203.0.113.0/24]\n', 'Advertises 203.0.113.0/24]@{ state: down }\n');
    assert.notEqual(text, document.getText());
    const downed = (await openWorkspaceFile('us-down-in-file.anycast.mmd', text)).document;
    const lensOf = async (): Promise<vscode.Command> => {
      const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>(
        'vscode.executeCodeLensProvider',
        downed.uri,
        10,
      );
      const command = lenses[0]?.command;
      assert.ok(command);
      return command;
    };
    const offer = await lensOf();
    assert.equal(offer.title, 'Down in the file · Show up in simulation');
    assert.equal(offer.tooltip, 'Show US-East up (the file marks it down)');
    assert.equal((await state(downed)).clients['ClientUS'], 'PoPEU');
    await vscode.commands.executeCommand(offer.command, ...(offer.arguments ?? []));
    const shown = await state(downed);
    assert.equal(shown.headline, 'US-East up (down in the file) · 1 client moved');
    assert.equal(shown.clients['ClientUS'], 'PoPUS');
    assert.deepEqual(shown.scenario.failedPops, []);
    const back = await lensOf();
    assert.equal(back.title, 'Up in simulation (down in the file) · 1 client · 33% · Show down, as in the file');
    await vscode.commands.executeCommand(back.command, ...(back.arguments ?? []));
    assert.equal((await state(downed)).headline, '');
    assert.equal((await state(downed)).clients['ClientUS'], 'PoPEU');
  });

  test('the summary opens as a readable Markdown document of who moved where', async () => {
    await vscode.commands.executeCommand('anycast.simulateFailure', {
      uri: document.uri.toString(),
      pops: ['US-East'],
    });
    const summary = await vscode.commands.executeCommand<vscode.TextDocument | undefined>(
      'anycast.showSimulationSummary',
      document.uri,
    );
    assert.ok(summary);
    assert.equal(summary.languageId, 'markdown');
    const text = summary.getText();
    assert.match(text, /# Simulation: seed\.anycast\.mmd/);
    assert.match(text, /\| User in New York \| US-East \| EU-West \|/);
    assert.match(text, /## Clients that lost service \(0\)/);
    // How the failover converges: New York's timeline, then what a crash would cost instead.
    assert.match(text, /## Convergence \(the failed PoPs withdraw\)/);
    assert.match(text, /\| User in New York \| before \| US-East \|/);
    assert.match(text, /### If the PoPs crashed instead\n\nRouting quiet after 90/);
    assert.equal(summary.isUntitled, false, 'a read-only summary: closing it asks nothing');
    // An open summary follows the simulation.
    await vscode.commands.executeCommand('anycast.endSimulation', document.uri);
    await waitUntil(() => /Nothing is failed/.test(summary.getText()), 'the open summary to show the restored state');
  });

  test('refuses a PoP the diagram does not have, naming it', async () => {
    await assert.rejects(
      Promise.resolve(
        vscode.commands.executeCommand('anycast.simulateFailure', { uri: document.uri.toString(), pops: ['Mars-1'] }),
      ),
      /No PoP 'Mars-1'/,
    );
    assert.equal((await state(document)).headline, '');
  });

  test('a failed link shows in the preview and the headline: the client behind it loses service', async () => {
    const tiered = [
      'flowchart LR',
      '  A[PoP: Frankfurt]@{ asn: 64600, announce: 192.0.2.0/24 }',
      '  T[AS174 Cogent]@{ loc: FRA }',
      '  N[AS2914 NTT]@{ loc: FRA }',
      '  C([User in Berlin])@{ in: N }',
      '  A -->|transit| T',
      '  N -->|transit| T',
      '',
    ].join('\n');
    const linked = (await openWorkspaceFile('link-failure.anycast.mmd', tiered)).document;
    await vscode.commands.executeCommand('anycast.openPreviewToSide', linked.uri);
    await (await anycastApi()).waitForPreviewRender(linked.uri.toString(), linked.version, waitTimeoutMs);
    const headline = await vscode.commands.executeCommand<string>('anycast.simulateFailure', {
      uri: linked.uri.toString(),
      links: [{ from: 'N', to: 'T' }],
    });
    assert.equal(headline, 'AS2914 NTT ↔ AS174 Cogent down · 0 clients moved · 1 lost service');
    const nodeClasses = (svg: string, id: string): string =>
      new RegExp(`<g class="([^"]*)" id="[^"]*-flowchart-${id}-\\d+"`).exec(svg)?.[1] ?? 'missing';
    let svg = '';
    await waitUntil(() => {
      void anycastApi()
        .then((api) => api.previewSvg())
        .then((s) => (svg = s ?? ''));
      return /\bac-unreachable\b/.test(nodeClasses(svg, 'C'));
    }, 'the Berlin client to be drawn without service');
    await vscode.commands.executeCommand('anycast.endSimulation', linked.uri);
  });

  test('the preview restyles: New York wears EU-West colour and is marked moved', async () => {
    await vscode.commands.executeCommand('anycast.openPreviewToSide', document.uri);
    await (await anycastApi()).waitForPreviewRender(document.uri.toString(), document.version, waitTimeoutMs);
    await vscode.commands.executeCommand('anycast.simulateFailure', {
      uri: document.uri.toString(),
      pops: ['US-East'],
    });
    const nodeClasses = (svg: string, id: string): string =>
      new RegExp(`<g class="([^"]*)" id="[^"]*-flowchart-${id}-\\d+"`).exec(svg)?.[1] ?? 'missing';
    let svg = '';
    await waitUntil(() => {
      void anycastApi()
        .then((api) => api.previewSvg())
        .then((s) => (svg = s ?? ''));
      return /\bac-moved\b/.test(nodeClasses(svg, 'ClientUS'));
    }, 'New York to be marked moved in the preview');
    assert.match(nodeClasses(svg, 'ClientUS'), /\bac-c1\b/, 'New York wears EU-West colour');
    assert.match(nodeClasses(svg, 'PoPUS'), /\bac-withdrawn\b/, 'US-East is drawn withdrawn');
  });

  test('an edit under a simulation with the preview open resolves once for the baseline and once for the what-if', async () => {
    const edited = (await openWorkspaceFile('keystroke.anycast.mmd', document.getText())).document;
    const uri = edited.uri.toString();
    const api = await anycastApi();
    await vscode.commands.executeCommand('anycast.openPreviewToSide', edited.uri);
    await api.waitForPreviewRender(uri, edited.version, waitTimeoutMs);
    await vscode.commands.executeCommand('anycast.simulateFailure', { uri, pops: ['US-East'] });
    await waitUntil(() => api.simulationState(uri)?.headline !== '', 'the simulation to start');
    const before = api.resolutions();
    await replaceText(edited, edited.getText().replace('User in Tokyo', 'User in Osaka'));
    await api.waitForPreviewRender(uri, edited.version, waitTimeoutMs);
    // Every other reader of this version (diagnostics, lenses, hover, status bar) shares the analysis.
    await vscode.commands.executeCommand('vscode.executeCodeLensProvider', edited.uri);
    await hoverText(edited, 'ClientUS');
    assert.equal(api.simulationState(uri)?.headline, 'US-East down · 1 client moved');
    assert.equal(api.resolutions() - before, 2);
    await vscode.commands.executeCommand('anycast.endSimulation', edited.uri);
  });
});
