import { LitElement, css, html, nothing } from 'lit';
import { caseTypeInfo, followUpFormName, formDeclaration, roleTitle, stateTitle } from '../app-state.js';
import { formatDateTime } from '../format.js';
import { I18nController, loc, t, tOr } from '../i18n.js';
import { base } from '../styles.js';
import { dt } from './dispatch-i18n.js';
import type { CaseEventView, DeadlineView } from '../types.js';
import './wy-field-list.js';

/** The case's event log, oldest first: who did what, when, the state it led to and what they entered. */
export class WyCaseTimeline extends LitElement {
  static override properties = {
    caseType: { type: String, attribute: 'case-type' },
    events: { attribute: false },
    deadlines: { attribute: false },
  };

  static override styles = [base, css`
    :host { display: block; }
    ol { list-style: none; margin: 0; padding: 0 0 0 14px; border-left: 2px solid var(--wy-border); }
    li { position: relative; padding: 0 0 14px 12px; }
    li::before {
      content: ''; position: absolute; left: -21px; top: 4px; width: 10px; height: 10px; border-radius: 50%;
      background: var(--wy-primary); border: 2px solid #fff; box-shadow: 0 0 0 1px var(--wy-primary);
    }
    li.late::before { background: var(--wy-danger); box-shadow: 0 0 0 1px var(--wy-danger); }
    li.system::before { background: #90a4ae; box-shadow: 0 0 0 1px #90a4ae; }
    .head { display: flex; flex-wrap: wrap; gap: 4px 10px; align-items: baseline; }
    .what { font-weight: 600; }
    .when { font-size: 12px; }
    wy-field-list { margin-top: 6px; }
  `];

  declare caseType: string;
  declare events: CaseEventView[];
  declare deadlines: DeadlineView[];

  constructor() {
    super();
    new I18nController(this);
    this.caseType = '';
    this.events = [];
    this.deadlines = [];
  }

  #what(e: CaseEventView): string {
    const data = e.data ?? {};
    switch (e.type) {
      case 'created': return t('eventCreated');
      case 'transition': return loc(e.transitionTitle) || loc(caseTypeInfo(this.caseType)?.transitions[e.transition ?? '']?.title) || e.transition || e.type;
      case 'overdue': {
        const key = String(data.deadline ?? '');
        return t('eventOverdue', { deadline: loc(this.deadlines.find((d) => d.key === key)?.title) || key });
      }
      case 'followUpScheduled': return t('eventFollowUpScheduled', { t: formatDateTime(String(data.dueAt ?? '')) });
      default: return tOr(`event_${e.type}`, e.type);
    }
  }

  #details(e: CaseEventView) {
    const data = e.data ?? {};
    if (e.type === 'overdue' && data.escalatedTo && data.escalatedTo !== data.escalatedFrom) {
      return html`<div class="overdue">${t('escalation', { from: roleTitle(String(data.escalatedFrom ?? '')), to: roleTitle(String(data.escalatedTo)) })}</div>`;
    }
    if (e.type === 'followUpScheduled') {
      const method = String(data.method ?? '');
      const roles = Array.isArray(data.roles) ? data.roles.map((r) => roleTitle(String(r))).join('、') : '';
      return html`<div class="muted">${method === 'onSite' ? t('methodOnSite') : method === 'phone' ? t('methodPhone') : method} · ${roles}</div>`;
    }
    if (e.type === 'assigned') {
      // who has the job now, from whom, and why (a reassignment always carries its reason)
      const to = data.toName ? String(data.toName) : roleTitle(String(data.role ?? ''));
      const line = data.fromName ? dt('assignedFromLine', { from: String(data.fromName), to }) : dt('assignedLine', { to });
      return html`<div class="muted">${line}${data.reason ? html` · ${dt('reasonLine', { reason: String(data.reason) })}` : nothing}</div>`;
    }
    if (e.type !== 'transition') return null;
    if (data.result && typeof data.result === 'object') {
      const form = formDeclaration(this.caseType, followUpFormName(this.caseType));
      return html`<wy-field-list compact .form=${form} .data=${data.result as Record<string, unknown>}></wy-field-list>`;
    }
    const formName = caseTypeInfo(this.caseType)?.transitions[e.transition ?? '']?.form;
    const form = formDeclaration(this.caseType, formName);
    if (!form) return null;
    return html`<wy-field-list compact .form=${form} .data=${data}></wy-field-list>`;
  }

  override render() {
    if (!this.events.length) return html`<p class="muted">${t('none')}</p>`;
    return html`<ol>
      ${this.events.map((e) => {
        const system = e.actorId == null && e.type !== 'created';
        const to = e.toState && e.toState !== e.fromState ? (loc(e.toStateTitle) || stateTitle(this.caseType, e.toState)) : '';
        return html`<li class=${e.type === 'overdue' ? 'late' : system ? 'system' : ''} data-event=${e.type}>
          <div class="head">
            <span class="what">${this.#what(e)}</span>
            ${to ? html`<span class="badge">${t('eventTo', { state: to })}</span>` : null}
            <span class="muted">${e.actorName ?? (system ? t('eventSystem') : '')}${e.actorRole ? ` · ${loc(e.actorRoleTitle) || roleTitle(e.actorRole)}` : ''}</span>
            <time class="when muted" datetime=${e.createdAt}>${formatDateTime(e.createdAt)}</time>
          </div>
          ${this.#details(e)}
        </li>`;
      })}
    </ol>`;
  }
}

customElements.define('wy-case-timeline', WyCaseTimeline);

declare global {
  interface HTMLElementTagNameMap {
    'wy-case-timeline': WyCaseTimeline;
  }
}
