import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { api, ApiError } from '../api.js';
import { appState, roleTitle } from '../app-state.js';
import { I18nController } from '../i18n.js';
import { base } from '../styles.js';
import type { CaseDetail } from '../types.js';
import { dt } from './dispatch-i18n.js';
import '../../../forms/widgets/wy-staff-picker-widget.js';

/**
 * The staff picker's list for a step's form (named dispatch): the staff the server says the step
 * may name in that field — the role the case goes to, in its project — with their open loads.
 */
export function staffPickerService(caseType: string, caseId: number, transition: string) {
  return {
    async listStaff(field: string): Promise<{ id: number; label: string }[]> {
      const res = await api.get<{ items: Eligible[] }>(`/api/cases/${caseType}/${caseId}/assignable`, { transition, field });
      return res.items.map((s) => ({ id: s.id, label: dt('staffOption', { name: s.name, load: s.load }) }));
    },
  };
}

interface Eligible { id: number; name: string; load: number; skills: string[] }
interface AssignmentView { assigneeId: number | null; assigneeName: string | null; role: string | null; canAssign: boolean; canTake: boolean; eligible: Eligible[] }
type IssueWithParams = { pointer: string; code: string; message: string; params?: Record<string, unknown> };

/**
 * 经办人 on the case page: who has the case (a name, or the role's queue), 认领 for a staff member
 * of that role when nobody has it, and 派给… (eligible staff with their open loads, a reason on
 * reassignment, or back to the role's queue) for those holding cases.assign.
 * @fires wy-case-changed - detail { title } after an assignment
 * @fires wy-stale - the case changed meanwhile (409)
 */
export class WyCaseAssign extends LitElement {
  static override properties = {
    detail: { attribute: false },
    view: { state: true },
    open: { state: true },
    busy: { state: true },
    error: { state: true },
    reasonError: { state: true },
  };

  static override styles = [base, css`
    :host { display: block; }
    .who { display: flex; align-items: baseline; gap: 8px; flex-wrap: wrap; margin: 0 0 8px; }
    .who strong { font-size: 16px; }
    .buttons { display: flex; gap: 8px; flex-wrap: wrap; }
    form { display: grid; gap: 10px; margin-top: 10px; }
    select, textarea { width: 100%; box-sizing: border-box; font: inherit; }
    .field-error { color: var(--wy-danger, #b42318); font-size: 13px; }
  `];

  declare detail: CaseDetail | null;
  declare view: AssignmentView | null;
  declare open: boolean;
  declare busy: boolean;
  declare error: string;
  declare reasonError: string;
  #seq = 0;

