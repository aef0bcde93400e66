import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { registerWidget, NOT_APPLICABLE } from '../widget-registry.js';
import type { PickerOption } from '../types.js';
import { CONTROL_ID, defineWidget, WyWidget } from './widget-base.js';

/**
 * What the host supplies for staff fields: the staff a field may name, already labelled (the host
 * knows the case, the step and the role the case goes to — the filter by role and project is the
 * server's, from the workflow's assign effect naming this field).
 */
export interface StaffPickerServices {
  listStaff(fieldPath: string): Promise<PickerOption[]>;
}

/**
 * A staff reference (`x-ref: staff`, named dispatch): a `<select>` of the staff the host lists for
 * the field — e.g. the technicians of the case's project with their open loads — storing the picked
 * staff member's integer id. The empty option leaves the choice to the assignment rules or the
 * role's queue.
 *
 * @fires wy-field-change - detail `{ pointer, value }` on every edit
 */
export class WyStaffPickerWidget extends WyWidget {
  static override properties = { options: { state: true }, loaded: { state: true } };
  declare options: PickerOption[];
  declare loaded: boolean;
  #asked = false;

  constructor() {
    super();
    this.options = [];
    this.loaded = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.#asked) return;
    this.#asked = true;
    queueMicrotask(() => {
      const services = this.host?.services as Partial<StaffPickerServices> | undefined;
      if (!services?.listStaff) {
        this.loaded = true;
        return;
      }
      services.listStaff(this.fieldRef.path).then(
        (options) => { this.options = options; this.loaded = true; },
        () => { this.options = []; this.loaded = true; },
      );
    });
  }

  private onChange(e: Event): void {
    const index = (e.target as HTMLSelectElement).selectedIndex - 1;
    this.emit(index >= 0 ? this.options[index]!.id : undefined);
  }

  override render() {
    const selected = this.options.findIndex((o) => o.id === this.value);
    return html`${this.renderLabel()}
      <select
        id=${CONTROL_ID}
        ?disabled=${this.locked || !this.loaded}
        aria-readonly=${this.readOnly ? 'true' : nothing}
        aria-required=${this.required ? 'true' : 'false'}
        aria-invalid=${this.ariaInvalidValue}
        aria-describedby=${this.describedBy()}
        data-testid="staff-picker"
        @change=${this.onChange}
      >
        <option value="" .selected=${live(selected < 0)}>${this.placeholder ?? this.t('choose')}</option>
        ${this.options.map((o, i) => html`<option value=${String(o.id)} .selected=${live(i === selected)}>${o.label}</option>`)}
      </select>
      ${this.renderHelp()}${this.renderError()}`;
  }
}

defineWidget('wy-staff-picker-widget', WyStaffPickerWidget);

// integer fields pointing at staff; named by a ui declaration as "staff-picker"
registerWidget({
  name: 'staff-picker',
  tag: 'wy-staff-picker-widget',
  tester: (f) => ((f.type === 'integer' || f.type === 'number') && f['x-ref'] === 'staff' ? 5 : NOT_APPLICABLE),
});

declare global {
  interface HTMLElementTagNameMap {
    'wy-staff-picker-widget': WyStaffPickerWidget;
  }
}
