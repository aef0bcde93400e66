import { html, nothing } from 'lit';
import { CONTROL_ID, defineWidget, WyWidget } from './widget-base.js';

/**
 * A boolean field. A checkbox by default; 是 / 否 radios when the widget is named `yes-no` or
 * `radio`, and also when the field is required — an unticked box cannot tell "no" from "not
 * answered", and a required yes/no question must be answered — except a confirmation whose only
 * accepted answer is yes (`const: true`: "reminded the depositor…"), which is a box to tick. An
 * unticked optional checkbox is left out of the data.
 *
 * @fires wy-field-change - detail `{ pointer, value }` on every edit
 */
export class WyBooleanWidget extends WyWidget {
  private get asRadios(): boolean {
    if (this.widgetName === 'yes-no' || this.widgetName === 'radio') return true;
    return this.required && this.field?.const !== true;
  }

  override render() {
    return this.asRadios ? this.renderRadios() : this.renderCheckbox();
  }

  private renderCheckbox() {
    // the empty label line keeps the box level with the inputs beside it in the grid
    return html`<div class="label" aria-hidden="true">&nbsp;</div>
      <div class="options">
        <span class="option">
          <input
            id=${CONTROL_ID}
            type="checkbox"
            .checked=${this.value === true}
            ?disabled=${this.locked}
            aria-readonly=${this.readOnly ? 'true' : nothing}
            aria-invalid=${this.ariaInvalidValue}
            aria-describedby=${this.describedBy()}
            @change=${(e: Event) => this.emit((e.target as HTMLInputElement).checked ? true : undefined)}
          />
          <label for=${CONTROL_ID} class="option-label">${this.label}${this.requiredMark()}</label>
        </span>
      </div>
      ${this.renderHelp()}${this.renderError()}`;
  }

  private renderRadios() {
    const option = (value: boolean, id: string) =>
      html`<span class="option">
        <input
          id=${id}
          type="radio"
          name="yes-no"
          .checked=${this.value === value}
          ?disabled=${this.locked}
          aria-invalid=${this.ariaInvalidValue}
          aria-describedby=${this.describedBy()}
          @change=${() => this.emit(value)}
        /><label for=${id}>${this.t(value ? 'yes' : 'no')}</label>
      </span>`;
    return html`<fieldset role="radiogroup" aria-labelledby="legend" aria-readonly=${this.readOnly ? 'true' : nothing} aria-required=${this.required ? 'true' : 'false'}>
      <legend class="label" id="legend">${this.label}${this.requiredMark()}</legend>
      <div class="options">${option(true, CONTROL_ID)}${option(false, 'no')}</div>
      ${this.renderHelp()}${this.renderError()}
    </fieldset>`;
  }
}

defineWidget('wy-boolean-widget', WyBooleanWidget);

declare global {
  interface HTMLElementTagNameMap {
    'wy-boolean-widget': WyBooleanWidget;
  }
}
