// Runs in Node: the what-if flags every diagram command takes (--fail, --fail-as, --fail-link), read into the simulation's diagram scenario.
import { DiagramAnalysis } from '../routing/analysis';
import { diagramContent } from '../routing/picture/previewContent';
import type { DiagramContent } from '../routing/picture/previewContent';
import type { DocumentModel } from '../language/meaning/model';
import { asList, findAs, findLink, findPop, linkList, popList } from '../routing/scenario';
import type { CliIo } from './io';
import type { DiagramScenario, EdgeKey } from '../routing/scenario';

export const failureOptionsHelp = `  --fail POP          withdraw that PoP (its node id or name, e.g. PoPUS or US-East) (repeat)
  --fail-as AS        take an AS down: its number (174, AS174), node id or name (Cogent) (repeat)
  --fail-link A--B    take the BGP session between two nodes down (ids or names, either order) (repeat)`;

/** The failure flags as written, before they are looked up in a diagram. */
export interface FailureFlags {
  readonly fail: string[];
  readonly failAs: string[];
  readonly failLink: string[];
}

export function noFailureFlags(): FailureFlags {
  return { fail: [], failAs: [], failLink: [] };
}

const flagList: Record<string, keyof FailureFlags> = {
  '--fail': 'fail',
  '--fail-as': 'failAs',
  '--fail-link': 'failLink',
};

/**
 * Reads a failure flag at `args[i]` (`--fail X` or `--fail=X`) into `flags`: the number of
 * arguments it took, 0 when `args[i]` is not a failure flag, or an error message.
 */
export function readFailureFlag(args: readonly string[], i: number, flags: FailureFlags): number | string {
  const arg = args[i] ?? '';
  const eq = arg.indexOf('=');
  const name = eq > 0 ? arg.slice(0, eq) : arg;
  const list = flagList[name];
  if (list === undefined) return 0;
  const value = eq > 0 ? arg.slice(eq + 1) : args[i + 1];
  if (value === undefined || value === '') return `${name} needs a value`;
  flags[list].push(value);
  return eq > 0 ? 1 : 2;
}

/** The flags in the diagram's terms (node ids and edges), or what names nothing, with what exists. */
export function diagramFailures(model: DocumentModel, flags: FailureFlags): DiagramScenario | string {
  const failedPops: string[] = [];
  const failedAses: string[] = [];
  const failedLinks: EdgeKey[] = [];
  for (const wanted of flags.fail) {
    const pop = findPop(model, wanted);
    if (!pop) return `--fail ${wanted}: no such PoP; the diagram has ${popList(model)}`;
    if (!failedPops.includes(pop.id)) failedPops.push(pop.id);
  }
  for (const wanted of flags.failAs) {
    const as = findAs(model, wanted);
    if (!as) return `--fail-as ${wanted}: no such AS; the diagram has ${asList(model)}`;
    if (!failedAses.includes(as.id)) failedAses.push(as.id);
  }
  for (const wanted of flags.failLink) {
    const link = findLink(model, wanted);
    if (!link)
      return `--fail-link ${wanted}: no BGP session between two such nodes; the diagram has ${linkList(model)}`;
    if (!failedLinks.some((k) => k.from === link.from && k.to === link.to)) failedLinks.push(link);
  }
  return { failedPops, failedLinks, failedAses };
}

/**
 * Reads `file` and draws it as the preview does under the failure flags: its text and content, or the exit
 * status after saying why not on standard error (1 unreadable or does not parse, 2 a flag that
 * names nothing in the diagram).
 */
export async function previewFile(
  command: string,
  file: string,
  flags: FailureFlags,
  io: CliIo,
): Promise<{ readonly text: string; readonly content: DiagramContent } | number> {
  let text: string;
  try {
    text = new TextDecoder().decode(await io.readFile(file));
  } catch (error) {
    io.err(`anycast ${command}: cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
  // One parse, one baseline resolve and one under the flags: the picture and the legend share them.
  const analysis = new DiagramAnalysis(text);
  const broken = analysis.syntaxError;
  if (broken) {
    io.err(`${file}:${broken.range.start.line + 1}:${broken.range.start.character + 1}: error: ${broken.message}`);
    return 1;
  }
  const scenario = diagramFailures(analysis.model, flags);
  if (typeof scenario === 'string') {
    io.err(`anycast ${command}: ${file}: ${scenario}`);
    return 2;
  }
  return { text, content: diagramContent(analysis, scenario) };
}
