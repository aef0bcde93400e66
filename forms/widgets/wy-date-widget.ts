import { html } from 'lit';
import { live } from 'lit/directives/live.js';
import { DEFAULT_TIME_ZONE, inputToIsoTime, isoTimeToInput, isoToLocalInput, localInputToIso } from '../values.js';
import { CONTROL_ID, defineWidget, WyWidget } from './widget-base.js';

/**
 * A date, time or date-time field with the browser's native picker.
 * - `date`: the value is `yyyy-MM-dd` as typed.
 * - `date-time`: typed as local time in the form's time zone (Asia/Shanghai unless the host says
 *   otherwise) and stored as ISO 8601 with its offset, `2026-09-30T10:00:00+08:00`.
 * - `time`: stored as RFC 3339 full-time, `10:30:00+08:00` (ajv's `time` format requires the offset).
 * Staff type times in the company's zone (the form's): no zone is named under the field, as on the
 * paper forms, even when the browser runs elsewhere.
 *
 * @fires wy-field-change - detail `{ pointer, value }` on every edit
 */
export class WyDateWidget extends WyWidget {
  private get zone(): string {
    return this.host?.timeZone ?? DEFAULT_TIME_ZONE;
  }

  private get kind(): 'date' | 'time' | 'date-time' {
    return this.field.format === 'time' ? 'time' : this.field.format === 'date-time' ? 'date-time' : 'date';
  }

  private get shown(): string {
    if (this.kind === 'date') return typeof this.value === 'string' ? this.value : '';
    if (this.kind === 'time') return isoTimeToInput(this.value);
    return isoToLocalInput(this.value, this.zone);
  }

  private onInput(e: Event): void {
    const typed = (e.target as HTMLInputElement).value;
    if (typed === '') return this.emit(undefined);
    if (this.kind === 'date') return this.emit(typed);
    // a half-typed value the browser cannot give yet stays what it was
    const value = this.kind === 'time' ? inputToIsoTime(typed, this.zone) : localInputToIso(typed, this.zone);
    if (value !== undefined) this.emit(value);
  }

  override render() {
    const type = this.kind === 'date-time' ? 'datetime-local' : this.kind;
    return html`${this.renderLabel()}
      <input
        id=${CONTROL_ID}
        type=${type}
        .value=${live(this.shown)}
        ?readonly=${this.readOnly}
        ?disabled=${this.disabled}
        aria-required=${this.required ? 'true' : 'false'}
        aria-invalid=${this.ariaInvalidValue}
        aria-describedby=${this.describedBy()}
        @input=${this.onInput}
        @change=${this.onInput}
      />${this.renderHelp()}${this.renderError()}`;
  }
}

defineWidget('wy-date-widget', WyDateWidget);

declare global {
  interface HTMLElementTagNameMap {
    'wy-date-widget': WyDateWidget;
  }
}
