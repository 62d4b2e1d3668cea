/** The convergence simulation's public API: how a what-if plays out over time, message by message. */
export * from './types';
export { simulateConvergence, finalScenario } from './converge';
export { simulateAsConvergence, settledShare } from './asSimulate';
