import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import './frame-scrub.js';

/** What a synced player offers the clock: draw frame N now, synchronously. */
export interface SyncedPlayer {
  show(frame: number): void;
}

/** The fastest shuttle speed, in multiples of the shot's fps. */
const MAX_RATE = 8;
/** How many presented frames are kept for inspection (the frame-accuracy journey reads them). */
const PRESENTED_LOG = 4000;

/**
 * One clock for every player inside it: frame N is drawn in every variant within the same animation
 * frame. At normal speed the clock advances at most one frame per display refresh, so no frame is
 * skipped; a late refresh delays the next frame instead of dropping one. Keyboard (anywhere on the page
 * outside text fields): space play/pause, J/K/L shuttle, ←/→ or ,/. step one frame, Home/End, I and O mark the
 * in and out frames of a note (`mark-in`, `mark-out` events with the frame).
 */
@customElement('frame-sync')
export class FrameSync extends LitElement {
  @property({ type: Number }) fps = 24;
  @property({ type: Number, attribute: 'frame-count' }) frameCount = 1;
  @property({ type: Boolean, reflect: true }) loop = true;
  /** 0 is paused; ±1 normal speed; ±2, ±4, ±8 shuttle. */
  @state() rate = 0;
  @state() frame = 0;
  /** A range being marked for a note (keys I and O), shaded on the transport's scrub bar; -1 when none. */
  @property({ type: Number, attribute: 'range-start' }) rangeStart = -1;
  @property({ type: Number, attribute: 'range-end' }) rangeEnd = -1;

  /** Frames in the order they were presented while playing, with the time they were presented. */
  readonly presented: { frame: number; at: number }[] = [];

  private readonly players = new Set<SyncedPlayer>();
  private carry = 0;
  private lastTick = 0;
  private animation = 0;

  static styles = css`
    :host { display: block; outline: none; }
    .stage {
      display: grid;
      gap: var(--lumo-space-m, 1rem);
      /* All takes in one row when each can still be --frame-sync-min-width wide, else wrap. */
      grid-template-columns: repeat(auto-fit, minmax(min(100%, max(var(--frame-sync-min-width, 240px),
        calc((100% - (var(--takes, 4) - 1) * var(--lumo-space-m, 1rem)) / var(--takes, 4)))), 1fr));
    }
    .transport {
      display: flex; align-items: center; gap: var(--lumo-space-s, .5rem);
      margin-top: var(--lumo-space-s, .5rem); flex-wrap: wrap;
    }
    button {
      font: inherit; min-width: 2.5em; padding: .25em .6em; cursor: pointer;
      border: 1px solid var(--lumo-contrast-30pct, #999); border-radius: var(--lumo-border-radius-m, 4px);
      background: var(--lumo-contrast-5pct, #eee); color: inherit;
    }
    button[aria-pressed='true'] { background: var(--lumo-primary-color-10pct, #dde); border-color: var(--lumo-primary-color, #36f); }
    .frame-counter { font-variant-numeric: tabular-nums; min-width: 9em; }
    .rate { font-variant-numeric: tabular-nums; color: var(--lumo-secondary-text-color, #666); min-width: 3em; }
    .scrub { flex: 1 1 200px; min-width: 120px; }
  `;

  render() {
    const playing = this.rate !== 0;
    return html`
      <div class="stage"><slot></slot></div>
      <div class="transport" part="transport">
        <button title="Back one frame (←)" @click=${() => this.step(-1)}>−1</button>
        <button class="play" title="Play or pause (space)" aria-pressed=${playing ? 'true' : 'false'}
                @click=${() => this.togglePlay()}>${playing ? 'Pause' : 'Play'}</button>
        <button title="Forward one frame (→)" @click=${() => this.step(1)}>+1</button>
        <button class="loop" title="Loop" aria-pressed=${this.loop ? 'true' : 'false'}
                @click=${() => { this.loop = !this.loop; }}>Loop</button>
        <span class="rate" title="Shuttle speed (J/K/L)">${this.rate === 0 ? '' : `${this.rate > 0 ? '▶' : '◀'} ${Math.abs(this.rate)}×`}</span>
        <frame-scrub class="scrub" .frame=${this.frame} .frameCount=${this.frameCount}
                     .rangeStart=${this.rangeStart} .rangeEnd=${this.rangeEnd}></frame-scrub>
        <span class="frame-counter" aria-live="off">frame ${this.frame + 1} / ${this.frameCount}</span>
      </div>
    `;
  }

  register(player: SyncedPlayer): void {
    this.players.add(player);
    player.show(this.frame);
  }

  unregister(player: SyncedPlayer): void {
    this.players.delete(player);
  }

  connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('keydown', this.onKey);
    // Seeks come from this transport's scrub bar and from every player's own.
    this.addEventListener('seek', this.onSeek as EventListener);
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('keydown', this.onKey);
    cancelAnimationFrame(this.animation);
    this.rate = 0;
  }

  play(rate = 1): void {
    const wasPaused = this.rate === 0;
    this.rate = Math.max(-MAX_RATE, Math.min(MAX_RATE, rate));
    if (wasPaused && this.rate !== 0) {
      if (!this.loop && this.rate > 0 && this.frame >= this.frameCount - 1) {
        this.present(0);
      }
      this.carry = 0;
      this.lastTick = performance.now();
      this.animation = requestAnimationFrame(this.tick);
    }
  }

  pause(): void {
    this.rate = 0;
    cancelAnimationFrame(this.animation);
  }

  togglePlay(): void {
    this.rate === 0 ? this.play(1) : this.pause();
  }

  step(delta: number): void {
    this.pause();
    this.present(this.wrap(this.frame + delta));
  }

  seek(frame: number): void {
    this.present(Math.max(0, Math.min(this.frameCount - 1, Math.round(frame))));
  }

  /** L plays forward and doubles the speed each press; J the same backwards; K stops. */
  shuttle(direction: -1 | 0 | 1): void {
    if (direction === 0) {
      this.pause();
    } else if (Math.sign(this.rate) === direction) {
      this.play(this.rate * 2);
    } else {
      this.pause();
      this.play(direction);
    }
  }

  updated(changed: Map<string, unknown>): void {
    if (changed.has('frameCount') && this.frame >= this.frameCount) {
      this.present(Math.max(0, this.frameCount - 1));
    }
  }

  private readonly tick = (now: number): void => {
    if (this.rate === 0) {
      return;
    }
    const speed = Math.abs(this.rate);
    this.carry += ((now - this.lastTick) * speed * this.fps) / 1000;
    this.lastTick = now;
    // At normal speed show every frame: one per refresh at most, catching up after a stall.
    const frames = speed === 1 ? Math.min(1, Math.floor(this.carry)) : Math.floor(this.carry);
    this.carry = Math.min(this.carry - frames, speed + 1);
    if (frames > 0) {
      this.advance(Math.sign(this.rate) * frames, now);
    }
    if (this.rate !== 0) {
      this.animation = requestAnimationFrame(this.tick);
    }
  };

  private advance(delta: number, now: number): void {
    const next = this.frame + delta;
    if (!this.loop && (next < 0 || next >= this.frameCount)) {
      this.present(Math.max(0, Math.min(this.frameCount - 1, next)));
      this.pause();
      return;
    }
    this.present(this.wrap(next), now);
  }

  private wrap(frame: number): number {
    return ((frame % this.frameCount) + this.frameCount) % this.frameCount;
  }

  private present(frame: number, at?: number): void {
    this.frame = frame;
    for (const player of this.players) {
      player.show(frame);
    }
    if (at !== undefined) {
      if (this.presented.length >= PRESENTED_LOG) {
        this.presented.splice(0, this.presented.length - PRESENTED_LOG + 1);
      }
      this.presented.push({ frame, at });
    }
    this.dispatchEvent(new CustomEvent('frame-changed', { detail: { frame } }));
  }

  private mark(kind: 'mark-in' | 'mark-out'): void {
    this.pause();
    this.dispatchEvent(new CustomEvent(kind, { detail: { frame: this.frame } }));
  }

  private readonly onSeek = (event: CustomEvent<{ frame: number }>): void => {
    this.pause();
    this.seek(event.detail.frame);
  };

  private readonly onKey = (event: KeyboardEvent): void => {
    const target = event.composedPath()[0] as HTMLElement | undefined;
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || isTextEntry(target)) {
      return;
    }
    const handled = this.handleKey(event.key, target);
    if (handled) {
      event.preventDefault();
    }
  };

  private handleKey(key: string, target: HTMLElement | undefined): boolean {
    switch (key) {
      case ' ':
        if (target && (target.tagName === 'BUTTON' || target.tagName === 'VAADIN-BUTTON')) {
          return false;   // space presses a focused button
        }
        this.togglePlay();
        return true;
      case 'j': case 'J': this.shuttle(-1); return true;
      case 'k': case 'K': this.shuttle(0); return true;
      case 'l': case 'L': this.shuttle(1); return true;
      case 'ArrowLeft': case ',': this.step(-1); return true;
      case 'ArrowRight': case '.': this.step(1); return true;
      case 'i': case 'I': this.mark('mark-in'); return true;
      case 'o': case 'O': this.mark('mark-out'); return true;
      case 'Home': this.pause(); this.present(0); return true;
      case 'End': this.pause(); this.present(this.frameCount - 1); return true;
      default: return false;
    }
  }
}

function isTextEntry(element: HTMLElement | undefined): boolean {
  if (!element) {
    return false;
  }
  const tag = element.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || element.isContentEditable;
}

declare global {
  interface HTMLElementTagNameMap {
    'frame-sync': FrameSync;
  }
}
