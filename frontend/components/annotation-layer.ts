import { LitElement, css, html, nothing, svg } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { getStroke } from 'perfect-freehand';
import { parseList } from './json-list.js';

/** One stroke in frame coordinates (the take's pixels, origin top left); `points` is x0, y0, x1, y1, … */
export interface Stroke {
  tool: 'pen' | 'arrow' | 'rect' | 'ellipse' | 'text';
  color: string;
  width: number;
  points: number[];
  text?: string;
}

/** A note's drawing as the server sends it: shown on every frame from `start` to `end`. */
interface NoteDrawing {
  note: number;
  start: number;
  end: number;
  drawing: { strokes: Stroke[] };
}

/** How far onion skinning looks around the frame on screen, and how faint it draws what it finds. */
const ONION_FRAMES = 2;
const ONION_OPACITY = 0.3;
/** Points a pen keeps at most, as the server allows. */
const MAX_PEN_POINTS = 1000;

/**
 * Drawings over a player (the frame-player puts it over its picture): the notes' drawings of the frame on screen,
 * as SVG in frame coordinates, so they stay sharp at any size; with onion skinning, those of the frames around it,
 * faded. In drawing mode it takes the pointer: pen (smoothed with perfect-freehand), arrow, rectangle, ellipse and
 * text, with undo and redo; every finished change is sent up as `draft-changed` with the draft's JSON.
 */
@customElement('annotation-layer')
export class AnnotationLayer extends LitElement {
  /** The take's frame size: the coordinate space of every stroke. */
  @property({ type: Number }) width = 640;
  @property({ type: Number }) height = 360;
  /** The notes' drawings of this take, as JSON (a list of NoteDrawing), as the server last sent them whole. */
  @property({ attribute: false }) drawingsJson = '[]';
  /** Drawings added since (the server sends only new ones while notes are only added). */
  @property({ attribute: false }) drawingsAddedJson = '[]';
  @property({ type: Boolean, reflect: true }) onion = false;
  /** Drawing mode: the layer takes the pointer and keeps a draft. */
  @property({ type: Boolean, reflect: true }) drawing = false;
  @property() tool: Stroke['tool'] = 'pen';
  @property() color = '#ff3b30';
  /** Stroke width in frame pixels; for text, its size. */
  @property({ type: Number }) size = 4;

  @state() private frame = 0;
  @state() private draft: Stroke[] = [];
  @state() private current?: Stroke;
  @state() private typing?: { x: number; y: number };
  private undone: Stroke[] = [];
  private drawings: NoteDrawing[] = [];
  private sentWhole: NoteDrawing[] = [];

  @query('svg') private surface!: SVGSVGElement;
  @query('input') private textInput?: HTMLInputElement;

  static styles = css`
    :host { position: absolute; inset: 0; pointer-events: none; display: block; }
    :host([drawing]) { pointer-events: auto; cursor: crosshair; outline: 2px dashed rgba(255, 255, 255, .7); outline-offset: -2px; }
    svg { width: 100%; height: 100%; display: block; overflow: hidden; touch-action: none; }
    .onion { opacity: ${ONION_OPACITY}; }
    text { font-family: var(--lumo-font-family, sans-serif); font-weight: 700; paint-order: stroke; stroke: rgba(0, 0, 0, .55); }
    input {
      position: absolute; font: 600 14px var(--lumo-font-family, sans-serif); min-width: 10em;
      background: rgba(0, 0, 0, .75); color: #fff; border: 1px solid #fff; border-radius: 3px; padding: 2px 4px;
    }
  `;

  render() {
    const onScreen = this.drawings.filter(d => d.start <= this.frame && this.frame <= d.end);
    const around = this.onion
      ? this.drawings.filter(d => !onScreen.includes(d) && d.end >= this.frame - ONION_FRAMES && d.start <= this.frame + ONION_FRAMES)
      : [];
    const box = this.typing ? this.toScreen(this.typing.x, this.typing.y) : undefined;
    return html`
      <svg viewBox="0 0 ${this.width} ${this.height}" preserveAspectRatio="none" part="surface"
           role=${this.drawing ? 'application' : 'img'}
           aria-label=${this.drawing ? `Drawing on frame ${this.frame + 1}` : `${onScreen.length} drawing(s) on this frame`}
           @pointerdown=${this.onDown} @pointermove=${this.onMove} @pointerup=${this.onUp} @pointercancel=${this.onUp}>
        ${around.map(d => svg`<g class="onion" data-note=${d.note}>${d.drawing.strokes.map(s => this.strokeSvg(s))}</g>`)}
        ${onScreen.map(d => svg`<g class="note-drawing" data-note=${d.note}>${d.drawing.strokes.map(s => this.strokeSvg(s))}</g>`)}
        ${this.drawing ? svg`<g class="draft">${this.draft.map(s => this.strokeSvg(s))}</g>` : nothing}
        ${this.current ? this.strokeSvg(this.current) : nothing}
      </svg>
      ${box ? html`<input aria-label="Text on the frame" style="left:${box.left}px; top:${box.top}px"
                          @keydown=${this.onTextKey} @blur=${this.commitText}>` : nothing}
    `;
  }

  willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('drawingsJson')) {
      this.sentWhole = parseList<NoteDrawing>(this.drawingsJson);
    }
    if (changed.has('drawingsJson') || changed.has('drawingsAddedJson')) {
      this.drawings = this.sentWhole.concat(parseList<NoteDrawing>(this.drawingsAddedJson));
    }
    if (changed.has('drawing') && !this.drawing) {
      this.current = undefined;
      this.typing = undefined;
    }
  }

  updated(): void {
    if (this.typing && this.textInput && this.shadowRoot?.activeElement !== this.textInput) {
      this.textInput.focus();
    }
  }

  /** Called by the player in the same animation frame as its picture. */
  show(frame: number): void {
    if (frame !== this.frame) {
      this.frame = frame;
    }
  }

  undo(): void {
    const last = this.draft[this.draft.length - 1];
    if (last) {
      this.undone.push(last);
      this.draft = this.draft.slice(0, -1);
      this.changed();
    }
  }

  redo(): void {
    const next = this.undone.pop();
    if (next) {
      this.draft = [...this.draft, next];
      this.changed();
    }
  }

  clear(): void {
    if (this.draft.length > 0) {
      this.undone = [...this.draft].reverse();
      this.draft = [];
      this.changed();
    }
  }

  /** Forgets the draft (the note was saved, or drawing was cancelled). */
  reset(): void {
    this.draft = [];
    this.undone = [];
    this.current = undefined;
    this.typing = undefined;
  }

  /** The draft as the server reads it. */
  draftJson(): string {
    return JSON.stringify({ strokes: this.draft });
  }

  private changed(): void {
    this.dispatchEvent(new CustomEvent('draft-changed', {
      detail: { json: this.draftJson(), strokes: this.draft.length, undo: this.draft.length > 0, redo: this.undone.length > 0 },
    }));
  }

  private add(stroke: Stroke): void {
    this.draft = [...this.draft, stroke];
    this.undone = [];
    this.changed();
  }

  private onDown(event: PointerEvent): void {
    if (!this.drawing || event.button !== 0) {
      return;
    }
    event.preventDefault();
    const [x, y] = this.toFrame(event);
    if (this.tool === 'text') {
      this.commitText();
      this.typing = { x, y };
      return;
    }
    this.surface.setPointerCapture(event.pointerId);
    this.current = { tool: this.tool, color: this.color, width: this.size, points: this.tool === 'pen' ? [x, y] : [x, y, x, y] };
  }

  private onMove(event: PointerEvent): void {
    const stroke = this.current;
    if (!stroke) {
      return;
    }
    const [x, y] = this.toFrame(event);
    if (stroke.tool === 'pen') {
      const n = stroke.points.length;
      // Skip points closer than a pixel to the last one: they add nothing the smoothing would show.
      if (n / 2 < MAX_PEN_POINTS && Math.hypot(x - stroke.points[n - 2], y - stroke.points[n - 1]) >= 1) {
        this.current = { ...stroke, points: [...stroke.points, x, y] };
      }
    } else {
      this.current = { ...stroke, points: [stroke.points[0], stroke.points[1], x, y] };
    }
  }

  private onUp(event: PointerEvent): void {
    const stroke = this.current;
    if (!stroke) {
      return;
    }
    this.current = undefined;
    if (this.surface.hasPointerCapture(event.pointerId)) {
      this.surface.releasePointerCapture(event.pointerId);
    }
    const [x1, y1, x2, y2] = stroke.points;
    if (stroke.tool !== 'pen' && Math.hypot(x2 - x1, y2 - y1) < 2) {
      return;   // a click, not a shape
    }
    this.add({ ...stroke, points: stroke.points.map(v => Math.round(v * 10) / 10) });
  }

  private onTextKey(event: KeyboardEvent): void {
    event.stopPropagation();
    if (event.key === 'Enter') {
      this.commitText();
    } else if (event.key === 'Escape') {
      this.typing = undefined;
    }
  }

  private commitText = (): void => {
    const at = this.typing;
    const words = this.textInput?.value.trim() ?? '';
    this.typing = undefined;
    if (at && words) {
      this.add({ tool: 'text', color: this.color, width: Math.max(12, this.size * 6), points: [at.x, at.y], text: words.slice(0, 200) });
    }
  };

  /** A pointer's position in frame coordinates, inside the frame. */
  private toFrame(event: PointerEvent): [number, number] {
    const box = this.surface.getBoundingClientRect();
    const x = ((event.clientX - box.left) / box.width) * this.width;
    const y = ((event.clientY - box.top) / box.height) * this.height;
    return [Math.max(0, Math.min(this.width, x)), Math.max(0, Math.min(this.height, y))];
  }

  private toScreen(x: number, y: number): { left: number; top: number } {
    const box = this.surface?.getBoundingClientRect();
    if (!box) {
      return { left: 0, top: 0 };
    }
    return { left: (x / this.width) * box.width, top: (y / this.height) * box.height - 20 };
  }

  private strokeSvg(stroke: Stroke) {
    const p = stroke.points;
    switch (stroke.tool) {
      case 'pen':
        return svg`<path d=${penPath(stroke)} fill=${stroke.color}></path>`;
      case 'arrow': {
        const angle = Math.atan2(p[3] - p[1], p[2] - p[0]);
        const head = Math.min(Math.hypot(p[2] - p[0], p[3] - p[1]) / 2, stroke.width * 4 + 6);
        const wing = (side: number) => `${p[2] - head * Math.cos(angle + side)},${p[3] - head * Math.sin(angle + side)}`;
        return svg`<g stroke=${stroke.color} stroke-width=${stroke.width} stroke-linecap="round" stroke-linejoin="round" fill="none">
          <line x1=${p[0]} y1=${p[1]} x2=${p[2]} y2=${p[3]}></line>
          <polyline points="${wing(-0.49)} ${p[2]},${p[3]} ${wing(0.49)}"></polyline></g>`;
      }
      case 'rect':
        return svg`<rect x=${Math.min(p[0], p[2])} y=${Math.min(p[1], p[3])} width=${Math.abs(p[2] - p[0])}
                         height=${Math.abs(p[3] - p[1])} fill="none" stroke=${stroke.color} stroke-width=${stroke.width}
                         stroke-linejoin="round"></rect>`;
      case 'ellipse':
        return svg`<ellipse cx=${(p[0] + p[2]) / 2} cy=${(p[1] + p[3]) / 2} rx=${Math.abs(p[2] - p[0]) / 2}
                            ry=${Math.abs(p[3] - p[1]) / 2} fill="none" stroke=${stroke.color} stroke-width=${stroke.width}></ellipse>`;
      case 'text':
        return svg`<text x=${p[0]} y=${p[1]} font-size=${stroke.width} fill=${stroke.color}
                         stroke-width=${Math.max(1, stroke.width / 8)}>${stroke.text ?? ''}</text>`;
      default:
        return nothing;
    }
  }
}

/** A pen stroke's outline from perfect-freehand, as a closed SVG path of quadratic curves through its midpoints. */
function penPath(stroke: Stroke): string {
  const points: number[][] = [];
  for (let i = 0; i + 1 < stroke.points.length; i += 2) {
    points.push([stroke.points[i], stroke.points[i + 1]]);
  }
  const outline = getStroke(points, { size: stroke.width, thinning: 0.4, smoothing: 0.5, streamline: 0.5 });
  if (outline.length < 2) {
    return '';
  }
  let d = `M ${outline[0][0].toFixed(1)} ${outline[0][1].toFixed(1)} Q`;
  for (let i = 0; i < outline.length; i++) {
    const [x0, y0] = outline[i];
    const [x1, y1] = outline[(i + 1) % outline.length];
    d += ` ${x0.toFixed(1)} ${y0.toFixed(1)} ${((x0 + x1) / 2).toFixed(1)} ${((y0 + y1) / 2).toFixed(1)}`;
  }
  return d + ' Z';
}

declare global {
  interface HTMLElementTagNameMap {
    'annotation-layer': AnnotationLayer;
  }
}
