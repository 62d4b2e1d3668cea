// Runs in the extension host: the suite's closing line, which the launchers read back
// (test/integration/harness.ts countsPattern).
import type Mocha from 'mocha';

/** Runs the loaded suite and prints "suite: N passed, N failed" last; rejects if any test failed. */
export function runAndReport(run: (done: (failures: number) => void) => Mocha.Runner): Promise<void> {
  return new Promise((resolve, reject) => {
    const runner = run((failures) => {
      const stats = runner.stats ?? { passes: 0, failures };
      console.log(`suite: ${stats.passes} passed, ${stats.failures} failed`);
      if (failures > 0) reject(new Error(`${failures} integration test(s) failed`));
      else if (stats.passes === 0) reject(new Error('The integration suite ran no test'));
      else resolve();
    });
  });
}
