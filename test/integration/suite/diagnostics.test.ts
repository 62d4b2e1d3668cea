// Runs in the extension host: problems appear as a person types and go away when fixed or closed.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  closeAllEditors,
  describe as describeDiagnostics,
  errors,
  languageId,
  openWorkspaceFile,
  replaceText,
  waitForDiagnostics,
  workspaceUri,
} from './helpers';

/** The seed example with a dangling edge appended: an error on that last line. */
async function seedAndBroken(): Promise<{ seed: string; broken: string; brokenLine: number }> {
  const seed = new TextDecoder().decode(
    await vscode.workspace.fs.readFile(workspaceUri('examples', 'seed.anycast.mmd')),
  );
  const base = seed.endsWith('\n') ? seed : `${seed}\n`;
  const broken = `${base}    PoPUS -->\n`;
  return { seed, broken, brokenLine: base.split('\n').length - 1 };
}

suite('Diagnostics', () => {
  teardown(closeAllEditors);

  test('shows an error on the broken line, clears it when fixed, and shows it again when broken again', async () => {
    const { seed, broken, brokenLine } = await seedAndBroken();
    const { document } = await openWorkspaceFile('broken.anycast.mmd', broken);
    assert.equal(document.languageId, languageId);

    const shown = await waitForDiagnostics(document.uri, (d) => errors(d).length > 0, 'an error for a dangling edge');
    assert.ok(
      errors(shown).some((d) => d.range.start.line === brokenLine),
      `expected an error on line ${brokenLine + 1}, got: ${describeDiagnostics(shown)}`,
    );
    assert.ok(
      shown.every((d) => d.source === 'anycast'),
      'every diagnostic names its source',
    );

    await replaceText(document, seed);
    await waitForDiagnostics(document.uri, (d) => errors(d).length === 0, 'the error to clear once the file is fixed');

    await replaceText(document, broken);
    await waitForDiagnostics(
      document.uri,
      (d) => errors(d).length > 0,
      'the error to come back as the file is broken again',
    );
  });

  test('clears the problems of a file when its editor is closed', async () => {
    const { broken } = await seedAndBroken();
    const { document } = await openWorkspaceFile('closed.anycast.mmd', broken);
    await waitForDiagnostics(document.uri, (d) => errors(d).length > 0, 'an error for a dangling edge');
    const closed = waitForDiagnostics(document.uri, (d) => d.length === 0, 'the problems to clear on close');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await closed;
  });

  test('checks an unsaved, untitled anycast document too', async () => {
    const { broken } = await seedAndBroken();
    const document = await vscode.workspace.openTextDocument({ language: languageId, content: broken });
    await vscode.window.showTextDocument(document);
    const shown = await waitForDiagnostics(
      document.uri,
      (d) => errors(d).length > 0,
      'an error in an untitled document',
    );
    assert.ok(shown.length > 0);
  });
});
