/**
 * On a case page: the time promised to the resident (约定完成时间) with 改约, and 告知进度 — a
 * recorded step each time the resident is told of the progress — for a case of any type
 * (core/cases/promises.ts). The server checks the company's rules (at most N days after
 * registration, postponed at most M times); its refusal is shown on the time field in words.
 */
import { LitElement, css, html, nothing } from 'lit';
import { api, ApiError } from '../api.js';
import { formatDateTime, TIME_ZONE } from '../format.js';
import { addMessages, I18nController, translate, type Params } from '../i18n.js';
import { issueText } from '../issue-text.js';
import { base } from '../styles.js';
import type { CaseDetail } from '../types.js';
import type { CasePromiseView, ProgressChannel, PromiseStep } from '../../../core/http/api-types.js';
import zh from './case-promise/messages/zh-CN.json' with { type: 'json' };
import en from './case-promise/messages/en.json' with { type: 'json' };

addMessages('case-promise', { 'zh-CN': zh, en });
// the wording of the promise refusals (issue codes promise-*), read by issueText
const errorsOf = (table: Record<string, string>) => Object.fromEntries(Object.entries(table).filter(([k]) => k.startsWith('error.')).map(([k, v]) => [k.slice('error.'.length), v]));
addMessages('errors', { 'zh-CN': errorsOf(zh), en: errorsOf(en) });
// the timeline's names of these steps (event_<type>, read by wy-case-timeline through the app namespace)
const eventsOf = (table: Record<string, string>) => Object.fromEntries(Object.entries(table).filter(([k]) => k.startsWith('event_')));
addMessages('app', { 'zh-CN': eventsOf(zh), en: eventsOf(en) });

type Key = keyof typeof zh;
const pt = (key: Key, params?: Params) => translate('case-promise', key, params);
const CHANNELS: ProgressChannel[] = ['phone', 'visit', 'sms', 'wechat', 'other'];

/** 'YYYY-MM-DDTHH:mm' in the company's time zone → the instant (Asia/Shanghai has no DST: a fixed offset is read from Intl). */
function fromLocalInput(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return null;
  const guess = new Date(`${value}:00Z`);
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: TIME_ZONE, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).formatToParts(guess);
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  const shown = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  return new Date(guess.getTime() - (shown - guess.getTime())).toISOString();
}

export class WyCasePromise extends LitElement {
  static override properties = { detail: { attribute: false }, state: { state: true }, promiseError: { state: true }, tellError: { state: true }, busy: { state: true } };

  static override styles = [base, css`
    :host { display: block; }
    .now { font-size: 15px; margin: 0 0 4px; }
    .row { display: flex; flex-wrap: wrap; gap: 8px; align-items: flex-end; margin: 8px 0; }
    .row label { flex: 1 1 160px; }
    .field-error { color: var(--wy-danger); font-size: 13px; margin: 2px 0 0; }
    input[aria-invalid='true'] { border-color: var(--wy-danger); }
    ol { list-style: none; padding: 0; margin: 8px 0 0; font-size: 13px; }
    li { border-top: 1px solid var(--wy-border); padding: 4px 0; }
    h3 { margin-top: 12px; }
  `];

  declare detail: CaseDetail | null;
  declare state: CasePromiseView | null;
  declare promiseError: string | null;
  declare tellError: string | null;
  declare busy: boolean;
  #loadedFor = '';

  constructor() {
    super();
    new I18nController(this);
    this.detail = null;
    this.state = null;
    this.promiseError = null;
    this.tellError = null;
    this.busy = false;
  }

  override updated(): void {
    const d = this.detail;
    const key = d ? `${d.caseType}/${d.id}/${d.version}` : '';
    if (key && key !== this.#loadedFor) {
      this.#loadedFor = key;
      void this.#load();
    }
  }

