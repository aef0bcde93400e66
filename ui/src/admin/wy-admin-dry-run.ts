import { LitElement, css, html, nothing } from 'lit';
import { api, ApiError } from '../api.js';
import { appState } from '../app-state.js';
import { formatDateTime } from '../format.js';
import { I18nController, loc } from '../i18n.js';
import { base } from '../styles.js';
import { adminStyles } from './admin-styles.js';
import { at, atOr, issueMessage, colon, listSeparator } from './admin-i18n.js';
import type { DryRunResponse, DryRunStep, FieldSchema, FormDeclaration, UiDeclaration, WorkflowDeclaration } from './admin-types.js';
import { draft, DraftController } from './draft-store.js';
import { sampleData } from './sample-data.js';
import { likelyPath } from './workflow-layout.js';

interface StepInput {
  transition: string;
  afterMinutes: number;
  data: string;
}

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
    steps: { state: true },
    outcome: { state: true },
    busy: { state: true },
    inputError: { state: true },
  };

  static override styles = [base, adminStyles, css`
    :host { display: block; }
    .step { display: grid; grid-template-columns: 28px 1.2fr 90px 2fr auto; gap: 6px; align-items: start; margin-bottom: 6px; }
    .step textarea { min-height: 34px; height: 34px; }
    .step textarea:focus { height: 90px; }
    .results { margin-top: 12px; }
    .res { display: grid; grid-template-columns: 170px 1fr 1fr; border-bottom: 1px solid var(--wy-border); }
    .res > div { padding: 6px 8px; font-size: 13px; }
    .res.head > div { font-weight: 600; color: var(--wy-muted); background: #fafbfc; }
    .res .changed { background: #fff8e1; }
    .clock { display: block; }
    .clock::before { content: '◷ '; color: var(--wy-muted); }
    .refused { color: var(--wy-danger); }
    textarea.code { min-height: 60px; }
  `];

  declare target: string;
  declare projectCode: string;
  declare start: string;
  declare severity: string;
  declare createData: string;
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
    this.createData = '{}';
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
    const form = draft.decl<FormDeclaration>(pluginId, 'forms', name, null);
    const ui = draft.names(pluginId, 'ui', null).map((n) => draft.decl<UiDeclaration>(pluginId, 'ui', n, null)).find((u) => u?.form === name);
    return { form, ui };
  }

  #severities(pluginId: string, wf: WorkflowDeclaration): { value: string; label: string }[] {
    if (!wf.severityField) return [];
    for (const n of draft.names(pluginId, 'forms', null)) {
      const f = draft.decl<FormDeclaration>(pluginId, 'forms', n, null)?.properties[wf.severityField] as FieldSchema | undefined;
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
    this.createData = JSON.stringify(sampleData(create.form, create.ui, at0), null, 1);
    this.severity = this.#severities(w.pluginId, w.wf)[0]?.value ?? '';
    this.steps = likelyPath(w.wf).map((transition) => this.#stepFor(transition, at0));
    this.outcome = null;
  }

  /** The severity goes into the data that enters the workflow's severity field (shown in its JSON too). */
  #setSeverity(severity: string) {
    this.severity = severity;
    const w = this.#wf();
    const field = w?.wf.severityField;
    if (!w || !field) return;
    const put = (text: string) => {
      try {
        const data = JSON.parse(text) as Record<string, unknown>;
        data[field] = severity;
        return JSON.stringify(data, null, 1);
      } catch {
        return text;
      }
    };
    if (this.#form(w.pluginId, w.wf.form).form?.properties[field]) {
      this.createData = put(this.createData);
      return;
    }
    const i = this.steps.findIndex((s) => this.#form(w.pluginId, w.wf.transitions[s.transition]?.form).form?.properties[field]);
    if (i >= 0) this.steps = this.steps.map((s, j) => (j === i ? { ...s, data: put(s.data) } : s));
  }

  #stepFor(transition: string, at0: Date): StepInput {
    const w = this.#wf()!;
    const t = w.wf.transitions[transition];
    const f = this.#form(w.pluginId, t?.form);
    return { transition, afterMinutes: 60, data: JSON.stringify(sampleData(f.form, f.ui, at0), null, 1) };
  }

  #body(withDraft: boolean) {
    const w = this.#wf()!;
    const parse = (text: string, what: string) => {
      try {
        const v = text.trim() ? JSON.parse(text) : {};
        if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new Error(at('mustBeObject'));
        return v as Record<string, unknown>;
      } catch (e) {
        throw new Error(`${what}: ${(e as Error).message}`);
      }
    };
    const create = parse(this.createData, at('createData'));
    const steps = this.steps.map((s, i) => ({ transition: s.transition, data: parse(s.data, at('stepN', { n: i + 1 })), afterMinutes: Math.max(0, Number(s.afterMinutes) || 0) }));
    // the severity picked above goes where the workflow's severity field is entered
    const sev = w.wf.severityField;
    if (sev && this.severity) {
      const inCreate = this.#form(w.pluginId, w.wf.form).form?.properties[sev];
      const stepIndex = steps.findIndex((s) => this.#form(w.pluginId, w.wf.transitions[s.transition]?.form).form?.properties[sev]);
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
        if (err instanceof ApiError) return { error: err.status === 404 ? at('endpointMissing') : [err.message, ...err.issues.map(issueMessage)].join(' ') };
        return { error: at('networkError') };
      }
    };
    const [a, b] = await Promise.all([call(current), call(withDraft)]);
    this.outcome = { current: a, draft: b, version: draft.active?.version ?? 0 };
    if ('ok' in b) draft.setIssues(b.ok.issues ?? [], 'dry-run');
    else if ('error' in b) draft.setIssues([], 'dry-run');
    this.busy = false;
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
      <label class="block" style="margin-top:8px">${at('createData')}
        <textarea class="code" aria-label=${at('createData')} .value=${this.createData} @change=${(e: Event) => { this.createData = (e.target as HTMLTextAreaElement).value; }}></textarea></label>
      <h3 style="margin-top:10px">${at('path')}</h3>
      ${this.steps.map((s, i) => html`
        <div class="step">
          <span class="muted">${i + 1}.</span>
          <select aria-label=${at('stepTransition', { n: i + 1 })} @change=${(e: Event) => {
            const next = [...this.steps];
            next[i] = { ...this.#stepFor((e.target as HTMLSelectElement).value, new Date(this.start)), afterMinutes: s.afterMinutes };
            this.steps = next;
          }}>
            ${transitions.map(([id, t]) => html`<option value=${id} ?selected=${id === s.transition}>${loc(t.title) || id}</option>`)}
          </select>
          <label class="inline small"><input type="number" min="0" class="num" aria-label=${at('stepAfter', { n: i + 1 })} .value=${String(s.afterMinutes)}
            @change=${(e: Event) => { const next = [...this.steps]; next[i] = { ...s, afterMinutes: Number((e.target as HTMLInputElement).value) }; this.steps = next; }}>${at('minutesLater')}</label>
          <textarea class="code" aria-label=${at('stepData', { n: i + 1 })} .value=${s.data}
            @change=${(e: Event) => { const next = [...this.steps]; next[i] = { ...s, data: (e.target as HTMLTextAreaElement).value }; this.steps = next; }}></textarea>
          <button type="button" class="icon" aria-label=${at('removeStep', { n: i + 1 })} @click=${() => { this.steps = this.steps.filter((_, j) => j !== i); }}>✕</button>
        </div>`)}
      <div class="toolbar">
        <button type="button" @click=${() => { if (transitions[0]) this.steps = [...this.steps, this.#stepFor(transitions[0][0], new Date(this.start))]; }}>${at('addStep')}</button>
        <button type="button" class="primary" ?disabled=${this.busy || !w} @click=${this.#run}>${this.busy ? at('running') : at('runDryRun')}</button>
      </div>
      ${this.inputError ? html`<div class="error-box" role="alert">${this.inputError}</div>` : nothing}
      ${this.outcome ? this.#results(this.outcome) : nothing}
    `;
  }

  #results(o: { current: Outcome; draft: Outcome; version: number }) {
    const cur = 'ok' in o.current ? o.current.ok.steps : [];
    const next = 'ok' in o.draft ? o.draft.ok.steps : [];
    const rows = Math.max(cur.length, next.length);
    const w = this.#wf();
    const stepName = (s: DryRunStep | undefined, i: number) => {
      const tr = s?.transition ?? (i === 0 ? null : this.steps[i - 1]?.transition ?? null);
      return tr === null ? at('created') : loc(w?.wf.transitions[tr]?.title) || tr;
    };
    const cell = (s: DryRunStep | undefined, other: DryRunStep | undefined, side: 'current' | 'draft') => {
      if (!s) return html`<div></div>`;
      const differs = (a: unknown, b: unknown) => side === 'draft' && other !== undefined && JSON.stringify(a) !== JSON.stringify(b);
      return html`<div data-side=${side} data-step=${s.index}>
        ${s.refused ? html`<div class="refused">${at('refused')}${colon()}${s.refused.message}</div>` : nothing}
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
        ${'error' in o.current ? html`<div class="error-box" role="alert">${at('inForce')}${colon()}${o.current.error}</div>` : nothing}
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
