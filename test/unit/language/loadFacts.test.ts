import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { completionsAt } from '../../../src/language/features/completions';
import { parseDocument } from '../../../src/language/index';
import { formatRate, readRate } from '../../../src/language/meaning/rates';

const parse = (...lines: string[]) => parseDocument(['flowchart LR', ...lines].join('\n'));
const nodeOf = (doc: ReturnType<typeof parse>, id: string) => doc.model.nodes.find((n) => n.id === id);
const codes = (doc: ReturnType<typeof parse>) =>
  doc.diagnostics
    .filter((d) => d.severity !== 'hint')
    .map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code}`);

describe('rates with units', () => {
  it('reads bits per second with SI prefixes', () => {
    assert.deepEqual(readRate('40Gbps', 'Traffic'), { ok: true, value: { value: 40e9, unit: 'bps' } });
    assert.deepEqual(readRate('500 Mbps', 'Traffic'), { ok: true, value: { value: 500e6, unit: 'bps' } });
    assert.deepEqual(readRate('1.5Tbps', 'Traffic'), { ok: true, value: { value: 1.5e12, unit: 'bps' } });
    assert.deepEqual(readRate('800kbps', 'Traffic'), { ok: true, value: { value: 800e3, unit: 'bps' } });
  });
  it('reads requests per second, with the unit or as the rps key’s bare number', () => {
    assert.deepEqual(readRate('500k rps', 'Capacity'), { ok: true, value: { value: 500e3, unit: 'rps' } });
    assert.deepEqual(readRate('120k', 'Requests', 'rps'), { ok: true, value: { value: 120e3, unit: 'rps' } });
    assert.deepEqual(readRate('2M', 'Requests', 'rps'), { ok: true, value: { value: 2e6, unit: 'rps' } });
  });
  it('refuses a number without a unit, a misspelt unit and a negative rate', () => {
    for (const bad of ['40', '40Gbs', '-3Gbps', 'lots']) assert.equal(readRate(bad, 'Traffic').ok, false, bad);
  });
  it('writes rates back with three significant figures', () => {
    assert.equal(formatRate(64e9, 'bps'), '64 Gbps');
    assert.equal(formatRate(1.25e12, 'bps'), '1.25 Tbps');
    assert.equal(formatRate(120e3, 'rps'), '120k rps');
    assert.equal(formatRate(900, 'bps'), '900 bps');
  });
});

describe('traffic, capacity and attack in the diagram', () => {
  it('reads traffic and attack on a client, capacity on a PoP, attack on an AS', () => {
    const doc = parse(
      '  P[PoP: Frankfurt]@{ announce: 192.0.2.0/24, capacity: 100Gbps }',
      '  C([Users in Paris])@{ traffic: 40Gbps, attack: 1Tbps }',
      '  T[AS174 Cogent]@{ attack: 300Gbps }',
    );
    assert.deepEqual(nodeOf(doc, 'P')?.capacity?.value, { value: 100e9, unit: 'bps' });
    assert.deepEqual(nodeOf(doc, 'C')?.traffic?.value, { value: 40e9, unit: 'bps' });
    assert.deepEqual(nodeOf(doc, 'C')?.attack?.value, { value: 1e12, unit: 'bps' });
    assert.deepEqual(nodeOf(doc, 'T')?.attack?.value, { value: 300e9, unit: 'bps' });
  });
  it('rps: is traffic in requests per second', () => {
    const doc = parse('  C([Users in Paris])@{ rps: 120k }');
    assert.deepEqual(nodeOf(doc, 'C')?.traffic?.value, { value: 120e3, unit: 'rps' });
  });
  it('a malformed rate is an error on the value, line and column', () => {
    const doc = parse('  C([Users in Paris])@{ traffic: 4Gbs }');
    // line 2 (after the header): two spaces, 21 characters of node, '@{ ', 'traffic: ', so column 34
    assert.deepEqual(codes(doc), ['2:34 invalid-rate']);
  });
  it('a capacity in rps while traffic is in bps is a unit mismatch on the capacity', () => {
    const doc = parse(
      '  P[PoP: Frankfurt]@{ announce: 192.0.2.0/24, capacity: 500k rps }',
      '  C([Users in Paris])@{ traffic: 40Gbps }',
    );
    assert.deepEqual(codes(doc), ['2:57 unit-mismatch']);
  });
  it('once one PoP has a capacity, a PoP without one is missing its capacity', () => {
    const doc = parse(
      '  P[PoP: Frankfurt]@{ announce: 192.0.2.0/24, capacity: 100Gbps }',
      '  Q[PoP: London]@{ announce: 192.0.2.0/24 }',
      '  C([Users in Paris])@{ traffic: 40Gbps }',
    );
    assert.deepEqual(codes(doc), ['3:3 missing-capacity']);
  });
  it('reads warnAbove and attacks per subgraph from the front matter', () => {
    const doc = parseDocument(
      [
        '---',
        'anycast:',
        '  warnAbove: 70%',
        '  attack: { EU: 300Gbps, Nowhere: 1Gbps }',
        '---',
        'flowchart LR',
        '  subgraph EU [Europe]',
        '    C([Users in Paris])',
        '  end',
      ].join('\n'),
    );
    assert.equal(doc.model.settings.warnAbove?.value, 0.7);
    assert.deepEqual(
      doc.model.settings.groupAttacks?.map((a) => [a.subgraph.value, a.rate.value.value]),
      [['EU', 300e9]],
    );
    assert.ok(doc.diagnostics.some((d) => d.code === 'unknown-id' && d.message.includes("'Nowhere'")));
  });
  it('capacity on a client means nothing there', () => {
    const doc = parse('  C([Users in Paris])@{ capacity: 10Gbps }');
    assert.deepEqual(codes(doc), ['2:25 unused-key']);
  });
});

describe('completion of the new keys', () => {
  it('offers traffic, rps, capacity and attack in node metadata, and rates as values', () => {
    const text = 'flowchart LR\n  C([Users in Paris])@{ ';
    const keys = completionsAt(text, parseDocument(text).model, { line: 1, character: 24 }).map((i) => i.label);
    for (const k of ['traffic', 'rps', 'capacity', 'attack']) assert.ok(keys.includes(k), k);
    const valueText = 'flowchart LR\n  P[PoP: X]@{ capacity: ';
    const values = completionsAt(valueText, parseDocument(valueText).model, { line: 1, character: 24 }).map(
      (i) => i.label,
    );
    assert.ok(values.includes('100Gbps'));
  });
});
