import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { parseNumberInput } from '../values.js';
import { CONTROL_ID, defineWidget, WyWidget } from './widget-base.js';

/**
 * A number or integer field. A text input with a numeric keyboard: what parses as a number is
 * stored as a JSON number, anything else is kept as typed so validation can say "must be a number"
 * (a native number input would silently drop it). Full-width digits are accepted.
 *
 * @fires wy-field-change - detail `{ pointer, value }` on every edit
 */
export class WyNumberWidget extends WyWidget {
  static override properties = { typed: { state: true } };
  /** what the person typed, kept while it still means the current value ('1.50' stays '1.50') */
  declare typed: string | undefined;

  constructor() {
    super();
    this.typed = undefined;
  }

  private get shown(): string {
    if (this.typed !== undefined && parseNumberInput(this.typed) === this.value) return this.typed;
    return this.value === undefined || this.value === null ? '' : String(this.value);
  }

  private onInput(e: Event): void {
    this.typed = (e.target as HTMLInputElement).value;
    this.emit(parseNumberInput(this.typed));
  }

  override render() {
    const unit = this.field.minimum !== undefined || this.field.maximum !== undefined ? this.range() : '';
    return html`${this.renderLabel()}
      <input
        id=${CONTROL_ID}
        type="text"
        inputmode=${this.field.type === 'integer' ? 'numeric' : 'decimal'}
        autocomplete="off"
        style="text-align:right"
        .value=${live(this.shown)}
        placeholder=${this.placeholder ?? (unit || nothing)}
        ?readonly=${this.readOnly}
        ?disabled=${this.disabled}
        aria-required=${this.required ? 'true' : 'false'}
        aria-invalid=${this.ariaInvalidValue}
        aria-describedby=${this.describedBy()}
        @input=${this.onInput}
        @change=${() => (this.typed = undefined)}
      />${this.renderHelp()}${this.renderError()}`;
  }

  /** '0 – 99999' as a placeholder hint when the schema bounds the value. */
  private range(): string {
    const min = this.field.minimum ?? this.field.exclusiveMinimum;
    const max = this.field.maximum ?? this.field.exclusiveMaximum;
    return `${min ?? ''} – ${max ?? ''}`.trim();
  }
}

defineWidget('wy-number-widget', WyNumberWidget);

declare global {
  interface HTMLElementTagNameMap {
    'wy-number-widget': WyNumberWidget;
  }
}
