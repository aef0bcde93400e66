import { css, html, nothing, type PropertyValues } from 'lit';
import { fieldStyles } from '../styles.js';
import { defineWidget, WyWidget } from './widget-base.js';

const WIDTH = 480;
const HEIGHT = 160;

/**
 * A signature field (format `signature`): a canvas to sign on with a mouse, pen or finger
 * (pointer events), and a button to clear it. The value is a PNG data URL, set when a stroke ends.
 * Read-only, it shows the signature as an image.
 *
 * @fires wy-field-change - detail `{ pointer, value }` after each stroke and on clear
 */
export class WySignatureWidget extends WyWidget {
  static override styles = [
    fieldStyles,
    css`
      .pad {
        display: block;
        width: 100%;
        max-width: ${WIDTH}px;
        aspect-ratio: ${WIDTH} / ${HEIGHT};
        height: auto;
        touch-action: none;
        cursor: crosshair;
        background:
          linear-gradient(to top, transparent 24px, var(--wy-border, #c3c8d0) 24px, var(--wy-border, #c3c8d0) 25px, transparent 25px) no-repeat,
          var(--wy-bg, #fff);
        border: 1px solid var(--wy-border, #c3c8d0);
        border-radius: var(--wy-radius, 4px);
      }
      .pad[aria-invalid='true'] {
        border-color: var(--wy-error, #c4281c);
      }
      .pad[aria-disabled='true'] {
        cursor: not-allowed;
        background: var(--wy-readonly-bg, #f0f1f3);
      }
      img.signed {
        display: block;
        max-width: ${WIDTH}px;
        width: 100%;
        border: 1px solid var(--wy-border, #c3c8d0);
        border-radius: var(--wy-radius, 4px);
        background: var(--wy-bg, #fff);
      }
      .tools {
        display: flex;
        align-items: center;
        gap: 10px;
        margin-top: 4px;
      }
    `,
  ];

  /** the value this canvas last produced: no need to redraw it */
  private drawn: unknown = undefined;
  private stroke: { id: number; x: number; y: number } | undefined;
  private inked = false;

  protected override get wide(): boolean {
    return true;
  }

  private get canvas(): HTMLCanvasElement | null {
    return this.renderRoot.querySelector('canvas');
  }

  private point(e: PointerEvent): { x: number; y: number } {
    const canvas = this.canvas!;
    const box = canvas.getBoundingClientRect();
    return { x: ((e.clientX - box.left) / box.width) * canvas.width, y: ((e.clientY - box.top) / box.height) * canvas.height };
  }

  private context(): CanvasRenderingContext2D | null {
    const ctx = this.canvas?.getContext('2d') ?? null;
    if (ctx) {
      ctx.lineWidth = 2.5;
      ctx.lineCap = 'round';
      ctx.lineJoin = 'round';
      ctx.strokeStyle = '#111';
    }
    return ctx;
  }

  private onDown(e: PointerEvent): void {
    if (this.locked || this.stroke) return;
    e.preventDefault();
    this.canvas!.setPointerCapture?.(e.pointerId);
    const p = this.point(e);
    this.stroke = { id: e.pointerId, ...p };
    const ctx = this.context();
    if (ctx) {
      // a dot for a tap
      ctx.beginPath();
      ctx.arc(p.x, p.y, 1.2, 0, Math.PI * 2);
      ctx.fillStyle = '#111';
      ctx.fill();
    }
    this.inked = true;
  }

  private onMove(e: PointerEvent): void {
    if (!this.stroke || e.pointerId !== this.stroke.id) return;
    const ctx = this.context();
    const p = this.point(e);
    if (ctx) {
      ctx.beginPath();
      ctx.moveTo(this.stroke.x, this.stroke.y);
      ctx.lineTo(p.x, p.y);
      ctx.stroke();
    }
    this.stroke = { id: this.stroke.id, ...p };
  }

  private onUp(e: PointerEvent): void {
    if (!this.stroke || e.pointerId !== this.stroke.id) return;
    this.stroke = undefined;
    if (!this.inked) return;
    const url = this.canvas!.toDataURL('image/png');
    this.drawn = url;
    this.emit(url);
  }

  private clear(): void {
    const canvas = this.canvas;
    canvas?.getContext('2d')?.clearRect(0, 0, canvas.width, canvas.height);
    this.inked = false;
    this.drawn = undefined;
    this.emit(undefined);
    canvas?.focus();
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (!changed.has('value') && !changed.has('readOnly') && !changed.has('disabled')) return;
    if (this.value === this.drawn) return;
    // a value from outside (initial data, a reset): show it on the pad
    const canvas = this.canvas;
    if (!canvas) return;
    const ctx = canvas.getContext('2d');
    ctx?.clearRect(0, 0, canvas.width, canvas.height);
    this.drawn = this.value;
    this.inked = typeof this.value === 'string';
    if (typeof this.value === 'string' && this.value.startsWith('data:image/png;base64,') && ctx) {
      const img = new Image();
      img.onload = () => ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
      img.src = this.value;
    }
  }

  override render() {
    const signed = typeof this.value === 'string' && this.value !== '';
    if (this.readOnly && signed) {
      return html`<div class="label" id="label">${this.label}</div>
        <img class="signed" src=${this.value as string} alt=${this.t('signatureImage')} aria-labelledby="label" />
        ${this.renderHelp()}${this.renderError()}`;
    }
    return html`<div class="label" id="label">${this.label}${this.requiredMark()}</div>
      <canvas
        class="pad"
        width=${WIDTH}
        height=${HEIGHT}
        tabindex=${this.locked ? '-1' : '0'}
        role="img"
        aria-labelledby="label"
        aria-describedby=${this.describedBy('state')}
        aria-invalid=${this.ariaInvalidValue}
        aria-disabled=${this.locked ? 'true' : 'false'}
        @pointerdown=${this.onDown}
        @pointermove=${this.onMove}
        @pointerup=${this.onUp}
        @pointercancel=${this.onUp}
      ></canvas>
      <div class="tools">
        <span class="help" id="state">${signed ? this.t('signed') : this.t('signatureArea')}</span>
        ${this.locked ? nothing : html`<button type="button" class="clear" ?disabled=${!signed} @click=${this.clear}>${this.t('clearSignature')}</button>`}
      </div>
      ${this.renderHelp()}${this.renderError()}`;
  }
}

defineWidget('wy-signature-widget', WySignatureWidget);

declare global {
  interface HTMLElementTagNameMap {
    'wy-signature-widget': WySignatureWidget;
  }
}
