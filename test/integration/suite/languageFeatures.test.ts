// Runs in the extension host: completion, go to definition, references, rename, outline and quick
// fixes answer through VS Code's own provider commands.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { anycastExtension, closeAllEditors, openWorkspaceFile, waitForDiagnostics, waitUntil } from './helpers';

const text = [
  'flowchart LR',
  '  P1[PoP: Frankfurt]@{ asn: 64600, announce: 192.0.2.0/24 }',
  '  P2[PoP: Ashburn]@{ asn: 64601, loc: IAD, announce: 192.0.2.0/24 }',
  '  T[AS174 Cogent]@{ loc: [FRA, IAD] }',
  '  C([User in Paris])@{ in: T }',
  '  P1 -->|transit| T',
  '  P2 -->|transit| T',
  '',
].join('\n');

suite('Language features', () => {
  let document: vscode.TextDocument;

  setup(async () => {
    document = (await openWorkspaceFile('features.anycast.mmd', text)).document;
    await waitUntil(() => anycastExtension().isActive, 'the extension to activate');
  });
  teardown(closeAllEditors);

  test('completes node ids after an arrow and relationship words in an edge label', async () => {
    const after = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      document.uri,
      new vscode.Position(5, 18),
    );
    const labels = after.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    for (const id of ['P1', 'P2', 'T', 'C'])
      assert.ok(labels.includes(id), `${id} offered (got ${labels.slice(0, 20).join(', ')})`);
    const inLabel = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      document.uri,
      new vscode.Position(5, 11),
    );
    const words = inLabel.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    assert.ok(words.includes('transit') && words.includes('peer'), words.join(', '));
  });

  test('goes to the definition of an id and finds its references', async () => {
    const definitions = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>(
      'vscode.executeDefinitionProvider',
      document.uri,
      new vscode.Position(5, 18),
    );
    const first = definitions[0];
    assert.ok(first);
    const range = 'range' in first ? first.range : first.targetRange;
    assert.deepEqual([range.start.line, range.start.character], [3, 2]);
    const references = await vscode.commands.executeCommand<vscode.Location[]>(
      'vscode.executeReferenceProvider',
      document.uri,
      new vscode.Position(3, 2),
    );
    assert.deepEqual(references.map((r) => `${r.range.start.line}:${r.range.start.character}`).sort(), [
      '3:2',
      '4:27',
      '5:18',
      '6:18',
    ]);
  });

  test('renames an id everywhere, metadata included, and refuses a taken one', async () => {
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>(
      'vscode.executeDocumentRenameProvider',
      document.uri,
      new vscode.Position(3, 2),
      'Cogent',
    );
    const edits = edit.get(document.uri);
    assert.equal(edits.length, 4);
    assert.ok(edits.every((e) => e.newText === 'Cogent'));
    await assert.rejects(
      Promise.resolve(
        vscode.commands.executeCommand(
          'vscode.executeDocumentRenameProvider',
          document.uri,
          new vscode.Position(3, 2),
          'P1',
        ),
      ),
      /already used/,
    );
  });

  test('lists PoPs, ASes and clients in the outline', async () => {
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>(
      'vscode.executeDocumentSymbolProvider',
      document.uri,
    );
    assert.deepEqual(
      symbols.map((s) => s.name),
      ['Frankfurt', 'Ashburn', 'AS174 Cogent', 'User in Paris'],
    );
  });

  test('offers the suggested place as a quick fix for an unknown location', async () => {
    const editor = await openWorkspaceFile('typo.anycast.mmd', text.replace('loc: IAD', 'loc: Frankfrt'));
    const diagnostics = await waitForDiagnostics(
      editor.document.uri,
      (ds) => ds.some((d) => d.code === 'unknown-location'),
      'the unknown-location diagnostic',
    );
    const unknown = diagnostics.find((d) => d.code === 'unknown-location');
    assert.ok(unknown);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      editor.document.uri,
      unknown.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const fix = actions.find((a) => a.title.startsWith('Change to'));
    assert.ok(fix?.edit, `a 'Change to' fix (got ${actions.map((a) => a.title).join('; ')})`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    await waitForDiagnostics(
      editor.document.uri,
      (ds) => !ds.some((d) => d.code === 'unknown-location'),
      'the fix to clear the diagnostic',
    );
  });
});
