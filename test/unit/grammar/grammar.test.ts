import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { tokenizeLines, type Token } from './tokenize';

/** The scopes of the first token of line `line` whose text is exactly `text`. */
async function scopesOf(source: string, text: string, line?: number): Promise<readonly string[]> {
  const lines = await tokenizeLines(source);
  const candidates = line === undefined ? lines.flat() : (lines[line] ?? []);
  const token = candidates.find((t) => t.text === text);
  assert.ok(token, `no token '${text}' in ${JSON.stringify(candidates.map((t) => t.text))}`);
  return token.scopes;
}

async function assertScope(source: string, text: string, scope: string, line?: number): Promise<void> {
  const scopes = await scopesOf(source, text, line);
  assert.ok(
    scopes.some((s) => s === scope || s.startsWith(`${scope}.`)),
    `'${text}' has scopes ${scopes.join(' ')}, not ${scope}`,
  );
}

const all = (lines: Token[][]): readonly string[] => lines.flat().flatMap((t) => t.scopes);

describe('grammar: document structure', () => {
  it('roots every token in source.anycast', async () => {
    const lines = await tokenizeLines('flowchart TD\n  A --> B');
    assert.ok(lines.flat().every((t) => t.scopes[0] === 'source.anycast'));
  });

  it('scopes the header keyword and direction', async () => {
    await assertScope('flowchart TD', 'flowchart', 'keyword.control.diagram');
    await assertScope('flowchart TD', 'TD', 'constant.language.direction');
    await assertScope('graph LR', 'graph', 'keyword.control.diagram');
  });

  it('scopes %% comments on their own line and after a statement', async () => {
    await assertScope('  %% PoPs in Europe', ' PoPs in Europe', 'comment.line.percentage');
    await assertScope('  %% PoPs in Europe', '%%', 'punctuation.definition.comment');
    await assertScope('A --> B %% why', ' why', 'comment.line.percentage');
  });

  it('scopes an %%{init}%% directive with its JSON', async () => {
    const src = '%%{init: {"theme": "dark"}}%%';
    await assertScope(src, 'init', 'keyword.other.directive');
    await assertScope(src, 'theme', 'string.quoted.double');
    await assertScope(src, '%%', 'meta.directive');
  });

  it('reads front matter as YAML with the anycast block', async () => {
    const src =
      '---\ntitle: CDN\nanycast:\n  service: 203.0.113.1\n  prefixes: [203.0.113.0/24, 2001:db8::/32]\n  tie-break: router-id # why\n---\nflowchart TD';
    await assertScope(src, '---', 'punctuation.definition.front-matter.begin', 0);
    await assertScope(src, 'title', 'entity.name.tag.yaml');
    await assertScope(src, 'anycast', 'keyword.other.anycast.yaml');
    await assertScope(src, 'service', 'entity.name.tag.anycast.yaml');
    await assertScope(src, '203.0.113.1', 'constant.numeric.address.ipv4');
    await assertScope(src, '203.0.113.0/24', 'constant.numeric.prefix.ipv4');
    await assertScope(src, '2001:db8::/32', 'constant.numeric.prefix.ipv6');
    await assertScope(src, ' why', 'comment.line.number-sign.yaml');
    await assertScope(src, '---', 'punctuation.definition.front-matter.end', 6);
    await assertScope(src, 'flowchart', 'keyword.control.diagram');
  });

  it('treats --- after the first line as an edge, not front matter', async () => {
    const lines = await tokenizeLines('flowchart TD\n---\nA --- B');
    assert.ok(!all(lines).some((s) => s.startsWith('meta.embedded.block.front-matter')));
    await assertScope('flowchart TD\nA --- B', '---', 'keyword.operator.arrow');
  });
});

