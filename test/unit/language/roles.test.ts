import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDocument } from '../../../src/language/index';

const roleOf = (id: string, ...lines: string[]): [string, string] => {
  const node = parseDocument(['flowchart TD', ...lines].join('\n')).model.nodes.find((n) => n.id === id);
  assert.ok(node, `no node '${id}'`);
  return [node.role, node.roleSource];
};

describe('a node role comes from the strongest evidence written', () => {
  it('a role: in metadata wins over a role class', () => {
    assert.deepEqual(roleOf('A', '  A["PoP: IAD"]:::client', '  A@{ role: as }'), ['as', 'metadata']);
  });
  it('a role class wins over the label', () => {
    assert.deepEqual(roleOf('A', '  A["PoP: IAD"]:::client'), ['client', 'class']);
  });
  it('the label wins over an enclosing AS subgraph', () => {
    assert.deepEqual(roleOf('A', '  subgraph S [AS174 Cogent]', '    A["PoP: IAD"]', '  end'), ['pop', 'label']);
  });
  it('an enclosing AS subgraph wins over the metadata keys', () => {
    assert.deepEqual(
      roleOf('R', '  subgraph S [AS174 Cogent]', '    R[IAD]', '    R@{ address: 203.0.113.1 }', '  end'),
      ['as', 'subgraph'],
    );
  });
  it('with nothing else, the metadata keys imply the role', () => {
    assert.deepEqual(roleOf('S', '  S[Front door]', '  S@{ address: 203.0.113.1 }'), ['service', 'metadata']);
  });
  it('with nothing at all, the node is narrative', () => {
    assert.deepEqual(roleOf('N', '  N[Serve the request]'), ['narrative', 'default']);
  });
});
