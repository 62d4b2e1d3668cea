// Runs in Node (tests and `npm run fuzz`): random anycast diagrams for property tests: PoPs,
// transit ASes, users, relationships with policy words, '&' groups, and labels with the
// characters that mermaid treats specially.
import fc from 'fast-check';

const PLACES = ['IAD', 'LHR', 'NRT', 'FRA', 'SIN', 'GRU', 'SYD', 'ORD', 'AMS', 'JNB'];
const LABEL_PIECES = [
  'Edge',
  'Core',
  'São Paulo',
  'A/B',
  'x-1',
  '東京',
  'Zürich',
  ' ',
  '(1)',
  "O'Hare",
  '&amp;',
  '#1',
  '%',
  ',',
];
const POLICIES = ['', ' prepend 2', ' lp 300', ' med 10', ' no-export', ' lp 50 prepend 1'];

export interface DiagramShape {
  readonly pops: number;
  readonly transits: number;
  readonly users: number;
}

const label = fc
  .array(fc.constantFrom(...LABEL_PIECES), { minLength: 1, maxLength: 3 })
  .map((p) => p.join('').trim() || 'X');

/** A random diagram in the language, the kind a user writes: it usually parses clean. */
export function randomDiagram(maxNodes = 6): fc.Arbitrary<string> {
  return fc
    .record({
      pops: fc.array(
        fc.record({
          name: label,
          place: fc.constantFrom(...PLACES),
          asn: fc.integer({ min: 0, max: 2 }),
          uplink: fc.nat(),
        }),
        {
          minLength: 1,
          maxLength: maxNodes,
        },
      ),
      transits: fc.array(fc.record({ name: label, place: fc.constantFrom(...PLACES) }), {
        minLength: 1,
        maxLength: maxNodes,
      }),
      users: fc.array(fc.record({ place: fc.constantFrom(...PLACES), at: fc.nat() }), { maxLength: maxNodes }),
      links: fc.array(
        fc.record({
          from: fc.nat(),
          to: fc.array(fc.nat(), { minLength: 1, maxLength: 3 }),
          kind: fc.constantFrom('transit', 'peer'),
          policy: fc.constantFrom(...POLICIES),
        }),
        { maxLength: maxNodes * 3 },
      ),
      direction: fc.constantFrom('LR', 'TD'),
    })
    .map(({ pops, transits, users, links, direction }) => {
      const lines = [`flowchart ${direction}`, '  IP([Anycast IP: 203.0.113.1])'];
      pops.forEach((p, i) =>
        lines.push(
          `  P${i}["PoP: ${p.name}<br>Advertises 203.0.113.0/24"]:::pop@{ asn: ${64600 + p.asn}, loc: ${p.place} }`,
        ),
      );
      transits.forEach((t, i) => lines.push(`  T${i}["AS${65000 + i} ${t.name}"]:::transit@{ loc: ${t.place} }`));
      pops.forEach((p, i) => lines.push(`  P${i} -->|transit| T${p.uplink % transits.length}`));
      const all = [...pops.map((_, i) => `P${i}`), ...transits.map((_, i) => `T${i}`)];
      for (const l of links) {
        const from = all[l.from % all.length] as string;
        const targets = [...new Set(l.to.map((t) => `T${t % transits.length}`))].filter((t) => t !== from);
        if (targets.length === 0) continue;
        const arrow = l.kind === 'peer' ? `<-->|peer${l.policy}|` : `-->|transit${l.policy}|`;
        lines.push(`  ${from} ${arrow} ${targets.join(' & ')}`);
      }
      users.forEach((u, i) =>
        lines.push(`  U${i}([Users near ${u.place}]):::users@{ in: T${u.at % transits.length} }`),
      );
      return `${lines.join('\n')}\n`;
    });
}

/** Pieces of the syntax for mutating a diagram where it hurts: arrows, brackets, quotes, metadata. */
export const SYNTAX_PIECES = [
  '-->',
  '---',
  '<-->',
  '-.->',
  '==>',
  '&',
  '|',
  '[',
  ']',
  '(',
  ')',
  '{',
  '}',
  '@{',
  '"',
  '`',
  ':::',
  ';',
  '\n',
  '%%',
  'subgraph ',
  'end\n',
  'click ',
  'style ',
  '#',
  '\\',
  '<br>',
  ' ',
  'é',
  '\t',
];

/** A diagram with a few random edits: insertions, deletions and replacements of syntax pieces. */
export function mutatedDiagram(base: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc
    .tuple(
      base,
      fc.array(
        fc.record({ at: fc.nat(), cut: fc.integer({ min: 0, max: 8 }), insert: fc.constantFrom(...SYNTAX_PIECES, '') }),
        { minLength: 1, maxLength: 6 },
      ),
    )
    .map(([text, edits]) => {
      let out = text;
      for (const e of edits) {
        const at = e.at % (out.length + 1);
        out = out.slice(0, at) + e.insert + out.slice(at + e.cut);
      }
      return out;
    });
}
