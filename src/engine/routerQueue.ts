/**
 * The routers whose choice may have changed, each queued at most once, served in the order they
 * were woken, or with a seed in a reproducible random order.
 */
import { mix32 } from './policy';

export class RouterQueue {
  private items: number[] = [];
  private head = 0;
  private draws = 0;
  private readonly queued: Uint8Array;

  constructor(
    n: number,
    private readonly seed?: number,
  ) {
    this.queued = new Uint8Array(n);
  }

  get empty(): boolean {
    return this.head >= this.items.length;
  }

  push(r: number): void {
    if (!this.queued[r]) {
      this.queued[r] = 1;
      this.items.push(r);
    }
  }

  shift(): number {
    if (this.seed !== undefined) {
      const pick = this.head + (mix32(this.seed, this.draws++, this.items.length) % (this.items.length - this.head));
      [this.items[this.head], this.items[pick]] = [this.items[pick] as number, this.items[this.head] as number];
    }
    const r = this.items[this.head++] as number;
    this.queued[r] = 0;
    // Keep the array from growing without bound on long runs.
    if (this.head > 4096 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return r;
  }
}
