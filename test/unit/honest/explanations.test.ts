import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diffResolutions, resolve } from '../../../src/engine/index';
import type { ClientResult } from '../../../src/engine/index';
import { parseDocument } from '../../../src/language/index';
import { toTopology } from '../../../src/routing/topology';
import { DiagramAnalysis } from '../../../src/routing/analysis';
import { hoverAt } from '../../../src/routing/words/hoverText';
import { diagram, resolveDiagram } from './diagram';

/** A diagram with its own front matter lines (service, prefixes, tie-break), as `diagram` builds it. */
function withSettings(settings: readonly string[], ...lines: string[]): string {
  return [
    '---',
    'anycast:',
    '  service: 203.0.113.1',
    ...settings,
    '---',
    'flowchart LR',
    ...lines.map((l) => `  ${l}`),
  ].join('\n');
}

function client(text: string, id = 'NY'): ClientResult {
  const found = resolveDiagram(text).clients.find((c) => c.id === id);
  assert.ok(found, `client ${id}`);
  return found;
}

/** The hover on the first occurrence of `word` on the line that starts with it. */
function hover(text: string, word: string): string {
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.trimStart().startsWith(word));
  const character = (lines[line] ?? '').indexOf(word) + 1;
  const shown = hoverAt(new DiagramAnalysis(text).underScenario({ failedPops: [], failedLinks: [], failedAses: [] }), {
    line,
    character,
  });
  return shown?.markdown ?? '';
}

const NODE = {
  iad: 'IAD[PoP: IAD]@{ asn: 64600 }',
  lhr: 'LHR[PoP: LHR]@{ asn: 64601 }',
  cogent: 'Cogent[AS174 Cogent]@{ loc: IAD }',
  lumen: 'Lumen[AS3356 Lumen]@{ loc: IAD }',
  ntt: 'NTT[AS2914 NTT]@{ loc: LHR }',
  comcast: 'Comcast[AS7922 Comcast]@{ loc: NYC }',
  ny: 'NY([Users in New York])@{ in: Comcast }',
};

/**
 * Comcast (NY's AS) buys transit from Cogent (AS174) and Lumen (AS3356). Its two routes tie on
 * every step (LOCAL_PREF 100, AS path 7922 x 64600, IGP, MED 0, eBGP, IGP cost 0), so the
 * tie-break decides (under the default model, the lower neighbour ASN, 174). `declared` is the
 * order of the PoPs and transits in the file (the nodes start on the line after `flowchart LR`).
 */
function twoTransits(
  iad: string,
  lhr: string,
  declared: readonly string[] = [NODE.iad, NODE.lhr, NODE.cogent, NODE.lumen],
): string[] {
  return [...declared, NODE.comcast, iad, lhr, 'Comcast -->|transit| Cogent', 'Comcast -->|transit| Lumen', NODE.ny];
}

describe('arbitrary means the PoP could change', () => {
  it('a tie between two routes to the same PoP is information, not an arbitrary choice', () => {
    // IAD buys from both transits; LHR is there but buys from no one, so both routes lead to IAD.
    const text = diagram(...twoTransits('IAD -->|transit| Cogent', 'IAD -->|transit| Lumen'));
    const ny = client(text);
    assert.equal(ny.pop, 'IAD');
    assert.equal(ny.explanation?.decidedBy, 'tie-break', 'the router still needed the tie-break');
    assert.equal(ny.explanation?.arbitrary, false);
    assert.equal(ny.explanation?.alternative, undefined, 'no candidate leads elsewhere');
    assert.deepEqual(ny.arbitraryAt, []);
    assert.equal(ny.decision?.by, 'only-pop');
    const shown = hover(text, 'NY');
    assert.match(shown, /Only one PoP reachable along its path: no router on it hears a route to another PoP/);
    assert.match(shown, /tie-break \(lowest neighbour ASN: AS174 vs AS3356\) chose between routes to the same PoP/);
    assert.doesNotMatch(shown, /Arbitrary: \*\*yes/);
  });

  it('a tie between routes to two different PoPs is arbitrary, at the router that broke it', () => {
    const text = diagram(...twoTransits('IAD -->|transit| Cogent', 'LHR -->|transit| Lumen'));
    const ny = client(text);
    assert.equal(ny.pop, 'IAD', 'AS174 < AS3356');
    assert.equal(ny.explanation?.arbitrary, true);
    assert.deepEqual(ny.arbitraryAt, ['Comcast']);
    assert.equal(ny.decision?.by, 'tie-break');
    assert.equal(ny.decision?.router, 'Comcast');
    assert.equal(ny.decision?.alternative?.pop, 'LHR');
    assert.deepEqual(ny.decision?.tieBreak, {
      model: 'lowest-neighbor-asn',
      by: 'neighbor-asn',
      best: 174,
      other: 3356,
    });
    const shown = hover(text, 'NY');
    assert.match(
      shown,
      /PoP decided at Comcast \(AS7922, NYC\) by \*\*the final tie-break\*\* \(lowest neighbour ASN: AS174 vs AS3356\)/,
    );
    assert.match(shown, /over the nearest alternative via \*\*LHR\*\*/);
    assert.match(shown, /Arbitrary: \*\*yes\*\*/);
  });
});

