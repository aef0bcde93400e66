/**
 * 日清日审: the supervisor's board of one project and day — cards, overdue first, then due today,
 * then the rest — with each item's promised time and the last progress told to the resident, and
 * the day's sign-off. Cards rather than a wide table, so it reads on a phone (390 px).
 */
import { LitElement, css, html, nothing } from 'lit';
import {
  api, ApiError, appState, base, caseTypeTitle, formatDateTime, href, I18nController, issueText, projectName, roleTitle, stateTitle,
} from '../../../ui/src/plugin-ui-api.js';
import type { BoardGroup, BoardItem, DailyReview } from '../daily-review.js';
import { dt } from './duty-i18n.js';

export class WyDutyDailyReview extends LitElement {
  static override properties = { query: { attribute: false }, board: { state: true }, error: { state: true }, signError: { state: true }, busy: { state: true } };

  static override styles = [base, css`
    :host { display: block; }
    .bar { display: flex; flex-wrap: wrap; gap: 10px; align-items: flex-end; margin-bottom: 12px; }
    .counts { display: flex; flex-wrap: wrap; gap: 6px; margin: 8px 0 12px; }
    .pill { border-radius: 999px; padding: 2px 10px; background: var(--wy-primary-light); color: var(--wy-primary-dark); font-size: 13px; }
    .pill.danger { background: var(--wy-danger-light); color: var(--wy-danger); }
    h2.group { font-size: 15px; margin: 16px 0 8px; }
    h2.group.g-overdue { color: var(--wy-danger); }
    .cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(300px, 1fr)); gap: 10px; }
    .item { border: 1px solid var(--wy-border); border-left: 4px solid var(--wy-primary); border-radius: var(--wy-radius); background: #fff; padding: 10px 12px; }
    .item.g-overdue { border-left-color: var(--wy-danger); }
    .item.g-dueToday { border-left-color: var(--wy-warn); }
    .head { display: flex; justify-content: space-between; gap: 8px; align-items: baseline; }
    .head a { font-weight: 600; }
    .type { font-size: 12px; color: var(--wy-muted); white-space: nowrap; }
    .title { margin: 4px 0 6px; }
    dl { display: grid; grid-template-columns: auto 1fr; gap: 2px 10px; margin: 0; font-size: 13px; }
    dt { color: var(--wy-muted); }
    dd { margin: 0; }
    .tag { font-size: 12px; border-radius: 4px; padding: 0 6px; margin-left: 4px; background: #fff4e0; color: var(--wy-warn); }
    .tag.danger { background: var(--wy-danger-light); color: var(--wy-danger); }
    .sign textarea { width: 100%; box-sizing: border-box; min-height: 60px; }
    .field-error { color: var(--wy-danger); font-size: 13px; }
    @media (max-width: 600px) { .cards { grid-template-columns: 1fr; } }
  `];

  declare query: URLSearchParams | undefined;
  declare board: DailyReview | null;
  declare error: string | null;
  declare signError: string | null;
  declare busy: boolean;
  #projectId: number | null = null;
  #date: string | null = null;
  #note = '';

  constructor() {
    super();
    new I18nController(this);
    this.board = null;
    this.error = null;
    this.signError = null;
    this.busy = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    const fromQuery = Number(this.query?.get('projectId'));
    this.#projectId = Number.isInteger(fromQuery) && fromQuery > 0 ? fromQuery : (appState().projects[0]?.id ?? null);
    this.#date = this.query?.get('date') ?? null;
    void this.#load();
  }

