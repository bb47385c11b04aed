import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import './frame-scrub.js';
import './frame-sync.js';
import type { FrameSync, SyncedPlayer } from './frame-sync.js';
import type { Marker } from './frame-scrub.js';
import { parseList } from './json-list.js';

/** What lies over a player's picture (the annotation layer): told each frame as the picture is drawn. */
interface Overlay extends HTMLElement {
  show(frame: number): void;
}

/** The stored frame file of frame N (0-based) under a clip's media path. */
function frameUrl(base: string, frame: number): string {
  return `${base}/f${String(frame).padStart(4, '0')}.jpg`;
}

/** Loads every frame of a clip up front and keeps them decoded, so drawing frame N never waits. */
class FrameCache {
  readonly images: HTMLImageElement[];
  loaded = 0;
  failed = 0;

  constructor(readonly base: string, frameCount: number, onProgress: () => void) {
    this.images = Array.from({ length: frameCount }, (_, i) => {
      const image = new Image();
      image.decoding = 'async';
      image.src = frameUrl(base, i);
      image.decode().then(
        () => { this.loaded++; onProgress(); },
        () => { this.failed++; onProgress(); });
      return image;
    });
  }

  ready(frame: number): HTMLImageElement | undefined {
    const image = this.images[frame];
    return image && image.complete && image.naturalWidth > 0 ? image : undefined;
  }
}

/**
 * Plays one generated variant as an image sequence on a canvas, frame by frame, driven by the
 * enclosing <frame-sync> clock. With `wipe-base` set it becomes an A/B wipe: A left of the divider,
 * B right of it; drag across the picture to move the divider.
 */
@customElement('frame-player')
export class FramePlayer extends LitElement implements SyncedPlayer {
  /** Media path of the clip, e.g. `media/1/0f3c…`; frames are `f0000.jpg`, `f0001.jpg`, … */
  @property() base = '';
  @property({ type: Number, attribute: 'frame-count' }) frameCount = 1;
  @property({ type: Number }) width = 640;
  @property({ type: Number }) height = 360;
  @property() label = '';
  /** A second clip for an A/B wipe; empty for a normal player. */
  @property({ attribute: 'wipe-base' }) wipeBase = '';
  @property({ attribute: 'wipe-label' }) wipeLabel = '';
  /** Where the wipe divider sits, 0 (all B) to 1 (all A). */
  @property({ type: Number }) wipe = 0.5;
  /** The take's note markers for its scrub bar, as JSON (a list of Marker), as the server last sent them whole. */
  @property({ attribute: false }) markersJson = '[]';
  /** Markers added since (the server sends only new ones while notes are only added). */
  @property({ attribute: false }) markersAddedJson = '[]';

  @state() private frame = 0;
  @state() private loadedShare = 0;
  @state() private markers: Marker[] = [];
  private sentWhole: Marker[] = [];

  @query('canvas') private canvas!: HTMLCanvasElement;
  @query('.frame-number') private frameNumber!: HTMLElement;

  private a?: FrameCache;
  private b?: FrameCache;
  private clock?: FrameSync;
  private wiping = false;

  static styles = css`
    :host { display: block; position: relative; }
    .screen { position: relative; background: #111; border-radius: var(--lumo-border-radius-m, 4px); overflow: hidden; }
    canvas { display: block; width: 100%; height: auto; }
    :host([wipe-base]) canvas { cursor: ew-resize; }
    .frame-number, .loading, .tag {
      position: absolute; font: 600 12px/1.6 var(--lumo-font-family, sans-serif); color: #fff;
      background: rgba(0, 0, 0, .55); padding: 0 .5em; border-radius: 3px; font-variant-numeric: tabular-nums;
    }
    .frame-number { right: 6px; bottom: 6px; }
    .loading { left: 6px; bottom: 6px; }
    .tag { top: 6px; }
    .tag.a { left: 6px; }
    .tag.b { right: 6px; }
    ::slotted([slot='overlay']) { position: absolute; inset: 0; }
    frame-scrub { height: 14px; margin-top: 4px; }
  `;

