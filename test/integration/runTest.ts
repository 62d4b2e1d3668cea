// Runs in Node, online only: the integration suite in a downloaded desktop VS Code (the standard
// @vscode/test-electron runner). Not part of npm test, which has no network; run it with
// `node --import tsx test/integration/runTest.ts` on a machine that can download VS Code.
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { buildForTests, finish, prepareWorkspace, removeDirs, SuiteProgress } from './harness';
import { repoRoot } from './testEnv';

const layer = 'desktop';

async function main(): Promise<void> {
  const progress = new SuiteProgress();
  // test-electron relays the extension host's output through process.stdout: follow the suite there.
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
    const printed = chunk
      .toString()
      .split('\n')
      .filter((line) => progress.accept(line))
      .join('\n');
    return write(printed, ...rest);
  }) as typeof process.stdout.write;
  const workspace = prepareWorkspace('node');
  try {
    buildForTests();
    await runTests({
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: join(repoRoot, 'dist', 'test', 'integration', 'node.js'),
      launchArgs: [
        workspace,
        '--disable-extensions',
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
      ],
    });
    finish(layer, progress.counts());
  } catch (error) {
    finish(layer, progress.counts(), progress.explain(error));
  } finally {
    removeDirs(workspace);
  }
}

void main();
