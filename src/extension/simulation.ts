/**
 * The one place that holds each document's simulated failures, and the routing analysis under
 * them (computed once per document version and what-if). The preview, hovers, code lenses and
 * status bar all read it and redraw on `onDidChange`. A simulation lasts while its document is
 * open. Also the commands that start, end and summarise it.
 */
import * as vscode from 'vscode';
import type { ScenarioRouting } from '../routing/analysis';
import { acceptedChoices, failureChoices, scenarioOfChoices } from '../routing/failureChoices';
import type { FailureChoice } from '../routing/failureChoices';
import { isEmptyScenario, isWrittenDown, noFailures, togglePop } from '../routing/scenario';
import type { DiagramScenario, EdgeKey } from '../routing/scenario';
import { convergenceSection } from '../routing/words/convergenceWords';
import { simulationHeadline, simulationSummary } from '../routing/words/simulationSummary';
import { diagramDocument } from './activeDiagram';
import type { DocumentAnalyses } from './analyses';
import { refreshOnEdit, showMarkdownView } from './markdownView';
import { readLoadOptions } from './previewSettings';
import type { LoadOptions } from '../routing/load';

/**
 * What scripts and tests may pass instead of picking: PoPs by id or name, links by their ends, ASes
 * by id, and PoPs the file marks down to show up.
 */
export interface SimulateRequest {
  readonly uri?: string | vscode.Uri;
  readonly pops?: readonly string[];
  readonly upPops?: readonly string[];
  readonly links?: readonly EdgeKey[];
  readonly ases?: readonly string[];
}

export interface SimulationState {
  readonly scenario: DiagramScenario;
  readonly headline: string;
  /** Client id → the PoP that serves it, null when none does. */
  readonly clients: Readonly<Record<string, string | null>>;
}

/** Each document's what-if; the routing under it is read from the analyses' owner. */
export class SimulationStore implements vscode.Disposable {
  private readonly scenarios = new Map<string, DiagramScenario>();
  /** Documents whose attack is simulated (the preview's "Simulate attack"). */
  private readonly attacks = new Set<string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  /** Fires with the document whose simulation changed. */
  readonly onDidChange = this.changed.event;
  private readonly closing: vscode.Disposable;

  constructor(private readonly analyses: DocumentAnalyses) {
    this.closing = analyses.onDidClose((uri) => {
      const attacked = this.attacks.delete(uri.toString());
      if (this.scenarios.delete(uri.toString()) || attacked) this.changed.fire(uri);
    });
  }

  scenarioOf(uri: vscode.Uri): DiagramScenario {
    return this.scenarios.get(uri.toString()) ?? noFailures;
  }

  setScenario(uri: vscode.Uri, scenario: DiagramScenario): void {
    const key = uri.toString();
    if (isEmptyScenario(scenario)) this.scenarios.delete(key);
    else this.scenarios.set(key, scenario);
    // Resolve the what-if once, now, so every reader told below (lenses, status bar, preview,
    // summary) answers from the memo at once: VS Code stretches its code-lens debounce to the time a
    // provider took, so a lens provider that resolved would make the next refreshes lag too.
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
    if (document) this.routingOf(document);
    this.changed.fire(uri);
  }

  /** Simulates the diagram's attack (or stops): its traffic joins every view's load. */
  setAttack(uri: vscode.Uri, on: boolean): void {
    if (on === this.attacks.has(uri.toString())) return;
    if (on) this.attacks.add(uri.toString());
    else this.attacks.delete(uri.toString());
    this.changed.fire(uri);
  }

  /** The load threshold of the settings, with the attack when it is simulated for `uri`. */
  loadOptionsOf(uri: vscode.Uri): LoadOptions {
    return { ...readLoadOptions(), attack: this.attacks.has(uri.toString()) };
  }

  /** Fails or restores `pop`; a PoP the file marks down is shown up instead, or down again. */
  togglePop(document: vscode.TextDocument, pop: string): void {
    const node = this.analyses.of(document).model.nodes.find((n) => n.id === pop);
    const writtenDown = node !== undefined && isWrittenDown(node);
    this.setScenario(document.uri, togglePop(this.scenarioOf(document.uri), pop, writtenDown));
  }