  render() {
    const wipe = this.wipeBase !== '';
    return html`
      <div class="screen">
        <canvas width=${this.width} height=${this.height} aria-label=${this.label || 'Variant player'}
                @pointerdown=${this.onWipeDown} @pointermove=${this.onWipeMove} @pointerup=${this.onWipeUp}></canvas>
        <span class="frame-number"></span>
        ${this.loadedShare < 1 ? html`<span class="loading">loading ${Math.round(this.loadedShare * 100)}%</span>` : nothing}
        ${wipe ? html`<span class="tag a">A ${this.label}</span><span class="tag b">B ${this.wipeLabel}</span>` : nothing}
        <slot name="overlay" @slotchange=${this.onOverlay}></slot>
      </div>
      <frame-scrub .frame=${this.frame} .frameCount=${this.frameCount} .markers=${this.markers}></frame-scrub>
    `;
  }

  connectedCallback(): void {
    super.connectedCallback();
    this.clock = this.closest('frame-sync') ?? undefined;
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    this.clock?.unregister(this);
  }

  firstUpdated(): void {
    this.frameNumber.textContent = String(this.frame + 1);
    this.clock?.register?.(this);
  }

  willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('markersJson')) {
      this.sentWhole = parseList<Marker>(this.markersJson);
    }
    if (changed.has('markersJson') || changed.has('markersAddedJson')) {
      this.markers = this.sentWhole.concat(parseList<Marker>(this.markersAddedJson));
    }
    if (changed.has('base') || changed.has('frameCount')) {
      this.a = this.base ? new FrameCache(this.base, this.frameCount, () => this.onLoaded()) : undefined;
    }
    if (changed.has('wipeBase') || changed.has('frameCount')) {
      this.b = this.wipeBase ? new FrameCache(this.wipeBase, this.frameCount, () => this.onLoaded()) : undefined;
    }
    if (changed.has('base') || changed.has('wipeBase')) {
      this.loadedShare = 0;
    }
  }

  updated(changed: Map<string, unknown>): void {
    if (changed.has('wipe') || changed.has('width') || changed.has('height')) {
      this.draw();
    }
  }

  /** Called by the clock, in the same animation frame for every player. */
  show(frame: number): void {
    this.frame = frame;
    if (this.frameNumber) {
      // Written directly, not through a template binding: the number changes in the same animation frame as the picture.
      this.frameNumber.textContent = String(frame + 1);
    }
    this.draw();
    this.overlay()?.show(frame);
  }

  private overlay(): Overlay | undefined {
    const layer = this.querySelector('[slot="overlay"]') as Overlay | null;
    return layer && typeof layer.show === 'function' ? layer : undefined;
  }

  private onOverlay(): void {
    this.overlay()?.show(this.frame);
  }

  private draw(): void {
    const context = this.canvas?.getContext('2d');
    if (!context) {
      return;
    }
    const a = this.a?.ready(this.frame);
    if (a) {
      context.drawImage(a, 0, 0, this.width, this.height);
    }
    const b = this.b?.ready(this.frame);
    if (b) {
      const split = Math.round(this.wipe * this.width);
      context.drawImage(b, split, 0, this.width - split, this.height, split, 0, this.width - split, this.height);
      context.fillStyle = '#fff';
      context.fillRect(split - 1, 0, 2, this.height);
    }
  }

  private onLoaded(): void {
    const caches = [this.a, this.b].filter((cache): cache is FrameCache => cache !== undefined);
    const total = caches.reduce((sum, cache) => sum + cache.images.length, 0);
    const done = caches.reduce((sum, cache) => sum + cache.loaded + cache.failed, 0);
    this.loadedShare = total === 0 ? 1 : done / total;
    this.draw();
    if (this.loadedShare === 1) {
      this.dispatchEvent(new CustomEvent('frames-loaded', { bubbles: true, composed: true }));
    }
  }

  private onWipeDown(event: PointerEvent): void {
    if (this.wipeBase === '') {
      return;
    }
    this.wiping = true;
    this.canvas.setPointerCapture(event.pointerId);
    this.moveWipe(event);
  }

  private onWipeMove(event: PointerEvent): void {
    if (this.wiping) {
      this.moveWipe(event);
    }
  }

  private onWipeUp(event: PointerEvent): void {
    this.wiping = false;
    this.canvas.releasePointerCapture(event.pointerId);
  }

  private moveWipe(event: PointerEvent): void {
    const box = this.canvas.getBoundingClientRect();
    this.wipe = Math.max(0, Math.min(1, (event.clientX - box.left) / box.width));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'frame-player': FramePlayer;
  }
}
