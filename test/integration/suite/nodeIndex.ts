// Runs in the Node extension host (code-server, desktop VS Code): mocha's Node API over the bundled suite.
import Mocha from 'mocha';
import { loadSuites } from 'anycast:suites';
import { runAndReport } from './report';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', reporter: 'spec', timeout: 60_000, color: false });
  // The suite is bundled rather than loaded from files, so define suite()/test() before it runs.
  mocha.suite.emit('pre-require', globalThis, 'anycast-integration-suite', mocha);
  loadSuites();
  return runAndReport((done) => mocha.run(done));
}
