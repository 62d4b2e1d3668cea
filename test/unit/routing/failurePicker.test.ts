import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { DiagramAnalysis } from '../../../src/routing/analysis';
import { acceptedChoices, failureChoices, scenarioOfChoices } from '../../../src/routing/failureChoices';
import type { FailureChoice } from '../../../src/routing/failureChoices';
import { noFailures, togglePop } from '../../../src/routing/scenario';
import type { DiagramScenario } from '../../../src/routing/scenario';
import { popLenses, simulationHeadline, simulationSummary } from '../../../src/routing/words/simulationSummary';

const seed = readFileSync(new URL('../../../examples/seed.anycast.mmd', import.meta.url), 'utf8');
/** The seed with US-East marked down in the file: New York is then served by EU-West. */
const usDownInFile = seed.replace('Advertises 203.0.113.0/24]\n', 'Advertises 203.0.113.0/24]@{ state: down }\n');
const routingOf = (text: string, scenario: DiagramScenario = noFailures) =>
  new DiagramAnalysis(text).underScenario(scenario);
const usUp: DiagramScenario = { ...noFailures, upPops: ['PoPUS'] };

describe('a PoP the file marks down, shown up in the simulation', () => {
  it('the edit marks only US-East down', () => {
    assert.equal(usDownInFile.split('state: down').length, 2);
    assert.match(usDownInFile, /PoPUS\[PoP: US-East\\nAdvertises 203\.0\.113\.0\/24\]@\{ state: down \}/);
  });

  it('with nothing simulated New York goes to EU-West; shown up, it moves back to US-East', () => {
    const baseline = routingOf(usDownInFile);
    assert.equal(baseline.resolution?.clients.find((c) => c.id === 'ClientUS')?.pop, 'PoPEU');
    const up = routingOf(usDownInFile, usUp);
    assert.deepEqual(up.engineScenario, { upPops: ['PoPUS'] });
    assert.equal(up.resolution?.clients.find((c) => c.id === 'ClientUS')?.pop, 'PoPUS');
    assert.deepEqual(
      up.diff?.moved.map((m) => [m.id, m.from, m.to]),
      [['ClientUS', 'PoPEU', 'PoPUS']],
    );
  });

  it('says so in the headline and the summary, and offers no convergence of a failure', () => {
    const up = routingOf(usDownInFile, usUp);
    assert.equal(simulationHeadline(up), 'US-East up (down in the file) · 1 client moved');
    const summary = simulationSummary(up, 'seed');
    assert.match(summary, /\*\*Up \(down in the file\):\*\* US-East/);
    assert.doesNotMatch(summary, /\*\*Down:\*\*/);
    assert.match(summary, /\| User in New York \| EU-West \| US-East \|/);
    const both = routingOf(usDownInFile, { ...usUp, failedPops: ['PoPAP'] });
    assert.equal(simulationHeadline(both), 'Asia-Pacific down, US-East up (down in the file) · 2 clients moved');
  });

  it('a toggle shows it up, never fails it; the next toggle shows it as the file has it', () => {
    const once = togglePop(noFailures, 'PoPUS', true);
    assert.deepEqual(once, usUp);
    assert.deepEqual(togglePop(once, 'PoPUS', true), noFailures);
    assert.deepEqual(togglePop(noFailures, 'PoPUS'), { ...noFailures, failedPops: ['PoPUS'] });
  });

  it('an up override on a PoP the file has up, or on a name the text lacks, is dropped', () => {
    assert.deepEqual(routingOf(seed, { ...noFailures, upPops: ['PoPUS', 'Gone'] }).scenario, noFailures);
  });

  it('the code lens offers to show it up, then to show it down as in the file', () => {
    const down = popLenses(routingOf(usDownInFile))[0]!;
    assert.deepEqual(
      [down.title, down.actionTitle, down.action],
      ['Down in the file', 'Show up in simulation', 'showUp'],
    );
    assert.equal(down.tooltip, 'Show US-East up (the file marks it down)');
    const up = popLenses(routingOf(usDownInFile, usUp))[0]!;
    assert.deepEqual([up.title, up.action], ['Up in simulation (down in the file) · 1 client · 33%', 'showAsWritten']);
  });

  it('the picker offers it to show up, and ticking it builds the up override', () => {
    const pop = failureChoices(routingOf(usDownInFile)).find((c) => c.key === 'PoPUS')!;
    assert.equal(pop.description, 'PoP · down in the file · tick to show it up');
    assert.equal(pop.ticked, false);
    assert.deepEqual(scenarioOfChoices([pop]), usUp);
  });
});

describe('what Enter accepts in the Simulate Failure picker', () => {
  // The seed's PoPs: US-East, EU-West, Asia-Pacific; with US-East failed it opens ticked.
  const opened = failureChoices(routingOf(seed, { ...noFailures, failedPops: ['PoPUS'] }));
  const [us, eu, ap] = opened as [FailureChoice, FailureChoice, FailureChoice];
  const keys = (chosen: readonly FailureChoice[]) => chosen.map((c) => c.key);

  it('opens with the current failures ticked', () => {
    assert.deepEqual(keys(opened.filter((c) => c.ticked)), ['PoPUS']);
  });

  it('accepts the ticked set once a box was ticked, whatever was typed or highlighted', () => {
    assert.deepEqual(keys(acceptedChoices({ choices: opened, ticked: [us, ap], typed: 'EU', active: eu })), [
      'PoPUS',
      'PoPAP',
    ]);
  });

  it('accepts the ticked set once a box was unticked: the typed name does not tick it again', () => {
    assert.deepEqual(keys(acceptedChoices({ choices: opened, ticked: [], typed: 'US-East', active: us })), []);
  });

  it('nothing ticked or unticked: a typed name fails the highlighted row too, what already failed stays', () => {
    assert.deepEqual(keys(acceptedChoices({ choices: opened, ticked: [us], typed: 'asia', active: ap })), [
      'PoPUS',
      'PoPAP',
    ]);
  });

  it('nothing highlighted: the typed name is matched exactly, else by the only label containing it', () => {
    assert.deepEqual(keys(acceptedChoices({ choices: opened, ticked: [us], typed: 'eu-west', active: undefined })), [
      'PoPUS',
      'PoPEU',
    ]);
    assert.deepEqual(keys(acceptedChoices({ choices: opened, ticked: [us], typed: 'Pacif', active: undefined })), [
      'PoPUS',
      'PoPAP',
    ]);
    // "-" is in every PoP's name: no one choice is meant.
    assert.deepEqual(keys(acceptedChoices({ choices: opened, ticked: [us], typed: '-', active: undefined })), [
      'PoPUS',
    ]);
  });

  it('nothing typed, nothing changed: Enter keeps the simulation as it is', () => {
    assert.deepEqual(keys(acceptedChoices({ choices: opened, ticked: [us], typed: '', active: eu })), ['PoPUS']);
  });
});
