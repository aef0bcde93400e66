import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { enumLabel } from '../form-model.js';
import { optionPrice } from '../option-price.js';
import { CONTROL_ID, defineWidget, WyWidget } from './widget-base.js';

/**
 * An enum field as a `<select>`, options labelled by x-enumLabels in the user's language. The
 * empty first option removes the value. Options from a settings price list show their price (in
 * the list and under the field for the chosen one).
 *
 * @fires wy-field-change - detail `{ pointer, value }` on every edit
 */
export class WySelectWidget extends WyWidget {
  private get options(): unknown[] {
    return Array.isArray(this.field.enum) ? this.field.enum : [];
  }

  private onChange(e: Event): void {
    const index = (e.target as HTMLSelectElement).selectedIndex - 1;
    this.emit(index >= 0 ? this.options[index] : undefined);
  }

  private price(option: unknown): string | undefined {
    return optionPrice(this.field, option, this.host?.context);
  }

  override render() {
    const selected = this.options.findIndex((o) => o === this.value);
    const chosenPrice = selected >= 0 ? this.price(this.options[selected]) : undefined;
    return html`${this.renderLabel()}
      <select
        id=${CONTROL_ID}
        ?disabled=${this.locked}
        aria-readonly=${this.readOnly ? 'true' : nothing}
        aria-required=${this.required ? 'true' : 'false'}
        aria-invalid=${this.ariaInvalidValue}
        aria-describedby=${this.describedBy(chosenPrice && 'price')}
        @change=${this.onChange}
      >
        <option value="" .selected=${live(selected < 0)}>${this.placeholder ?? this.t('choose')}</option>
        ${this.options.map((o, i) => {
          const price = this.price(o);
          return html`<option value=${String(i)} .selected=${live(i === selected)}>${enumLabel(this.field, o, this.language)}${price ? `（${price}）` : ''}</option>`;
        })}
      </select>
      ${chosenPrice ? html`<div class="help price" id="price" data-testid="option-price">${this.t('optionPrice', { price: chosenPrice })}</div>` : nothing}
      ${this.renderHelp()}${this.renderError()}`;
  }
}

defineWidget('wy-select-widget', WySelectWidget);

declare global {
  interface HTMLElementTagNameMap {
    'wy-select-widget': WySelectWidget;
  }
}
