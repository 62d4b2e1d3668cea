// What the preview host answers to "Play convergence": the shown failure simulated message by message.
import type { ConvergenceMessage, PlayConvergenceMessage } from '../protocol/messages';
import type { ScenarioRouting } from '../routing/analysis';
import { convergenceOf, failureMode } from '../routing/convergence';
import { convergencePlayback } from '../routing/picture/convergencePlayback';
import { hasFailures } from '../routing/scenario';
import { convergenceHeadline } from '../routing/words/convergenceWords';

/** The run to play on the picture for the failure shown, or undefined when nothing is failed or the routing has a problem. */
export function convergenceReply(
  routing: ScenarioRouting,
  message: PlayConvergenceMessage,
  version: number,
): ConvergenceMessage | undefined {
  if (!hasFailures(routing.scenario) || routing.problem !== undefined) return undefined;
  const result = convergenceOf(routing, failureMode(message.mode));
  const points = new Map(routing.build.topology.routers.map((r) => [r.id, r.point]));
  return {
    type: 'convergence',
    uri: message.uri,
    version,
    mode: message.mode,
    playback: convergencePlayback(result, routing.nodeOf, (router) => points.get(router)),
    summary: convergenceHeadline(result),
  };
}
