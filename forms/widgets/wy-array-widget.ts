import { css, html, nothing, type PropertyValues } from 'lit';
import { renderField } from '../render-field.js';
import { fieldStyles } from '../styles.js';
import { gridStyles } from './container-styles.js';
import { defineWidget, WyWidget } from './widget-base.js';

/**
 * An array field as repeating rows (e.g. meter readings): each row shows the item's fields (or the
 * item's own widget for an array of plain values) and a remove button; an add button appends a
 * row until maxItems is reached, and rows cannot be removed below minItems. The new row's first
 * field gets the focus.
 *
 * @fires wy-field-change - detail `{ pointer, value }`: the whole array when a row is added or removed
 */
export class WyArrayWidget extends WyWidget {
  static override styles = [
    fieldStyles,
    gridStyles,
    css`
      fieldset.rows {
        border: 1px solid var(--wy-border, #c3c8d0);
        border-radius: var(--wy-radius, 4px);
        padding: 8px 12px 10px;
      }
      fieldset.rows > legend {
        padding: 0 4px;
      }
      .count {
        font-weight: 400;
        color: var(--wy-muted, #5c6370);
        margin-inline-start: 6px;
      }
      .row {
        display: flex;
        gap: 8px;
        align-items: flex-start;
        padding: 8px 0;
        border-top: 1px dashed var(--wy-border, #c3c8d0);
      }
      .row:first-of-type {
        border-top: 0;
      }
      .row-no {
        flex: none;
        min-width: 1.6em;
        padding-top: 24px;
        color: var(--wy-muted, #5c6370);
        font-variant-numeric: tabular-nums;
        text-align: right;
      }
      .row-body {
        flex: 1;
        min-width: 0;
      }
      .row-actions {
        flex: none;
        padding-top: 22px;
      }
      .footer {
        display: flex;
        align-items: center;
        gap: 10px;
        margin-top: 6px;
      }
      .add::before {
        content: '+ ';
      }
    `,
  ];

  private pendingFocusRow: number | undefined;

  protected override get wide(): boolean {
    return true;
  }

  private get rows(): unknown[] {
    return Array.isArray(this.value) ? this.value : [];
  }

  private get itemIsObject(): boolean {
    return this.field.items?.type === 'object';
  }

  private newItem(): unknown {
    const items = this.field.items;
    if (items?.default !== undefined) return structuredClone(items.default);
    if (items?.type === 'object') return {};
    if (items?.type === 'array') return [];
    return null;
  }

  private addRow(): void {
    const rows = this.rows;
    this.pendingFocusRow = rows.length;
    this.emit([...rows, this.newItem()]);
  }

  private removeRow(index: number): void {
    const rows = this.rows.filter((_, i) => i !== index);
    this.pendingFocusRow = undefined;
    this.emit(rows.length ? rows : undefined);
    // keep the keyboard user in the list: the row that moved up, or the add button
    void this.updateComplete.then(() => {
      const next = this.renderRoot.querySelector<HTMLElement>(`[data-row="${Math.min(index, rows.length - 1)}"] .remove`) ?? this.renderRoot.querySelector<HTMLElement>('.add');
      next?.focus();
    });
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (this.pendingFocusRow === undefined) return;
    const row = this.renderRoot.querySelector(`[data-row="${this.pendingFocusRow}"]`);
    const first = row?.querySelector<HTMLElement & { updateComplete?: Promise<unknown> }>('[data-pointer]');
    if (first) {
      this.pendingFocusRow = undefined;
      // the row's widget renders after this element: focus it once it has a control to delegate to
      void (first.updateComplete ?? Promise.resolve()).then(() => first.focus());
    }
  }

  override render() {
    const host = this.host;
    const rows = this.rows;
    const max = this.field.maxItems;
    const min = this.field.minItems ?? 0;
    const full = max !== undefined && rows.length >= max;
    return html`<fieldset class="rows" aria-describedby=${this.describedBy()}>
      <legend class="label">
        ${this.label}${this.requiredMark()}<span class="count">${max !== undefined ? `${rows.length}/${max}` : this.t('rows', { n: rows.length })}</span>
      </legend>
      ${this.renderHelp()}
      ${host
        ? rows.map((_, i) => {
            const item = host.model.itemRef(this.fieldRef, i);
            const rowLabel = `${this.label} ${this.t('row', { n: i + 1 })}`;
            return html`<div class="row" data-row=${i} role="group" aria-label=${rowLabel}>
              <span class="row-no" aria-hidden="true">${i + 1}</span>
              <div class="row-body">
                ${this.itemIsObject
                  ? html`<div class="grid">${host.model.childRefs(item).map((child) => renderField(host, child))}</div>`
                  : renderField(host, item)}
              </div>
              ${this.locked
                ? nothing
                : html`<div class="row-actions">
                    <button type="button" class="remove" aria-label=${this.t('removeRowLabel', { n: i + 1 })} ?disabled=${rows.length <= min} @click=${() => this.removeRow(i)}>
                      ${this.t('removeRow')}
                    </button>
                  </div>`}
            </div>`;
          })
        : nothing}
      <div class="footer">
        ${this.locked ? nothing : html`<button type="button" class="add" ?disabled=${full} @click=${this.addRow}>${this.t('addRow')}</button>`}
        ${full && !this.locked ? html`<span class="help">${this.t('maxRows', { n: max! })}</span>` : nothing}
      </div>
      ${this.renderError()}
    </fieldset>`;
  }
}

defineWidget('wy-array-widget', WyArrayWidget);

declare global {
  interface HTMLElementTagNameMap {
    'wy-array-widget': WyArrayWidget;
  }
}
