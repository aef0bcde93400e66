import { LitElement, css, html } from 'lit';
import { caseTypeTitle, projectName, roleTitle } from '../app-state.js';
import { formatDateTime } from '../format.js';
import { I18nController, loc, t } from '../i18n.js';
import { caseHref } from '../router.js';
import { base } from '../styles.js';
import type { CaseView } from '../types.js';
import './wy-countdown.js';

/** Rows of cases: serial, (type,) subject, state, project, assigned role, deadline countdown. */
export class WyCaseTable extends LitElement {
  static override properties = {
    items: { attribute: false },
    showType: { type: Boolean, attribute: 'show-type' },
    emptyText: { type: String, attribute: 'empty-text' },
    caption: { type: String },
  };

  static override styles = [base, css`
    :host { display: block; overflow-x: auto; }
    td.subject { max-width: 420px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
    tr.overdue-row td:first-child { box-shadow: inset 3px 0 0 var(--wy-danger); }
    .empty { padding: 24px; text-align: center; color: var(--wy-muted); }
  `];

  declare items: CaseView[];
  declare showType: boolean;
  declare emptyText: string;
  declare caption: string;

  constructor() {
    super();
    new I18nController(this);
    this.items = [];
    this.showType = false;
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
              <td><a class="serial" href=${caseHref(c.caseType, c.id)}>${c.serial}</a></td>
              ${this.showType ? html`<td>${c.caseTypeTitle ? loc(c.caseTypeTitle) : caseTypeTitle(c.caseType)}</td>` : null}
              <td class="subject" title=${c.title ?? ''}>${c.title ?? ''}</td>
              <td><span class="badge ${c.final ? 'final' : ''}">${loc(c.stateTitle) || c.state}</span></td>
              <td>${projectName(c.projectId)}</td>
              <td>${roleTitle(c.assigneeRole)}</td>
              <td>${c.final ? html`<span class="muted">—</span>` : html`<wy-countdown .due=${c.nextDueAt} .overdue=${c.overdue}></wy-countdown>`}</td>
              <td class="muted">${formatDateTime(c.createdAt)}</td>
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
