// Runs in Node: `anycast mermaid FILE [--fail POP|--fail-as AS|--fail-link A--B]...`, the annotated diagram as mermaid text for any renderer.
import { annotatedMermaid } from '../routing/picture/annotatedMermaid';
import { failureOptionsHelp, noFailureFlags, previewFile, readFailureFlag } from './failures';
import type { FailureFlags } from './failures';
import type { CliIo } from './io';

export const mermaidHelp = `Usage:
  anycast mermaid [--fail POP]... [--fail-as AS]... [--fail-link A--B]... [--no-legend] [--markdown] [-o OUT] FILE

Prints FILE's diagram with the resolver's answer added in plain mermaid: each PoP in its own
colour, each client in the colour of the PoP that serves it, the edges traffic takes, withdrawn
PoPs and moved clients marked, and a legend of catchment sizes and traffic shares. Paste it into
a README, wiki or issue where mermaid renders (GitHub, GitLab, Notion): the same picture as the
preview, without the extension. The original lines are kept as written.

Options:
${failureOptionsHelp}
                      (the clients that move are marked)
  --no-legend    leave the legend out
  --markdown     wrap the text in a \`\`\`mermaid fence
  -o, --output OUT  write to OUT (whole or not at all) instead of standard output
  -h, --help     this text

Exit status: 0 done, 1 the file cannot be read or does not parse, 2 bad usage or an unknown PoP, AS or link.`;

interface MermaidArgs {
  readonly file: string;
  readonly fail: FailureFlags;
  readonly legend: boolean;
  readonly markdown: boolean;
  readonly output?: string;
}

function parseArgs(args: readonly string[]): MermaidArgs | string {
  const fail = noFailureFlags();
  const files: string[] = [];
  let legend = true;
  let markdown = false;
  let output: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const value = (): string | undefined => args[++i];
    const took = readFailureFlag(args, i, fail);
    if (typeof took === 'string') return took;
    if (took > 0) i += took - 1;
    else if (arg === '--no-legend') legend = false;
    else if (arg === '--markdown') markdown = true;
    else if (arg === '-o' || arg === '--output') {
      output = value();
      if (output === undefined) return `${arg} needs a file name`;
    } else if (arg.startsWith('-') && arg !== '-') return `unknown option '${arg}'`;
    else files.push(arg);
  }
  if (files.length !== 1) return files.length === 0 ? 'name the diagram file' : 'name one diagram file';
  return { file: files[0]!, fail, legend, markdown, ...(output !== undefined ? { output } : {}) };
}

export async function runMermaid(args: readonly string[], io: CliIo): Promise<number> {
  if (args.includes('-h') || args.includes('--help')) {
    io.out(mermaidHelp);
    return 0;
  }
  const parsed = parseArgs(args);
  if (typeof parsed === 'string') {
    io.err(`anycast mermaid: ${parsed}\n\n${mermaidHelp}`);
    return 2;
  }
  const drawn = await previewFile('mermaid', parsed.file, parsed.fail, io);
  if (typeof drawn === 'number') return drawn;
  const { text, content } = drawn;
  if (content.routing.problem) io.err(`anycast mermaid: ${parsed.file}: ${content.routing.problem}`);

  const annotated = annotatedMermaid(text, content.model, content.routing, { legend: parsed.legend });
  const out = parsed.markdown ? `\`\`\`mermaid\n${annotated}\`\`\`\n` : annotated;
  if (parsed.output !== undefined) {
    await io.writeFileAtomic(parsed.output, out);
    return 0;
  }
  io.out(out.endsWith('\n') ? out.slice(0, -1) : out);
  return 0;
}
