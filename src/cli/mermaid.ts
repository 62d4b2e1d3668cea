// Runs in Node: `anycast mermaid FILE [--fail POP|--fail-as AS|--fail-link A--B|--up POP]...`, the annotated diagram as mermaid text for any renderer.
import { annotatedMermaid } from '../routing/picture/annotatedMermaid';
import { failureFlags, whatIfOptions } from './failureOptions';
import { pictureExit, previewFile } from './failures';
import type { FailureFlags } from './failures';
import type { CliIo } from './io';
import { helpOption, readCommandLine, usageError } from './options';
import type { CommandSpec, OptionSpec } from './options';

const mermaidOptions = [
  ...whatIfOptions,
  { name: 'no-legend', type: 'boolean', description: 'leave the legend out' },
  { name: 'markdown', type: 'boolean', description: 'wrap the text in a ```mermaid fence' },
  {
    name: 'output',
    short: 'o',
    type: 'string',
    value: 'OUT',
    description: 'write to OUT (whole or not at all) instead of standard output',
  },
  helpOption,
] as const satisfies readonly OptionSpec[];

export const mermaidCommand: CommandSpec<typeof mermaidOptions> = {
  name: 'mermaid',
  synopsis: [
    'mermaid [--fail POP]... [--fail-as AS]... [--fail-link A--B]... [--up POP]... [--no-legend] [--markdown] [-o OUT] FILE',
  ],
  description: `Prints FILE's diagram with the resolver's answer added in plain mermaid: each PoP in its own
colour, each client in the colour of the PoP that serves it, the edges traffic takes, withdrawn
PoPs and moved clients marked, and a legend of catchment sizes and traffic shares (with each
PoP's load and utilisation when the diagram gives traffic and capacities). Paste it into
a README, wiki or issue where mermaid renders (GitHub, GitLab, Notion): the same picture as the
preview, without the extension. The original lines are kept as written.`,
  options: mermaidOptions,
  exitStatus:
    '0 done, 1 the file cannot be read, written or does not parse, or an unknown PoP, AS or link, 2 bad usage, 3 written, but the routing never settles (the table in `anycast --help`).',
};

interface MermaidArgs {
  readonly file: string;
  readonly fail: FailureFlags;
  readonly legend: boolean;
  readonly markdown: boolean;
  readonly output?: string;
}

/** The command line read, or the exit status after the help or a usage error. */
function readArgs(args: readonly string[], io: CliIo): MermaidArgs | number {
  const parsed = readCommandLine(mermaidCommand, args, io);
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  if (positionals.length !== 1)
    return usageError('mermaid', positionals.length === 0 ? 'name the diagram file' : 'name one diagram file', io);
  return {
    file: positionals[0]!,
    fail: failureFlags(values),
    legend: !values['no-legend'],
    markdown: values.markdown,
    ...(values.output !== undefined ? { output: values.output } : {}),
  };
}

export async function runMermaid(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = readArgs(args, io);
  if (typeof parsed === 'number') return parsed;
  const drawn = await previewFile('mermaid', parsed.file, parsed.fail, io);
  if (typeof drawn === 'number') return drawn;
  const { text, content } = drawn;
  if (content.routing.problem) io.err(`anycast mermaid: ${parsed.file}: ${content.routing.problem}`);

  const annotated = annotatedMermaid(text, content.model, content.routing, { legend: parsed.legend });
  const out = parsed.markdown ? `\`\`\`mermaid\n${annotated}\`\`\`\n` : annotated;
  if (parsed.output !== undefined) await io.writeFileAtomic(parsed.output, out);
  else io.out(out.endsWith('\n') ? out.slice(0, -1) : out);
  return pictureExit(drawn);
}
