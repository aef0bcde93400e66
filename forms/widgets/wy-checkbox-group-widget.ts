import { html } from 'lit';
import { live } from 'lit/directives/live.js';
import { enumLabel } from '../form-model.js';
import { CONTROL_ID, defineWidget, WyWidget } from './widget-base.js';

/**
 * An array of enum values as a group of checkboxes (a checklist). The value lists the ticked
 * options in the declaration's order; nothing ticked removes the value.
 *
 * @fires wy-field-change - detail `{ pointer, value }` on every edit
 */
export class WyCheckboxGroupWidget extends WyWidget {
  protected override get wide(): boolean {
    return this.options.length > 4;
  }

  private get options(): unknown[] {
    const items = this.field.items;
    return items && Array.isArray(items.enum) ? items.enum : [];
  }

  private get selected(): unknown[] {
    return Array.isArray(this.value) ? this.value : [];
  }

  private toggle(option: unknown, on: boolean): void {
    const chosen = new Set(this.selected);
    if (on) chosen.add(option);
    else chosen.delete(option);
    const next = this.options.filter((o) => chosen.has(o));
    this.emit(next.length ? next : undefined);
  }

  override render() {
    const describedBy = this.describedBy();
    const selected = this.selected;
    return html`<fieldset>
      <legend class="label">${this.label}${this.requiredMark()}</legend>
      <div class="options">
        ${this.options.map((o, i) => {
          const id = i === 0 ? CONTROL_ID : `option-${i}`;
          return html`<span class="option">
            <input
              id=${id}
              type="checkbox"
              .checked=${live(selected.includes(o))}
              ?disabled=${this.locked}
              aria-invalid=${this.ariaInvalidValue}
              aria-describedby=${describedBy}
              @change=${(e: Event) => this.toggle(o, (e.target as HTMLInputElement).checked)}
            /><label for=${id}>${enumLabel(this.field, o, this.language)}</label>
          </span>`;
        })}
      </div>
      ${this.renderHelp()}${this.renderError()}
    </fieldset>`;
  }
}

defineWidget('wy-checkbox-group-widget', WyCheckboxGroupWidget);

declare global {
  interface HTMLElementTagNameMap {
    'wy-checkbox-group-widget': WyCheckboxGroupWidget;
  }
}
