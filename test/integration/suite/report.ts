// Runs in the extension host: what the launchers read back from the suite (test/integration/harness.ts
// SuiteProgress): a marker as each test starts and ends, then the closing count line.
import type Mocha from 'mocha';

/** Prefix of the per-test markers; the launchers swallow these lines rather than print them. */
const markerPrefix = 'suite-event:';

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
    // So a launcher whose suite hangs can say which test hung and count those that finished.
    runner.on('test', (test) => console.log(`${markerPrefix} start ${test.fullTitle()}`));
    runner.on('pass', () => console.log(`${markerPrefix} pass`));
    runner.on('fail', () => console.log(`${markerPrefix} fail`));
  });
}
