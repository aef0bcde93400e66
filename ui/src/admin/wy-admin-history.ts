import { LitElement, css, html, nothing } from 'lit';
import { api, ApiError, CONFIG_CHANGED_EVENT } from '../api.js';
import { formatDateTime } from '../format.js';
import { I18nController } from '../i18n.js';
import { base } from '../styles.js';
import { adminStyles } from './admin-styles.js';
import { at, describePointer, issueMessage, colon } from './admin-i18n.js';
import type { DiffChange, Issue, StaffRow, VersionView } from './admin-types.js';
import { draft } from './draft-store.js';
import { listChanges } from './patch.js';
import { renderChanges } from './change-view.js';
import './wy-admin-activate-dialog.js';

/** Reasons the server writes itself, in the admin's words. */
const SYSTEM_REASONS: Record<string, string> = { 'initial configuration: plugin defaults': 'initialReason' };

export function reasonText(reason: string): string {
  const key = SYSTEM_REASONS[reason];
  return key ? at(key) : reason;
}

/** A proposal can be activated only on top of the version it was made on. */
export function activatable(v: VersionView, current: number | undefined): boolean {
  return v.status === 'proposed' && (v.basedOn === null || v.basedOn === current);
}

/**
 * History of configuration versions (number, status, in force, reason, author, dates) with
 * each version's changes, activation of a proposal, rollback, export and import.
 *
 * @fires wy-config-activated - after an activation or rollback (the draft is reloaded)
 */
export class WyAdminHistory extends LitElement {
  static override properties = {
    items: { state: true },
    error: { state: true },
    message: { state: true },
    openDiff: { state: true },
    diffs: { state: true },
    busy: { state: true },
    importIssues: { state: true },
  };

  static override styles = [base, adminStyles, css`
    :host { display: block; }
    tr.current { background: var(--wy-ok-light); }
    td.reason { max-width: 320px; }
    td:last-child { white-space: nowrap; }
    .diff-row td { background: #fafbfc; }
  `];

  declare items: VersionView[] | null;
  declare error: string;
  declare message: string;
  declare openDiff: number | null;
  declare diffs: Record<number, DiffChange[] | string>;
  declare busy: boolean;
  declare importIssues: Issue[];
  #names = new Map<number, string>();

  constructor() {
    super();
    new I18nController(this);
    this.items = null;
    this.error = '';
    this.message = '';
    this.openDiff = null;
    this.diffs = {};
    this.busy = false;
    this.importIssues = [];
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.reload();
    void api.get<{ items: StaffRow[] }>('/api/staff').then((r) => {
      for (const s of r.items) this.#names.set(s.id, s.name);
      this.requestUpdate();
    }, () => undefined);
  }

  async reload() {
    try {
      this.items = (await api.get<{ items: VersionView[] }>('/api/config/versions')).items;
      this.error = '';
    } catch (err) {
      this.error = err instanceof ApiError ? err.message : at('networkError');
    }
  }

