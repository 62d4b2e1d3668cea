/**
 * "Play convergence": after a simulated failure, a scrubber from the failure to the moment the
 * last client settles (log scale when that is long) with play and pause. Each moment only
 * restyles the picture on screen, the diagram or the map (clients without service marked, clients
 * on an interim PoP in its colour); nothing is laid out or projected again. Runs in the webview.
 */
import type {
  ConvergenceMessage,
  ConvergenceMode,
  ConvergencePlayback,
  MapRouting,
  RoutingAnnotation,
  WebviewToHost,
} from '../protocol/messages';
import { mapRoutingAt } from '../routing/map/mapPlayback';
import { annotationAt, stateAt, timeAt } from '../routing/picture/convergencePlayback';
import { duration } from '../routing/words/convergenceWords';
import { plural } from '../routing/words/figures';

const MODES: readonly [ConvergenceMode, string][] = [
  ['withdraw', 'PoPs withdraw'],
  ['crash', 'PoPs crash (hold timer)'],
  ['drain', 'PoPs drain first (RFC 8326, 30 s)'],
];
/** Wall-clock time of a play from the failure to the end of the scale. */
const PLAY_MS = 8000;
const STEPS = 1000;

function control<K extends keyof HTMLElementTagNameMap>(tag: K, id: string, title: string): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  el.id = id;
  el.title = title;
  el.setAttribute('aria-label', title);
  return el;
}

export class ConvergencePlayer {
  private readonly offerButton = control('button', 'ac-play-convergence', 'Play how this failure converges');
  private readonly bar = control('div', 'ac-convergence', 'Convergence');
  private readonly mode = control('select', 'ac-convergence-mode', 'How the failed PoPs go down');
  private readonly play = control('button', 'ac-convergence-play', 'Play');
  private readonly scrubber = control('input', 'ac-convergence-scrubber', 'Time since the failure');
  private readonly time = control('output', 'ac-convergence-time', 'Time since the failure');
  private readonly summary = control('span', 'ac-convergence-summary', 'The run in figures');
  private playback: ConvergencePlayback | undefined;
  /** The settled routing the run plays on, and its text; a different one ends the run. */
  private settled: RoutingAnnotation | undefined;
  private settledKey = '';
  private frame: number | undefined;

  /** The document shown: the run asked for is of its failure. */
  private uri: string | undefined;

  /** `repaint` paints the picture again when the moment changes. */
  constructor(
    toolbar: HTMLElement,
    private readonly host: { post(message: WebviewToHost): void },
    private readonly repaint: () => void,
  ) {
    this.offerButton.textContent = 'Play convergence';
    this.offerButton.hidden = true;
    this.offerButton.addEventListener('click', () => this.request());
    toolbar.appendChild(this.offerButton);
    for (const [value, label] of MODES) this.mode.add(new Option(label, value));
    this.mode.addEventListener('change', () => this.request());
    this.play.addEventListener('click', () => (this.frame === undefined ? this.start() : this.pause()));
    Object.assign(this.scrubber, { type: 'range', min: '0', max: String(STEPS), step: '1', value: '0' });
    this.scrubber.addEventListener('input', () => {
      this.pause();
      this.moved();
    });
    const close = control('button', 'ac-convergence-close', 'End the playback');
    close.textContent = '✕';
    close.addEventListener('click', () => this.close());
    this.bar.append(this.mode, this.play, this.scrubber, this.time, close, this.summary);
    this.bar.hidden = true;
    toolbar.after(this.bar);
    this.setPlaying(false);
  }

  /** Asks the extension for a run of the failure shown, the PoPs going down as the menu says. */
  private request(): void {
    if (this.uri !== undefined)
      this.host.post({ type: 'playConvergence', uri: this.uri, mode: this.mode.value as ConvergenceMode });
  }

  load(message: ConvergenceMessage): void {
    this.playback = message.playback;
    this.mode.value = message.mode;
    this.summary.textContent = message.summary;
    this.bar.hidden = false;
    this.offerButton.hidden = true;
    this.scrubber.value = '0';
    this.moved();
  }

  /**
   * The routing the host sent for `uri`: a different one (an edit, another what-if) ends a run of
   * the old one and offers a run when a failure is simulated. The same routing sent again (the
   * other view chosen) keeps the run.
   */
  follow(uri: string | undefined, routing: RoutingAnnotation): void {
    if (routing === this.settled) return;
    const key = JSON.stringify(routing);
    const same = uri === this.uri && key === this.settledKey;
    this.settled = routing;
    this.settledKey = key;
    this.uri = uri;
    if (same) return;
    this.forget();
    this.offerButton.hidden = routing.headline === '';
  }

  /** What the diagram paints now: `routing` at the scrubber's moment while a run is loaded, else `routing` itself. */
  routingAt(uri: string | undefined, routing: RoutingAnnotation): RoutingAnnotation {
    this.follow(uri, routing);
    return this.playback ? annotationAt(routing, this.playback, this.seconds()) : routing;
  }

  /** What the map paints now: `settled` (the map's routing after the failure) at the scrubber's moment. */
  mapRoutingAt(settled: MapRouting): MapRouting {
    return this.playback ? mapRoutingAt(settled, this.playback, this.seconds()) : settled;
  }

  private seconds(): number {
    return this.playback ? timeAt(this.playback, Number(this.scrubber.value) / STEPS) : 0;
  }

  private moved(): void {
    const playback = this.playback;
    if (!playback) return;
    const t = this.seconds();
    const dark = playback.clients.filter((c) => {
      const state = stateAt(c.states, t);
      return state !== undefined && state.pop === undefined;
    }).length;
    this.time.textContent = `${duration(t)} of ${duration(playback.end)}${playback.logScale ? ' (log scale)' : ''} · ${plural(dark, 'client')} without service`;
    this.repaint();
  }

  private start(): void {
    const playback = this.playback;
    if (!playback) return;
    if (Number(this.scrubber.value) >= STEPS) this.scrubber.value = '0';
    let last = performance.now();
    const step = (now: number): void => {
      const position = Math.min(1, Number(this.scrubber.value) / STEPS + (now - last) / PLAY_MS);
      last = now;
      this.scrubber.value = String(Math.round(position * STEPS));
      this.moved();
      if (position >= 1) this.pause();
      else this.frame = requestAnimationFrame(step);
    };
    this.setPlaying(true);
    this.frame = requestAnimationFrame(step);
  }

  private pause(): void {
    if (this.frame !== undefined) cancelAnimationFrame(this.frame);
    this.frame = undefined;
    this.setPlaying(false);
  }

  private setPlaying(playing: boolean): void {
    this.play.textContent = playing ? '⏸' : '▶';
    this.play.title = playing ? 'Pause' : 'Play';
    this.play.setAttribute('aria-label', this.play.title);
  }

  private forget(): void {
    this.pause();
    this.playback = undefined;
    this.bar.hidden = true;
  }

  /** The bar closed: back to the settled picture, with the offer shown again. */
  private close(): void {
    this.forget();
    this.offerButton.hidden = false;
    this.repaint();
  }
}
