import { LitElement, css, html, nothing } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { api, ApiError } from '../api.js';
import { appState } from '../app-state.js';
import { formatDateTime } from '../format.js';
import { I18nController, loc } from '../i18n.js';
import { base } from '../styles.js';
import { adminStyles } from './admin-styles.js';
import { at, atOr, issueMessage, colon, listSeparator } from './admin-i18n.js';
import type { DryRunExpiry, DryRunResponse, DryRunStep, FieldSchema, FormDeclaration, UiDeclaration, WorkflowDeclaration } from './admin-types.js';
import { draft, DraftController } from './draft-store.js';
import { sampleData } from './sample-data.js';
import { resolveOptionsFrom } from '../../../core/config/options-from.js';
import { likelyPath } from './workflow-layout.js';
import { syncSelects } from './select-sync.js';
import './designer-i18n.js';
import '../../../forms/index.js';

interface StepInput {
  /** '' for a step that only waits (to see a deadline run out) */
  transition: string;
  afterMinutes: number;
  /** what the step's form holds (its `<wy-form>` reports every edit) */
  data: Record<string, unknown>;
  /** what the form was opened with (edits are not fed back: the form keeps hidden fields' values) */
  seed: Record<string, unknown>;
  /** bumped when the step's sample data is replaced, so its form shows the new value */
  key: number;
}

/** The preview has no household: pickers and uploads answer with nothing. */
const dryRunServices = {
  searchUnits: async () => [],
  searchPeople: async () => [],
  uploadAttachment: async () => { throw new Error('dry run'); },
};

let stepKeys = 0;

type Outcome = { ok: DryRunResponse } | { error: string };