  /** What every view shows of the simulation of `document`: its what-if, headline and each client's PoP. */
  stateOf(document: vscode.TextDocument): SimulationState {
    const routing = this.routingOf(document);
    return {
      scenario: routing.scenario,
      headline: simulationHeadline(routing),
      clients: Object.fromEntries((routing.resolution?.clients ?? []).map((c) => [c.id, c.pop ?? null])),
    };
  }

  /** The routing of `document` under its simulation. */
  routingOf(document: vscode.TextDocument): ScenarioRouting {
    return this.analyses.of(document).underScenario(this.scenarioOf(document.uri));
  }

  dispose(): void {
    this.changed.dispose();
    this.closing.dispose();
  }
}

function fileName(uri: vscode.Uri): string {
  return uri.path.split('/').pop() ?? uri.toString();
}

function isRequest(arg: unknown): arg is SimulateRequest {
  return (
    typeof arg === 'object' &&
    arg !== null &&
    !(arg instanceof vscode.Uri) &&
    ('pops' in arg || 'upPops' in arg || 'links' in arg || 'ases' in arg || 'uri' in arg)
  );
}

/** The scenario a script asked for; PoPs may be named by id or display name. */
function requestedScenario(analysis: ScenarioRouting, request: SimulateRequest): DiagramScenario | string {
  const choices = failureChoices(analysis);
  const chosen: FailureChoice[] = [];
  const popNamed = (pop: string, c: FailureChoice): boolean =>
    c.kind === 'pop' && (c.key === pop || c.label.toLowerCase() === pop.toLowerCase());
  for (const pop of request.pops ?? []) {
    const found = choices.find((c) => c.pop !== undefined && popNamed(pop, c));
    if (!found) return `No PoP '${pop}' in this diagram that is up in the file`;
    chosen.push(found);
  }
  for (const pop of request.upPops ?? []) {
    const found = choices.find((c) => c.upPop !== undefined && popNamed(pop, c));
    if (!found) return `No PoP '${pop}' in this diagram that the file marks down`;
    chosen.push(found);
  }
  for (const link of request.links ?? []) {
    const found = choices.find((c) => c.kind === 'link' && c.link?.from === link.from && c.link.to === link.to);
    if (!found) return `No BGP link ${link.from} → ${link.to} in this diagram`;
    chosen.push(found);
  }
  for (const as of request.ases ?? []) {
    const found = choices.find((c) => c.kind === 'as' && (c.key === as || c.label === as));
    if (!found) return `No AS '${as}' in this diagram`;
    chosen.push(found);
  }
  return scenarioOfChoices(chosen);
}

interface ChoiceItem extends vscode.QuickPickItem {
  readonly choice?: FailureChoice;
}

const sectionTitles: Readonly<Record<FailureChoice['kind'], string>> = { pop: 'PoPs', link: 'Links', as: 'ASes' };

function choiceItems(choices: readonly FailureChoice[]): ChoiceItem[] {
  const items: ChoiceItem[] = [];
  let section: FailureChoice['kind'] | undefined;
  for (const choice of choices) {
    if (choice.kind !== section) {
      section = choice.kind;
      items.push({ label: sectionTitles[section], kind: vscode.QuickPickItemKind.Separator });
    }
    items.push({ label: choice.label, description: choice.description, picked: choice.ticked, choice });
  }
  return items;
}

const choicesOf = (items: readonly ChoiceItem[]): FailureChoice[] => items.flatMap((i) => (i.choice ? [i.choice] : []));

/** The multi-select picker: PoPs (state, catchment), then links, then ASes; the current what-if ticked. */
async function pickScenario(analysis: ScenarioRouting): Promise<DiagramScenario | undefined> {
  const choices = failureChoices(analysis);
  if (choices.length === 0) {
    void vscode.window.showInformationMessage('This diagram has no PoP, link or AS to fail.');
    return undefined;
  }
  const items = choiceItems(choices);
  const pick = vscode.window.createQuickPick<ChoiceItem>();
  pick.title = 'Simulate Failure';
  pick.placeholder = 'Type a name, or tick boxes, and press Enter (untick all to end the simulation)';
  pick.canSelectMany = true;
  pick.matchOnDescription = true;
  pick.items = items;
  pick.selectedItems = items.filter((i) => i.picked);
  return new Promise((resolve) => {
    let done = false;
    pick.onDidAccept(() => {
      const accepted = acceptedChoices({
        choices,
        ticked: choicesOf(pick.selectedItems),
        typed: pick.value,
        active: choicesOf(pick.activeItems)[0],
      });
      done = true;
      pick.hide();
      resolve(scenarioOfChoices(accepted));
    });
    // A click on a box leaves the keyboard focus on that box, which takes Enter as "untick" (VS Code's
    // checkbox): take the focus off it, back to the picker, where Enter accepts the ticked set. VS Code
    // first echoes the boxes ticked at opening; that is no click, and the text box keeps the focus.
    const opened = new Set(pick.selectedItems);
    let echo = true;
    pick.onDidChangeSelection((items) => {
      if (echo && items.length === opened.size && items.every((item) => opened.has(item))) return;
      echo = false;
      void vscode.commands.executeCommand('workbench.action.focusQuickOpen');
    });
    pick.onDidHide(() => {
      pick.dispose();
      if (!done) resolve(undefined);
    });
    pick.show();
  });
}