  async #load(): Promise<void> {
    if (this.#projectId == null) return;
    try {
      this.board = await api.get<DailyReview>('/api/duty-desk/daily-review', { projectId: this.#projectId, ...(this.#date ? { date: this.#date } : {}) });
      this.error = null;
    } catch (e) {
      this.error = dt('loadFailed', { message: e instanceof ApiError && e.issues[0] ? issueText(e.issues[0]).text : (e as Error).message });
    }
  }

  async #sign(): Promise<void> {
    if (!this.board) return;
    this.busy = true;
    try {
      this.board = await api.post<DailyReview>('/api/duty-desk/daily-review/sign', { projectId: this.board.projectId, date: this.board.date, note: this.#note });
      this.signError = null;
    } catch (e) {
      this.signError = e instanceof ApiError && e.issues[0] ? issueText(e.issues[0]).text : (e as Error).message;
    } finally {
      this.busy = false;
    }
  }

  #card(i: BoardItem) {
    return html`<article class="item g-${i.group}" data-group=${i.group} data-case=${i.serial}>
      <div class="head"><a href=${href(`/cases/${i.caseType}/${i.id}`)}>${i.serial}</a><span class="type">${caseTypeTitle(i.caseType)}</span></div>
      ${i.title ? html`<div class="title">${i.title}</div>` : nothing}
      <dl>
        <dt>${dt('state')}</dt><dd>${stateTitle(i.caseType, i.state)}</dd>
        ${i.unitLabel || i.personName ? html`<dt>${dt('household')}</dt><dd>${[i.unitLabel, i.personName].filter(Boolean).join(' · ')}</dd>` : nothing}
        <dt>${dt('assignee')}</dt><dd>${i.assigneeName ?? (i.assigneeRole ? roleTitle(i.assigneeRole) : dt('none'))}</dd>
        <dt>${dt('dueAt')}</dt><dd class=${i.overdue && !i.promiseMissed ? 'overdue' : ''}>${i.dueAt ? formatDateTime(i.dueAt) : dt('none')}</dd>
        <dt>${dt('promisedAt')}</dt><dd>${i.promisedAt ? formatDateTime(i.promisedAt) : dt('none')}${i.postponed ? html`<span class="tag">${dt('postponed')}</span>` : nothing}${i.promiseMissed ? html`<span class="tag danger">${dt('promiseMissed')}</span>` : nothing}</dd>
        <dt>${dt('lastTold')}</dt><dd>${i.lastToldAt ? formatDateTime(i.lastToldAt) : html`<span class="muted">${dt('neverTold')}</span>`}</dd>
      </dl>
    </article>`;
  }

  #group(group: BoardGroup, items: BoardItem[]) {
    const mine = items.filter((i) => i.group === group);
    if (!mine.length) return nothing;
    return html`<h2 class="group g-${group}">${dt(`group_${group}`)}（${mine.length}）</h2><div class="cards">${mine.map((i) => this.#card(i))}</div>`;
  }

  override render() {
    const projects = appState().projects;
    const b = this.board;
    return html`
      <h1>${dt('boardTitle')}</h1>
      <div class="bar">
        <label>${dt('project')}
          <select @change=${(e: Event) => { this.#projectId = Number((e.target as HTMLSelectElement).value); void this.#load(); }}>
            ${projects.map((p) => html`<option value=${p.id} ?selected=${p.id === this.#projectId}>${projectName(p.id)}</option>`)}
          </select></label>
        <label>${dt('date')}<input type="date" .value=${b?.date ?? this.#date ?? ''} @change=${(e: Event) => { this.#date = (e.target as HTMLInputElement).value || null; void this.#load(); }}></label>
        <button @click=${() => this.#load()}>${dt('refresh')}</button>
      </div>
      ${this.error ? html`<div class="error-box">${this.error}</div>` : nothing}
      ${b ? html`
        <div class="counts">
          <span class="pill">${dt('openCount', { count: b.counts.open })}</span>
          <span class="pill ${b.counts.overdue ? 'danger' : ''}">${dt('overdueCount', { count: b.counts.overdue })}</span>
          <span class="pill">${dt('dueTodayCount', { count: b.counts.dueToday })}</span>
          <span class="pill">${dt('promisedCount', { count: b.counts.promised })}</span>
          <span class="pill">${dt('notToldCount', { count: b.counts.notToldToday })}</span>
        </div>
        ${b.items.length ? html`${this.#group('overdue', b.items)}${this.#group('dueToday', b.items)}${this.#group('open', b.items)}` : html`<p class="muted">${dt('empty')}</p>`}
        ${b.truncated ? html`<p class="muted">${dt('truncated', { count: b.items.length })}</p>` : nothing}
        <section class="card sign" style="margin-top:16px">
          <h3>${dt('signTitle')}</h3>
          ${b.signOff
            ? html`<p class="signed">${dt('signedBy', { name: b.signOff.signedByName ?? '', time: formatDateTime(b.signOff.signedAt) })}</p><p>${b.signOff.note}</p><p class="muted">${dt('signedCounts', { open: b.signOff.openCount, overdue: b.signOff.overdueCount })}</p>`
            : html`<p class="muted">${dt('notSigned')}</p>
              <label style="display:flex">${dt('signNote')}<textarea name="note" maxlength="1000" @input=${(e: Event) => { this.#note = (e.target as HTMLTextAreaElement).value; }}></textarea></label>
              ${this.signError ? html`<p class="field-error">${this.signError}</p>` : nothing}
              <p><button class="primary" ?disabled=${this.busy} @click=${() => this.#sign()}>${dt('sign')}</button></p>`}
        </section>` : nothing}
    `;
  }
}
customElements.define('wy-duty-daily-review', WyDutyDailyReview);