/** `YYYY-MM-DDTHH:mm` in the browser's zone for a datetime-local input. */
function localInput(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/**
 * Dry run: simulate one case — the data it is registered with, then a path of transitions, each
 * after some minutes — under the configuration in force and under the draft, side by side: per
 * step the state, the role it goes to, every clock with its due time, and the follow-up.
 */
export class WyAdminDryRun extends LitElement {
  static override properties = {
    target: { state: true },
    projectCode: { state: true },
    start: { state: true },
    severity: { state: true },
    createData: { state: true },
    createKey: { state: true },
    steps: { state: true },
    outcome: { state: true },
    busy: { state: true },
    inputError: { state: true },
  };

  static override styles = [base, adminStyles, css`
    :host { display: block; }
    .step { border: 1px solid var(--wy-border); border-radius: var(--wy-radius); padding: 6px 10px; margin-bottom: 6px; background: #fff; }
    .step > summary { cursor: pointer; display: flex; gap: 8px; align-items: center; flex-wrap: wrap; }
    .step > summary select { min-width: 200px; }
    .step .form { margin-top: 8px; }
    details.create { border: 1px solid var(--wy-border); border-radius: var(--wy-radius); padding: 6px 10px; margin-top: 8px; background: #fff; }
    details.create > summary { cursor: pointer; font-weight: 600; }
    .results { margin-top: 12px; }
    .res { display: grid; grid-template-columns: 170px 1fr 1fr; border-bottom: 1px solid var(--wy-border); }
    .res > div { padding: 6px 8px; font-size: 13px; }
    /* a phone: the step column narrows so both sides keep a readable width */
    @media (max-width: 600px) { .res { grid-template-columns: 72px minmax(0, 1fr) minmax(0, 1fr); } .res > div { padding: 4px; overflow-wrap: anywhere; } }
    .res.head > div { font-weight: 600; color: var(--wy-muted); background: #fafbfc; }
    .res .changed { background: #fff8e1; }
    .clock { display: block; }
    .clock::before { content: '◷ '; color: var(--wy-muted); }
    .refused { color: var(--wy-danger); }
    .expired { color: #8a5a00; }
    .expired::before { content: '◷ '; }
  `];

  declare target: string;
  declare projectCode: string;
  declare start: string;
  declare severity: string;
  declare createData: Record<string, unknown>;
  declare createKey: number;
  #createSeed: Record<string, unknown> = {};
  declare steps: StepInput[];
  declare outcome: { current: Outcome; draft: Outcome; version: number } | null;
  declare busy: boolean;
  declare inputError: string;

  constructor() {
    super();
    new I18nController(this);
    new DraftController(this);
    this.target = '';
    this.projectCode = '';
    this.start = localInput(new Date());
    this.severity = '';
    this.createData = {};
    this.createKey = 0;
    this.steps = [];
    this.outcome = null;
    this.busy = false;
    this.inputError = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.target) {
      const all = this.#targets();
      const first = all.find((t) => t.endsWith('/complaint')) ?? all[0] ?? '';
      this.projectCode = appState().projects[0]?.code ?? '';
      this.#choose(first);
    }
  }

  #targets() {
    return draft.pluginIds().flatMap((p) => draft.names(p, 'workflows').map((c) => `${p}/${c}`));
  }

  #wf(): { pluginId: string; caseType: string; wf: WorkflowDeclaration } | null {
    const [pluginId, caseType] = this.target.split('/');
    const wf = pluginId && caseType ? draft.decl<WorkflowDeclaration>(pluginId, 'workflows', caseType, null) : undefined;
    return wf ? { pluginId: pluginId!, caseType: caseType!, wf } : null;
  }

  #form(pluginId: string, name: string | undefined): { form?: FormDeclaration; ui?: UiDeclaration } {
    if (!name) return {};
    const declared = draft.decl<FormDeclaration>(pluginId, 'forms', name, null);
    // options a form takes from the plugin's settings (a price list) are the draft's entries, so
    // the sample data picks one the server accepts
    const form = declared && (resolveOptionsFrom(declared as never, draft.settings(pluginId, null) ?? {}) as unknown as FormDeclaration);
    const ui = draft.names(pluginId, 'ui', null).map((n) => draft.decl<UiDeclaration>(pluginId, 'ui', n, null)).find((u) => u?.form === name);
    return { form, ui };
  }

  #severities(pluginId: string, wf: WorkflowDeclaration): { value: string; label: string }[] {
    const field = wf.severityField ?? wf.categoryField; // or the category a workflow without a severity is graded by
    if (!field) return [];
    for (const n of draft.names(pluginId, 'forms', null)) {
      const f = draft.decl<FormDeclaration>(pluginId, 'forms', n, null)?.properties[field] as FieldSchema | undefined;
      if (Array.isArray(f?.enum)) return f!.enum.map((v) => ({ value: String(v), label: loc(f!['x-enumLabels']?.[String(v)]) || String(v) }));
    }
    return [];
  }

  /** Picks a case type and fills in sample data and a likely path. */
  #choose(target: string) {
    this.target = target;
    const w = this.#wf();
    if (!w) return;
    const at0 = new Date(this.start);
    const create = this.#form(w.pluginId, w.wf.form);
    this.createData = sampleData(create.form, create.ui, at0);
    this.#createSeed = this.createData;
    this.createKey++;
    this.severity = this.#severities(w.pluginId, w.wf)[0]?.value ?? '';
    this.steps = likelyPath(w.wf).map((transition) => this.#stepFor(transition, at0));
    this.outcome = null;
  }

  /** The severity goes into the form that enters the workflow's severity field (shown there too). */
  #setSeverity(severity: string) {
    this.severity = severity;
    const w = this.#wf();
    const field = w?.wf.severityField ?? w?.wf.categoryField;
    if (!w || !field) return;
    if (this.#form(w.pluginId, w.wf.form).form?.properties[field]) {
      this.createData = { ...this.createData, [field]: severity };
      this.#createSeed = this.createData;
      this.createKey++;
      return;
    }
    const i = this.steps.findIndex((s) => s.transition && this.#form(w.pluginId, w.wf.transitions[s.transition]?.form).form?.properties[field]);
    if (i >= 0) this.steps = this.steps.map((s, j) => (j === i ? { ...s, data: { ...s.data, [field]: severity }, seed: { ...s.data, [field]: severity }, key: ++stepKeys } : s));
  }

  override updated(): void {
    syncSelects(this.renderRoot);
  }

  #stepFor(transition: string, at0: Date): StepInput {
    const w = this.#wf()!;
    const t = w.wf.transitions[transition];
    const f = this.#form(w.pluginId, t?.form);
    const data = sampleData(f.form, f.ui, at0);
    return { transition, afterMinutes: 60, data, seed: data, key: ++stepKeys };
  }

  #body(withDraft: boolean) {
    const w = this.#wf()!;
    const create = { ...this.createData };
    // a step with no transition only waits: the server lets the time pass
    const steps: { transition?: string; data: Record<string, unknown>; afterMinutes: number }[] = this.steps.map((s) => ({
      ...(s.transition ? { transition: s.transition } : {}), data: s.transition ? { ...s.data } : {}, afterMinutes: Math.max(0, Number(s.afterMinutes) || 0),
    }));
    // the severity picked above goes where the workflow's severity field is entered
    const sev = w.wf.severityField ?? w.wf.categoryField;
    if (sev && this.severity) {
      const inCreate = this.#form(w.pluginId, w.wf.form).form?.properties[sev];
      const stepIndex = steps.findIndex((s) => s.transition && this.#form(w.pluginId, w.wf.transitions[s.transition]?.form).form?.properties[sev]);
      if (inCreate) create[sev] = this.severity;
      else if (stepIndex >= 0) steps[stepIndex]!.data[sev] = this.severity;
    }
    const start = new Date(this.start);
    return {
      ...(withDraft ? { document: draft.document() } : {}),
      ...(this.projectCode ? { projectCode: this.projectCode } : {}),
      caseType: w.caseType,
      ...(Number.isNaN(start.getTime()) ? {} : { start: start.toISOString() }),
      create: { data: create },
      steps,
    };
  }

  async #run() {
    let current: object, withDraft: object;
    try {
      current = this.#body(false);
      withDraft = this.#body(true);
      this.inputError = '';
    } catch (e) {
      this.inputError = (e as Error).message;
      return;
    }
    this.busy = true;
    const call = async (body: object): Promise<Outcome> => {
      try {
        return { ok: await api.post<DryRunResponse>('/api/config/dry-run', body) };
      } catch (err) {
        if (err instanceof ApiError) {
          // a type built in the draft is not in the version in force yet
          if (err.status === 404 && !('document' in body)) return { error: at('d_notInForce') };
          if (err.status === 404) return { error: at('endpointMissing') };
          return { error: err.issues.length ? err.issues.map((i) => `${this.#issuePlace(i.pointer)}${issueMessage(i)}`).join('；') : err.message };
        }
        return { error: at('networkError') };
      }
    };
    const [a, b] = await Promise.all([call(current), call(withDraft)]);
    this.outcome = { current: a, draft: b, version: draft.active?.version ?? 0 };
    if ('ok' in b) draft.setIssues(b.ok.issues ?? [], 'dry-run');
    else if ('error' in b) draft.setIssues([], 'dry-run');
    this.busy = false;
  }

  /** `/create/data/contactPhone` → 登记 · 联系电话：; `/steps/1/data/x` → 第 2 步 · …： */
  /** A refused step in the admin's words: each issue on its field, not the server's English sentence. */
  #refusal(refused: NonNullable<DryRunStep['refused']>): string {
    // a step that cannot be taken from where the case is (core/config/dry-run.ts names both)
    const notHere = refused.issues?.find((i) => i.code === 'not-from-state');
    const w = this.#wf();
    if (notHere && w) {
      const t = String(notHere.params?.transition ?? '');
      const st = String(notHere.params?.state ?? '');
      return at('d_notFromState', { t: loc(w.wf.transitions[t]?.title) || t, s: loc(w.wf.states[st]?.title) || st });
    }
    return refused.issues?.length ? refused.issues.map((i) => `${this.#issuePlace(i.pointer)}${issueMessage(i)}`).join('；') : refused.message;
  }

  #issuePlace(pointer: string): string {
    const w = this.#wf();
    const m = /^\/(create|steps\/(\d+))\/data\/([^/]+)/.exec(pointer);
    if (!w || !m) return '';
    const form = m[1] === 'create' ? this.#form(w.pluginId, w.wf.form).form : this.#form(w.pluginId, w.wf.transitions[this.steps[Number(m[2])]?.transition ?? '']?.form).form;
    const label = loc(form?.properties[m[3]!]?.['x-label']) || m[3];
    return `${m[1] === 'create' ? at('created') : at('stepN', { n: Number(m[2]) + 1 })} · ${label}${colon()}`;
  }

  override render() {
    const w = this.#wf();
    const severities = w ? this.#severities(w.pluginId, w.wf) : [];
    const transitions = w ? Object.entries(w.wf.transitions) : [];
    return html`
      <div class="row">
        <label>${at('caseType')}
          <select @change=${(e: Event) => this.#choose((e.target as HTMLSelectElement).value)}>
            ${this.#targets().map((t) => html`<option value=${t} ?selected=${t === this.target}>${loc(draft.decl<WorkflowDeclaration>(t.split('/')[0]!, 'workflows', t.split('/')[1]!, null)?.title) || t}</option>`)}
          </select></label>
        <label>${at('project')}
          <select @change=${(e: Event) => { this.projectCode = (e.target as HTMLSelectElement).value; }}>
            ${appState().projects.map((p) => html`<option value=${p.code} ?selected=${p.code === this.projectCode}>${p.name}</option>`)}
          </select></label>
        <label>${at('startAt')}<input type="datetime-local" .value=${this.start} @change=${(e: Event) => { this.start = (e.target as HTMLInputElement).value; }}></label>
        ${severities.length ? html`<label>${at('severity')}
          <select aria-label=${at('dryRunSeverity')} @change=${(e: Event) => this.#setSeverity((e.target as HTMLSelectElement).value)}>
            ${severities.map((s) => html`<option value=${s.value} ?selected=${s.value === this.severity}>${s.label}</option>`)}
          </select></label>` : nothing}
      </div>
      ${w ? this.#createForm(w) : nothing}
      <h3 style="margin-top:10px">${at('path')}</h3>
      ${this.steps.map((s, i) => this.#step(w!, s, i, transitions))}
      <div class="toolbar">
        <button type="button" @click=${() => { if (transitions[0]) this.steps = [...this.steps, this.#stepFor(transitions[0][0], new Date(this.start))]; }}>${at('addStep')}</button>
        <button type="button" class="primary" ?disabled=${this.busy || !w} @click=${this.#run}>${this.busy ? at('running') : at('runDryRun')}</button>
      </div>
      ${this.inputError ? html`<div class="error-box" role="alert">${this.inputError}</div>` : nothing}
      ${this.outcome ? this.#results(this.outcome) : nothing}
    `;
  }

  /** The registration form of the case type, filled with sample data the admin may change. */
  #createForm(w: { pluginId: string; wf: WorkflowDeclaration }) {
    const f = this.#form(w.pluginId, w.wf.form);
    if (!f.form) return nothing;
    return html`
      <details class="create" data-testid="dry-run-create">
        <summary>${at('createDataForm', { form: loc(f.form['x-label']) || at('created') })}</summary>
        <div class="form">${keyed(this.createKey, html`<wy-form .schema=${f.form} .ui=${f.ui} .value=${this.#createSeed} .services=${dryRunServices}
          .context=${this.#context(w.pluginId)} @wy-change=${(e: CustomEvent<{ value: Record<string, unknown> }>) => { this.createData = e.detail.value; }}></wy-form>`)}</div>
      </details>`;
  }

  #context(pluginId: string) {
    return { data: this.createData, case: {}, actor: { staffId: appState().me.id, roles: appState().me.roles }, config: draft.settings(pluginId, null) ?? {} };
  }

  /** One step: which transition, how long after the previous one, and its form (collapsed until opened). */
  #step(w: { pluginId: string; wf: WorkflowDeclaration }, s: StepInput, i: number, transitions: [string, WorkflowDeclaration['transitions'][string]][]) {
    const t = w.wf.transitions[s.transition];
    const f = this.#form(w.pluginId, t?.form);
    const set = (patch: Partial<StepInput>) => { const next = [...this.steps]; next[i] = { ...this.steps[i]!, ...patch }; this.steps = next; };
    return html`
      <details class="step" data-step-input=${i}>
        <summary>
          <span class="muted">${i + 1}.</span>
          <select aria-label=${at('stepTransition', { n: i + 1 })} data-value=${s.transition} @click=${(e: Event) => e.preventDefault()} @change=${(e: Event) => {
            const next = [...this.steps];
            next[i] = { ...this.#stepFor((e.target as HTMLSelectElement).value, new Date(this.start)), afterMinutes: s.afterMinutes };
            this.steps = next;
          }}>
            ${transitions.map(([id, tr]) => html`<option value=${id} ?selected=${id === s.transition}>${loc(tr.title) || id}</option>`)}
            <option value="" ?selected=${s.transition === ''}>${at('d_wait')}</option>
          </select>
          <label class="inline small"><input type="number" min="0" class="num" aria-label=${at('stepAfter', { n: i + 1 })} .value=${String(s.afterMinutes)}
            @click=${(e: Event) => e.preventDefault()} @change=${(e: Event) => set({ afterMinutes: Number((e.target as HTMLInputElement).value) })}>${at('minutesLater')}</label>
          <span class="small muted">${f.form ? at('stepFormHint', { form: loc(f.form['x-label']) || '' }) : at('stepNoForm')}</span>
          <span class="spacer"></span>
          <button type="button" class="icon" aria-label=${at('removeStep', { n: i + 1 })} @click=${() => { this.steps = this.steps.filter((_, j) => j !== i); }}>✕</button>
        </summary>
        ${f.form ? html`<div class="form" data-testid="dry-run-step-form">${keyed(s.key, html`<wy-form .schema=${f.form} .ui=${f.ui} .value=${s.seed} .services=${dryRunServices}
          .context=${{ ...this.#context(w.pluginId), data: { ...this.createData } }}
          @wy-change=${(e: CustomEvent<{ value: Record<string, unknown> }>) => set({ data: e.detail.value })}></wy-form>`)}</div>` : nothing}
      </details>`;
  }

  /** A clock that ran out, in words: whom it went to, or the transition taken and where the case is now. */
  #expiry(x: DryRunExpiry): string {
    const clock = loc(x.title) || at('deadlines');
    const t = formatDateTime(x.dueAt);
    if (x.transition) {
      const transition = loc(x.transitionTitle) || at('missing');
      if (x.refused) return at('d_expiredRefused', { clock, t, transition, why: this.#refusal(x.refused) });
      return at('d_expiredTook', { clock, t, transition, state: loc(x.stateTitle) || at('missing') });
    }
    return x.escalatedTo ? at('d_expiredEscalated', { clock, t, role: loc(x.escalatedToTitle) || at('missing') }) : at('d_expiredEscalatedNone', { clock, t });
  }

  #results(o: { current: Outcome; draft: Outcome; version: number }) {
    const cur = 'ok' in o.current ? o.current.ok.steps : [];
    const next = 'ok' in o.draft ? o.draft.ok.steps : [];
    const rows = Math.max(cur.length, next.length);
    const w = this.#wf();
    const stepName = (s: DryRunStep | undefined, i: number) => {
      if (s?.waited || (!s && i > 0 && this.steps[i - 1]?.transition === '')) return at('d_waited');
      const tr = s?.transition ?? (i === 0 ? null : this.steps[i - 1]?.transition ?? null);
      return tr === null ? at('created') : loc(w?.wf.transitions[tr]?.title) || tr;
    };
    const cell = (s: DryRunStep | undefined, other: DryRunStep | undefined, side: 'current' | 'draft') => {
      if (!s) return html`<div></div>`;
      const differs = (a: unknown, b: unknown) => side === 'draft' && other !== undefined && JSON.stringify(a) !== JSON.stringify(b);
      return html`<div data-side=${side} data-step=${s.index}>
        ${(s.expired ?? []).map((x) => html`<div class="expired" data-testid="dry-expired">${this.#expiry(x)}</div>`)}
        ${s.refused ? html`<div class="refused">${at('refused')}${colon()}${this.#refusal(s.refused)}</div>` : nothing}
        <div class=${differs(s.state, other?.state) ? 'changed' : ''}><span class="muted">${at('state')}${colon()}</span><span data-testid="dry-state">${loc(s.stateTitle) || s.state}</span></div>
        <div class=${differs([s.assigneeRole, loc(s.assigneeRoleTitle)], [other?.assigneeRole, loc(other?.assigneeRoleTitle)]) ? 'changed' : ''}><span class="muted">${at('assignee')}${colon()}</span><span data-testid="dry-assignee">${loc(s.assigneeRoleTitle) || s.assigneeRole || at('none')}</span></div>
        ${s.clocks.map((c) => {
          const before = other?.clocks.find((x) => x.key === c.key);
          return html`<span class="clock ${differs(c.dueAt, before?.dueAt) ? 'changed' : ''}" data-clock=${c.key}>${loc(c.title) || c.key}${colon()}<span data-testid="dry-due">${formatDateTime(c.dueAt)}</span> <span class="muted small">${atOr(`clock_${c.status}`, c.status)}</span></span>`;
        })}
        ${s.followUp ? html`<div class=${differs(s.followUp, other?.followUp) ? 'changed' : ''}>${at('followUpLine', { t: formatDateTime(s.followUp.dueAt), method: atOr(`method_${s.followUp.method}`, s.followUp.method), roles: s.followUp.roles.map((r) => loc((side === 'draft' ? draft.roles : draft.active?.effective.roles ?? {})[r]?.title) || r).join(listSeparator()) })}</div>` : nothing}
      </div>`;
    };
    return html`
      <div class="results" data-testid="dry-run-results">
        ${'error' in o.current ? (o.current.error === at('d_notInForce') ? html`<p class="muted">${at('inForce')}${colon()}${o.current.error}</p>` : html`<div class="error-box" role="alert">${at('inForce')}${colon()}${o.current.error}</div>`) : nothing}
        ${'error' in o.draft ? html`<div class="error-box" role="alert">${at('draftLabel')}${colon()}${o.draft.error}</div>` : nothing}
        ${'ok' in o.draft && !o.draft.ok.valid ? html`<div class="error-box" role="alert">${at('draftInvalid', { n: o.draft.ok.issues.length })}</div>` : nothing}
        ${rows ? html`
          <div class="res head"><div>${at('step')}</div><div>${at('inForce')}（${at('versionN', { n: o.version })}）</div><div>${at('draftLabel')}</div></div>
          ${Array.from({ length: rows }, (_, i) => html`
            <div class="res" data-row=${i}>
              <div><strong>${i}. ${stepName(next[i] ?? cur[i], i)}</strong><br><span class="muted small">${formatDateTime((next[i] ?? cur[i])?.at)}</span></div>
              ${cell(cur[i], next[i], 'current')}
              ${cell(next[i], cur[i], 'draft')}
            </div>`)}` : nothing}
      </div>`;
  }
}

customElements.define('wy-admin-dry-run', WyAdminDryRun);

declare global {
  interface HTMLElementTagNameMap {
    'wy-admin-dry-run': WyAdminDryRun;
  }
}
