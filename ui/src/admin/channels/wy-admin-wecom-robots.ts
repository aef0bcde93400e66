/**
 * 企业微信群机器人, in the editor's 短信与微信 tab: one per project, posting the project's overdue
 * and escalated items to its staff group (GET /api/wecom-robots, PUT/DELETE
 * /api/projects/:id/wecom-robot; config.edit). The webhook key is write-only: a password field that
 * afterwards only says 已设置; blank keeps it. Saved at once, like the channels.
 */
import { LitElement, css, html, nothing } from 'lit';
import { api, ApiError } from '../../api.js';
import { I18nController, t } from '../../i18n.js';
import { issueText } from '../../issue-text.js';
import { base } from '../../styles.js';
import { formatDateTime } from '../../format.js';
import { adminStyles } from '../admin-styles.js';
import { rmt } from '../../resident-messages/resident-messages-i18n.js';

interface RobotRow { projectId: number; projectName: string; endpoint: string | null; key: 'set'; updatedAt: string; lastFailure: { at: string; text: string; error: string | null } | null }
interface ProjectRow { id: number; name: string }
interface Draft { key: string; endpoint: string }

export class WyAdminWecomRobots extends LitElement {
  static override properties = { endpointsAllowed: { state: true }, projects: { state: true }, robots: { state: true }, drafts: { state: true }, issues: { state: true }, saved: { state: true }, error: { state: true }, busy: { state: true } };
  static override styles = [base, adminStyles, css`
    :host { display: block; }
    .set { font-size: 12px; color: var(--wy-ok); margin-left: 6px; }
    .unset { font-size: 12px; color: var(--wy-muted); margin-left: 6px; }
    form.robot { border-top: 1px solid var(--wy-border); padding: 10px 0; }
    .actions { display: flex; gap: 10px; align-items: center; margin-top: 8px; flex-wrap: wrap; }
  `];

  declare projects: ProjectRow[] | null;
  declare robots: Map<number, RobotRow>;
  /** the platform lets the company post through an address of its own (WUYE_PROVIDER_ENDPOINTS): else no such field */
  declare endpointsAllowed: boolean;
  declare drafts: Record<number, Draft>;
  declare issues: Record<number, Record<string, string>>;
  declare saved: number | null;
  declare error: string;
  declare busy: boolean;

  constructor() {
    super();
    new I18nController(this);
    this.projects = null;
    this.robots = new Map();
    this.endpointsAllowed = false;
    this.drafts = {};
    this.issues = {};
    this.saved = null;
    this.error = '';
    this.busy = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.#load();
  }

