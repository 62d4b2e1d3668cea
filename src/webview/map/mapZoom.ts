/**
 * Pan and zoom inside the map's SVG: the wheel zooms at the cursor, a drag pans, two fingers pinch,
 * and + - 0 zoom in, out and back to the fit. The transform sits on one group; `--acm-k` tells the
 * markers and labels the scale so they keep their size on screen.
 */

export interface MapTransform {
  readonly x: number;
  readonly y: number;
  readonly k: number;
}

export const identity: MapTransform = { x: 0, y: 0, k: 1 };
const minK = 0.5;
const maxK = 64;
const step = 1.5;

export class MapZoom {
  private t: MapTransform = identity;
  private readonly pointers = new Map<number, { x: number; y: number }>();
  private gesture: { start: MapTransform; points: { x: number; y: number }[]; moved: boolean } | undefined;
  private readonly listeners: ((t: MapTransform) => void)[] = [];
  private movedRecently = false;

  constructor(
    private readonly svg: SVGSVGElement,
    private readonly group: SVGGElement,
    private readonly root: HTMLElement,
  ) {
    svg.addEventListener('wheel', (e) => this.onWheel(e), { passive: false });
    svg.addEventListener('pointerdown', (e) => this.onPointerDown(e));
    svg.addEventListener('pointermove', (e) => this.onPointerMove(e));
    svg.addEventListener('pointerup', (e) => this.onPointerUp(e));
    svg.addEventListener('pointercancel', (e) => this.onPointerUp(e));
    svg.addEventListener('keydown', (e) => this.onKey(e));
  }

  get current(): MapTransform {
    return this.t;
  }

  /** True just after a drag, so the click that ends it does not count as a click on a marker. */
  get dragged(): boolean {
    return this.movedRecently;
  }

  onChange(listener: (t: MapTransform) => void): void {
    this.listeners.push(listener);
  }

  set(t: MapTransform): void {
    this.t = { x: t.x, y: t.y, k: Math.min(maxK, Math.max(minK, t.k)) };
    this.group.setAttribute('transform', `translate(${this.t.x},${this.t.y}) scale(${this.t.k})`);
    this.root.style.setProperty('--acm-k', String(this.t.k));
    for (const listener of this.listeners) listener(this.t);
  }

  /** Zooms by `factor` keeping the point (`x`, `y`, in SVG units) where it is; the centre by default. */
  zoomBy(factor: number, x?: number, y?: number): void {
    const box = this.svg.viewBox.baseVal;
    const cx = x ?? box.width / 2;
    const cy = y ?? box.height / 2;
    const k = Math.min(maxK, Math.max(minK, this.t.k * factor));
    const r = k / this.t.k;
    this.set({ x: cx - (cx - this.t.x) * r, y: cy - (cy - this.t.y) * r, k });
  }

  /** A client position in SVG units (the SVG scales its viewBox to the panel). */
  private toSvg(clientX: number, clientY: number): { x: number; y: number } {
    const ctm = this.svg.getScreenCTM();
    if (!ctm) return { x: clientX, y: clientY };
    const p = new DOMPoint(clientX, clientY).matrixTransform(ctm.inverse());
    return { x: p.x, y: p.y };
  }

  private onWheel(e: WheelEvent): void {
    e.preventDefault();
    const at = this.toSvg(e.clientX, e.clientY);
    const delta = e.deltaMode === 1 ? e.deltaY * 20 : e.deltaY;
    this.zoomBy(Math.exp(-delta / (e.ctrlKey ? 100 : 400)), at.x, at.y);
  }

  private onKey(e: KeyboardEvent): void {
    if (e.key === '+' || e.key === '=') this.zoomBy(step);
    else if (e.key === '-' || e.key === '_') this.zoomBy(1 / step);
    else if (e.key === '0') this.set(identity);
    else return;
    e.preventDefault();
  }

  private onPointerDown(e: PointerEvent): void {
    if (e.pointerType === 'mouse' && e.button !== 0) return;
    this.pointers.set(e.pointerId, this.toSvg(e.clientX, e.clientY));
    this.gesture = { start: this.t, points: [...this.pointers.values()], moved: false };
    this.movedRecently = false;
  }

  private onPointerMove(e: PointerEvent): void {
    const g = this.gesture;
    if (!g || !this.pointers.has(e.pointerId)) return;
    this.pointers.set(e.pointerId, this.toSvg(e.clientX, e.clientY));
    const now = [...this.pointers.values()];
    const [a0, b0] = g.points;
    const [a1, b1] = now;
    if (!a0 || !a1) return;
    if (!g.moved && Math.hypot(a1.x - a0.x, a1.y - a0.y) < 3 && now.length < 2) return;
    if (!g.moved) {
      this.svg.setPointerCapture(e.pointerId);
      this.root.classList.add('acm-dragging');
    }
    g.moved = true;
    if (b0 && b1 && now.length === 2 && g.points.length === 2) {
      // Pinch: the midpoint pans, the distance between the fingers zooms.
      const k = g.start.k * (Math.hypot(b1.x - a1.x, b1.y - a1.y) / Math.max(1, Math.hypot(b0.x - a0.x, b0.y - a0.y)));
      const m0 = { x: (a0.x + b0.x) / 2, y: (a0.y + b0.y) / 2 };
      const m1 = { x: (a1.x + b1.x) / 2, y: (a1.y + b1.y) / 2 };
      const kk = Math.min(maxK, Math.max(minK, k));
      const r = kk / g.start.k;
      this.set({ x: m1.x - (m0.x - g.start.x) * r, y: m1.y - (m0.y - g.start.y) * r, k: kk });
    } else {
      this.set({ x: g.start.x + a1.x - a0.x, y: g.start.y + a1.y - a0.y, k: g.start.k });
    }
  }

  private onPointerUp(e: PointerEvent): void {
    this.pointers.delete(e.pointerId);
    this.movedRecently = this.gesture?.moved ?? false;
    this.root.classList.remove('acm-dragging');
    // The fingers left: start afresh from where the picture is.
    this.gesture =
      this.pointers.size > 0 ? { start: this.t, points: [...this.pointers.values()], moved: true } : undefined;
  }
}