  async #load(): Promise<void> {
    const d = this.detail!;
    try {
      this.state = await api.get<CasePromiseView>(`/api/cases/${d.caseType}/${d.id}/promise`);
    } catch {
      this.state = null;
    }
  }

  #value(name: string): string {
    return (this.renderRoot.querySelector(`[name="${name}"]`) as HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement | null)?.value.trim() ?? '';
  }

  async #promise(): Promise<void> {
    const d = this.detail!;
    const at = fromLocalInput(this.#value('promisedAt'));
    if (!at) {
      this.promiseError = translate('errors', 'required');
      return;
    }
    const reason = this.#value('reason');
    this.busy = true;
    try {
      this.state = await api.post<CasePromiseView>(`/api/cases/${d.caseType}/${d.id}/promise`, { promisedAt: at, version: this.state?.version ?? d.version, ...(reason ? { reason } : {}) });
      this.promiseError = null;
      // the case's version moved: the page reloads it
      this.dispatchEvent(new CustomEvent('wy-case-changed', { detail: { title: pt(this.state.postponements ? 'postpone' : 'promise') }, bubbles: true, composed: true }));
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) this.dispatchEvent(new CustomEvent('wy-stale', { bubbles: true, composed: true }));
      this.promiseError = e instanceof ApiError && e.issues[0] ? issueText(e.issues[0]).text : (e as Error).message;
    } finally {
      this.busy = false;
    }
  }

  async #tell(): Promise<void> {
    const d = this.detail!;
    const note = this.#value('note');
    if (!note) {
      this.tellError = translate('errors', 'required');
      return;
    }
    this.busy = true;
    try {
      this.state = await api.post<CasePromiseView>(`/api/cases/${d.caseType}/${d.id}/progress-told`, { channel: this.#value('channel') as ProgressChannel, note });
      this.tellError = null;
      (this.renderRoot.querySelector('[name="note"]') as HTMLTextAreaElement).value = '';
    } catch (e) {
      this.tellError = e instanceof ApiError && e.issues[0] ? issueText(e.issues[0]).text : (e as Error).message;
    } finally {
      this.busy = false;
    }
  }

  #step(s: PromiseStep) {
    const what = s.type === 'progressTold'
      ? html`${pt('step_progressTold', { channel: pt(`channel_${s.channel ?? 'other'}` as Key) })}：${s.note}`
      : s.type === 'postponed'
        ? html`${pt('step_postponed', { time: formatDateTime(s.promisedAt), previous: formatDateTime(s.previousPromisedAt) })}${s.reason ? html`（${s.reason}）` : nothing}`
        : html`${pt('step_promised', { time: formatDateTime(s.promisedAt) })}${s.reason ? html`（${s.reason}）` : nothing}`;
    return html`<li data-step=${s.type}><span class="muted">${formatDateTime(s.at)} ${s.actorName ?? ''}</span><br>${what}</li>`;
  }

  override render() {
    const s = this.state;
    if (!s) return nothing;
    const canPromise = s.mayAct && !s.closed && s.mayPostpone;
    return html`<section class="card" aria-labelledby="promise-title">
      <h2 id="promise-title">${pt('title')}</h2>
      <p class="now">${pt('promisedAt')}：<strong>${s.promisedAt ? formatDateTime(s.promisedAt) : pt('notPromised')}</strong>
        ${s.postponements ? html`<span class="muted">（${pt('postponedTimes', { count: s.postponements })}）</span>` : nothing}</p>
      ${s.mayAct && !s.closed ? html`
        <p class="muted">${pt('latestAllowed', { time: formatDateTime(s.latestAllowed), days: s.rules.maxDays })}</p>
        ${!s.mayPostpone ? html`<p class="muted">${pt('noMorePostponement')}</p>` : nothing}
        <div class="row">
          <label>${pt('promisedAt')}<input type="datetime-local" name="promisedAt" aria-invalid=${this.promiseError ? 'true' : 'false'} aria-describedby="promise-error"></label>
          ${s.promisedAt ? html`<label>${pt('reason')}<input name="reason" maxlength="500"></label>` : nothing}
        </div>
        ${this.promiseError ? html`<p class="field-error" id="promise-error" role="alert">${this.promiseError}</p>` : nothing}
        <button type="button" class=${canPromise ? 'primary' : ''} data-action="promise" ?disabled=${this.busy} @click=${() => this.#promise()}>${pt(s.promisedAt ? 'postpone' : 'promise')}</button>
        <h3>${pt('tellTitle')}</h3>
        <div class="row">
          <label style="flex:0 1 110px">${pt('channel')}<select name="channel">${CHANNELS.map((c) => html`<option value=${c}>${pt(`channel_${c}` as Key)}</option>`)}</select></label>
          <label>${pt('note')}<textarea name="note" maxlength="1000" rows="2"></textarea></label>
        </div>
        ${this.tellError ? html`<p class="field-error" role="alert">${this.tellError}</p>` : nothing}
        <button type="button" data-action="tell" ?disabled=${this.busy} @click=${() => this.#tell()}>${pt('tell')}</button>
      ` : nothing}
      ${s.steps.length ? html`<ol>${[...s.steps].reverse().map((x) => this.#step(x))}</ol>` : nothing}
    </section>`;
  }
}
customElements.define('wy-case-promise', WyCasePromise);

declare global {
  interface HTMLElementTagNameMap {
    'wy-case-promise': WyCasePromise;
  }
}
