/**
 * CAIDA AS-relationship files to an `AsGraph`. Parses bytes, not strings: the 2018 file has 261k
 * lines and decoding plus splitting them costs more than the whole propagation.
 */
import { buildAsGraph } from './asGraphBuild';
import type { Asn } from './types';
import type { AsGraph } from './asTypes';

/** A bad line in an AS-relationship file; line and column are 1-based. */
export class AsRelError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(`line ${line}, column ${column}: ${message}`);
    this.name = 'AsRelError';
  }
}

/** One link as written: 'provider-customer' means a is the provider of b (CAIDA's -1). */
export interface AsLink {
  readonly a: Asn;
  readonly b: Asn;
  readonly relationship: 'provider-customer' | 'peer-peer';
}

const NL = 10;
const CR = 13;
const HASH = 35;
const BAR = 124;
const MINUS = 45;
const ZERO = 48;
const NINE = 57;
const SPACE = 32;
const TAB = 9;
const MAX_ASN = 4294967295;

class GrowableU32 {
  data: Uint32Array;
  length = 0;
  constructor(capacity: number) {
    this.data = new Uint32Array(Math.max(16, capacity));
  }
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Uint32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
}

function describeByte(c: number | undefined): string {
  if (c === undefined || c === NL || c === CR) return 'end of line';
  return c >= 32 && c < 127 ? `'${String.fromCharCode(c)}'` : `byte 0x${c.toString(16)}`;
}

/** A cursor over the file's bytes that reads one link line at a time, reporting 1-based positions. */
class AsRelReader {
  private i = 0;
  private line = 0;
  private lineStart = 0;

  constructor(private readonly bytes: Uint8Array) {
    // UTF-8 byte order mark
    if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) this.i = 3;
  }

  get done(): boolean {
    return this.i >= this.bytes.length;
  }

  private fail(message: string, at: number): never {
    throw new AsRelError(message, this.line, at - this.lineStart + 1);
  }

  /** Starts the next line; false (having skipped it) when it is a comment or blank. */
  startLine(): boolean {
    const { bytes } = this;
    const n = bytes.length;
    this.line++;
    this.lineStart = this.i;
    const c = bytes[this.i] as number;
    let skip = c === HASH || c === NL || c === CR;
    if (!skip) {
      skip = true;
      for (let j = this.i; j < n && bytes[j] !== NL; j++) {
        const b = bytes[j];
        if (b !== SPACE && b !== TAB && b !== CR) {
          skip = false;
          break;
        }
      }
    }
    if (skip) {
      while (this.i < n && bytes[this.i] !== NL) this.i++;
      this.i++;
    }
    return !skip;
  }

  /** An ASN and the '|' after it. */
  readAsn(): number {
    const { bytes } = this;
    const n = bytes.length;
    let value = 0;
    let c: number;
    const start = this.i;
    while (this.i < n && (c = bytes[this.i] as number) >= ZERO && c <= NINE) {
      value = value * 10 + (c - ZERO);
      this.i++;
    }
    if (this.i === start)
      this.fail(`expected an ASN, found ${describeByte(bytes[this.i])} (lines are 'a|b|-1' or 'a|b|0')`, this.i);
    if (value > MAX_ASN || value === 0) this.fail(`ASN ${value} is outside 1..${MAX_ASN}`, start);
    if (bytes[this.i] !== BAR) this.fail(`expected '|' after the ASN, found ${describeByte(bytes[this.i])}`, this.i);
    this.i++;
    return value;
  }

  /** The relationship (1 for -1, provider|customer; 0 for peers), then the rest of its line. */
  readRelationship(): number {
    const { bytes } = this;
    const n = bytes.length;
    let rel = 0;
    if (bytes[this.i] === MINUS && bytes[this.i + 1] === ZERO + 1) {
      rel = 1;
      this.i += 2;
    } else if (bytes[this.i] === ZERO) {
      this.i += 1;
    } else {
      this.fail(
        `relationship must be -1 (provider|customer) or 0 (peer|peer), found ${describeByte(bytes[this.i])}`,
        this.i,
      );
    }
    const c = bytes[this.i] as number;
    if (c === BAR) {
      while (this.i < n && bytes[this.i] !== NL) this.i++;
    } else if (c === CR && (this.i + 1 >= n || bytes[this.i + 1] === NL)) {
      this.i++;
    } else if (this.i < n && c !== NL) {
      this.fail(`unexpected ${describeByte(c)} after the relationship`, this.i);
    }
    this.i++;
    return rel;
  }

  /** Reports a link of an AS with itself, at the start of its line. */
  selfLink(asn: number): never {
    throw new AsRelError(`AS ${asn} cannot have a relationship with itself`, this.line, 1);
  }
}

/**
 * Parses serial-1 (`a|b|rel`) and serial-2 (`a|b|rel|source`) lines; `#` lines are comments
 * (CAIDA repeats its header lines). rel is -1 (a is b's provider) or 0 (peers).
 */
export function parseAsRelationships(bytes: Uint8Array): AsGraph {
  const ends = new GrowableU32(bytes.length >> 4);
  const rels = new GrowableU32(bytes.length >> 5);
  const reader = new AsRelReader(bytes);
  while (!reader.done) {
    if (!reader.startLine()) continue;
    const a = reader.readAsn();
    const b = reader.readAsn();
    ends.push(a);
    ends.push(b);
    const rel = reader.readRelationship();
    if (a === b) reader.selfLink(a);
    rels.push(rel);
  }
  return buildAsGraph(ends.data.subarray(0, ends.length), rels.data.subarray(0, rels.length));
}

/** Builds a graph from links given as objects (tests, diagrams collapsed to AS level). */
export function asGraphFromLinks(links: readonly AsLink[]): AsGraph {
  const ends = new Uint32Array(links.length * 2);
  const rels = new Uint32Array(links.length);
  links.forEach((l, k) => {
    if (l.a === l.b) throw new Error(`AS ${l.a} cannot have a relationship with itself`);
    ends[2 * k] = l.a;
    ends[2 * k + 1] = l.b;
    rels[k] = l.relationship === 'provider-customer' ? 1 : 0;
  });
  return buildAsGraph(ends, rels);
}

/** The AS index of `asn`, or -1. */
export function asIndex(graph: AsGraph, asn: Asn): number {
  const asns = graph.asns;
  let lo = 0;
  let hi = asns.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = asns[mid] as number;
    if (v === asn) return mid;
    if (v < asn) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
