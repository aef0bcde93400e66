import { LitElement, css, html } from 'lit';
import { caseTypeTitle, projectName, roleTitle } from '../app-state.js';
import { formatDateTime } from '../format.js';
import { I18nController, loc, t } from '../i18n.js';
import { caseHref } from '../router.js';
import { base } from '../styles.js';
import type { CaseView } from '../types.js';
import './wy-countdown.js';
import './wy-ref-label.js';
import { dt } from './dispatch-i18n.js';

/** Rows of cases: serial, (type,) (unit and resident,) subject, state, project, assigned role, deadline countdown. */
export class WyCaseTable extends LitElement {
  static override properties = {
    items: { attribute: false },
    showType: { type: Boolean, attribute: 'show-type' },
    showHousehold: { type: Boolean, attribute: 'show-household' },
    emptyText: { type: String, attribute: 'empty-text' },
    caption: { type: String },
  };

  static override styles = [base, css`
    :host { display: block; overflow-x: auto; }
    td.nowrap { white-space: nowrap; }
    td.subject { max-width: 420px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
    tr.overdue-row td:first-child { box-shadow: inset 3px 0 0 var(--wy-danger); }
    .empty { padding: 24px; text-align: center; color: var(--wy-muted); }
    /* on a phone each case is a small card: label and value per line, nothing to scroll sideways */
    @media (max-width: 640px) {
      table, tbody, tr, td { display: block; width: 100%; }
      thead { display: none; }
      tr { border-bottom: 1px solid var(--wy-border); padding: 8px 0; }
      td { border: none; padding: 2px 4px; display: flex; gap: 10px; }
      td[data-label]::before { content: attr(data-label); color: var(--wy-muted); font-size: 13px; flex: 0 0 4.5em; }
      td.key { font-weight: 600; }
      td.subject { max-width: none; white-space: normal; }
      tr.overdue-row td:first-child { box-shadow: none; }
      tr.overdue-row { box-shadow: inset 3px 0 0 var(--wy-danger); }
    }
  `];

  declare items: CaseView[];
  declare showType: boolean;
  /** 房号 and 住户 columns (rows carry unitLabel / personName) */
  declare showHousehold: boolean;
  declare emptyText: string;
  declare caption: string;

  constructor() {
    super();
    new I18nController(this);
    this.items = [];
    this.showType = false;
    this.showHousehold = false;
    this.emptyText = '';
    this.caption = '';
  }

  override render() {
    if (!this.items.length) return html`<div class="empty" role="status">${this.emptyText || t('listEmpty')}</div>`;
    return html`
      <table>
        ${this.caption ? html`<caption class="visually-hidden">${this.caption}</caption>` : null}
        <thead>
          <tr>
            <th scope="col">${t('colSerial')}</th>
            ${this.showType ? html`<th scope="col">${t('colType')}</th>` : null}
            ${this.showHousehold ? html`<th scope="col">${t('colUnit')}</th><th scope="col">${t('colPerson')}</th>` : null}
            <th scope="col">${t('colTitle')}</th>
            <th scope="col">${t('colState')}</th>
            <th scope="col">${t('colProject')}</th>
            <th scope="col">${t('colAssignee')}</th>
            <th scope="col">${t('colDeadline')}</th>
            <th scope="col">${t('colCreated')}</th>
          </tr>
        </thead>
        <tbody>
          ${this.items.map((c) => html`
            <tr class=${c.overdue ? 'overdue-row' : ''} data-serial=${c.serial}>
              <td class="key"><a class="serial" href=${caseHref(c.caseType, c.id)}>${c.serial}</a></td>
              ${this.showType ? html`<td class="nowrap" data-label=${t('colType')}>${c.caseTypeTitle ? loc(c.caseTypeTitle) : caseTypeTitle(c.caseType)}</td>` : null}
              ${this.showHousehold ? html`<td class="nowrap" data-col="unit" data-label=${t('colUnit')}>${c.unitLabel ?? ''}</td><td class="nowrap" data-col="person" data-label=${t('colPerson')}>${c.personName ?? ''}</td>` : null}
              <td class="subject" title=${c.title ?? ''} data-label=${t('colTitle')}>${c.title ?? ''}</td>
              <td data-label=${t('colState')}><span class="badge ${c.final ? 'final' : ''}">${loc(c.stateTitle) || c.state}</span></td>
              <td data-label=${t('colProject')}>${projectName(c.projectId)}</td>
              <td data-label=${t('colAssignee')}>${roleTitle(c.assigneeRole)}${c.assigneeId != null ? html`<br><span class="muted" data-testid="assignee-name">${dt('assignee')}：<wy-ref-label kind="staff" .refId=${c.assigneeId}></wy-ref-label></span>` : null}</td>
              <td data-label=${t('colDeadline')}>${c.final ? html`<span class="muted">—</span>` : html`<wy-countdown .due=${c.nextDueAt} .overdue=${c.overdue}></wy-countdown>`}</td>
              <td class="muted" data-label=${t('colCreated')}>${formatDateTime(c.createdAt)}</td>
            </tr>`)}
        </tbody>
      </table>
    `;
  }
}

customElements.define('wy-case-table', WyCaseTable);

declare global {
  interface HTMLElementTagNameMap {
    'wy-case-table': WyCaseTable;
  }
}
