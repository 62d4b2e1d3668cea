/** A suggested policy change said in words: "East → Transit: prepend removed", "West withdrawn". Pure. */
import type { DocumentModel } from '../../language/meaning/model';
import { displayName } from '../scenario';
import type { PolicyChange } from '../scenario';

/** The change as one line, with the diagram's names for its nodes. */
export function describeChange(change: PolicyChange, model: DocumentModel): string {
  const name = (id: string): string => {
    const node = model.nodes.find((n) => n.id === id);
    return node ? displayName(node) : id;
  };
  if (change.kind === 'withdraw') return `${name(change.pop)} withdrawn`;
  const session = `${name(change.edge.from)} → ${name(change.edge.to)}`;
  switch (change.kind) {
    case 'prepend':
      return change.count === 0 ? `${session}: no prepend` : `${session}: prepend ${change.count}`;
    case 'no-export':
      return `${session}: NO_EXPORT`;
    case 'local-pref':
      return `${session}: LOCAL_PREF ${change.value}`;
  }
}
