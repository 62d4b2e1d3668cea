/**
 * A scenario's policy changes applied to the engine topology of the text as written: the same
 * sessions, with the changed sides' prepend, communities or LOCAL_PREF replaced as the edited
 * label would make them (the tail's side, and the head's on `<-->` and `---`). A withdrawn PoP is
 * the engine scenario's (`toEngineScenario`), as a failed one is. Pure.
 */
import type { PerSide, SessionSpec, Topology } from '../../engine/types';
import type { DocumentModel, EdgeModel } from '../../language/meaning/model';
import { sameEdge } from '../scenario';
import type { PolicyChange } from '../scenario';
import type { TopologyBuild } from '../topology';

type Side = 'a' | 'b';

/** The engine sides the words on an edge's label apply to. */
export function labelSides(edge: EdgeModel): readonly Side[] {
  const m = edge.meaning;
  if (m.kind !== 'session') return [];
  const tail: Side = m.relationship === 'peer-peer' || m.customer === edge.from ? 'a' : 'b';
  const bothWays = edge.headAtStart === edge.headAtEnd;
  return bothWays ? ['a', 'b'] : [tail];
}

function setSides<T>(
  current: PerSide<T> | undefined,
  sides: readonly Side[],
  value: (old: T | undefined) => T,
): PerSide<T> {
  const next: { a?: T; b?: T } = { ...current };
  for (const side of sides) next[side] = value(current?.[side]);
  return next;
}

function changeSession(s: SessionSpec, change: PolicyChange, sides: readonly Side[]): SessionSpec {
  switch (change.kind) {
    case 'prepend':
      return { ...s, prepend: setSides(s.prepend, sides, () => change.count) };
    case 'no-export':
      return { ...s, communities: setSides(s.communities, sides, (old) => [...(old ?? []), 'no-export']) };
    case 'local-pref':
      return { ...s, localPref: setSides(s.localPref, sides, () => change.value) };
    case 'withdraw':
      return s;
  }
}

/** The topology of `build` with `changes` applied; `build.topology` itself when there are none. */
export function withPolicyChanges(
  build: TopologyBuild,
  model: DocumentModel,
  changes: readonly PolicyChange[],
): Topology {
  const { topology, mapping } = build;
  const byEdge = new Map<number, { change: PolicyChange; sides: readonly Side[] }[]>();
  for (const change of changes) {
    if (change.kind === 'withdraw') continue;
    const edge = model.edges.find((e) => e.meaning.kind === 'session' && sameEdge(e, change.edge));
    if (!edge) continue;
    const list = byEdge.get(edge.index) ?? [];
    list.push({ change, sides: labelSides(edge) });
    byEdge.set(edge.index, list);
  }
  if (byEdge.size === 0) return topology;
  const sessions = topology.sessions.map((s) => {
    const index = mapping.sessionEdge[s.id];
    const edits = index === undefined ? undefined : byEdge.get(index);
    return edits ? edits.reduce((acc, e) => changeSession(acc, e.change, e.sides), s) : s;
  });
  return { ...topology, sessions };
}