describe('explanations along the path', () => {
  it("names the upstream border router where LOCAL_PREF decided, not the client router's only route", () => {
    // Cogent hears IAD from its customer (LOCAL_PREF 200) and LHR from its provider NTT, to which
    // it gives 300: it picks LHR and passes only that on to Comcast, whose one route is via Cogent.
    const text = diagram(
      ...[NODE.iad, NODE.lhr, NODE.cogent, NODE.ntt, NODE.comcast],
      'IAD -->|transit| Cogent',
      'LHR -->|transit| NTT',
      'Cogent -->|transit lp 300| NTT',
      'Comcast -->|transit| Cogent',
      NODE.ny,
    );
    const ny = client(text);
    assert.equal(ny.pop, 'LHR');
    assert.equal(ny.explanation?.decidedBy, 'only-route', "the client's router had one route");
    assert.equal(ny.decision?.router, 'Cogent');
    assert.equal(ny.decision?.asn, 174);
    assert.equal(ny.decision?.by, 'local-pref');
    assert.equal(ny.decision?.prefix, '203.0.113.0/24');
    assert.equal(ny.decision?.alternative?.pop, 'IAD');
    assert.deepEqual(ny.decision?.alternative?.asPath, [174, 64600]);
    const shown = hover(text, 'NY');
    assert.match(
      shown,
      /PoP decided at Cogent \(AS174, IAD\) by \*\*higher LOCAL_PREF\*\* \(LOCAL_PREF 300 vs 200\), on 203\.0\.113\.0\/24, over the nearest alternative via \*\*IAD\*\* \(AS path 174 64600\)/,
    );
  });

  it('a client that moves says what chose its new PoP upstream, not its own only route', () => {
    // As above, with FRA also behind NTT. Without LHR, Cogent weighs IAD (customer, 200) against
    // FRA via NTT (300): LOCAL_PREF at Cogent moves NY to FRA.
    const text = diagram(
      ...[NODE.iad, NODE.lhr, 'FRA[PoP: FRA]@{ asn: 64602 }', NODE.cogent, NODE.ntt, NODE.comcast],
      'IAD -->|transit| Cogent',
      'LHR -->|transit| NTT',
      'FRA -->|transit| NTT',
      'Cogent -->|transit lp 300| NTT',
      'Comcast -->|transit| Cogent',
      NODE.ny,
    );
    const topology = toTopology(parseDocument(text).model).topology;
    const diff = diffResolutions(resolve(topology), resolve(topology, { failedPops: ['LHR'] }));
    assert.deepEqual(
      diff.moved.map((m) => [m.id, m.from, m.to, m.why]),
      [['NY', 'LHR', 'FRA', 'local-pref']],
    );
  });

  it('says when a more-specific prefix decided, and shows both prefixes', () => {
    // Only IAD announces the /24; only LHR the covering /23. Comcast forwards on the /24.
    const text = withSettings(
      [],
      ...twoTransits('IAD -->|transit| Cogent', 'LHR -->|transit| Lumen', [
        'IAD[PoP: IAD]@{ asn: 64600, announce: 203.0.113.0/24 }',
        'LHR[PoP: LHR]@{ asn: 64601, announce: 203.0.112.0/23 }',
        NODE.cogent,
        NODE.lumen,
      ]),
    );
    const ny = client(text);
    assert.equal(ny.pop, 'IAD');
    assert.equal(ny.decision?.by, 'more-specific-prefix');
    assert.equal(ny.decision?.router, 'Comcast');
    assert.equal(ny.decision?.prefix, '203.0.113.0/24');
    assert.equal(ny.decision?.alternative?.pop, 'LHR');
    assert.equal(ny.decision?.alternative?.prefix, '203.0.112.0/23');
    assert.match(
      hover(text, 'NY'),
      /by a \*\*more-specific prefix\*\*: 203\.0\.113\.0\/24 leads here, while 203\.0\.112\.0\/23 leads via \*\*LHR\*\*/,
    );
  });

  it('shows as runner-up the best route to another PoP, not the second route to the same PoP', () => {
    // Comcast: via Cogent and via Lumen to IAD (AS path length 3, tied), via Telia to LHR
    // (7922 1299 2914 64601, length 4). The RFC runner-up is IAD via Lumen; the nearest
    // alternative is LHR, which lost on AS path length.
    const text = diagram(
      ...twoTransits('IAD -->|transit| Cogent', 'IAD -->|transit| Lumen'),
      NODE.ntt,
      'Telia[AS1299 Telia]@{ loc: LHR }',
      'LHR -->|transit| NTT',
      'NTT -->|transit| Telia',
      'Comcast -->|transit| Telia',
    );
    const ny = client(text);
    const e = ny.explanation;
    assert.ok(e && e.runnerUp !== undefined && e.alternative);
    assert.equal(e.candidates[e.runnerUp]?.pop, 'IAD');
    assert.equal(e.decidedBy, 'tie-break');
    assert.equal(e.candidates[e.alternative.index]?.pop, 'LHR');
    assert.equal(e.alternative.step, 'as-path-length');
    assert.equal(e.arbitrary, false);
    assert.deepEqual(ny.arbitraryAt, []);
    assert.equal(ny.decision?.by, 'as-path-length');
    assert.match(
      hover(text, 'NY'),
      /\(AS path length 3 vs 4\), on 203\.0\.113\.0\/24, over the nearest alternative via \*\*LHR\*\*/,
    );
  });

  it('says so when a client can reach one PoP only', () => {
    const text = diagram(
      'IAD[PoP: IAD]@{ asn: 64600 }',
      'Cogent[AS174 Cogent]@{ loc: IAD }',
      'IAD -->|transit| Cogent',
      'NY([Users in New York])@{ in: Cogent }',
    );
    const ny = client(text);
    assert.deepEqual(ny.decision && { by: ny.decision.by, router: ny.decision.router }, {
      by: 'only-pop',
      router: 'Cogent',
    });
    assert.equal(ny.decision?.alternative, undefined);
    assert.match(
      hover(text, 'NY'),
      /Only one PoP reachable along its path: no router on it hears a route to another PoP \(forwards on 203\.0\.113\.0\/24\)/,
    );
  });
});