describe('grammar: nodes', () => {
  const shapes: [string, string, string][] = [
    ['A[rect]', '[', ']'],
    ['A(round)', '(', ')'],
    ['A([stadium])', '([', '])'],
    ['A[[subroutine]]', '[[', ']]'],
    ['A[(database)]', '[(', ')]'],
    ['A((circle))', '((', '))'],
    ['A(((double)))', '(((', ')))'],
    ['A{diamond}', '{', '}'],
    ['A{{hexagon}}', '{{', '}}'],
    ['A>asymmetric]', '>', ']'],
    ['A[/parallelogram/]', '[/', '/]'],
    ['A[\\alt\\]', '[\\', '\\]'],
    ['A[/trapezoid\\]', '[/', '\\]'],
  ];
  for (const [src, open, close] of shapes) {
    it(`scopes the id, delimiters and label of ${src}`, async () => {
      const lines = await tokenizeLines(src);
      const tokens = lines.flat();
      assert.deepEqual(
        tokens.map((t) => t.text),
        ['A', open, src.slice(1 + open.length, src.length - close.length), close],
      );
      assert.ok(tokens[0]!.scopes.includes('variable.other.node.anycast'));
      assert.ok(tokens[1]!.scopes.includes('punctuation.definition.shape.begin.anycast'));
      assert.ok(tokens[2]!.scopes.includes('string.unquoted.label.anycast'));
      assert.ok(tokens[3]!.scopes.includes('punctuation.definition.shape.end.anycast'));
    });
  }

  it('highlights ASNs, prefixes and addresses inside labels', async () => {
    const src = 'PoP[Cloudflare AS13335\\nAdvertises 203.0.113.0/24 and 2001:db8::/32 at 2001:db8::1]';
    await assertScope(src, 'AS13335', 'constant.numeric.asn');
    await assertScope(src, '\\n', 'constant.character.escape');
    await assertScope(src, '203.0.113.0/24', 'constant.numeric.prefix.ipv4');
    await assertScope(src, '2001:db8::/32', 'constant.numeric.prefix.ipv6');
    await assertScope(src, '2001:db8::1', 'constant.numeric.address.ipv6');
    await assertScope('X([Anycast IP: 203.0.113.1])', '203.0.113.1', 'constant.numeric.address.ipv4');
    await assertScope('T[AS 174 Cogent]', 'AS 174', 'constant.numeric.asn');
  });

  it('does not take an out-of-range dotted quad for an address', async () => {
    const lines = await tokenizeLines('A[999.1.1.1]');
    assert.ok(!all(lines).some((s) => s.startsWith('constant.numeric.address')));
  });

  it('scopes quoted and markdown labels as strings', async () => {
    const src = 'A["quoted `md` label"]';
    await assertScope(src, 'quoted ', 'string.quoted.double');
    await assertScope(src, '`md`', 'markup.other.markdown-string');
  });

  it('lets a quoted label span lines but ends an unclosed shape at its line', async () => {
    const lines = await tokenizeLines('A["one\ntwo"] --> B\nC[open\nD --> E');
    assert.ok(lines[1]!.find((t) => t.text === 'two')!.scopes.includes('string.quoted.double.anycast'));
    assert.ok(lines[3]!.find((t) => t.text === 'D')!.scopes.includes('variable.other.node.anycast'));
    assert.ok(!lines[3]!.some((t) => t.scopes.includes('string.unquoted.label.anycast')));
  });

  it('scopes ids with hyphens, and class shorthand', async () => {
    await assertScope('us-east-1 --> B', 'us-east-1', 'variable.other.node');
    await assertScope('A:::pop --> B', ':::', 'punctuation.separator.class');
    await assertScope('A:::pop --> B', 'pop', 'entity.name.type.class');
  });
});

describe('grammar: node and edge metadata', () => {
  const src =
    'IAD@{ asn: 13335, loc: IAD, role: pop, announce: [203.0.113.0/24], communities: [no-export, 65000:100], shape: rect }';

  it('scopes the node id, braces and keys', async () => {
    await assertScope(src, 'IAD', 'variable.other.node', 0);
    await assertScope(src, '@', 'punctuation.definition.metadata');
    await assertScope(src, '{', 'punctuation.definition.metadata.begin');
    await assertScope(src, 'asn', 'entity.name.tag.anycast.metadata');
    await assertScope(src, 'shape', 'entity.name.tag.metadata');
  });

  it('scopes BGP values', async () => {
    await assertScope(src, '13335', 'constant.numeric');
    await assertScope(src, 'pop', 'constant.language.role');
    await assertScope(src, '203.0.113.0/24', 'constant.numeric.prefix.ipv4');
    await assertScope(src, 'no-export', 'constant.language.community');
    await assertScope(src, '65000:100', 'constant.numeric.community');
  });

  it('reads metadata over several lines', async () => {
    const lines = await tokenizeLines('A@{\n  asn: 64512\n  loc: 40.7,-74.0\n}\nA --> B');
    assert.ok(lines[1]!.find((t) => t.text === 'asn')!.scopes.includes('entity.name.tag.anycast.metadata'));
    assert.ok(lines[2]!.find((t) => t.text === '40.7,-74.0')!.scopes.includes('constant.numeric.coordinates.anycast'));
    assert.ok(lines[4]!.find((t) => t.text === '-->')!.scopes.includes('keyword.operator.arrow.anycast'));
  });

  it('reads metadata after a shape or a class', async () => {
    for (const src of [
      'IAD[PoP: IAD]@{ asn: 64600 }',
      'IAD[PoP: IAD]:::pop@{ asn: 64600 }',
      'NY(["Users"]):::users@{ in: Comcast }',
    ]) {
      const lines = await tokenizeLines(src);
      const key = lines.flat().find((t) => t.text === 'asn' || t.text === 'in');
      assert.ok(key?.scopes.includes('entity.name.tag.anycast.metadata'), src);
      assert.ok(
        lines
          .flat()
          .find((t) => t.text === '@')
          ?.scopes.includes('punctuation.definition.metadata.anycast'),
        src,
      );
    }
    await assertScope('IAD[PoP: IAD]:::pop@{ asn: 64600 }', 'pop', 'entity.name.type.class');
  });

  it('scopes edge ids before an arrow and in their metadata', async () => {
    await assertScope('A e1@--> B', 'e1', 'variable.other.edge');
    await assertScope('A e1@--> B', '-->', 'keyword.operator.arrow');
    await assertScope('e1@{ animate: true }', 'true', 'constant.language.boolean');
  });
});

