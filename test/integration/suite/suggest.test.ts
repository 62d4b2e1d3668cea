// Runs in the extension host: Suggest Changes end to end — the plan, the picked suggestion as the
// simulation every view reads, and the code action that writes its edit into the label.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { leftoverDrain } from '../../unit/routing/plan/plannedDiagrams';
import { anycastApi, anycastExtension, closeAllEditors, openWorkspaceFile, waitUntil } from './helpers';

suite('Suggest Changes', () => {
  teardown(closeAllEditors);

  test('picks the left-over prepend, previews it, and the code action removes it from the label', async () => {
    const document = (await openWorkspaceFile('suggest.anycast.mmd', leftoverDrain)).document;
    await waitUntil(() => anycastExtension().isActive, 'the extension to activate');
    const api = await anycastApi();
    assert.equal(api.simulationState(document.uri)?.clients['CE'], 'W');

    await vscode.commands.executeCommand('anycast.suggestChanges', {
      uri: document.uri,
      objective: 'mean-rtt',
      pick: 0,
    });
    const previewed = api.simulationState(document.uri);
    // Without East's prepend, users east stay on T's East router and reach East.
    assert.equal(previewed?.clients['CE'], 'E');
    assert.match(previewed?.headline ?? '', /East → AS200 Transit: no prepend · 1 client moved/);
    assert.equal(document.lineAt(9).text, '  E -->|transit prepend 2| T');

    // The label `transit prepend 2` starts at line 10, column 9.
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      document.uri,
      new vscode.Range(9, 10, 9, 10),
    );
    const apply = actions.find((a) => a.title.startsWith('Apply suggested change'));
    assert.ok(apply?.edit, `actions: ${actions.map((a) => a.title).join(', ')}`);
    assert.ok(await vscode.workspace.applyEdit(apply.edit));
    if (apply.command) await vscode.commands.executeCommand(apply.command.command, ...(apply.command.arguments ?? []));
    assert.equal(document.lineAt(9).text, '  E -->|transit| T');
    await waitUntil(() => api.simulationState(document.uri)?.headline === '', 'the simulation to end');
    assert.equal(api.simulationState(document.uri)?.clients['CE'], 'E');
  });
});
