import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDocument } from '../../../src/language/index';
import type { Diagnostic } from '../../../src/language/index';
import { DiagramAnalysis } from '../../../src/routing/analysis';
import { checkedDiagnostics } from '../../../src/routing/routingChecks';
import { diagram, popsOf, resolveDiagram } from './diagram';

/**
 * One CDN, AS64600, with two PoPs: IAD announces with NO_EXPORT to Cogent, LHR without to NTT.
 * Cogent and NTT peer; DTAG buys transit from NTT. NTT prefers its customer LHR and passes it to
 * its customer DTAG, so the Berlin users reach LHR, whichever PoP is written first. Cogent's
 * NO_EXPORT route stops at Cogent.
 */
const NO_EXPORT_PLUS_GLOBAL = [
  'NE[PoP: IAD]@{ asn: 64600, communities: no-export }',
  'G[PoP: LHR]@{ asn: 64600 }',
  'Cogent[AS174 Cogent]@{ loc: IAD }',
  'NTT[AS2914 NTT]@{ loc: LHR }',
  'DTAG[AS3320 DTAG]@{ loc: FRA }',
  'NE -->|transit| Cogent',
  'G -->|transit| NTT',
  'Cogent -->|peer| NTT',
  'DTAG -->|transit| NTT',
  'U([Users in Berlin])@{ in: DTAG }',
];
const NO_EXPORT_FIRST = diagram(...NO_EXPORT_PLUS_GLOBAL);
const GLOBAL_FIRST = diagram(NO_EXPORT_PLUS_GLOBAL[1]!, NO_EXPORT_PLUS_GLOBAL[0]!, ...NO_EXPORT_PLUS_GLOBAL.slice(2));

const codes = (diagnostics: readonly Diagnostic[]): string[] =>
  diagnostics.filter((d) => d.severity !== 'hint').map((d) => d.code);

describe('anycast check: reachability as resolve finds it, whatever the order of lines', () => {
  it('warns about no unreachable client with the NO_EXPORT PoP written first or second', () => {
    assert.deepEqual(codes(new DiagramAnalysis(NO_EXPORT_FIRST).diagnostics), []);
    assert.deepEqual(codes(new DiagramAnalysis(GLOBAL_FIRST).diagnostics), []);
    // The parse's own graph check, which runs alone on large diagrams, agrees in both orders.
    assert.deepEqual(codes(parseDocument(NO_EXPORT_FIRST).diagnostics), []);
    assert.deepEqual(codes(parseDocument(GLOBAL_FIRST).diagnostics), []);
  });

  it('resolves Berlin to LHR in both orders', () => {
    assert.deepEqual(popsOf(resolveDiagram(NO_EXPORT_FIRST)), { U: 'G' });
    assert.deepEqual(popsOf(resolveDiagram(GLOBAL_FIRST)), { U: 'G' });
  });

  it('drops a graph-check warning about a client the resolution reaches, and keeps one it confirms', () => {
    const analysis = new DiagramAnalysis(NO_EXPORT_FIRST);
    const client = analysis.model.nodes.find((n) => n.id === 'U')!;
    const claim: Diagnostic = {
      range: client.idRange,
      severity: 'warning',
      code: 'unreachable-client',
      message: "Client 'U' reaches no PoP",
    };
    const routers = analysis.build.topology.routers.length;
    const reached = checkedDiagnostics(analysis.model, [claim], routers, () => analysis.baseline);
    assert.deepEqual(codes(reached), []);
    // With the one PoP that serves Berlin withdrawn, the resolution confirms the warning.
    const withdrawn = new DiagramAnalysis(NO_EXPORT_FIRST.replace('asn: 64600 }', 'asn: 64600, state: down }'));
    const unreached = checkedDiagnostics(withdrawn.model, [claim], routers, () => withdrawn.baseline);
    assert.deepEqual(codes(unreached), ['unreachable-client']);
  });
});
