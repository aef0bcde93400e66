import { css, html, nothing, type PropertyValues } from 'lit';
import { WyWidget, defineWidget, registerWidget, renderField, type FieldSchema } from '../../../../forms/index.js';
import { pt } from './plugin-settings-i18n.js';
import { KEY } from './settings-form.js';

/** Cell widgets keep their label for screen readers; the table's header shows it once. */
const cellLabels = new CSSStyleSheet();
cellLabels.replaceSync('.label { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; } .help, .counter { display: none; } :host { margin: 0; }');


/**
 * A list of settings rows as a table (a price list, a penalty table, a checklist): one column per
 * field of a row, a header with the fields' labels, a remove button per row and an add button.
 * Each cell is the field's own widget (`renderField`), so checks and errors work as anywhere in
 * `<wy-form>`. The `_key` column (a row's code) is kept in the row but not shown; a column's
 * help is the header cell's tooltip.
 * On a narrow screen the table scrolls sideways inside its box; the page does not.
 *
 * @fires wy-field-change - detail `{ pointer, value }`: the whole list when a row is added or removed
 */
export class WySettingsTableWidget extends WyWidget {
  static override styles = [css`
    :host { display: block; grid-column: 1 / -1; font: inherit; }
    fieldset { border: 1px solid var(--wy-border, #c3c8d0); border-radius: var(--wy-radius, 4px); padding: 8px 12px 10px; margin: 0; min-width: 0; }
    legend { font-size: 13px; font-weight: 600; padding: 0 4px; }
    .help { color: var(--wy-muted, #5c6370); font-size: 12px; margin: 0 0 6px; }
    .scroll { overflow-x: auto; position: relative; }
    td.cell { position: relative; }
    table { border-collapse: collapse; width: 100%; }
    th { text-align: start; font-size: 12px; font-weight: 600; color: var(--wy-muted, #5c6370); padding: 4px 6px; border-bottom: 1px solid var(--wy-border, #c3c8d0); white-space: nowrap; }
    td { padding: 4px 6px; vertical-align: top; border-bottom: 1px dashed var(--wy-border, #e1e4e8); min-width: 90px; }
    td.wide { min-width: 240px; }
    td.text { min-width: 150px; }
    td.no { min-width: 0; color: var(--wy-muted, #5c6370); padding-top: 10px; font-variant-numeric: tabular-nums; }
    td.act { min-width: 0; }
    button { white-space: nowrap; font: inherit; min-height: 32px; padding: 0 10px; border: 1px solid var(--wy-border, #c3c8d0); border-radius: var(--wy-radius, 4px); background: var(--wy-bg, #fff); cursor: pointer; }
    button:disabled { opacity: .5; cursor: default; }
    .footer { margin-top: 8px; display: flex; gap: 10px; align-items: center; }
    .sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
    .error { color: var(--wy-error, #c4281c); font-size: 12px; margin-top: 4px; }
  `];

  protected override get wide(): boolean {
    return true;
  }

  private get rows(): unknown[] {
    return Array.isArray(this.value) ? this.value : [];
  }

  private columns(): { name: string; schema: FieldSchema }[] {
    const items = this.field.items as FieldSchema | undefined;
    return Object.entries((items?.properties ?? {}) as Record<string, FieldSchema>).filter(([name]) => name !== KEY).map(([name, schema]) => ({ name, schema }));
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    // the cells are widgets with their own shadow roots: hide their visible labels (the header has them)
    for (const cell of this.renderRoot.querySelectorAll<HTMLElement>('td.cell > *')) {
      const root = cell.shadowRoot;
      if (root && !root.adoptedStyleSheets.includes(cellLabels)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, cellLabels];
    }
  }

  private addRow(): void {
    this.emit([...this.rows, {}]);
  }

  private removeRow(index: number): void {
    this.emit(this.rows.filter((_, i) => i !== index));
  }

  override render() {
    const host = this.host;
    const rows = this.rows;
    const cols = this.columns();
    const max = this.field.maxItems;
    const min = this.field.minItems ?? 0;
    return html`<fieldset aria-describedby=${this.describedBy()}>
      <legend>${this.label}${this.requiredMark()}</legend>
      ${this.help ? html`<p class="help" id="help">${this.help}</p>` : nothing}
      <div class="scroll">
        <table>
          <thead><tr><th aria-hidden="true"></th>${cols.map((c) => html`<th scope="col" title=${this.columnHelp(c.name) ?? nothing}>${this.columnLabel(c.name)}</th>`)}<th><span class="sr">${pt('actions')}</span></th></tr></thead>
          <tbody>
            ${host
              ? rows.map((_, i) => {
                  const item = host.model.itemRef(this.fieldRef, i);
                  const children = host.model.childRefs(item).filter((ref) => cols.some((c) => c.name === ref.name));
                  return html`<tr data-row=${i}>
                    <td class="no">${i + 1}</td>
                    ${children.map((ref) => html`<td class="cell ${cellClass(ref.schema as FieldSchema, host.view(ref).widget?.name)}">${renderField(host, ref)}</td>`)}
                    <td class="act">${this.locked ? nothing : html`<button type="button" class="remove" aria-label=${pt('removeRowOf', { n: i + 1 })} ?disabled=${rows.length <= min} @click=${() => this.removeRow(i)}>${pt('removeRow')}</button>`}</td>
                  </tr>`;
                })
              : nothing}
          </tbody>
        </table>
      </div>
      <div class="footer">
        ${this.locked ? nothing : html`<button type="button" class="add" ?disabled=${max !== undefined && rows.length >= max} @click=${this.addRow}>${pt('addRow')}</button>`}
      </div>
      ${this.error ? html`<div class="error" id="error">${this.error}</div>` : nothing}
    </fieldset>`;
  }

  private columnHelp(name: string): string | undefined {
    const items = this.field.items as FieldSchema | undefined;
    const help = (items?.properties as Record<string, Record<string, unknown>> | undefined)?.[name]?.['x-help'] as Record<string, string> | undefined;
    return (this.language === 'en' ? help?.en : undefined) ?? help?.['zh-CN'];
  }

  private columnLabel(name: string): string {
    const items = this.field.items as FieldSchema | undefined;
    const schema = (items?.properties as Record<string, Record<string, unknown>> | undefined)?.[name];
    const label = schema?.['x-label'] as Record<string, string> | undefined;
    return (this.language === 'en' ? label?.en : undefined) ?? label?.['zh-CN'] ?? (schema?.title as string | undefined) ?? '';
  }
}

/** Wider cells for text areas and free texts, so a checklist or a title is readable. */
function cellClass(schema: FieldSchema, widget: string | undefined): string {
  if (widget === 'textarea') return 'wide';
  return schema.type === 'string' && !schema.enum && !schema.pattern ? 'text' : '';
}

defineWidget('wy-settings-table-widget', WySettingsTableWidget);
registerWidget({
  name: 'settings-table',
  tag: 'wy-settings-table-widget',
  container: true,
  // never chosen by itself (forms keep their repeating rows): the settings editor's ui names it
  tester: (field) => (field.type === 'array' && (field.items as FieldSchema | undefined)?.type === 'object' ? 0 : -1),
});

declare global {
  interface HTMLElementTagNameMap {
    'wy-settings-table-widget': WySettingsTableWidget;
  }
}
