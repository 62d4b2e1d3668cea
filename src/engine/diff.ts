/** What a what-if changed: clients that moved between PoPs, and clients left without service. */
import type { ClientMove, Resolution, ResolutionDiff } from './types';

/** Compares two resolutions of the same topology (before and after a scenario), client by client. */
export function diffResolutions(
  before: Pick<Resolution, 'clients'>,
  after: Pick<Resolution, 'clients'>,
): ResolutionDiff {
  const afterById = new Map(after.clients.map((c) => [c.id, c] as const));
  const moved: ClientMove[] = [];
  const lostService: string[] = [];
  for (const old of before.clients) {
    const now = afterById.get(old.id);
    if (old.pop === now?.pop) continue;
    const previousRouteGone =
      old.pop !== undefined && !(now?.explanation?.candidates.some((c) => c.pop === old.pop) ?? false);
    moved.push({
      id: old.id,
      ...(old.pop !== undefined ? { from: old.pop } : {}),
      ...(now?.pop !== undefined ? { to: now.pop } : {}),
      why: now?.decision?.by ?? now?.explanation?.decidedBy ?? 'unreachable',
      previousRouteGone,
      ...(old.rttMs !== undefined ? { rttBeforeMs: old.rttMs } : {}),
      ...(now?.rttMs !== undefined ? { rttAfterMs: now.rttMs } : {}),
    });
    if (old.pop !== undefined && now?.pop === undefined) lostService.push(old.id);
  }
  return { moved, lostService };
}
