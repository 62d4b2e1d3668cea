/**
 * The host's check of what the preview webview posts: the webview runs mermaid on the user's text,
 * so a message is data from a page, not a call. Pure (no `vscode`), unit-tested in plain Node.
 */
import type { ConvergenceMode, PreviewView, WebviewToHost } from '../protocol/messages';

/** A message the host may act on, or why it was dropped. */
export type CheckedMessage =
  { readonly ok: true; readonly message: WebviewToHost } | { readonly ok: false; readonly reason: string };

type Fields = Record<string, unknown>;
type Check = (m: Fields) => string | undefined;

const isString = (v: unknown): v is string => typeof v === 'string';
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
const isDuration = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const optional = (v: unknown, test: (x: unknown) => boolean): boolean => v === undefined || test(v);
const views: readonly PreviewView[] = ['diagram', 'map'];
const modes: readonly ConvergenceMode[] = ['withdraw', 'crash', 'drain'];

/** The first field that is not as `test` wants, named, or undefined when all are. */
function expect(m: Fields, fields: Record<string, (v: unknown) => boolean>): string | undefined {
  for (const [name, test] of Object.entries(fields)) if (!test(m[name])) return `bad or missing '${name}'`;
  return undefined;
}

function revealTarget(v: unknown): boolean {
  if (typeof v !== 'object' || v === null) return false;
  const t = v as Fields;
  return (t['kind'] === 'node' && isString(t['id'])) || (t['kind'] === 'edge' && isCount(t['index']));
}

const checks: Readonly<Record<WebviewToHost['type'], Check>> = {
  ready: () => undefined,
  rendered: (m) =>
    expect(m, { uri: isString, version: isCount, layout: (v) => typeof v === 'boolean', durationMs: isDuration }),
  renderFailed: (m) => expect(m, { uri: isString, version: isCount, message: isString }),
  reveal: (m) => expect(m, { uri: isString, target: revealTarget }),
  togglePop: (m) => expect(m, { uri: isString, pop: isString }),
  picture: (m) =>
    expect(m, {
      requestId: isCount,
      svg: (v) => optional(v, isString),
      png: (v) => optional(v, isString),
      error: (v) => optional(v, isString),
      note: (v) => optional(v, isString),
    }),
  viewChosen: (m) => expect(m, { uri: isString, view: (v) => views.includes(v as PreviewView) }),
  playConvergence: (m) => expect(m, { uri: isString, mode: (v) => modes.includes(v as ConvergenceMode) }),
  simulateAttack: (m) => expect(m, { uri: isString, on: (v) => typeof v === 'boolean' }),
};

/** Checks a message from the webview against the protocol: its type is known and its fields have their types. */
export function checkWebviewMessage(value: unknown): CheckedMessage {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { ok: false, reason: 'not an object' };
  const m = value as Fields;
  const type = m['type'];
  if (!isString(type) || !Object.hasOwn(checks, type))
    return { ok: false, reason: `unknown type ${JSON.stringify(type)}` };
  const problem = checks[type as WebviewToHost['type']](m);
  return problem === undefined
    ? { ok: true, message: value as WebviewToHost }
    : { ok: false, reason: `${type}: ${problem}` };
}

/** A message for the log: its type and at most 200 characters of it. */
export function describeDropped(value: unknown, reason: string): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return `Dropped a message from the preview (${reason}): ${text.length > 200 ? `${text.slice(0, 200)}…` : text}`;
}
