/**
 * "Anycast: Suggest Changes": the plan for the diagram (src/routing/plan) in a quick pick; the
 * picked suggestion becomes the document's simulation, so the preview, summary, hovers and lenses
 * show it, and a code action (or the notification's button) writes its edit into the file.
 */
import * as vscode from 'vscode';
import { MOVE_KINDS } from '../routing/plan/candidates';
import { changeEdit } from '../routing/plan/changeEdits';
import type { ChangeEdit } from '../routing/plan/changeEdits';
import { formatObjective, OBJECTIVES } from '../routing/plan/objectives';
import type { Objective } from '../routing/plan/objectives';
import { planChanges } from '../routing/plan/plan';
import type { Plan, Suggestion } from '../routing/plan/plan';
import { noFailures } from '../routing/scenario';
import type { PolicyChange } from '../routing/scenario';
import { plural } from '../routing/words/figures';
import { describeChange } from '../routing/words/changeWords';
import { anycastSelector, diagramDocument } from './activeDiagram';
import type { DocumentAnalyses } from './analyses';
import { toVsRange } from './convert';
import type { SimulationStore } from './simulation';

/** What scripts and tests may pass instead of picking: the objective, and which suggestion (0 = best). */
export interface SuggestRequest {
  readonly uri: string | vscode.Uri;
  readonly objective?: Objective;
  readonly pick?: number;
}

interface SuggestionItem extends vscode.QuickPickItem {
  readonly suggestion: Suggestion;
}

const isRequest = (arg: unknown): arg is SuggestRequest => typeof arg === 'object' && arg !== null && 'uri' in arg;

async function pickObjective(): Promise<Objective | undefined> {
  if (OBJECTIVES.length === 1) return OBJECTIVES[0];
  const picked = await vscode.window.showQuickPick([...OBJECTIVES], { title: 'Suggest Changes: what to lower' });
  return OBJECTIVES.find((o) => o === picked);
}

function items(plan: Plan, document: vscode.TextDocument, analyses: DocumentAnalyses): SuggestionItem[] {
  const model = analyses.of(document).model;
  const f = (v: number): string => formatObjective(plan.objective, v);
  return plan.suggestions.map((suggestion) => ({
    label: suggestion.changes.map((c) => describeChange(c, model)).join(' + '),
    description: `${f(suggestion.before)} → ${f(suggestion.after)} · ${plural(suggestion.moved, 'client')} moved`,
    detail: suggestion.edits
      .map((e) => `line ${e.range.start.line + 1}: ${e.oldText || "''"} → ${e.newText}`)
      .join('  ·  '),
    suggestion,
  }));
}

/** The edits that write the document's previewed changes into its current text. */
export function previewedEdits(
  document: vscode.TextDocument,
  analyses: DocumentAnalyses,
  changes: readonly PolicyChange[],
): ChangeEdit[] {
  const analysis = analyses.of(document);
  return changes
    .map((c) => changeEdit(analysis.text, analysis.model, c))
    .filter((e): e is ChangeEdit => e !== undefined);
}

function workspaceEdit(uri: vscode.Uri, edits: readonly ChangeEdit[]): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  for (const e of edits) edit.replace(uri, toVsRange(e.edit.range), e.edit.newText);
  return edit;
}

async function suggest(arg: unknown, analyses: DocumentAnalyses, store: SimulationStore): Promise<Plan | undefined> {
  const request = isRequest(arg) ? arg : undefined;
  const document = await diagramDocument(request ? request.uri : arg);
  if (!document) return undefined;
  const objective = request?.objective ?? (await pickObjective());
  if (!objective) return undefined;
  const analysis = analyses.of(document);
  const plan = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Trying policy changes (${objective})…` },
    () => planChanges(analysis, { objective, moves: MOVE_KINDS, depth: 1 }),
  );
  if (typeof plan === 'string') throw new Error(plan);
  const list = items(plan, document, analyses);
  if (list.length === 0) {
    if (!request) void vscode.window.showInformationMessage(`No change tried lowers ${objective}.`);
    return plan;
  }
  const picked = request
    ? list[request.pick ?? 0]
    : await vscode.window.showQuickPick(list, { title: 'Suggest Changes', matchOnDetail: true });
  if (!picked) return plan;
  store.setScenario(document.uri, { ...noFailures, changes: picked.suggestion.changes });
  if (!request)
    void vscode.window
      .showInformationMessage(`Previewing: ${picked.label}`, 'Apply Edit', 'End Simulation')
      .then((answer) => {
        if (answer === 'Apply Edit') void vscode.commands.executeCommand('anycast.applySuggestion', document.uri);
        else if (answer === 'End Simulation') store.setScenario(document.uri, noFailures);
      });
  return plan;
}

/** Registers Suggest Changes, the command that applies the previewed suggestion, and its code action. */
export function registerSuggestions(
  context: vscode.ExtensionContext,
  analyses: DocumentAnalyses,
  store: SimulationStore,
): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('anycast.suggestChanges', (arg?: unknown) => suggest(arg, analyses, store)),
    vscode.commands.registerCommand('anycast.applySuggestion', async (arg?: unknown) => {
      const document = await diagramDocument(arg);
      if (!document) return false;
      const changes = store.scenarioOf(document.uri).changes ?? [];
      const edits = previewedEdits(document, analyses, changes);
      if (edits.length === 0) return false;
      const applied = await vscode.workspace.applyEdit(workspaceEdit(document.uri, edits));
      if (applied) store.setScenario(document.uri, noFailures);
      return applied;
    }),
    vscode.languages.registerCodeActionsProvider(
      anycastSelector,
      {
        provideCodeActions(document, range) {
          const changes = store.scenarioOf(document.uri).changes ?? [];
          const edits = previewedEdits(document, analyses, changes);
          if (!edits.some((e) => toVsRange(e.range).intersection(range) !== undefined)) return [];
          const model = analyses.of(document).model;
          const title = `Apply suggested change: ${changes.map((c) => describeChange(c, model)).join(' + ')}`;
          const action = new vscode.CodeAction(title, vscode.CodeActionKind.RefactorRewrite);
          action.edit = workspaceEdit(document.uri, edits);
          action.command = { command: 'anycast.endSimulation', title: 'End Simulation', arguments: [document.uri] };
          return [action];
        },
      },
      { providedCodeActionKinds: [vscode.CodeActionKind.RefactorRewrite] },
    ),
  );
}