describe('grammar: edges', () => {
  const arrows = [
    '-->',
    '---',
    '-.->',
    '-.-',
    '==>',
    '===',
    '<-->',
    '--o',
    '--x',
    '~~~',
    '--->',
    '<==>',
    'o--o',
    'x--x',
  ];
  for (const arrow of arrows) {
    it(`scopes ${arrow} as one arrow between two nodes`, async () => {
      const lines = await tokenizeLines(`A ${arrow} B`);
      const tokens = lines.flat().filter((t) => t.text.trim() !== '');
      assert.deepEqual(
        tokens.map((t) => t.text),
        ['A', arrow, 'B'],
      );
      assert.ok(tokens[1]!.scopes.includes('keyword.operator.arrow.anycast'));
      assert.ok(tokens[2]!.scopes.includes('variable.other.node.anycast'));
    });
  }

  it('scopes chains and &', async () => {
    await assertScope('A --> B & C --> D', '&', 'keyword.operator.and');
    const lines = await tokenizeLines('A-->B-->C');
    assert.deepEqual(
      lines.flat().map((t) => t.text),
      ['A', '-->', 'B', '-->', 'C'],
    );
  });

  it('reads relationship and policy words in |labels|', async () => {
    const src = 'PoP -->|transit prepend 2 lp 150 med 10 no-export down| Cogent';
    await assertScope(src, '|', 'punctuation.definition.edge-label.begin');
    await assertScope(src, 'transit', 'keyword.other.relationship');
    await assertScope(src, 'prepend', 'keyword.other.policy');
    await assertScope(src, '2', 'constant.numeric');
    await assertScope(src, 'lp', 'keyword.other.policy');
    await assertScope(src, 'med', 'keyword.other.policy');
    await assertScope(src, 'no-export', 'constant.language.community');
    await assertScope(src, 'down', 'constant.language.state');
    await assertScope(src, 'Cogent', 'variable.other.node');
  });

  it('knows every relationship word', async () => {
    for (const word of [
      'transit',
      'peer',
      'customer',
      'provider',
      'upstream',
      'downstream',
      'peering',
      'ix',
      'pni',
      'ibgp',
    ]) {
      await assertScope(`A ---|${word}| B`, word, 'keyword.other.relationship');
    }
    await assertScope('A -->|local-pref 200| B', 'local-pref', 'keyword.other.policy');
    await assertScope('A -->|NO_EXPORT| B', 'NO_EXPORT', 'constant.language.community');
  });

  it('leaves prose in edge labels as plain label text', async () => {
    const scopes = await scopesOf('C -->|Routes to nearest| P', 'Routes to nearest');
    assert.ok(scopes.includes('string.unquoted.edge-label.anycast'));
    assert.ok(!scopes.some((s) => s.startsWith('keyword')));
  });

  it('reads the -- text --> form', async () => {
    const src = 'A -- peer --> B';
    const lines = await tokenizeLines(src);
    assert.deepEqual(
      lines
        .flat()
        .filter((t) => t.text.trim() !== '')
        .map((t) => t.text),
      ['A', '--', 'peer', '-->', 'B'],
    );
    await assertScope(src, 'peer', 'keyword.other.relationship');
    await assertScope(src, '-->', 'keyword.operator.arrow');
    await assertScope('A == lp 200 ==> B', '==>', 'keyword.operator.arrow');
    await assertScope('A -. backup .-> B', '.->', 'keyword.operator.arrow');
  });

  it('ends an unclosed |label at its line', async () => {
    const lines = await tokenizeLines('A -->|transit\nB --> C');
    assert.ok(lines[1]!.find((t) => t.text === 'B')!.scopes.includes('variable.other.node.anycast'));
  });
});

