// Runs in Node: the what-if flags every diagram command takes (--fail, --fail-as, --fail-link, --up), read into the simulation's diagram scenario.
import type { LoadOptions } from '../routing/load';
import { DiagramAnalysis } from '../routing/analysis';
import { diagramContent } from '../routing/picture/previewContent';
import type { DiagramContent } from '../routing/picture/previewContent';
import type { DocumentModel } from '../language/meaning/model';
import { asList, findAs, findLink, findPop, isWrittenDown, linkList, popList } from '../routing/scenario';
import type { CliIo } from './io';
import { decodeDiagram } from './io';
import { EXIT } from './exitCodes';
import type { DiagramScenario, EdgeKey } from '../routing/scenario';

/** The failure flags as written, before they are looked up in a diagram. */
export interface FailureFlags {
  readonly fail: string[];
  readonly failAs: string[];
  readonly failLink: string[];
  /** PoPs the file marks down, announced in the what-if. */
  readonly up: string[];
}

/** The flags in the diagram's terms (node ids and edges), or what names nothing, with what exists. */
export function diagramFailures(model: DocumentModel, flags: FailureFlags): DiagramScenario | string {
  const failedPops: string[] = [];
  const failedAses: string[] = [];
  const failedLinks: EdgeKey[] = [];
  for (const wanted of flags.fail) {
    const pop = findPop(model, wanted);
    if (!pop) return `--fail ${wanted}: no such PoP; the diagram has ${popList(model, wanted)}`;
    if (!failedPops.includes(pop.id)) failedPops.push(pop.id);
  }
  for (const wanted of flags.failAs) {
    const as = findAs(model, wanted);
    if (!as) return `--fail-as ${wanted}: no such AS; the diagram has ${asList(model, wanted)}`;
    if (!failedAses.includes(as.id)) failedAses.push(as.id);
  }
  for (const wanted of flags.failLink) {
    const link = findLink(model, wanted);
    if (!link)
      return `--fail-link ${wanted}: no BGP session between two such nodes; the diagram has ${linkList(model, wanted)}`;
    if (!failedLinks.some((k) => k.from === link.from && k.to === link.to)) failedLinks.push(link);
  }
  const upPops: string[] = [];
  for (const wanted of flags.up) {
    const pop = findPop(model, wanted);
    if (!pop) return `--up ${wanted}: no such PoP; the diagram has ${popList(model, wanted)}`;
    if (!isWrittenDown(pop))
      return `--up ${wanted}: ${pop.name} is not marked \`state: down\` in the file, so it is up already (--fail takes a PoP down)`;
    if (failedPops.includes(pop.id)) return `--up ${wanted}: ${pop.name} is also given to --fail`;
    if (!upPops.includes(pop.id)) upPops.push(pop.id);
  }
  return { failedPops, failedLinks, failedAses, ...(upPops.length > 0 ? { upPops } : {}) };
}

/**
 * Reads `file` and draws it as the preview does under the failure flags: its text and content, or the exit
 * status after saying why not on standard error (1, bad input: unreadable, does not parse, or a
 * flag that names nothing in the diagram).
 */
export async function previewFile(
  command: string,
  file: string,
  flags: FailureFlags,
  io: CliIo,
  load: LoadOptions = {},
): Promise<
  | {
      readonly text: string;
      readonly content: DiagramContent;
      readonly scenario: DiagramScenario;
      readonly analysis: DiagramAnalysis;
    }
  | number
> {
  let text: string;
  try {
    text = decodeDiagram(await io.readFile(file));
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
    return EXIT.badInput;
  }
  return { text, content: diagramContent(analysis, scenario, { load }), scenario, analysis };
}

/**
 * The exit status once a picture of the routing is written: unstable routing (3) when it never
 * settles under the flags, as `anycast resolve` exits, else success.
 */
export function pictureExit(drawn: { readonly analysis: DiagramAnalysis; readonly scenario: DiagramScenario }): number {
  return drawn.analysis.underScenario(drawn.scenario).resolution?.unstable ? EXIT.unstable : EXIT.ok;
}
