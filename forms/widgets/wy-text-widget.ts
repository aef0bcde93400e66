import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { CONTROL_ID, defineWidget, WyWidget } from './widget-base.js';

/**
 * A string field: one line (`<input>`, typed tel / email / url for those formats), or a
 * `<textarea>` when the widget is named `textarea` (the registry picks it for maxLength > 200).
 * Shows a character counter against maxLength; an emptied field is removed from the data.
 *
 * @fires wy-field-change - detail `{ pointer, value }` on every edit
 */
export class WyTextWidget extends WyWidget {
  protected override get wide(): boolean {
    return this.widgetName === 'textarea';
  }

  private get text(): string {
    return typeof this.value === 'string' ? this.value : this.value === undefined || this.value === null ? '' : String(this.value);
  }

  private onInput(e: Event): void {
    const text = (e.target as HTMLInputElement | HTMLTextAreaElement).value;
    this.emit(text === '' ? undefined : text);
  }

  private renderCounter() {
    const max = this.field.maxLength;
    if (typeof max !== 'number' || this.locked) return nothing;
    const length = [...this.text].length;
    // a one-line field only shows its count once it gets close to the limit
    if (this.widgetName !== 'textarea' && length < max * 0.8) return nothing;
    return html`<span class="counter ${length > max ? 'over' : ''}" id="counter" aria-live="polite">${this.t('charCount', { n: length, max })}</span>`;
  }

  override render() {
    const counter = this.renderCounter();
    const common = { describedBy: this.describedBy(counter !== nothing && 'counter') };
    const inputType = this.field.format === 'phone' ? 'tel' : this.field.format === 'email' ? 'email' : this.field.format === 'uri' ? 'url' : 'text';
    const control =
      this.widgetName === 'textarea'
        ? html`<textarea
            id=${CONTROL_ID}
            rows="3"
            .value=${live(this.text)}
            placeholder=${this.placeholder ?? nothing}
            ?readonly=${this.readOnly}
            ?disabled=${this.disabled}
            aria-required=${this.required ? 'true' : 'false'}
            aria-invalid=${this.ariaInvalidValue}
            aria-describedby=${common.describedBy}
            @input=${this.onInput}
          ></textarea>`
        : html`<input
            id=${CONTROL_ID}
            type=${inputType}
            .value=${live(this.text)}
            placeholder=${this.placeholder ?? nothing}
            autocomplete=${inputType === 'tel' ? 'tel' : inputType === 'email' ? 'email' : 'off'}
            ?readonly=${this.readOnly}
            ?disabled=${this.disabled}
            aria-required=${this.required ? 'true' : 'false'}
            aria-invalid=${this.ariaInvalidValue}
            aria-describedby=${common.describedBy}
            @input=${this.onInput}
          />`;
    return html`${counter}${this.renderLabel()}${control}${this.renderHelp()}${this.renderError()}`;
  }
}

defineWidget('wy-text-widget', WyTextWidget);

declare global {
  interface HTMLElementTagNameMap {
    'wy-text-widget': WyTextWidget;
  }
}
