import { css, html, nothing } from 'lit';
import { renderField } from '../render-field.js';
import { fieldStyles } from '../styles.js';
import { gridStyles } from './container-styles.js';
import { defineWidget, WyWidget } from './widget-base.js';

/**
 * A nested object field as a `<fieldset>` section: its legend is the field's label and its
 * properties are rendered with the widgets the registry picks, each with its own rules and errors.
 *
 * @fires wy-field-change - (from its child widgets) detail `{ pointer, value }`
 */
export class WyObjectWidget extends WyWidget {
  static override styles = [
    fieldStyles,
    gridStyles,
    css`
      fieldset.group {
        border: 1px solid var(--wy-border, #c3c8d0);
        border-radius: var(--wy-radius, 4px);
        padding: 8px 12px 12px;
        background: var(--wy-bg-subtle, #f5f6f8);
      }
      fieldset.group > legend {
        padding: 0 4px;
      }
    `,
  ];

  protected override get wide(): boolean {
    return true;
  }

  override render() {
    const host = this.host;
    const children = host ? host.model.childRefs(this.fieldRef) : [];
    return html`<fieldset class="group" aria-describedby=${this.describedBy()}>
      <legend class="label">${this.label}${this.requiredMark()}</legend>
      ${this.renderHelp()}${this.renderError()}
      <div class="grid">${host ? children.map((child) => renderField(host, child)) : nothing}</div>
    </fieldset>`;
  }
}

defineWidget('wy-object-widget', WyObjectWidget);

declare global {
  interface HTMLElementTagNameMap {
    'wy-object-widget': WyObjectWidget;
  }
}
