/**
 * Pan and zoom of the picture by a CSS transform on one wrapper element, so re-renders (which
 * replace the SVG inside it) keep the user's view.
 */

export interface View {
  readonly x: number;
  readonly y: number;
  readonly scale: number;
}

const minScale = 0.05;
const maxScale = 8;
const zoomStep = 1.25;

export class PanZoom {
  private view: View = { x: 0, y: 0, scale: 1 };
  private drag: { startX: number; startY: number; x: number; y: number; moved: boolean } | undefined;
  private readonly listeners: ((view: View) => void)[] = [];
  /** Where the pointer last was over the picture, in viewport pixels. */
  private pointer: { x: number; y: number } | undefined;
  /** The element the user is working on (the cursor's node), zoomed around when it is in view. */
  focus: () => Element | undefined = () => undefined;
  /** A fit asked for while the viewport had no size (the map was on screen): done once it has one. */
  private fitWhenSized = false;

  constructor(
    private readonly viewport: HTMLElement,
    private readonly canvas: HTMLElement,
  ) {
    viewport.addEventListener('wheel', (event) => this.onWheel(event), { passive: false });
    viewport.addEventListener('pointerdown', (event) => this.onPointerDown(event));
    viewport.addEventListener('pointermove', (event) => this.onPointerMove(event));
    viewport.addEventListener('pointerleave', () => (this.pointer = undefined));
    viewport.addEventListener('pointerup', () => this.endDrag());
    viewport.addEventListener('pointercancel', () => this.endDrag());
    new ResizeObserver(() => {
      if (this.fitWhenSized) this.fit();
    }).observe(viewport);
  }

  get current(): View {
    return this.view;
  }

  /** True while (or just after) the pointer dragged the picture, so the click it ends is not a click on a node. */
  get dragged(): boolean {
    return this.drag?.moved ?? false;
  }

  onChange(listener: (view: View) => void): void {
    this.listeners.push(listener);
  }

  set(view: View): void {
    this.fitWhenSized = false;
    const scale = Math.min(maxScale, Math.max(minScale, view.scale));
    this.view = { x: view.x, y: view.y, scale };
    this.canvas.style.transform = `translate(${this.view.x}px, ${this.view.y}px) scale(${this.view.scale})`;
    for (const listener of this.listeners) listener(this.view);
  }

  /** Scales the picture to fit the viewport (never above 1:1) and centres it; a hidden viewport is fitted when shown. */
  fit(): void {
    const { width, height } = this.contentSize();
    if (width === 0 || height === 0) return;
    const bounds = this.viewport.getBoundingClientRect();
    const margin = 16;
    if (bounds.width <= 2 * margin || bounds.height <= 2 * margin) {
      this.fitWhenSized = true;
      return;
    }
    const scale = Math.min(1, (bounds.width - 2 * margin) / width, (bounds.height - 2 * margin) / height);
    this.set({
      x: (bounds.width - width * scale) / 2,
      y: Math.max(margin, (bounds.height - height * scale) / 2),
      scale,
    });
  }

  reset(): void {
    const { width } = this.contentSize();
    const bounds = this.viewport.getBoundingClientRect();
    this.set({ x: Math.max(0, (bounds.width - width) / 2), y: 16, scale: 1 });
  }

  zoomBy(factor: number, atX?: number, atY?: number): void {
    const bounds = this.viewport.getBoundingClientRect();
    const cx = atX ?? bounds.width / 2;
    const cy = atY ?? bounds.height / 2;
    const scale = Math.min(maxScale, Math.max(minScale, this.view.scale * factor));
    const k = scale / this.view.scale;
    this.set({ x: cx - (cx - this.view.x) * k, y: cy - (cy - this.view.y) * k, scale });
  }

  /** The zoom buttons' fixed point: the focused node when in view, else the pointer's last place, else the centre. */
  private anchor(): { x: number; y: number } | undefined {
    const bounds = this.viewport.getBoundingClientRect();
    const focus = this.focus()?.getBoundingClientRect();
    if (focus) {
      const x = focus.left + focus.width / 2 - bounds.left;
      const y = focus.top + focus.height / 2 - bounds.top;
      if (x >= 0 && y >= 0 && x <= bounds.width && y <= bounds.height) return { x, y };
    }
    return this.pointer;
  }

  zoomIn(): void {
    const at = this.anchor();
    this.zoomBy(zoomStep, at?.x, at?.y);
  }

  zoomOut(): void {
    const at = this.anchor();
    this.zoomBy(1 / zoomStep, at?.x, at?.y);
  }

  /** Pans so that `element` is visible, without changing the zoom. */
  reveal(element: Element): void {
    const box = element.getBoundingClientRect();
    const bounds = this.viewport.getBoundingClientRect();
    const inside =
      box.left >= bounds.left && box.right <= bounds.right && box.top >= bounds.top && box.bottom <= bounds.bottom;
    if (inside) return;
    const dx = bounds.left + bounds.width / 2 - (box.left + box.width / 2);
    const dy = bounds.top + bounds.height / 2 - (box.top + box.height / 2);
    this.set({ x: this.view.x + dx, y: this.view.y + dy, scale: this.view.scale });
  }

  private contentSize(): { width: number; height: number } {
    const svg = this.canvas.querySelector('svg');
    if (!svg) return { width: 0, height: 0 };
    return { width: svg.width.baseVal.value, height: svg.height.baseVal.value };
  }

  private onWheel(event: WheelEvent): void {
    event.preventDefault();
    const bounds = this.viewport.getBoundingClientRect();
    if (event.ctrlKey || event.metaKey || Math.abs(event.deltaY) > Math.abs(event.deltaX) * 2) {
      this.zoomBy(Math.exp(-event.deltaY / 500), event.clientX - bounds.left, event.clientY - bounds.top);
    } else {
      this.set({ x: this.view.x - event.deltaX, y: this.view.y - event.deltaY, scale: this.view.scale });
    }
  }

  private onPointerDown(event: PointerEvent): void {
    if (event.button !== 0) return;
    this.drag = { startX: event.clientX, startY: event.clientY, x: this.view.x, y: this.view.y, moved: false };
  }

  private onPointerMove(event: PointerEvent): void {
    const bounds = this.viewport.getBoundingClientRect();
    this.pointer = { x: event.clientX - bounds.left, y: event.clientY - bounds.top };
    if (!this.drag) return;
    const dx = event.clientX - this.drag.startX;
    const dy = event.clientY - this.drag.startY;
    if (!this.drag.moved && Math.hypot(dx, dy) < 4) return;
    if (!this.drag.moved) this.viewport.setPointerCapture(event.pointerId);
    this.drag.moved = true;
    this.viewport.classList.add('ac-dragging');
    this.set({ x: this.drag.x + dx, y: this.drag.y + dy, scale: this.view.scale });
  }

  private endDrag(): void {
    this.viewport.classList.remove('ac-dragging');
    // Cleared after the click event that ends the drag has been seen.
    setTimeout(() => {
      this.drag = undefined;
    }, 0);
  }
}
