import { LitElement, css, html, type PropertyValues } from 'lit';
import { api } from '../api.js';
import { appState, caseTypeInfo, caseTypeTitle, formDeclaration, projectName, roleTitle } from '../app-state.js';
import { renderValue } from '../field-values.js';
import { formatDateTime } from '../format.js';
import { I18nController, loc, t } from '../i18n.js';
import { href } from '../router.js';
import { unitLabel } from '../services.js';
import { base } from '../styles.js';
import type { CaseDetail, FormSchema, UnitDetail } from '../types.js';

/** The top of a case: serial, type, state, assigned role, project, household, severity and times. */
export class WyCaseHeader extends LitElement {
  static override properties = {
    detail: { attribute: false },
    unit: { state: true },
  };

  static override styles = [base, css`
    :host { display: block; }
    .title { display: flex; flex-wrap: wrap; align-items: center; gap: 8px 14px; margin-bottom: 12px; }
    .title h1 { margin: 0; }
    .state { font-size: 14px; padding: 3px 12px; }
    dl { display: grid; grid-template-columns: repeat(auto-fill, minmax(200px, 1fr)); gap: 10px 20px; margin: 0; }
    dt { font-size: 12px; color: var(--wy-muted); }
    dd { margin: 2px 0 0; }
  `];

  declare detail: CaseDetail | null;
  declare unit: { label: string; people: UnitDetail['people'] } | null;

  constructor() {
    super();
    new I18nController(this);
    this.detail = null;
    this.unit = null;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const before = changed.get('detail') as CaseDetail | null | undefined;
    if (changed.has('detail') && this.detail?.unitId && this.detail.unitId !== before?.unitId) void this.#loadUnit(this.detail.unitId);
  }

  async #loadUnit(id: number) {
    try {
      const u = await api.get<UnitDetail>(`/api/units/${id}`);
      this.unit = { label: await unitLabel(u), people: u.people };
    } catch {
      this.unit = null;
    }
  }

  #severity(d: CaseDetail) {
    const info = caseTypeInfo(d.caseType);
    const field = info?.severityField;
    if (!d.severity || !field) return d.severity ?? '';
    let schema: FormSchema | undefined = info.form.schema.properties?.[field];
    for (const tr of Object.values(info.transitions)) {
      if (schema) break;
      schema = formDeclaration(d.caseType, tr.form)?.schema.properties?.[field];
    }
    const v = renderValue(schema, d.severity);
    return typeof v === 'string' ? v : d.severity;
  }

  override render() {
    const d = this.detail;
    if (!d) return null;
    const { me } = appState();
    const person = this.unit?.people.find((p) => p.personId === d.personId);
    return html`
      <div class="title">
        <h1><span class="serial" data-testid="case-serial">${d.serial}</span> · ${caseTypeTitle(d.caseType)}</h1>
        <span class="badge state ${d.final ? 'final' : ''}" data-testid="case-state">${loc(d.stateTitle) || d.state}</span>
        ${d.overdue ? html`<span class="badge danger">${t('overdueBy', { d: '' }).trim()}</span>` : null}
      </div>
      <dl>
        <div><dt>${t('assignee')}</dt><dd data-testid="case-assignee">${roleTitle(d.assigneeRole) || '—'}${d.assigneeId != null && d.assigneeId === me.id ? ` ${t('assignedToMe')}` : ''}</dd></div>
        <div><dt>${t('project')}</dt><dd>${projectName(d.projectId)}</dd></div>
        <div><dt>${t('unit')}</dt><dd>${d.unitId ? html`<a href=${href(`/units/${d.unitId}`)}>${this.unit?.label ?? `#${d.unitId}`}</a>` : '—'}</dd></div>
        <div><dt>${t('person')}</dt><dd>${person ? `${person.name ?? ''}${person.phone ? `（${person.phone}）` : ''}` : d.personId ? `#${d.personId}` : '—'}</dd></div>
        ${d.severity && caseTypeInfo(d.caseType)?.severityField ? html`<div><dt>${t('severity')}</dt><dd>${this.#severity(d)}</dd></div>` : null}
        <div><dt>${t('created')}</dt><dd>${formatDateTime(d.createdAt)}</dd></div>
        ${d.closedAt ? html`<div><dt>${t('closedAt')}</dt><dd>${formatDateTime(d.closedAt)}</dd></div>` : html`<div><dt>${t('updated')}</dt><dd>${formatDateTime(d.updatedAt)}</dd></div>`}
      </dl>
    `;
  }
}

customElements.define('wy-case-header', WyCaseHeader);

declare global {
  interface HTMLElementTagNameMap {
    'wy-case-header': WyCaseHeader;
  }
}