  async #load() {
    try {
      const [projects, robots] = await Promise.all([api.get<{ items: ProjectRow[] }>('/api/projects'), api.get<{ items: RobotRow[]; endpointsAllowed: boolean }>('/api/wecom-robots')]);
      this.robots = new Map(robots.items.map((r) => [r.projectId, r]));
      this.endpointsAllowed = robots.endpointsAllowed;
      this.drafts = Object.fromEntries(projects.items.map((p) => [p.id, { key: '', endpoint: this.robots.get(p.id)?.endpoint ?? '' }]));
      this.projects = projects.items;
      this.error = '';
    } catch (e) {
      this.error = e instanceof ApiError && e.status !== 0 ? e.message : t('networkError');
    }
  }

  #edit(projectId: number, change: (d: Draft) => void) {
    const d = { ...this.drafts[projectId]! };
    change(d);
    this.drafts = { ...this.drafts, [projectId]: d };
    this.saved = null;
  }

  #failed(projectId: number, err: unknown) {
    if (err instanceof ApiError && err.issues.length) this.issues = { ...this.issues, [projectId]: Object.fromEntries(err.issues.map((i) => [i.pointer, issueText(i).text])) };
    else this.error = err instanceof ApiError && err.status !== 0 ? err.message : t('networkError');
  }

  async #save(e: Event, projectId: number) {
    e.preventDefault();
    const d = this.drafts[projectId]!;
    const body: Record<string, unknown> = { endpoint: d.endpoint.trim() || null };
    if (d.key.trim()) body.key = d.key.trim();
    this.busy = true;
    try {
      const row = await api.put<RobotRow>(`/api/projects/${projectId}/wecom-robot`, body);
      this.robots = new Map(this.robots).set(projectId, row);
      this.drafts = { ...this.drafts, [projectId]: { key: '', endpoint: row.endpoint ?? '' } };
      this.issues = { ...this.issues, [projectId]: {} };
      this.saved = projectId;
    } catch (err) {
      this.#failed(projectId, err);
    } finally {
      this.busy = false;
    }
  }

  async #remove(projectId: number) {
    this.busy = true;
    try {
      await api.del(`/api/projects/${projectId}/wecom-robot`);
      const next = new Map(this.robots);
      next.delete(projectId);
      this.robots = next;
      this.drafts = { ...this.drafts, [projectId]: { key: '', endpoint: '' } };
      this.saved = null;
    } catch (err) {
      this.#failed(projectId, err);
    } finally {
      this.busy = false;
    }
  }

  #issue(projectId: number, pointer: string) {
    const found = this.issues[projectId]?.[pointer];
    return found ? html`<span class="issue" role="alert">${found}</span>` : nothing;
  }

  override render() {
    return html`<section class="card" data-channel="wecom" aria-labelledby="channel-wecom">
      <div class="card-head"><h2 id="channel-wecom">${rmt('robotTitle')}</h2></div>
      <p class="hint">${rmt('robotIntro')}</p>
      ${this.error ? html`<div class="error-box" role="alert">${this.error}</div>` : nothing}
      ${this.projects === null ? (this.error ? nothing : html`<p role="status">${t('loading')}</p>`) : this.projects.map((p) => {
        const robot = this.robots.get(p.id);
        const d = this.drafts[p.id] ?? { key: '', endpoint: '' };
        return html`<form class="robot" data-project=${p.id} @submit=${(e: Event) => this.#save(e, p.id)}>
          <strong>${p.name}</strong>${robot ? html`<span class="set" data-set="key">${rmt('robotSet')}</span>` : html`<span class="unset">${rmt('notSetUp')}</span>`}
          ${robot?.lastFailure ? html`<p class="issue" role="status" data-testid="robot-failure">${rmt('robotLastFailure', { at: formatDateTime(robot.lastFailure.at), text: robot.lastFailure.text })}</p>` : nothing}
          <div class="grid">
            <label>${rmt('robotKey')}
              <input type="password" name="robot-key" autocomplete="new-password" maxlength="100" .value=${d.key} placeholder=${robot ? rmt('credSet') : ''}
                @input=${(e: Event) => this.#edit(p.id, (x) => { x.key = (e.target as HTMLInputElement).value; })}>${this.#issue(p.id, '/key')}</label>
            ${this.endpointsAllowed || d.endpoint ? html`<label>${rmt('endpoint')}<input name="robot-endpoint" maxlength="300" .value=${d.endpoint}
              @input=${(e: Event) => this.#edit(p.id, (x) => { x.endpoint = (e.target as HTMLInputElement).value; })}>${this.#issue(p.id, '/endpoint')}</label>` : nothing}
          </div>
          <div class="actions">
            <button type="submit" class="primary" ?disabled=${this.busy}>${rmt('save')}</button>
            ${robot ? html`<button type="button" ?disabled=${this.busy} @click=${() => this.#remove(p.id)}>${rmt('robotRemove')}</button>` : nothing}
            ${this.saved === p.id ? html`<span role="status">${rmt('saved')}</span>` : nothing}
          </div>
        </form>`;
      })}
    </section>`;
  }
}

customElements.define('wy-admin-wecom-robots', WyAdminWecomRobots);

declare global {
  interface HTMLElementTagNameMap {
    'wy-admin-wecom-robots': WyAdminWecomRobots;
  }
}