/** Read-only summaries: no "save changes?" when closed, and they follow the simulation while open. */
const summaryScheme = 'anycast-summary';

function summaryUri(source: vscode.Uri): vscode.Uri {
  const name = fileName(source).replace(/\.anycast\.mmd$|\.mmd$/i, '');
  return vscode.Uri.from({ scheme: summaryScheme, path: `/Simulation of ${name}.md`, query: source.toString() });
}

class SummaryProvider implements vscode.TextDocumentContentProvider {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly store: SimulationStore) {}

  /** Redraws the open summary of `source`. */
  refresh(source: vscode.Uri): void {
    this.changed.fire(summaryUri(source));
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const source = vscode.Uri.parse(uri.query);
    const document =
      vscode.workspace.textDocuments.find((d) => d.uri.toString() === source.toString()) ??
      (await vscode.workspace.openTextDocument(source));
    const routing = this.store.routingOf(document);
    return [simulationSummary(routing, fileName(source), this.store.loadOptionsOf(source)), convergenceSection(routing)]
      .filter((s) => s)
      .join('\n\n');
  }

  dispose(): void {
    this.changed.dispose();
  }
}

async function showSummary(arg: unknown): Promise<vscode.TextDocument | undefined> {
  const document = await diagramDocument(arg);
  if (!document) return undefined;
  return showMarkdownView(summaryUri(document.uri));
}

/** Creates the store (the preview's source of failures too) and registers the simulation commands. */
export function registerSimulation(context: vscode.ExtensionContext, analyses: DocumentAnalyses): SimulationStore {
  const store = new SimulationStore(analyses);
  const summaries = new SummaryProvider(store);
  context.subscriptions.push(
    store,
    summaries,
    vscode.workspace.registerTextDocumentContentProvider(summaryScheme, summaries),
    store.onDidChange((uri) => summaries.refresh(uri)),
    refreshOnEdit(summaryUri, (source) => summaries.refresh(source)),
    vscode.commands.registerCommand('anycast.simulateFailure', async (arg?: unknown) => {
      const request = isRequest(arg) ? arg : undefined;
      const document = await diagramDocument(request ? request.uri : arg);
      if (!document) return undefined;
      const analysis = store.routingOf(document);
      let scenario: DiagramScenario | undefined;
      if (request && (request.pops || request.upPops || request.links || request.ases)) {
        const asked = requestedScenario(analysis, request);
        if (typeof asked === 'string') throw new Error(asked);
        scenario = asked;
      } else {
        scenario = await pickScenario(analysis);
      }
      if (!scenario) return undefined;
      store.setScenario(document.uri, scenario);
      const headline = simulationHeadline(store.routingOf(document));
      if (headline && !request) {
        void vscode.window.showInformationMessage(headline, 'Show Summary', 'End Simulation').then((answer) => {
          if (answer === 'Show Summary') void showSummary(document.uri);
          else if (answer === 'End Simulation') store.setScenario(document.uri, noFailures);
        });
      }
      return headline;
    }),
    vscode.commands.registerCommand('anycast.endSimulation', async (arg?: unknown) => {
      const document = await diagramDocument(arg);
      if (document) store.setScenario(document.uri, noFailures);
    }),
    vscode.commands.registerCommand('anycast.showSimulationSummary', (arg?: unknown) => showSummary(arg)),
    // Not contributed: the code lens above each PoP runs it.
    vscode.commands.registerCommand('anycast.togglePopFailure', async (uri: vscode.Uri | string, pop: string) => {
      const document = await diagramDocument(uri);
      if (document) store.togglePop(document, pop);
    }),
  );
  return store;
}
