// Runs in the web-worker extension host (@vscode/test-web): mocha's browser build over the bundled suite.
import 'mocha/mocha.js';
import { loadSuites } from 'anycast:suites';
import { runAndReport } from './report';

export function run(): Promise<void> {
  // The browser build's default reporter draws HTML; the worker has no DOM, so report to the console.
  mocha.setup({ ui: 'tdd', reporter: 'spec', timeout: 60_000, color: false });
  loadSuites();
  return runAndReport((done) => mocha.run(done));
}
