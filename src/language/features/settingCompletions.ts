/**
 * What to offer in the front matter: the keys of the `anycast:` block the cursor is in (`anycast:`
 * itself, `convergence:`, `mrai:`), in block or flow style, or the values of the key before the
 * cursor. Reads only the text before the cursor, so it works on YAML that does not load yet.
 */
import { settingKey, settingKeysAt } from '../meaning/settingKeys';

export interface SettingOffer {
  readonly kind: 'key' | 'value';
  readonly words: readonly { readonly label: string; readonly detail: string }[];
  /** Characters before the cursor that the chosen word replaces. */
  readonly typed: number;
}

const indentOf = (line: string): number => line.length - line.trimStart().length;

/** The keys whose blocks enclose line `at` at `indent` by indentation, outermost first. */
function blockPath(lines: readonly string[], at: number, indent: number): string[] {
  const path: string[] = [];
  let limit = indent;
  for (let i = at - 1; i >= 0 && limit > 0; i--) {
    const line = lines[i] ?? '';
    if (line.trim() === '' || line.trimStart().startsWith('#') || indentOf(line) >= limit) continue;
    const opens = /^\s*([\w-]+)\s*:\s*(?:#.*)?$/.exec(line);
    if (!opens) continue;
    path.unshift(opens[1] ?? '');
    limit = indentOf(line);
  }
  return path;
}

/** The flow mappings `{` still open at the end of `text`, each with its key and the line it opens on. */
function openFlows(text: string): { key: string; line: number }[] {
  const open: { key: string; line: number }[] = [];
  let line = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') line++;
    else if ((c === '"' || c === "'") && /[\s[{,:]/.test(text[i - 1] ?? ' ')) {
      const close = text.indexOf(c, i + 1);
      if (close < 0) break;
      line += text.slice(i, close).split('\n').length - 1;
      i = close;
    } else if (c === '#' && /\s/.test(text[i - 1] ?? ' ')) {
      const end = text.indexOf('\n', i);
      i = end < 0 ? text.length : end - 1;
    } else if (c === '{') open.push({ key: /([\w-]+)\s*:\s*$/.exec(text.slice(0, i))?.[1] ?? '', line });
    else if (c === '}') open.pop();
  }
  return open;
}

/** The keys enclosing the end of `text` (the front matter up to the cursor), outermost first. */
export function settingPath(text: string): string[] {
  const lines = text.split('\n');
  const flows = openFlows(text);
  const first = flows[0];
  if (first) return [...blockPath(lines, first.line, indentOf(lines[first.line] ?? '')), ...flows.map((f) => f.key)];
  const last = lines[lines.length - 1] ?? '';
  return blockPath(lines, lines.length - 1, indentOf(last));
}

/** The offer at the end of `text`, the front matter from its first line up to the cursor; undefined outside `anycast:`. */
export function settingOffer(text: string): SettingOffer | undefined {
  const [root, ...path] = settingPath(text);
  const keys = root === 'anycast' ? settingKeysAt(path) : undefined;
  if (!keys) return undefined;
  const before = text.slice(text.lastIndexOf('\n') + 1);
  const value = /(?:^|[{,])\s*([\w-]+)\s*:[ \t]*([^\s,{}]*)$/.exec(before);
  if (value) {
    const values = settingKey(keys, value[1] ?? '')?.values ?? [];
    const detail = `${value[1]}: ${settingKey(keys, value[1] ?? '')?.detail ?? ''}`;
    return { kind: 'value', words: values.map((label) => ({ label, detail })), typed: value[2]?.length ?? 0 };
  }
  const key = /(?:^\s*|[{,]\s*)([\w-]*)$/.exec(before);
  if (!key) return undefined;
  return { kind: 'key', words: keys.map((k) => ({ label: k.key, detail: k.detail })), typed: key[1]?.length ?? 0 };
}
