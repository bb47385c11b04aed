import { LitElement, css, html, svg } from 'lit';
import { customElement, property } from 'lit/decorators.js';

/** A note's place on a take's scrub bar: frames `start` to `end` (from 0). */
export interface Marker {
  note: number;
  start: number;
  end: number;
  resolved: boolean;
  drawn: boolean;
}

/**
 * A scrub bar with one tick per frame: click or drag to seek. It only reports where the user points
 * (a `seek` event with the frame); the clock owns the current frame. Note markers sit above the track; a click on
 * one seeks to its first frame and reports the note (`note-marker`). An in/out range (the transport's, for a new
 * note) is shaded.
 */
@customElement('frame-scrub')
export class FrameScrub extends LitElement {
  @property({ type: Number }) frame = 0;
  @property({ type: Number, attribute: 'frame-count' }) frameCount = 1;
  @property({ attribute: false }) markers: Marker[] = [];
  /** The in and out frames of a range being marked, or -1. */
  @property({ type: Number, attribute: 'range-start' }) rangeStart = -1;
  @property({ type: Number, attribute: 'range-end' }) rangeEnd = -1;

  static styles = css`
    :host { display: block; height: 22px; cursor: pointer; touch-action: none; user-select: none; }
    svg { width: 100%; height: 100%; display: block; overflow: visible; }
    .track { fill: var(--lumo-contrast-10pct, #ddd); }
    .played { fill: var(--lumo-primary-color-50pct, #89f); }
    .tick { stroke: var(--lumo-contrast-40pct, #888); stroke-width: 1; vector-effect: non-scaling-stroke; }
    .tick.major { stroke: var(--lumo-contrast-70pct, #444); }
    .head { fill: var(--lumo-primary-color, #36f); }
    .range { fill: hsla(45, 95%, 55%, 0.35); }
    .marker { fill: hsl(40, 95%, 58%); cursor: pointer; }
    .marker.resolved { fill: var(--lumo-contrast-50pct, #999); }
    .marker:hover { fill: hsl(40, 100%, 70%); }
  `;

  render() {
    const count = Math.max(1, this.frameCount);
    const width = 1000;
    const cell = width / count;
    const ticks = [];
    for (let i = 0; i <= count; i++) {
      const major = i % 12 === 0 || i === count;
      ticks.push(svg`<line class="tick ${major ? 'major' : ''}" x1=${i * cell} x2=${i * cell} y1=${major ? 0 : 8} y2="22"></line>`);
    }
    const ranged = this.rangeStart >= 0 && this.rangeEnd >= this.rangeStart;
    const markers = this.markers.map(m => svg`<rect class="marker ${m.resolved ? 'resolved' : ''}" data-note=${m.note}
        x=${m.start * cell} y="0" width=${Math.max((m.end - m.start + 1) * cell, 15)} height="9"
        @pointerdown=${(e: PointerEvent) => this.onMarker(e, m)}><title>Note #${m.note}, frame ${m.start + 1}${
          m.end > m.start ? `–${m.end + 1}` : ''}${m.resolved ? ' (resolved)' : ''}${m.drawn ? ', with a drawing' : ''}</title></rect>`);
    return html`
      <svg viewBox="0 0 ${width} 22" preserveAspectRatio="none" role="slider" aria-label="Frame"
           aria-valuemin="1" aria-valuemax=${count} aria-valuenow=${this.frame + 1}
           @pointerdown=${this.onDown} @pointermove=${this.onMove} @pointerup=${this.onUp}>
        <rect class="track" x="0" y="8" width=${width} height="14"></rect>
        <rect class="played" x="0" y="8" width=${this.frame * cell} height="14"></rect>
        ${ranged ? svg`<rect class="range" x=${this.rangeStart * cell} y="8" width=${(this.rangeEnd - this.rangeStart + 1) * cell} height="14"></rect>` : ''}
        ${ticks}
        <rect class="head" x=${this.frame * cell} y="0" width=${Math.max(cell, 3)} height="22"></rect>
        ${markers}
      </svg>
    `;
  }

  private dragging = false;

  private onMarker(event: PointerEvent, marker: Marker): void {
    event.stopPropagation();
    this.dispatchEvent(new CustomEvent('seek', { detail: { frame: marker.start }, bubbles: true, composed: true }));
    this.dispatchEvent(new CustomEvent('note-marker', { detail: { note: marker.note, frame: marker.start },
      bubbles: true, composed: true }));
  }

  private onDown(event: PointerEvent): void {
    this.dragging = true;
    (event.currentTarget as Element).setPointerCapture(event.pointerId);
    this.seekTo(event);
  }

  private onMove(event: PointerEvent): void {
    if (this.dragging) {
      this.seekTo(event);
    }
  }

  private onUp(event: PointerEvent): void {
    this.dragging = false;
    (event.currentTarget as Element).releasePointerCapture(event.pointerId);
  }

  private seekTo(event: PointerEvent): void {
    const box = (event.currentTarget as Element).getBoundingClientRect();
    const share = Math.max(0, Math.min(0.9999, (event.clientX - box.left) / box.width));
    const frame = Math.floor(share * this.frameCount);
    this.dispatchEvent(new CustomEvent('seek', { detail: { frame }, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'frame-scrub': FrameScrub;
  }
}