describe('the tie-break says what it compared under each model', () => {
  // Lumen is declared before Cogent. With one setting the front matter takes lines 1-6 and
  // `flowchart LR` line 7, so the nodes start on line 8.
  const TIED = (settings: string[]): string =>
    withSettings(
      ['  prefixes: [203.0.113.0/24]', ...settings],
      ...twoTransits('IAD -->|transit| Cogent', 'LHR -->|transit| Lumen', [
        NODE.iad, // line 8
        NODE.lhr, // line 9
        NODE.lumen, // line 10
        NODE.cogent, // line 11
      ]),
    );

  it('router-id is the order of declaration: the router declared first wins, with its line', () => {
    const settings = ['  tieBreak: router-id'];
    const ny = client(TIED(settings));
    assert.equal(ny.pop, 'LHR', 'Lumen is declared before Cogent');
    assert.match(
      hover(TIED(settings), 'NY'),
      /router id, which is the order of declaration: Lumen, line 10, declared first, vs Cogent, line 11/,
    );
  });

  it('lowest-neighbor-asn names the two neighbour ASNs', () => {
    const ny = client(TIED([]));
    assert.equal(ny.pop, 'IAD');
    assert.match(hover(TIED([]), 'NY'), /lowest neighbour ASN: AS174 vs AS3356/);
  });

  it('oldest names the arrival order: the PoP announced first', () => {
    const settings = ['  tieBreak: oldest'];
    assert.equal(client(TIED(settings)).pop, 'IAD', 'IAD is the first PoP of the file');
    assert.match(
      hover(TIED(settings), 'NY'),
      /oldest route \(arrival order\): IAD was announced before LHR \(declared first\)/,
    );
  });

  it('random names its seed', () => {
    const settings = ['  tieBreak: random', '  seed: 7'];
    assert.match(hover(TIED(settings), 'NY'), /random tie-break, seed 7/);
  });

  it('an internal tie between two PoPs of one ASN names the routers, never "AS64600 vs AS64600"', () => {
    // Cogent hears IAD and EWR, both AS64600, from its customers: same neighbour AS, so the
    // router id (declaration order) decides: IAD on line 7 before EWR on line 8.
    const text = diagram(
      'IAD[PoP: IAD]@{ asn: 64600 }',
      'EWR[PoP: EWR]@{ asn: 64600 }',
      'Cogent[AS174 Cogent]@{ loc: IAD }',
      'IAD -->|transit| Cogent',
      'EWR -->|transit| Cogent',
      'NY([Users in New York])@{ in: Cogent }',
    );
    const ny = client(text);
    assert.equal(ny.pop, 'IAD');
    assert.equal(ny.decision?.tieBreak?.by, 'router-id');
    const shown = hover(text, 'NY');
    assert.match(shown, /same neighbour AS, then router id .*: IAD, line 7, declared first, vs EWR, line 8/);
    assert.doesNotMatch(shown, /AS64600 vs AS64600/);
  });
});
