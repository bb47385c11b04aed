import { LitElement, css, html, svg } from 'lit';
import { customElement, property } from 'lit/decorators.js';

/**
 * A scrub bar with one tick per frame: click or drag to seek. It only reports where the user points
 * (a `seek` event with the frame); the clock owns the current frame.
 */
@customElement('frame-scrub')
export class FrameScrub extends LitElement {
  @property({ type: Number }) frame = 0;
  @property({ type: Number, attribute: 'frame-count' }) frameCount = 1;

  static styles = css`
    :host { display: block; height: 22px; cursor: pointer; touch-action: none; user-select: none; }
    svg { width: 100%; height: 100%; display: block; overflow: visible; }
    .track { fill: var(--lumo-contrast-10pct, #ddd); }
    .played { fill: var(--lumo-primary-color-50pct, #89f); }
    .tick { stroke: var(--lumo-contrast-40pct, #888); stroke-width: 1; vector-effect: non-scaling-stroke; }
    .tick.major { stroke: var(--lumo-contrast-70pct, #444); }
    .head { fill: var(--lumo-primary-color, #36f); }
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
    return html`
      <svg viewBox="0 0 ${width} 22" preserveAspectRatio="none" role="slider" aria-label="Frame"
           aria-valuemin="1" aria-valuemax=${count} aria-valuenow=${this.frame + 1}
           @pointerdown=${this.onDown} @pointermove=${this.onMove} @pointerup=${this.onUp}>
        <rect class="track" x="0" y="8" width=${width} height="14"></rect>
        <rect class="played" x="0" y="8" width=${this.frame * cell} height="14"></rect>
        ${ticks}
        <rect class="head" x=${this.frame * cell} y="0" width=${Math.max(cell, 3)} height="22"></rect>
      </svg>
    `;
  }

  private dragging = false;

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
