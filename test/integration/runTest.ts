// Runs in Node, online only: the integration suite in a downloaded desktop VS Code (the standard
// @vscode/test-electron runner). Not part of npm test, which has no network; run it with
// `node --import tsx test/integration/runTest.ts` on a machine that can download VS Code.
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { buildForTests, finish, parseCounts, prepareWorkspace, removeDirs, type Counts } from './harness';
import { repoRoot } from './testEnv';

const layer = 'desktop';

async function main(): Promise<void> {
  let counts: Counts | undefined;
  // test-electron relays the extension host's output through process.stdout: read the suite's count line there.
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
    counts = parseCounts(chunk.toString()) ?? counts;
    return write(chunk, ...rest);
  }) as typeof process.stdout.write;
  const workspace = prepareWorkspace();
  try {
    buildForTests();
    await runTests({
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: join(repoRoot, 'dist', 'test', 'integration', 'node.js'),
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
    });
    finish(layer, counts);
  } catch (error) {
    finish(layer, counts, error);
  } finally {
    removeDirs(workspace);
  }
}

void main();