  constructor() {
    super();
    new I18nController(this);
    this.detail = null;
    this.view = null;
    this.open = false;
    this.busy = false;
    this.error = '';
    this.reasonError = '';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('detail') && this.detail) void this.#load();
  }

  async #load() {
    const d = this.detail!;
    const seq = ++this.#seq;
    try {
      const view = await api.get<AssignmentView>(`/api/cases/${d.caseType}/${d.id}/assignment`);
      if (seq === this.#seq) this.view = view;
    } catch {
      if (seq === this.#seq) this.view = null;
    }
  }

  #errorText(err: unknown): string {
    if (!(err instanceof ApiError)) return dt('errNetwork');
    if (err.status === 409) return dt('errStale');
    if (err.status === 403) return dt('errForbidden');
    const issue = err.issues[0] as IssueWithParams | undefined;
    if (issue?.code === 'assignee-not-eligible') {
      const why = String(issue.params?.reason ?? 'unknown');
      const key = ({ role: 'whyRole', project: 'whyProject', inactive: 'whyInactive' } as const)[why as 'role'] ?? 'whyUnknown';
      return dt('errNotEligible', { why: dt(key) });
    }
    if (issue?.code === 'case-closed') return dt('errClosed');
    if (issue?.code === 'already-assigned') return dt('errSame');
    if (issue?.pointer === '/reason') return dt('reasonRequired');
    return dt('errNetwork');
  }

  async #send(staffId: number | null, reason: string, done: string) {
    const d = this.detail!;
    this.busy = true;
    this.error = '';
    try {
      await api.post(`/api/cases/${d.caseType}/${d.id}/assign`, { staffId, version: d.version, ...(reason ? { reason } : {}) });
      this.open = false;
      this.dispatchEvent(new CustomEvent('wy-case-changed', { detail: { title: done }, bubbles: true, composed: true }));
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) this.dispatchEvent(new CustomEvent('wy-stale', { bubbles: true, composed: true }));
      this.error = this.#errorText(err);
    } finally {
      this.busy = false;
    }
  }

  #submit(e: Event) {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const staff = (form.elements.namedItem('staff') as HTMLSelectElement).value;
    const reason = (form.elements.namedItem('reason') as HTMLTextAreaElement).value.trim();
    const view = this.view!;
    const back = staff === 'queue';
    if ((view.assigneeId != null || back) && !reason) {
      this.reasonError = dt('reasonRequired');
      (form.elements.namedItem('reason') as HTMLTextAreaElement).focus();
      return;
    }
    this.reasonError = '';
    if (back) return void this.#send(null, reason, dt('doneBack'));
    const picked = view.eligible.find((s) => String(s.id) === staff);
    if (!picked) return;
    void this.#send(picked.id, reason, dt('doneAssigned', { name: picked.name }));
  }

  override render() {
    const v = this.view;
    if (!v || !this.detail) return nothing;
    const reassign = v.assigneeId != null;
    return html`
      <p class="who" data-testid="assignee">
        <span class="muted">${dt('assignee')}：</span>
        ${v.assigneeName ? html`<strong>${v.assigneeName}</strong>` : html`<span>${v.role ? dt('assigneeNone', { role: roleTitle(v.role) }) : dt('assigneeNoneNoRole')}</span>`}
      </p>
      ${this.error ? html`<div class="error-box" role="alert">${this.error}</div>` : nothing}
      ${v.canTake && !this.open ? html`<p class="muted">${dt('takeHint')}</p>` : nothing}
      <div class="buttons">
        ${v.canTake ? html`<button type="button" class="primary" data-testid="take" ?disabled=${this.busy} @click=${() => this.#send(appState().me.id, '', dt('doneTaken'))}>${dt('take')}</button>` : nothing}
        ${v.canAssign && !this.open ? html`<button type="button" data-testid="assign-open" @click=${() => { this.open = true; this.error = ''; }}>${dt('assignTo')}</button>` : nothing}
      </div>
      ${this.open ? html`
        <form @submit=${this.#submit} aria-label=${dt('assignTitle')}>
          <label>${dt('staffLabel')}
            <select name="staff" required data-testid="assign-staff">
              <option value="">${dt('staffChoose')}</option>
              ${v.eligible.filter((s) => s.id !== v.assigneeId).map((s) => html`<option value=${s.id}>${dt('staffOption', { name: s.name, load: s.load })}</option>`)}
              ${reassign ? html`<option value="queue">${dt('backToQueue')}</option>` : nothing}
            </select>
          </label>
          ${v.eligible.length === 0 ? html`<p class="muted">${dt('noEligible')}</p>` : nothing}
          <label>${dt('reason')}
            <textarea name="reason" rows="2" maxlength="500" placeholder=${dt('reasonHint')} aria-invalid=${this.reasonError ? 'true' : 'false'}></textarea>
            ${this.reasonError ? html`<span class="field-error" role="alert">${this.reasonError}</span>` : nothing}
          </label>
          <div class="buttons">
            <button type="submit" class="primary" data-testid="assign-submit" ?disabled=${this.busy}>${dt('submitAssign')}</button>
            <button type="button" @click=${() => { this.open = false; this.reasonError = ''; }}>${dt('cancel')}</button>
          </div>
        </form>` : nothing}
    `;
  }
}

customElements.define('wy-case-assign', WyCaseAssign);

declare global {
  interface HTMLElementTagNameMap {
    'wy-case-assign': WyCaseAssign;
  }
}
