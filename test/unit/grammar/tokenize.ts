/** Tokenizes text with syntaxes/anycast.tmLanguage.json the way VS Code does (vscode-textmate + oniguruma). */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';

const require = createRequire(import.meta.url);
const root = fileURLToPath(new URL('../../../', import.meta.url));

export interface Token {
  readonly text: string;
  readonly scopes: readonly string[];
}

let grammar: Promise<textmate.IGrammar> | undefined;

async function load(): Promise<textmate.IGrammar> {
  const wasm = readFileSync(join(require.resolve('vscode-oniguruma'), '..', 'onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer);
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (sources: string[]) => new oniguruma.OnigScanner(sources),
      createOnigString: (text: string) => new oniguruma.OnigString(text),
    }),
    loadGrammar: async (scopeName) =>
      scopeName === 'source.anycast'
        ? textmate.parseRawGrammar(
            readFileSync(join(root, 'syntaxes', 'anycast.tmLanguage.json'), 'utf8'),
            'anycast.tmLanguage.json',
          )
        : null,
  });
  const loaded = await registry.loadGrammar('source.anycast');
  if (!loaded) throw new Error('source.anycast did not load');
  return loaded;
}

/** The tokens of each line of `text`, as VS Code would scope them. */
export async function tokenizeLines(text: string): Promise<Token[][]> {
  grammar ??= load();
  const g = await grammar;
  let state = textmate.INITIAL;
  const lines: Token[][] = [];
  for (const line of text.split('\n')) {
    const result = g.tokenizeLine(line, state);
    lines.push(
      result.tokens.map((t, i) => ({
        text: line.slice(t.startIndex, result.tokens[i + 1]?.startIndex ?? line.length),
        scopes: t.scopes,
      })),
    );
    state = result.ruleStack;
  }
  return lines;
}
