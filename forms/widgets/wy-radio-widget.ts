import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { enumLabel } from '../form-model.js';
import { CONTROL_ID, defineWidget, WyWidget } from './widget-base.js';

/**
 * An enum field as radio buttons (the registry picks it for four options or fewer, or when named
 * `radio`). A `<fieldset>` whose `<legend>` is the field's label; arrow keys move between options
 * as in any radio group. An optional field gets a "clear" button to remove the answer.
 *
 * @fires wy-field-change - detail `{ pointer, value }` on every edit
 */
export class WyRadioWidget extends WyWidget {
  private get options(): unknown[] {
    return Array.isArray(this.field.enum) ? this.field.enum : [];
  }

  override render() {
    const describedBy = this.describedBy();
    return html`<fieldset role="radiogroup" aria-labelledby="legend" aria-required=${this.required ? 'true' : 'false'} aria-readonly=${this.readOnly ? 'true' : nothing}>
      <legend class="label" id="legend">${this.label}${this.requiredMark()}</legend>
      <div class="options">
        ${this.options.map((o, i) => {
          const id = i === 0 ? CONTROL_ID : `option-${i}`;
          return html`<span class="option">
            <input
              id=${id}
              type="radio"
              name="choice"
              .checked=${live(o === this.value)}
              ?disabled=${this.locked}
              aria-invalid=${this.ariaInvalidValue}
              aria-describedby=${describedBy}
              @change=${() => this.emit(o)}
            /><label for=${id}>${enumLabel(this.field, o, this.language)}</label>
          </span>`;
        })}
        ${!this.required && !this.locked && this.value !== undefined
          ? html`<button type="button" class="link" @click=${() => this.emit(undefined)}>${this.t('clear')}</button>`
          : nothing}
      </div>
      ${this.renderHelp()}${this.renderError()}
    </fieldset>`;
  }
}

defineWidget('wy-radio-widget', WyRadioWidget);

declare global {
  interface HTMLElementTagNameMap {
    'wy-radio-widget': WyRadioWidget;
  }
}