describe('grammar: statements', () => {
  it('scopes subgraph, its id and title, direction and end', async () => {
    const src = 'subgraph eu [Europe PoPs]\n  direction LR\n  LHR --> AMS\nend';
    await assertScope(src, 'subgraph', 'keyword.control.subgraph');
    await assertScope(src, 'eu', 'entity.name.namespace.subgraph');
    await assertScope(src, 'Europe PoPs', 'string.unquoted.title');
    await assertScope(src, 'direction', 'keyword.control.direction');
    await assertScope(src, 'LR', 'constant.language.direction');
    await assertScope(src, 'end', 'keyword.control.subgraph.end');
    await assertScope('subgraph Transit providers', 'Transit providers', 'string.unquoted.title');
  });

  it('scopes classDef, class, style and linkStyle', async () => {
    const classDef = 'classDef pop fill:#f96,stroke:#333,stroke-width:2px;';
    await assertScope(classDef, 'classDef', 'keyword.other.classdef');
    await assertScope(classDef, 'pop', 'entity.name.type.class');
    await assertScope(classDef, 'fill', 'support.type.property-name.css');
    await assertScope(classDef, '#f96', 'constant.other.color.rgb-value');
    await assertScope('class IAD,LHR pop', 'class', 'keyword.other.class');
    await assertScope('class IAD,LHR pop', 'IAD,LHR', 'variable.other.node');
    await assertScope('class IAD,LHR pop', 'pop', 'entity.name.type.class');
    await assertScope('style A fill:#bbf', 'style', 'keyword.other.style');
    await assertScope('style A fill:#bbf', 'A', 'variable.other.node');
    await assertScope('linkStyle 0,1 stroke:#ff3', 'linkStyle', 'keyword.other.linkstyle');
    await assertScope('linkStyle 0,1 stroke:#ff3', '0,1', 'constant.numeric.link-index');
    await assertScope('linkStyle default stroke:#ff3', 'default', 'constant.numeric.link-index');
  });

  it('scopes accessibility titles and descriptions', async () => {
    await assertScope('accTitle: Anycast CDN', 'accTitle', 'keyword.other.accessibility');
    await assertScope('accTitle: Anycast CDN', 'Anycast CDN', 'string.unquoted.accessibility');
    const lines = await tokenizeLines('accDescr {\n  Two PoPs\n}\nA --> B');
    assert.ok(lines[1]![0]!.scopes.includes('string.unquoted.accessibility.anycast'));
    assert.ok(lines[3]!.find((t) => t.text === '-->')!.scopes.includes('keyword.operator.arrow.anycast'));
  });

  it('scopes click with its url, tooltip and target', async () => {
    const src = 'click A "https://example.invalid" "Tip" _blank';
    await assertScope(src, 'click', 'keyword.other.click');
    await assertScope(src, 'A', 'variable.other.node');
    await assertScope(src, 'https://example.invalid', 'string.quoted.double');
    await assertScope(src, '_blank', 'constant.language.link-target');
    await assertScope('click B callback "Tip"', 'callback', 'keyword.other.click');
  });
});

describe('grammar: the seed diagram', () => {
  const seed = readFileSync(new URL('../../../examples/seed.anycast.mmd', import.meta.url), 'utf8');

  it('tokenizes every line with nothing marked invalid', async () => {
    const lines = await tokenizeLines(seed);
    assert.ok(!all(lines).some((s) => s.startsWith('invalid')));
  });

  it('scopes every node id and arrow of the seed', async () => {
    const lines = await tokenizeLines(seed);
    const ids = new Set(
      lines
        .flat()
        .filter((t) => t.scopes.includes('variable.other.node.anycast'))
        .map((t) => t.text),
    );
    for (const id of [
      'IP',
      'BGP',
      'PoPUS',
      'PoPEU',
      'PoPAP',
      'ClientUS',
      'ClientEU',
      'ClientAP',
      'Serve1',
      'Withdraw',
      'Reroute',
    ]) {
      assert.ok(ids.has(id), `${id} is not scoped as a node`);
    }
    const arrows = lines.flat().filter((t) => t.scopes.includes('keyword.operator.arrow.anycast'));
    assert.equal(arrows.length, (seed.match(/-->/g) ?? []).length);
    await assertScope(seed, '203.0.113.1', 'constant.numeric.address.ipv4');
  });
});

describe('grammar: the examples', () => {
  const dir = new URL('../../../examples/', import.meta.url);
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.anycast.mmd'))
    .sort();

  it('has examples to check', () => {
    assert.ok(files.length >= 1);
  });

  for (const file of files) {
    it(`tokenizes ${file} with nothing invalid and nothing left open`, async () => {
      const text = readFileSync(new URL(file, dir), 'utf8');
      const lines = await tokenizeLines(`${text.replace(/\n$/, '')}\nProbe --> Other`);
      assert.ok(!all(lines).some((s) => s.startsWith('invalid')));
      const probe = lines.at(-1)!;
      assert.deepEqual(probe.find((t) => t.text === 'Probe')?.scopes, [
        'source.anycast',
        'variable.other.node.anycast',
      ]);
    });
  }
});