  async #afterChange(message: string) {
    this.message = message;
    await draft.load(true);
    window.dispatchEvent(new Event(CONFIG_CHANGED_EVENT));
    this.dispatchEvent(new CustomEvent('wy-config-activated', { bubbles: true, composed: true }));
    await this.reload();
  }

  /** Activates a proposed version after the admin confirmed it; `quiet` when the caller reports the outcome itself. */
  async activate(n: number, quiet = false) {
    if (!this.items?.some((v) => v.number === n)) await this.reload();
    const version = this.items?.find((v) => v.number === n);
    const current = this.items?.find((v) => v.current)?.number ?? draft.active?.version ?? 0;
    if (!version || !activatable(version, current)) {
      this.message = at('supersededProposal', { n: version?.basedOn ?? '' });
      return false;
    }
    const dialog = this.renderRoot.querySelector('wy-admin-activate-dialog');
    if (!dialog || !(await dialog.ask(version, current))) {
      this.message = '';
      return null;
    }
    this.busy = true;
    try {
      const v = await api.post<VersionView>(`/api/config/versions/${n}/activate`, { expectedCurrent: draft.active?.version });
      await this.#afterChange(quiet ? '' : v.current ? at('activated', { n }) : at('activatedLater', { n, t: formatDateTime(v.effectiveFrom) }));
      return true;
    } catch (err) {
      this.message = err instanceof ApiError ? `${at('activateFailed')}${colon()}${err.message}` : at('networkError');
      if (err instanceof ApiError && err.issues.length) draft.setIssues(err.issues.filter((i) => i.pointer.startsWith('/document')), 'propose');
      return false;
    } finally {
      this.busy = false;
    }
  }

  async #rollback() {
    const reason = prompt(at('rollbackReason'));
    if (!reason?.trim()) return;
    this.busy = true;
    try {
      const v = await api.post<VersionView>('/api/config/rollback', { reason: reason.trim() });
      await this.#afterChange(at('rolledBack', { n: v.number }));
    } catch (err) {
      this.message = err instanceof ApiError ? err.message : at('networkError');
    } finally {
      this.busy = false;
    }
  }

  async #toggleDiff(n: number) {
    if (this.openDiff === n) {
      this.openDiff = null;
      return;
    }
    this.openDiff = n;
    if (this.diffs[n]) return;
    try {
      const res = await api.get<{ changes: DiffChange[] }>(`/api/config/versions/${n}/diff`);
      this.diffs = { ...this.diffs, [n]: res.changes };
    } catch (err) {
      if (err instanceof ApiError && err.status === 404) {
        // older server: compare the documents here
        try {
          const v = await api.get<VersionView & { document: unknown }>(`/api/config/versions/${n}`);
          const before = v.basedOn ? (await api.get<{ document: unknown }>(`/api/config/versions/${v.basedOn}`)).document : {};
          this.diffs = { ...this.diffs, [n]: listChanges(before, v.document) };
          return;
        } catch {
          // fall through
        }
      }
      this.diffs = { ...this.diffs, [n]: err instanceof ApiError ? err.message : at('networkError') };
    }
  }

  async #export() {
    let text: string;
    try {
      const res = await fetch('/api/config/export', { credentials: 'same-origin' });
      if (!res.ok) throw new Error(String(res.status));
      text = await res.text();
    } catch {
      text = JSON.stringify(draft.active?.document ?? {}, null, 2);
    }
    const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `wuye-config-v${draft.active?.version ?? 0}.json`;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  async #import(e: Event) {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const fd = new FormData(form);
    const file = fd.get('file');
    const reason = String(fd.get('reason') ?? '').trim();
    this.importIssues = [];
    if (!(file instanceof File) || !file.size) { this.message = at('importChooseFile'); return; }
    if (!reason) { this.message = at('reasonRequired'); return; }
    let document: unknown;
    try {
      const parsed = JSON.parse(await file.text()) as Record<string, unknown>;
      // an export is the document itself; a saved version ({ number, document, … }) is accepted too
      document = parsed && typeof parsed === 'object' && 'document' in parsed && typeof parsed.document === 'object' && !('plugins' in parsed) ? parsed.document : parsed;
    } catch (err) {
      this.message = `${at('jsonInvalid')}: ${(err as Error).message}`;
      return;
    }
    this.busy = true;
    try {
      const v = await api.post<VersionView>('/api/config/versions', { document, reason });
      this.message = at('imported', { n: v.number });
      form.reset();
      await this.reload();
    } catch (err) {
      this.message = err instanceof ApiError ? `${at('importRefused')}${colon()}${err.message}` : at('networkError');
      if (err instanceof ApiError) this.importIssues = err.issues;
    } finally {
      this.busy = false;
    }
  }

  #author(id: number | null) {
    if (id === null) return at('system');
    return this.#names.get(id) ?? `#${id}`;
  }

  override render() {
    const current = this.items?.find((v) => v.current)?.number;
    return html`
      <div class="toolbar">
        <button type="button" @click=${this.#rollback} ?disabled=${this.busy}>${at('rollback')}</button>
        <button type="button" @click=${this.#export}>${at('export')}</button>
        <span class="spacer"></span>
        <button type="button" @click=${() => this.reload()}>${at('refresh')}</button>
      </div>
      ${this.message ? html`<div class="card" role="status" data-testid="history-message">${this.message}</div>` : nothing}
      ${this.error ? html`<div class="error-box" role="alert">${this.error}</div>` : nothing}
      ${this.items ? html`
        <table data-testid="history">
          <thead><tr><th>${at('versionCol')}</th><th>${at('statusCol')}</th><th>${at('reason')}</th><th>${at('author')}</th><th>${at('createdCol')}</th><th>${at('effectiveCol')}</th><th>${at('activatedCol')}</th><th></th></tr></thead>
          <tbody>
            ${this.items.map((v) => html`
              <tr class=${v.current ? 'current' : ''} data-version=${v.number}>
                <td><strong>${v.number}</strong>${v.basedOn ? html`<div class="small muted">${at('basedOnN', { n: v.basedOn })}</div>` : nothing}</td>
                <td>${v.current ? html`<span class="badge">${at('inForce')}</span>` : html`<span class="badge final">${at(v.status === 'proposed' ? 'statusProposed' : v.status === 'activated' ? 'statusActivated' : 'statusOther')}</span>`}</td>
                <td class="reason">${reasonText(v.reason)}</td>
                <td>${this.#author(v.authorId)}</td>
                <td>${formatDateTime(v.createdAt)}</td>
                <td>${new Date(v.effectiveFrom).getTime() <= 0 ? '—' : formatDateTime(v.effectiveFrom)}</td>
                <td>${formatDateTime(v.activatedAt)}</td>
                <td>
                  <button type="button" class="icon" aria-expanded=${this.openDiff === v.number ? 'true' : 'false'} @click=${() => this.#toggleDiff(v.number)}>${at('changesOf')}</button>
                  ${activatable(v, current) ? html`<button type="button" class="icon primary" ?disabled=${this.busy}
                    @click=${() => this.activate(v.number)}>${at('activate')}</button>`
                    : v.status === 'proposed' ? html`<span class="small muted" data-testid="superseded">${at('supersededProposal', { n: v.basedOn ?? '' })}</span>` : nothing}
                </td>
              </tr>
              ${this.openDiff === v.number ? html`<tr class="diff-row"><td colspan="8">
                ${typeof this.diffs[v.number] === 'string' ? html`<span class="issue">${this.diffs[v.number]}</span>`
                  : this.diffs[v.number] ? renderChanges(this.diffs[v.number] as DiffChange[]) : html`<span role="status">${at('loading')}</span>`}
              </td></tr>` : nothing}`)}
          </tbody>
        </table>` : nothing}
      <wy-admin-activate-dialog></wy-admin-activate-dialog>
      <h3 style="margin-top:16px">${at('import')}</h3>
      <form class="row" @submit=${this.#import} aria-label=${at('import')}>
        <label>${at('importFile')}<input type="file" name="file" accept="application/json,.json"></label>
        <label style="flex:1">${at('reason')}<input name="reason" maxlength="500" style="width:100%"></label>
        <button type="submit" ?disabled=${this.busy}>${at('importPropose')}</button>
      </form>
      ${this.importIssues.length ? html`<ul class="issue">${this.importIssues.map((i) => html`<li>${describePointer(i.pointer)}${colon()}${issueMessage(i)}</li>`)}</ul>` : nothing}
    `;
  }
}

customElements.define('wy-admin-history', WyAdminHistory);

declare global {
  interface HTMLElementTagNameMap {
    'wy-admin-history': WyAdminHistory;
  }
}
