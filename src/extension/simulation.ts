/**
 * The one place that holds each document's simulated failures, and the routing analysis under
 * them (computed once per document version and what-if). The preview, hovers, code lenses and
 * status bar all read it and redraw on `onDidChange`. A simulation lasts while its document is
 * open. Also the commands that start, end and summarise it.
 */
import * as vscode from 'vscode';
import type { ScenarioRouting } from '../routing/analysis';
import { failureChoices, scenarioOfChoices } from '../routing/failureChoices';
import type { FailureChoice } from '../routing/failureChoices';
import { isEmptyScenario, noFailures, togglePop } from '../routing/scenario';
import type { DiagramScenario, EdgeKey } from '../routing/scenario';
import { convergenceSection } from '../routing/words/convergenceWords';
import { simulationHeadline, simulationSummary } from '../routing/words/simulationSummary';
import { anycastLanguageId, diagramDocument } from './activeDiagram';
import type { DocumentAnalyses } from './analyses';

/** What scripts and tests may pass instead of picking: PoPs by id or name, links by their ends, ASes by id. */
export interface SimulateRequest {
  readonly uri?: string | vscode.Uri;
  readonly pops?: readonly string[];
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
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  /** Fires with the document whose simulation changed. */
  readonly onDidChange = this.changed.event;
  private readonly closing: vscode.Disposable;

  constructor(private readonly analyses: DocumentAnalyses) {
    this.closing = analyses.onDidClose((uri) => {
      if (this.scenarios.delete(uri.toString())) this.changed.fire(uri);
    });
  }

  scenarioOf(uri: vscode.Uri): DiagramScenario {
    return this.scenarios.get(uri.toString()) ?? noFailures;
  }

  setScenario(uri: vscode.Uri, scenario: DiagramScenario): void {
    if (isEmptyScenario(scenario)) this.scenarios.delete(uri.toString());
    else this.scenarios.set(uri.toString(), scenario);
    this.changed.fire(uri);
  }

  togglePop(uri: vscode.Uri, pop: string): void {
    this.setScenario(uri, togglePop(this.scenarioOf(uri), pop));
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
    ('pops' in arg || 'links' in arg || 'ases' in arg || 'uri' in arg)
  );
}

/** The scenario a script asked for; PoPs may be named by id or display name. */
function requestedScenario(analysis: ScenarioRouting, request: SimulateRequest): DiagramScenario | string {
  const choices = failureChoices(analysis);
  const chosen: FailureChoice[] = [];
  for (const pop of request.pops ?? []) {
    const found = choices.find(
      (c) => c.kind === 'pop' && (c.key === pop || c.label.toLowerCase() === pop.toLowerCase()),
    );
    if (!found) return `No PoP '${pop}' in this diagram`;
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

/** The item a typed name means: the active row, else the one whose label is the text, else the only one containing it. */
function typedChoice(items: readonly ChoiceItem[], typed: string, active: readonly ChoiceItem[]): ChoiceItem[] {
  const activeChoice = active.filter((i) => i.choice);
  if (activeChoice.length > 0) return activeChoice.slice(0, 1);
  const text = typed.trim().toLowerCase();
  const choices = items.filter((i) => i.choice);
  const exact = choices.filter((i) => i.label.toLowerCase() === text);
  if (exact.length > 0) return exact.slice(0, 1);
  const containing = choices.filter((i) => i.label.toLowerCase().includes(text));
  return containing.length === 1 ? containing : [];
}

/** The multi-select picker: PoPs (state, catchment), then links, then ASes; the current failures ticked. */
async function pickScenario(analysis: ScenarioRouting): Promise<DiagramScenario | undefined> {
  const choices = failureChoices(analysis);
  if (choices.length === 0) {
    void vscode.window.showInformationMessage('This diagram has no PoP, link or AS to fail.');
    return undefined;
  }
  const items: ChoiceItem[] = [];
  let section: FailureChoice['kind'] | undefined;
  for (const choice of choices) {
    if (choice.kind !== section) {
      section = choice.kind;
      items.push({ label: sectionTitles[section], kind: vscode.QuickPickItemKind.Separator });
    }
    items.push({ label: choice.label, description: choice.description, picked: choice.failed, choice });
  }
  const pick = vscode.window.createQuickPick<ChoiceItem>();
  pick.title = 'Simulate Failure';
  pick.placeholder = 'Tick the PoPs, links or ASes to take down, then press Enter (untick all to end the simulation)';
  pick.canSelectMany = true;
  pick.matchOnDescription = true;
  pick.items = items;
  pick.selectedItems = items.filter((i) => i.picked);
  return new Promise((resolve) => {
    let done = false;
    pick.onDidAccept(() => {
      const selected = pick.selectedItems.filter((i) => i.choice);
      // A name typed and Enter fails what was typed too, as a single pick would, whatever already failed.
      if (pick.value.trim() !== '')
        for (const typed of typedChoice(items, pick.value, pick.activeItems))
          if (!selected.includes(typed)) selected.push(typed);
      done = true;
      pick.hide();
      resolve(scenarioOfChoices(selected.map((i) => i.choice).filter((c): c is FailureChoice => c !== undefined)));
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
    return [simulationSummary(routing, fileName(source)), convergenceSection(routing)].filter((s) => s).join('\n\n');
  }

  dispose(): void {
    this.changed.dispose();
  }
}

async function showSummary(arg: unknown): Promise<vscode.TextDocument | undefined> {
  const document = await diagramDocument(arg);
  if (!document) return undefined;
  const summary = await vscode.workspace.openTextDocument(summaryUri(document.uri));
  if (summary.languageId !== 'markdown') await vscode.languages.setTextDocumentLanguage(summary, 'markdown');
  try {
    await vscode.commands.executeCommand('markdown.showPreview', summary.uri);
  } catch {
    await vscode.window.showTextDocument(summary, { preview: true, viewColumn: vscode.ViewColumn.Beside });
  }
  return summary;
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
    vscode.workspace.onDidChangeTextDocument((event) => {
      const open = summaryUri(event.document.uri).toString();
      if (
        event.document.languageId === anycastLanguageId &&
        vscode.workspace.textDocuments.some((d) => d.uri.toString() === open)
      )
        summaries.refresh(event.document.uri);
    }),
    vscode.commands.registerCommand('anycast.simulateFailure', async (arg?: unknown) => {
      const request = isRequest(arg) ? arg : undefined;
      const document = await diagramDocument(request ? request.uri : arg);
      if (!document) return undefined;
      const analysis = store.routingOf(document);
      let scenario: DiagramScenario | undefined;
      if (request && (request.pops || request.links || request.ases)) {
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
      if (document) store.togglePop(document.uri, pop);
    }),
  );
  return store;
}
