/**
 * How many nodes of a diagram have no place, said once for the hover, the simulation summary and
 * the CLI: distances to them are unknown, so no nearest-PoP or IGP comparison is made on them. Pure.
 */
import type { DocumentModel } from '../../language/meaning/model';
import { unplacedNodes } from '../map/mapPlaces';
import type { UnplacedNode } from '../map/mapPlaces';
import type { TopologyBuild } from '../topology';
import { plural } from './figures';

/** Names listed at most; the rest are counted. */
const maxNamed = 5;

/** "2 of 9 nodes have no location (QWJ: unknown location 'QWJ', E: no location): ...", or undefined when all are placed. */
export function unplacedSentence(model: DocumentModel, build: TopologyBuild): string | undefined {
  const unplaced = unplacedNodes(model, build);
  if (unplaced.length === 0) return undefined;
  const placeable = model.nodes.filter((n) => n.role === 'pop' || n.role === 'client' || n.role === 'as').length;
  const named = unplaced.slice(0, maxNamed).map((u) => `${u.name} (${u.reason})`);
  const more = unplaced.length > maxNamed ? `, and ${unplaced.length - maxNamed} more` : '';
  const verb = unplaced.length === 1 ? 'has' : 'have';
  return `${unplaced.length} of ${plural(placeable, 'node')} ${verb} no location: ${named.join(', ')}${more}. Distances to ${unplaced.length === 1 ? 'it' : 'them'} are unknown${consequence(model, unplaced)}`;
}

function consequence(model: DocumentModel, unplaced: readonly UnplacedNode[]): string {
  const pops = unplaced.filter((u) => u.role === 'pop').length;
  return model.implicitTransit && pops > 0
    ? `; ${pops === 1 ? 'the unplaced PoP serves' : `the ${pops} unplaced PoPs serve`} no one`
    : '';
}
