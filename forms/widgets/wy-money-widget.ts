import { css, html } from 'lit';
import { live } from 'lit/directives/live.js';
import { fieldStyles } from '../styles.js';
import { normalizeMoney } from '../values.js';
import { CONTROL_ID, defineWidget, WyWidget } from './widget-base.js';

/**
 * A money field (format `money`): the value is a decimal string in yuan, '1234.50' — never a
 * float. Right-aligned with a ¥ prefix. When the field loses focus the amount is normalised
 * (separators, ¥ and 元 dropped, full-width digits converted, padded to two decimals); an amount
 * with more than two decimals is kept as typed so validation says why it is refused.
 *
 * @fires wy-field-change - detail `{ pointer, value }` on every edit
 */
export class WyMoneyWidget extends WyWidget {
  static override styles = [
    fieldStyles,
    css`
      .money {
        position: relative;
      }
      .prefix {
        position: absolute;
        inset-inline-start: 9px;
        top: 50%;
        transform: translateY(-50%);
        color: var(--wy-muted, #5c6370);
        pointer-events: none;
      }
      .money input {
        padding-inline-start: 24px;
        text-align: right;
        font-variant-numeric: tabular-nums;
      }
    `,
  ];

  private get text(): string {
    return typeof this.value === 'string' ? this.value : this.value === undefined || this.value === null ? '' : String(this.value);
  }

  private onInput(e: Event): void {
    const typed = (e.target as HTMLInputElement).value.trim();
    this.emit(typed === '' ? undefined : typed);
  }

  private onChange(e: Event): void {
    const input = e.target as HTMLInputElement;
    const normalized = normalizeMoney(input.value);
    this.emit(normalized);
    input.value = normalized ?? '';
  }

  override render() {
    return html`${this.renderLabel()}
      <div class="money">
        <span class="prefix" aria-hidden="true">¥</span>
        <input
          id=${CONTROL_ID}
          type="text"
          inputmode="decimal"
          autocomplete="off"
          .value=${live(this.text)}
          placeholder=${this.placeholder ?? '0.00'}
          ?readonly=${this.readOnly}
          ?disabled=${this.disabled}
          aria-required=${this.required ? 'true' : 'false'}
          aria-invalid=${this.ariaInvalidValue}
          aria-describedby=${this.describedBy('unit')}
          @input=${this.onInput}
          @change=${this.onChange}
        />
        <span class="sr-only" id="unit">${this.t('yuan')}</span>
      </div>
      ${this.renderHelp()}${this.renderError()}`;
  }
}

defineWidget('wy-money-widget', WyMoneyWidget);

declare global {
  interface HTMLElementTagNameMap {
    'wy-money-widget': WyMoneyWidget;
  }
}
