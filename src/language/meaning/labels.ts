/**
 * The label conventions a plain mermaid diagram already uses, read as facts: `PoP: US-East`,
 * `Advertises 203.0.113.0/24`, `User in New York`, `Anycast IP: 203.0.113.1`, `AS174 Cogent`.
 * Each fact keeps the offsets of the words it came from.
 */
import type { NodeRole } from './model';
import type { Span } from '../text';

export interface LabelFacts {
  role?: NodeRole;
  name?: Span;
  location?: Span;
  /** The line under `PoP: NQZ` when it names nothing else (`Astana`): the place's name beside its code. */
  locationAside?: Span;
  asn?: Span;
  address?: Span;
  readonly prefixes: Span[];
  /** The first line, used as the display name when nothing better is known. */
  firstLine?: Span;
}

/** Splits a raw label at `\n`, `<br>` and real newlines, keeping each line's offsets. */
export function labelLines(label: Span): Span[] {
  const out: Span[] = [];
  const breaks = /\\n|<br\s*\/?>|\n/gi;
  let from = 0;
  const push = (a: number, b: number): void => {
    const raw = label.text.slice(a, b);
    // Font Awesome icons (`fa:fa-server PoP: IAD`) are decoration, not words.
    const lead = raw.length - raw.replace(/^\s*(?:fa[bsrlk]?:fa-[\w-]+\s*)*/, '').length;
    const text = raw.slice(lead).trimEnd();
    if (text.length > 0) out.push({ text, start: label.start + a + lead, end: label.start + a + lead + text.length });
  };
  for (let m = breaks.exec(label.text); m; m = breaks.exec(label.text)) {
    push(from, m.index);
    from = m.index + m[0].length;
  }
  push(from, label.text.length);
  return out;
}

function sub(line: Span, index: number, text: string): Span {
  return { text, start: line.start + index, end: line.start + index + text.length };
}

const popLine = /^PoPs?\b\s*[:\-–]?\s*(.*)$/i;
const clientLine =
  /^(?:users?|clients?|eyeballs?|subscribers?|visitors?|resolvers?|customers?)\s+(?:in|from|at|near)\s+(\S.*)$/i;
const serviceLine =
  /^(?:anycast\s+(?:ip|address|vip|service(?:\s+(?:ip|address))?)|service\s+(?:ip|address)|vip)\s*[:=]?\s*([0-9a-f.:]+(?:\/\d+)?)/i;
const asLine = /^AS\s?(\d+(?:\.\d+)?)\b\s*[:\-–]?\s*(.*)$/i;
const announceLine = /^(?:advertises|announces|announcing|advertising|originates|advertised|announced)\s*:?\s+(.+)$/i;
const prefixToken = /[0-9a-f.:]+\/\d+/gi;
/** `(AS 64500)` or `AS64500` anywhere on a line. */
const inlineAsn = /\bAS\s?(\d+)\b/i;

/** Reads the facts a label states by convention. */
export function readLabel(label: Span): LabelFacts {
  const facts: LabelFacts = { prefixes: [] };
  const lines = labelLines(label);
  facts.firstLine = lines[0];
  lines.forEach((line, i) => {
    const previous = lines[i - 1];
    const placedAbove = facts.role === 'pop' && facts.location && previous && facts.location.start >= previous.start;
    if (placedAbove && isPlainName(line.text)) facts.locationAside ??= line;
    readLine(facts, line);
  });
  return facts;
}

/** A line that follows no convention and reads as a name (`Astana`, `Ashburn, VA`). */
function isPlainName(text: string): boolean {
  return (
    /\p{L}/u.test(text) &&
    ![announceLine, serviceLine, popLine, clientLine, asLine, inlineAsn].some((r) => r.test(text)) &&
    !/[0-9a-f.:]+\/\d+/i.test(text)
  );
}

function readLine(facts: LabelFacts, line: Span): void {
  let m: RegExpExecArray | null;
  if ((m = announceLine.exec(line.text))) {
    const list = m[1] ?? '';
    const at = line.text.length - list.length;
    for (let p = prefixToken.exec(list); p; p = prefixToken.exec(list))
      facts.prefixes.push(sub(line, at + p.index, p[0]));
    prefixToken.lastIndex = 0;
  } else if ((m = serviceLine.exec(line.text)) && !facts.role) {
    facts.role = 'service';
    const addr = m[1] ?? '';
    facts.address = sub(line, m[0].length - addr.length, addr);
  } else if ((m = popLine.exec(line.text)) && !facts.role) {
    facts.role = 'pop';
    const rest = m[1] ?? '';
    if (rest.length > 0) {
      const name = sub(line, line.text.length - rest.length, rest);
      facts.name = name;
      const asnInside = inlineAsn.exec(rest);
      if (asnInside) {
        facts.asn = sub(name, asnInside.index + asnInside[0].length - (asnInside[1] ?? '').length, asnInside[1] ?? '');
        const before = rest.slice(0, asnInside.index).replace(/[\s(,\-–]+$/, '');
        facts.location = before.length > 0 ? sub(name, 0, before) : undefined;
        if (before.length > 0) facts.name = sub(name, 0, before);
      } else {
        facts.location = name;
      }
    }
  } else if ((m = clientLine.exec(line.text)) && !facts.role) {
    facts.role = 'client';
    const place = (m[1] ?? '').trimEnd();
    facts.location = sub(line, line.text.length - (m[1] ?? '').length, place);
    facts.name = line;
  } else if ((m = asLine.exec(line.text)) && !facts.role) {
    facts.role = 'as';
    const digits = m[1] ?? '';
    facts.asn = sub(line, line.text.indexOf(digits), digits);
    const rest = m[2] ?? '';
    if (rest.length > 0) facts.name = sub(line, line.text.length - rest.length, rest);
  } else if (!facts.asn && (m = inlineAsn.exec(line.text))) {
    const digits = m[1] ?? '';
    facts.asn = sub(line, m.index + m[0].length - digits.length, digits);
  }
}
