/**
 * Waiting for the preview to show a document version: a `rendered` from the webview satisfies the
 * waiters of that version or older; a `renderFailed` (mermaid refused the text, or the edge guard
 * tripped) ends them at once with the reason, so such an export fails in a moment and says why.
 */

/** A render the webview confirmed. */
export interface RenderedEvent {
  readonly uri: string;
  readonly version: number;
}

interface Waiter {
  readonly uri: string;
  readonly version: number;
  settle(outcome: RenderedEvent | Error): void;
}

function refused(reason: string): Error {
  return new Error(`the preview could not draw the diagram: ${reason}`);
}

export class RenderWaits {
  /** The webview's latest answer: drawn, or refused with a reason. */
  private last: (RenderedEvent & { readonly failure?: string }) | undefined;
  private readonly waiters = new Set<Waiter>();

  /** Resolves once `uri` is on screen at `version` or later; rejects on a refused render or after `timeoutMs`. */
  wait(uri: string, version: number, timeoutMs: number): Promise<RenderedEvent> {
    const last = this.last;
    if (last && last.uri === uri && last.version >= version)
      return last.failure === undefined
        ? Promise.resolve({ uri, version: last.version })
        : Promise.reject(refused(last.failure));
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        uri,
        version,
        settle: (outcome) => {
          clearTimeout(timer);
          this.waiters.delete(waiter);
          if (outcome instanceof Error) reject(outcome);
          else resolve(outcome);
        },
      };
      const timer = setTimeout(
        () =>
          waiter.settle(
            new Error(
              `The preview did not render ${uri} version ${version} within ${timeoutMs} ms (last: ${JSON.stringify(this.last)})`,
            ),
          ),
        timeoutMs,
      );
      this.waiters.add(waiter);
    });
  }

  rendered(event: RenderedEvent): void {
    const shown = { uri: event.uri, version: event.version };
    this.last = shown;
    for (const w of [...this.waiters]) if (w.uri === event.uri && w.version <= event.version) w.settle(shown);
  }

  /** The preview could not draw this version: its waiters (and older ones, which it supersedes) fail with the reason. */
  failed(event: RenderedEvent & { readonly message: string }): void {
    this.last = { uri: event.uri, version: event.version, failure: event.message };
    for (const w of [...this.waiters])
      if (w.uri === event.uri && w.version <= event.version) w.settle(refused(event.message));
  }

  /** A new panel has drawn nothing yet. */
  reset(): void {
    this.last = undefined;
  }

  dispose(): void {
    for (const w of [...this.waiters]) w.settle(new Error('The preview closed'));
  }
}
