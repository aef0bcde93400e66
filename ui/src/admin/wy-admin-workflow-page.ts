import { LitElement, css, html, nothing } from 'lit';
import { I18nController, loc } from '../i18n.js';
import { base } from '../styles.js';
import { adminStyles } from './admin-styles.js';
import { at, colon, listSeparator } from './admin-i18n.js';
import type { DeadlineDecl, Duration, FieldSchema, FollowUpDecl, FormDeclaration, Text, TransitionDecl, WorkflowDeclaration } from './admin-types.js';
import { freshId } from './generated-ids.js';
import './designer-i18n.js';
import './wy-admin-transition-steps.js';
import './wy-admin-conversions.js';
import './wy-admin-add-follow-up.js';
import { isCompanyBundle } from './company-types.js';
import { removeFollowUp } from './follow-up-policy.js';
import { declPointer, draft, DraftController } from './draft-store.js';
import { ctl, focusPointer, invalid, issueId, issueNote } from './issue-view.js';
import { pointerWithin } from './patch.js';
import './wy-admin-workflow-diagram.js';
import { conditionWords, type Place } from './change-words.js';
import { syncSelects } from './select-sync.js';

const UNITS: Duration['unit'][] = ['minutes', 'hours', 'days', 'workingDays'];
const METHODS = ['phone', 'onSite', 'any'] as const;

/**
 * Workflow: the diagram, states (title, final, role assigned on entry), transitions (title,
 * from, to, roles), deadline clocks (duration, per-severity durations, escalation) and the
 * follow-up policy of one case type, edited on the draft.
 */
export class WyAdminWorkflowPage extends LitElement {
  static override properties = {
    query: { attribute: false },
    pluginId: { state: true },
    caseType: { state: true },
    selected: { state: true },
    formError: { state: true },
    showEnglish: { state: true },
  };

  static override styles = [base, adminStyles, css`
    :host { display: block; }
    table input:not([type='checkbox']), table select { width: 100%; }
    .tr { border: 1px solid var(--wy-border); border-radius: var(--wy-radius); padding: 10px; margin-bottom: 8px; background: #fff; }
    .tr.selected, tr.selected { outline: 2px solid #f0a500; }
    .tr .grid { grid-template-columns: repeat(auto-fill, minmax(180px, 1fr)); }
    .duration { display: flex; gap: 4px; align-items: center; }
    .duration input { width: 80px; }
    .sev { display: flex; gap: 6px; align-items: center; flex-wrap: wrap; margin: 4px 0; }
    .kv { font-size: 12px; color: var(--wy-muted); }
    .kv code { font-size: 11px; }
    h3 { margin-top: 4px; }
    details.tr { padding: 0; }
    details.tr > summary { cursor: pointer; padding: 8px 10px; display: flex; gap: 8px; align-items: baseline; flex-wrap: wrap; list-style-position: inside; }
    details.tr > summary strong { font-weight: 600; }
    details.tr > summary .what { color: var(--wy-muted); font-size: 13px; }
    details.tr[open] > summary { border-bottom: 1px solid var(--wy-border); }
    details.tr > .body { padding: 10px; }
    table.states td, table.states th { padding: 4px 6px; }
  `];

  declare query: URLSearchParams;
  declare pluginId: string;
  declare caseType: string;
  declare selected: string;
  declare formError: string;
  /** the English names are edited on request (staff read the Chinese ones) */
  declare showEnglish: boolean;
  #focused = '';

  constructor() {
    super();
    new I18nController(this);
    new DraftController(this);
    this.query = new URLSearchParams();
    this.pluginId = '';
    this.caseType = '';
    this.selected = '';
    this.formError = '';
    this.showEnglish = false;
  }

  #workflows(): { pluginId: string; caseType: string }[] {
    return draft.pluginIds().flatMap((pluginId) => draft.names(pluginId, 'workflows').map((caseType) => ({ pluginId, caseType })));
  }

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('query')) {
      const all = this.#workflows();
      // the shell may re-create this page with the query of the tab link; the workflow picked
      // since then is in the address (replaceState below), so it is read from there too
      const fromHash = new URLSearchParams(location.hash.split('?')[1] ?? '');
      const q = this.query.get('caseType') ? this.query : fromHash;
      const wanted = all.find((w) => w.caseType === q.get('caseType') && (!q.get('plugin') || w.pluginId === q.get('plugin')))
        ?? all.find((w) => w.caseType === 'complaint') ?? all[0];
      this.pluginId = wanted?.pluginId ?? '';
      this.caseType = wanted?.caseType ?? '';
    }
  }

  override updated(): void {
    syncSelects(this.renderRoot);
    const focus = this.query.get('focus');
    if (focus && focus !== this.#focused && focusPointer(this.renderRoot, focus)) this.#focused = focus;
  }

  #wf(): WorkflowDeclaration | undefined {
    return draft.decl<WorkflowDeclaration>(this.pluginId, 'workflows', this.caseType);
  }

  #edit(edit: (wf: WorkflowDeclaration) => void) {
    draft.update<WorkflowDeclaration>(this.pluginId, 'workflows', this.caseType, edit);
  }

  #p(...path: (string | number)[]) {
    return declPointer(draft.scope, this.pluginId, 'workflows', this.caseType, ...path);
  }

  /** The severity field's values and labels (from whichever form of the plugin declares it). */
  #severities(wf: WorkflowDeclaration): { value: string; label: string }[] {
    const field = wf.severityField ?? wf.categoryField; // or the category a workflow without a severity is graded by
    if (!field) return [];
    for (const name of draft.names(this.pluginId, 'forms')) {
      const f = draft.decl<FormDeclaration>(this.pluginId, 'forms', name)?.properties[field] as FieldSchema | undefined;
      if (Array.isArray(f?.enum)) return f!.enum.map((v) => ({ value: String(v), label: loc(f!['x-enumLabels']?.[String(v)]) || String(v) }));
    }
    return [];
  }

  #roles() {
    return Object.entries(draft.roles).map(([id, r]) => ({ id, label: loc(r.title) || id }));
  }

  /** Where this workflow's conditions are read (for their words). */
  #place(): Place {
    return { scope: draft.scope, pluginId: this.pluginId, section: 'workflows', name: this.caseType, path: [], area: 'decl' };
  }

  #focusFor(ptr: string) {
    const focus = this.query.get('focus');
    return (!!focus && pointerWithin(focus, ptr)) || draft.issuesWithin(ptr).length > 0;
  }

  override render() {
    const wf = this.#wf();
    const all = this.#workflows();
    return html`
      <div class="toolbar">
        <label>${at('workflow')}
          <select data-value=${`${this.pluginId}/${this.caseType}`} @change=${(e: Event) => {
            const [pluginId, caseType] = (e.target as HTMLSelectElement).value.split('/');
            const q = new URLSearchParams(this.query);
            q.set('plugin', pluginId!);
            q.set('caseType', caseType!);
            q.delete('focus');
            history.replaceState(null, '', `#/admin/workflow?${q.toString()}`);
            this.query = q;
          }}>
            ${all.map((w) => html`<option value=${`${w.pluginId}/${w.caseType}`} ?selected=${w.caseType === this.caseType && w.pluginId === this.pluginId}>
              ${loc(draft.decl<WorkflowDeclaration>(w.pluginId, 'workflows', w.caseType)?.title) || w.caseType}</option>`)}
          </select></label>
        ${draft.scope ? html`<span class="badge overridden">${draft.overridden(this.pluginId, 'workflows', this.caseType, draft.scope) ? at('projectOverrides') : at('projectInherits')}</span>` : nothing}
        <span class="spacer"></span>
        <label class="inline small"><input type="checkbox" .checked=${this.showEnglish} @change=${(e: Event) => { this.showEnglish = (e.target as HTMLInputElement).checked; }}>${at('editEnglishNames')}</label>
      </div>
      ${wf ? html`
        <section class="card" aria-labelledby="diagram-title">
          <h2 id="diagram-title">${at('diagram')}</h2>
          <wy-admin-workflow-diagram .workflow=${wf} .selected=${this.selected}
            @wy-state-select=${(e: CustomEvent<{ state: string }>) => {
              this.selected = e.detail.state;
              this.renderRoot.querySelector(`[data-state-row="${CSS.escape(e.detail.state)}"]`)?.scrollIntoView({ block: 'center' });
            }}></wy-admin-workflow-diagram>
        </section>
        ${this.#states(wf)}
        ${this.#transitions(wf)}
        ${this.#deadlines(wf)}
        <wy-admin-conversions .pluginId=${this.pluginId} .caseType=${this.caseType}></wy-admin-conversions>
        ${this.#followUp(wf)}
      ` : html`<p class="muted">${at('noWorkflows')}</p>`}
    `;
  }

  // ---- states ----

  #states(wf: WorkflowDeclaration) {
    const roles = this.#roles();
    const setTitle = (id: string, lang: 'zh-CN' | 'en', v: string) => this.#edit((w) => {
      const s = w.states[id];
      if (!s) return;
      const title: Partial<Text> = { ...s.title };
      if (v.trim()) title[lang] = v;
      else delete title[lang];
      s.title = title as Text;
    });
    const add = (e: Event) => {
      e.preventDefault();
      const fd = new FormData(e.target as HTMLFormElement);
      // the id is made up, never typed, and kept when the title changes
      const id = freshId('state', Object.keys(wf.states));
      const zh = String(fd.get('zh') ?? '').trim();
      if (!zh) { this.formError = at('stateInvalid'); return; }
      this.formError = '';
      this.#edit((w) => { w.states[id] = { title: { 'zh-CN': zh }, ...(fd.get('final') === 'on' ? { final: true } : {}) }; });
      (e.target as HTMLFormElement).reset();
    };
    return html`
      <section class="card" aria-labelledby="states-title" data-pointer=${ctl(this.#p('states'))}>
        <h2 id="states-title">${at('states')}</h2>
        ${issueNote(this.#p('states'))}
        <table class="states">
          <thead><tr><th>${at('labelZh')}</th>${this.showEnglish ? html`<th>${at('labelEn')}</th>` : nothing}<th>${at('final')}</th><th>${at('assignRole')}</th><th></th></tr></thead>
          <tbody>
            ${Object.entries(wf.states).map(([id, s]) => {
              const name = loc(s.title) || id;
              return html`
              <tr data-state-row=${id} class=${this.selected === id ? 'selected' : ''} data-pointer=${ctl(this.#p('states', id))}>
                <td><input aria-label=${at('stateTitleZh', { name })} .value=${s.title?.['zh-CN'] ?? ''} data-pointer=${ctl(this.#p('states', id, 'title', 'zh-CN'))}
                  aria-invalid=${invalid(this.#p('states', id, 'title', 'zh-CN'))} @input=${(e: Event) => setTitle(id, 'zh-CN', (e.target as HTMLInputElement).value)}>
                  ${id === wf.initialState ? html` <span class="badge">${at('initial')}</span>` : nothing}
                  ${issueNote(this.#p('states', id, 'title', 'zh-CN'))}${issueNote(this.#p('states', id))}</td>
                ${this.showEnglish ? html`<td><input aria-label=${at('stateTitleEn', { name })} .value=${s.title?.en ?? ''} @input=${(e: Event) => setTitle(id, 'en', (e.target as HTMLInputElement).value)}></td>` : nothing}
                <td><input type="checkbox" aria-label=${at('stateFinal', { name })} .checked=${s.final === true}
                  @change=${(e: Event) => this.#edit((w) => { const st = w.states[id]!; if ((e.target as HTMLInputElement).checked) st.final = true; else delete st.final; })}></td>
                <td><select aria-label=${at('stateAssign', { name })} data-pointer=${ctl(this.#p('states', id, 'assignRole'))} aria-invalid=${invalid(this.#p('states', id, 'assignRole'))}
                  @change=${(e: Event) => this.#edit((w) => { const v = (e.target as HTMLSelectElement).value; const st = w.states[id]!; if (v) st.assignRole = v; else delete st.assignRole; })}>
                  <option value="" ?selected=${!s.assignRole}>${at('keepAssignee')}</option>
                  ${s.assignRole && !draft.roles[s.assignRole] ? html`<option value=${s.assignRole} selected>${s.assignRole}</option>` : nothing}
                  ${roles.map((r) => html`<option value=${r.id} ?selected=${r.id === s.assignRole}>${r.label}</option>`)}
                </select>${issueNote(this.#p('states', id, 'assignRole'))}</td>
                <td><button type="button" class="icon danger" aria-label=${at('removeState', { name })} ?disabled=${id === wf.initialState}
                  @click=${() => { if (confirm(at('removeStateConfirm', { name }))) this.#edit((w) => { delete w.states[id]; }); }}>${at('remove')}</button></td>
              </tr>`;
            })}
          </tbody>
        </table>
        <form class="row" @submit=${add} style="margin-top:10px" aria-label=${at('addState')}>
          <label>${at('labelZh')}<input name="zh" required></label>
          <label class="inline"><input type="checkbox" name="final">${at('final')}</label>
          <button type="submit">${at('addState')}</button>
        </form>
        ${this.formError ? html`<div class="issue" role="alert">${this.formError}</div>` : nothing}
      </section>`;
  }

  // ---- transitions ----

  /** Checkboxes for a list of ids; `label` is `name · what` for screen readers, `what` is shown. */
  #chips(label: string, options: { id: string; label: string }[], chosen: string[], ptr: string, set: (next: string[]) => void, collapsed = false) {
    const missing = chosen.filter((c) => !options.some((o) => o.id === c));
    const shown = label.includes(' · ') ? label.slice(label.lastIndexOf(' · ') + 3) : label;
    const boxes = html`<span class="chips" role="group" aria-label=${label} data-pointer=${ctl(ptr)} aria-invalid=${invalid(ptr)} tabindex="-1" aria-describedby=${issueId(ptr)}>
      ${[...missing.map((id) => ({ id, label: `${id}（${at('missing')}）` })), ...options].map((o) => html`<label><input type="checkbox" .checked=${chosen.includes(o.id)}
        @change=${(e: Event) => set((e.target as HTMLInputElement).checked ? [...chosen, o.id] : chosen.filter((c) => c !== o.id))}>${o.label}</label>`)}
    </span>${issueNote(ptr)}`;
    if (!collapsed) return html`<fieldset><legend>${shown}</legend>${boxes}</fieldset>`;
    const summary = chosen.map((c) => options.find((o) => o.id === c)?.label ?? c).join(listSeparator()) || at('none');
    return html`<details ?open=${this.#focusFor(ptr)}><summary><span class="small muted">${shown}${colon()}</span>${summary}</summary>${boxes}</details>`;
  }

  #transitions(wf: WorkflowDeclaration) {
    const states = Object.entries(wf.states).map(([id, s]) => ({ id, label: loc(s.title) || id }));
    const roles = this.#roles();
    const edit = (id: string, fn: (t: TransitionDecl) => void) => this.#edit((w) => { const t = w.transitions[id]; if (t) fn(t); });
    const setTitle = (id: string, lang: 'zh-CN' | 'en', v: string) => edit(id, (t) => {
      const title: Partial<Text> = { ...t.title };
      if (v.trim()) title[lang] = v;
      else delete title[lang];
      t.title = title as Text;
    });
    const add = (e: Event) => {
      e.preventDefault();
      const fd = new FormData(e.target as HTMLFormElement);
      const id = freshId('transition', Object.keys(wf.transitions));
      const zh = String(fd.get('zh') ?? '').trim();
      const from = String(fd.get('from') ?? '');
      const to = String(fd.get('to') ?? '').trim();
      if (!zh || !to) { this.formError = at('transitionInvalid'); return; }
      this.formError = '';
      this.#edit((w) => { w.transitions[id] = { title: { 'zh-CN': zh }, from: [from], to, roles: [...wf.createRoles] as never }; });
      (e.target as HTMLFormElement).reset();
    };
    return html`
      <section class="card" aria-labelledby="transitions-title">
        <h2 id="transitions-title">${at('transitions')}</h2>
        ${Object.entries(wf.transitions).map(([id, t]) => {
          const name = loc(t.title) || id;
          const p = (...path: (string | number)[]) => this.#p('transitions', id, ...path);
          const selected = this.selected && (t.from.includes(this.selected) || t.to === this.selected);
          const stateName = (s: string) => loc(wf.states[s]?.title) || s;
          const formTitle = t.form ? loc(draft.decl<FormDeclaration>(this.pluginId, 'forms', t.form)?.['x-label']) || t.form : '';
          return html`
            <details class="tr ${selected ? 'selected' : ''}" data-pointer=${ctl(p())} data-transition=${id} role="group" aria-label=${name} ?open=${this.#focusFor(p()) || !!selected}>
              <summary>
                <strong>${name}</strong>
                <span class="what">${t.from.map(stateName).join(listSeparator())} → ${stateName(t.to)}${(t.branches ?? []).map((b) => html`${listSeparator()}${stateName(b.to)}`)}</span>
                <span class="what">· ${t.roles.map((r) => loc(draft.roles[r]?.title) || r).join(listSeparator())}</span>
                ${t.system ? html`<span class="badge">${at('system')}</span>` : nothing}
                ${t.form ? html`<span class="badge">${at('withForm', { form: formTitle })}</span>` : nothing}
              </summary>
              <div class="body">
              <div class="card-head">
                <span class="spacer"></span>
                <button type="button" class="icon danger" aria-label=${at('removeTransition', { name })}
                  @click=${() => { if (confirm(at('removeTransitionConfirm', { name }))) this.#edit((w) => { delete w.transitions[id]; }); }}>${at('remove')}</button>
              </div>
              ${issueNote(p())}
              <div class="grid">
                <label>${at('labelZh')}<input .value=${t.title?.['zh-CN'] ?? ''} data-pointer=${ctl(p('title', 'zh-CN'))} aria-invalid=${invalid(p('title', 'zh-CN'))}
                  @input=${(e: Event) => setTitle(id, 'zh-CN', (e.target as HTMLInputElement).value)}>${issueNote(p('title', 'zh-CN'))}</label>
                ${this.showEnglish ? html`<label>${at('labelEn')}<input .value=${t.title?.en ?? ''} @input=${(e: Event) => setTitle(id, 'en', (e.target as HTMLInputElement).value)}></label>` : nothing}
                <label>${at('to')}<select aria-label=${at('transitionTo', { name })} data-value=${t.to}
                  data-pointer=${ctl(p('to'))} aria-invalid=${invalid(p('to'))} aria-describedby=${issueId(p('to'))}
                  @change=${(e: Event) => edit(id, (x) => { x.to = (e.target as HTMLSelectElement).value; })}>
                  ${wf.states[t.to] ? nothing : html`<option value=${t.to} selected>${at('missingState')}</option>`}
                  ${states.map((st) => html`<option value=${st.id} ?selected=${st.id === t.to}>${st.label}</option>`)}
                  </select>
                  ${issueNote(p('to'))}</label>
                <label>${at('d_form')}<select aria-label=${at('d_formOf', { name })} data-pointer=${ctl(p('form'))} aria-invalid=${invalid(p('form'))}
                  @change=${(e: Event) => edit(id, (x) => { const v = (e.target as HTMLSelectElement).value; if (v) x.form = v; else delete x.form; })}>
                  <option value="" ?selected=${!t.form}>${at('d_noForm')}</option>
                  ${draft.names(this.pluginId, 'forms').filter((f) => f !== wf.form).map((f) => html`<option value=${f} ?selected=${f === t.form}>${loc(draft.decl<FormDeclaration>(this.pluginId, 'forms', f)?.['x-label']) || f}</option>`)}
                </select>${issueNote(p('form'))}</label>
                <label class="inline" title=${at('d_systemHint')}><input type="checkbox" aria-label=${at('d_systemOf', { name })} .checked=${!!t.system}
                  @change=${(e: Event) => edit(id, (x) => { if ((e.target as HTMLInputElement).checked) x.system = true; else delete x.system; })}>${at('d_system')}</label>
              </div>
              ${this.#chips(at('fromStates', { name }), states, t.from, p('from'), (next) => edit(id, (x) => { x.from = next as never; }), true)}
              ${this.#chips(at('transitionRoles', { name }), roles, t.roles, p('roles'), (next) => edit(id, (x) => { x.roles = next as never; }), true)}
              ${(t.branches ?? []).map((b, i) => html`
                <div class="sev"><span class="small muted">${at('branch')}</span><span class="small">${at('branchWhen', { c: conditionWords(this.#place(), b.when) })}</span> →
                  <select aria-label=${at('branchTo', { name, n: i + 1 })} data-value=${b.to} data-pointer=${ctl(p('branches', i, 'to'))} aria-invalid=${invalid(p('branches', i, 'to'))}
                    @change=${(e: Event) => edit(id, (x) => { x.branches![i]!.to = (e.target as HTMLSelectElement).value; })}>
                    ${wf.states[b.to] ? nothing : html`<option value=${b.to} selected>${at('missingState')}</option>`}
                    ${states.map((st) => html`<option value=${st.id} ?selected=${st.id === b.to}>${st.label}</option>`)}
                  </select>
                  ${issueNote(p('branches', i, 'to'))}</div>`)}
              <wy-admin-transition-steps .pluginId=${this.pluginId} .caseType=${this.caseType} .transition=${id}></wy-admin-transition-steps>
              </div>
            </details>`;
        })}
        <form class="row" @submit=${add} aria-label=${at('addTransition')}>
          <label>${at('labelZh')}<input name="zh" required></label>
          <label>${at('from')}<select name="from">${states.map((s) => html`<option value=${s.id}>${s.label}</option>`)}</select></label>
          <label>${at('to')}<select name="to">${states.map((s) => html`<option value=${s.id}>${s.label}</option>`)}</select></label>
          <button type="submit">${at('addTransition')}</button>
        </form>
      </section>`;
  }

  // ---- deadlines ----

  #duration(label: string, d: Duration | undefined, ptr: string, set: (d: Duration) => void) {
    const amount = d?.amount;
    return html`<span class="duration">
      <input type="number" step="1" aria-label=${`${label} · ${at('amount')}`} .value=${amount === undefined ? '' : String(amount)}
        data-pointer=${ctl(`${ptr}/amount`)} aria-invalid=${invalid(`${ptr}/amount`)} aria-describedby=${issueId(`${ptr}/amount`)}
        @input=${(e: Event) => { const v = (e.target as HTMLInputElement).value; if (v !== '' && Number.isFinite(Number(v))) set({ amount: Number(v), unit: d?.unit ?? 'hours' }); }}>
      <select aria-label=${`${label} · ${at('unit')}`} data-pointer=${ctl(`${ptr}/unit`)} aria-invalid=${invalid(`${ptr}/unit`)}
        @change=${(e: Event) => set({ amount: amount ?? 1, unit: (e.target as HTMLSelectElement).value as Duration['unit'] })}>
        ${UNITS.map((u) => html`<option value=${u} ?selected=${u === d?.unit}>${at(`unit_${u}`)}</option>`)}
      </select>
    </span>${issueNote(`${ptr}/amount`)}${issueNote(`${ptr}/unit`)}`;
  }

  #deadlines(wf: WorkflowDeclaration) {
    const states = Object.entries(wf.states).map(([id, s]) => ({ id, label: loc(s.title) || id }));
    const severities = this.#severities(wf);
    const roles = this.#roles();
    const edit = (id: string, fn: (d: DeadlineDecl) => void) => this.#edit((w) => { const d = w.deadlines?.[id]; if (d) fn(d); });
    const add = (e: Event) => {
      e.preventDefault();
      const fd = new FormData(e.target as HTMLFormElement);
      const id = freshId('deadline', Object.keys(wf.deadlines ?? {}));
      const zh = String(fd.get('zh') ?? '').trim();
      if (!zh) { this.formError = at('clockInvalid'); return; }
      this.formError = '';
      const finals = Object.entries(wf.states).filter(([, s]) => s.final).map(([k]) => k);
      this.#edit((w) => {
        (w.deadlines ??= {})[id] = {
          title: { 'zh-CN': zh }, startOn: [wf.initialState] as never, stopOn: (finals.length ? finals : [wf.initialState]) as never,
          duration: { amount: Number(fd.get('amount')) || 1, unit: String(fd.get('unit')) as Duration['unit'] },
        };
      });
      (e.target as HTMLFormElement).reset();
    };
    return html`
      <section class="card" aria-labelledby="deadlines-title">
        <h2 id="deadlines-title">${at('deadlines')}</h2>
        <p class="hint">${at('deadlinesHint')}</p>
        ${Object.entries(wf.deadlines ?? {}).map(([id, d]) => {
          const name = loc(d.title) || id;
          const p = (...path: (string | number)[]) => this.#p('deadlines', id, ...path);
          const used = Object.keys(d.bySeverity ?? {});
          const free = severities.filter((s) => !used.includes(s.value));
          const words = (x: Duration | undefined) => (x ? `${x.amount} ${at(`unitShort_${x.unit}`)}` : '');
          return html`
            <details class="tr" data-pointer=${ctl(p())} data-deadline=${id} role="group" aria-label=${name} ?open=${this.#focusFor(p())}>
              <summary>
                <strong>${name}</strong>
                <span class="what">${words(d.duration as Duration)}${used.map((sev) => html`${listSeparator()}${severities.find((s) => s.value === sev)?.label ?? sev} ${words(d.bySeverity![sev] as Duration)}`)}</span>
                ${d.onlyFor?.length ? html`<span class="badge">${at('onlyForBadge', { list: d.onlyFor.map((v) => severities.find((s) => s.value === v)?.label ?? v).join(listSeparator()) })}</span>` : nothing}
              </summary>
              <div class="body">
              <div class="card-head">
                <span class="spacer"></span>
                <button type="button" class="icon danger" aria-label=${at('removeClock', { name })}
                  @click=${() => { if (confirm(at('removeClockConfirm', { name }))) this.#edit((w) => { delete w.deadlines![id]; if (!Object.keys(w.deadlines!).length) delete w.deadlines; }); }}>${at('remove')}</button>
              </div>
              ${issueNote(p())}
              <div class="row">
                <label>${at('labelZh')}<input .value=${d.title?.['zh-CN'] ?? ''} data-pointer=${ctl(p('title', 'zh-CN'))} aria-invalid=${invalid(p('title', 'zh-CN'))}
                  @input=${(e: Event) => edit(id, (x) => { x.title = { ...x.title, 'zh-CN': (e.target as HTMLInputElement).value }; })}>${issueNote(p('title', 'zh-CN'))}</label>
                <div><span class="small muted">${at('duration')}</span>${this.#duration(name, d.duration as Duration, p('duration'), (v) => edit(id, (x) => { x.duration = v; }))}</div>
                <label>${at('escalateTo')}
                  <select aria-label=${at('escalateOf', { name })} data-pointer=${ctl(p('escalateTo'))} aria-invalid=${invalid(p('escalateTo'))}
                    @change=${(e: Event) => edit(id, (x) => { const v = (e.target as HTMLSelectElement).value; if (v) x.escalateTo = v; else delete x.escalateTo; })}>
                    <option value="" ?selected=${!d.escalateTo}>${at('escalateDefault')}</option>
                    ${d.escalateTo && !draft.roles[d.escalateTo] ? html`<option value=${d.escalateTo} selected>${d.escalateTo}</option>` : nothing}
                    ${roles.map((r) => html`<option value=${r.id} ?selected=${r.id === d.escalateTo}>${r.label}</option>`)}
                  </select>${issueNote(p('escalateTo'))}</label>
                ${this.#onExpiry(wf, id, d, name)}
              </div>
              <fieldset data-pointer=${ctl(p('bySeverity'))}>
                <legend>${at('bySeverity')}</legend>
                ${used.map((sev) => {
                  const label = severities.find((s) => s.value === sev)?.label ?? sev;
                  return html`<div class="sev" data-pointer=${ctl(p('bySeverity', sev))}>
                    <span>${label}</span>
                    ${this.#duration(`${name} · ${label}`, d.bySeverity![sev] as Duration, p('bySeverity', sev), (v) => edit(id, (x) => { x.bySeverity![sev] = v; }))}
                    <button type="button" class="icon" aria-label=${at('removeOverride', { name, sev: label })}
                      @click=${() => edit(id, (x) => { delete x.bySeverity![sev]; if (!Object.keys(x.bySeverity!).length) delete x.bySeverity; })}>✕</button>
                    ${issueNote(p('bySeverity', sev))}
                  </div>`;
                })}
                ${free.length ? html`<div class="sev">
                  <select aria-label=${at('overrideSeverity', { name })} data-new-severity=${id}>${free.map((s) => html`<option value=${s.value}>${s.label}</option>`)}</select>
                  <button type="button" class="icon" @click=${(e: Event) => {
                    const sel = (e.target as HTMLElement).parentElement!.querySelector('select')!;
                    edit(id, (x) => { (x.bySeverity ??= {})[sel.value] = { ...(x.duration as Duration) }; });
                  }}>${at('addOverride')}</button></div>` : severities.length ? nothing : html`<p class="hint">${at('noSeverityField')}</p>`}
                ${issueNote(p('bySeverity'))}
              </fieldset>
              ${severities.length ? this.#chips(at('onlyFor', { name }), severities.map((s) => ({ id: s.value, label: s.label })), d.onlyFor ?? [], p('onlyFor'),
                (next) => edit(id, (x) => { if (next.length) x.onlyFor = next; else delete x.onlyFor; }), true) : nothing}
              ${this.#chips(at('startOn', { name }), states, d.startOn, p('startOn'), (next) => edit(id, (x) => { x.startOn = next as never; }), true)}
              ${this.#chips(at('stopOn', { name }), states, d.stopOn, p('stopOn'), (next) => edit(id, (x) => { x.stopOn = next as never; }), true)}
              </div>
            </details>`;
        })}
        <form class="row" @submit=${add} aria-label=${at('addClock')}>
          <label>${at('labelZh')}<input name="zh" required></label>
          <label>${at('amount')}<input name="amount" type="number" min="0" class="num" value="1"></label>
          <label>${at('unit')}<select name="unit">${UNITS.map((u) => html`<option value=${u}>${at(`unit_${u}`)}</option>`)}</select></label>
          <button type="submit">${at('addClock')}</button>
        </form>
      </section>`;
  }

  /** 到期时: only escalate, or take a transition (chosen by title) that leaves every state the clock runs in. */
  #onExpiry(wf: WorkflowDeclaration, id: string, d: DeadlineDecl, name: string) {
    const ptr = this.#p('deadlines', id, 'onExpiry', 'transition');
    const chosen = d.onExpiry?.transition;
    const usable = Object.entries(wf.transitions).filter(([, t]) => d.startOn.every((s) => t.from.includes(s)));
    return html`<label>${at('d_onExpiry')}
      <select aria-label=${at('d_onExpiryOf', { name })} data-pointer=${ctl(ptr)} aria-invalid=${invalid(ptr)} aria-describedby=${issueId(ptr)}
        @change=${(e: Event) => this.#edit((w) => {
          const x = w.deadlines?.[id];
          if (!x) return;
          const v = (e.target as HTMLSelectElement).value;
          if (v) x.onExpiry = { transition: v }; else delete x.onExpiry;
        })}>
        <option value="" ?selected=${!chosen}>${at('d_onExpiryEscalate')}</option>
        ${chosen && !usable.some(([t]) => t === chosen) ? html`<option value=${chosen} selected>${loc(wf.transitions[chosen]?.title) || at('missing')}</option>` : nothing}
        ${usable.map(([t, tr]) => html`<option value=${t} ?selected=${t === chosen}>${at('d_onExpiryTake', { t: loc(tr.title) || t })}</option>`)}
      </select>${issueNote(ptr)}<span class="hint small">${at('d_onExpiryHint')}</span></label>`;
  }

  // ---- follow-up ----

  /** Takes away the policy, its two steps, 安排回访 and its form when no step uses that form. */
  #removeFollowUp(wf: WorkflowDeclaration) {
    if (!confirm(at('fu_removeConfirm'))) return;
    const { workflow, formName } = removeFollowUp(wf);
    draft.setDecl(this.pluginId, 'workflows', this.caseType, workflow, null);
    if (formName) {
      draft.setDecl(this.pluginId, 'forms', formName, null, null);
      draft.setDecl(this.pluginId, 'ui', formName, null, null);
    }
  }

  #followUp(wf: WorkflowDeclaration) {
    const f = wf.followUp;
    // a company's own type is its own definition: the editor may add or take away the whole policy
    const ownType = isCompanyBundle(this.pluginId) && !draft.scope;
    if (!f) {
      return html`<section class="card" aria-labelledby="follow-up-title"><h2 id="follow-up-title">${at('followUp')}</h2><p class="muted">${at('noFollowUp')}</p>
        ${ownType ? html`<wy-admin-add-follow-up .pluginId=${this.pluginId} .caseType=${this.caseType}></wy-admin-add-follow-up>` : nothing}</section>`;
    }
    const severities = this.#severities(wf);
    const roles = this.#roles();
    const p = (...path: (string | number)[]) => this.#p('followUp', ...path);
    const edit = (fn: (x: FollowUpDecl) => void) => this.#edit((w) => { if (w.followUp) fn(w.followUp); });
    const methodSelect = (label: string, value: string, ptr: string, set: (v: string) => void) => html`
      <select aria-label=${label} data-pointer=${ctl(ptr)} aria-invalid=${invalid(ptr)} @change=${(e: Event) => set((e.target as HTMLSelectElement).value)}>
        ${METHODS.map((m) => html`<option value=${m} ?selected=${m === value}>${at(`method_${m}`)}</option>`)}
      </select>${issueNote(ptr)}`;
    const usedMethod = Object.keys(f.methodBySeverity ?? {});
    const freeMethod = severities.filter((s) => !usedMethod.includes(s.value));
    const usedRoles = Object.keys(f.rolesBySeverity ?? {});
    const freeRoles = severities.filter((s) => !usedRoles.includes(s.value));
    return html`
      <section class="card" aria-labelledby="follow-up-title" data-pointer=${ctl(p())}>
        <h2 id="follow-up-title">${at('followUp')}</h2>
        ${issueNote(p())}
        <div class="row">
          <div><span class="small muted">${at('followUpDeadline')}</span>${this.#duration(at('followUpDeadline'), f.deadline as Duration, p('deadline'), (v) => edit((x) => { x.deadline = v; }))}</div>
          <label>${at('followUpMethod')}${methodSelect(at('followUpMethod'), f.method, p('method'), (v) => edit((x) => { x.method = v as never; }))}</label>
          <label>${at('requiredRate')}
            <input type="number" min="0" max="100" step="1" class="num" .value=${String(Math.round(f.requiredRate * 100))} data-pointer=${ctl(p('requiredRate'))} aria-invalid=${invalid(p('requiredRate'))}
              @input=${(e: Event) => { const v = (e.target as HTMLInputElement).value; if (v !== '') edit((x) => { x.requiredRate = Number(v) / 100; }); }}>
            ${issueNote(p('requiredRate'))}</label>
        </div>
        ${this.#chips(at('followUpRoles'), roles, f.roles, p('roles'), (next) => edit((x) => { x.roles = next as never; }), true)}
        <fieldset data-pointer=${ctl(p('methodBySeverity'))}>
          <legend>${at('methodBySeverity')}</legend>
          ${usedMethod.map((sev) => {
            const label = severities.find((s) => s.value === sev)?.label ?? sev;
            return html`<div class="sev"><span>${label}</span>
              ${methodSelect(`${at('followUpMethod')} · ${label}`, f.methodBySeverity![sev]!, p('methodBySeverity', sev), (v) => edit((x) => { x.methodBySeverity![sev] = v as never; }))}
              <button type="button" class="icon" aria-label=${at('removeOverride', { name: at('followUpMethod'), sev: label })}
                @click=${() => edit((x) => { delete x.methodBySeverity![sev]; if (!Object.keys(x.methodBySeverity!).length) delete x.methodBySeverity; })}>✕</button></div>`;
          })}
          ${freeMethod.length ? html`<div class="sev"><select aria-label=${at('overrideSeverity', { name: at('followUpMethod') })}>${freeMethod.map((s) => html`<option value=${s.value}>${s.label}</option>`)}</select>
            <button type="button" class="icon" @click=${(e: Event) => {
              const sel = (e.target as HTMLElement).parentElement!.querySelector('select')!;
              edit((x) => { (x.methodBySeverity ??= {})[sel.value] = 'onSite'; });
            }}>${at('addOverride')}</button></div>` : nothing}
          ${issueNote(p('methodBySeverity'))}
        </fieldset>
        <fieldset data-pointer=${ctl(p('rolesBySeverity'))}>
          <legend>${at('rolesBySeverity')}</legend>
          ${usedRoles.map((sev) => {
            const label = severities.find((s) => s.value === sev)?.label ?? sev;
            return html`<div>${this.#chips(`${at('followUpRoles')} · ${label}`, roles, f.rolesBySeverity![sev] ?? [], p('rolesBySeverity', sev),
              (next) => edit((x) => { if (next.length) x.rolesBySeverity![sev] = next as never; else { delete x.rolesBySeverity![sev]; if (!Object.keys(x.rolesBySeverity!).length) delete x.rolesBySeverity; } }), true)}</div>`;
          })}
          ${freeRoles.length ? html`<div class="sev"><select aria-label=${at('overrideSeverity', { name: at('followUpRoles') })}>${freeRoles.map((s) => html`<option value=${s.value}>${s.label}</option>`)}</select>
            <button type="button" class="icon" @click=${(e: Event) => {
              const sel = (e.target as HTMLElement).parentElement!.querySelector('select')!;
              edit((x) => { (x.rolesBySeverity ??= {})[sel.value] = [...x.roles] as never; });
            }}>${at('addOverride')}</button></div>` : nothing}
          ${issueNote(p('rolesBySeverity'))}
        </fieldset>
        <p class="hint">${at('followUpFixed', {
          form: loc(draft.decl<FormDeclaration>(this.pluginId, 'forms', f.form)?.['x-label']) || f.form,
          on: loc(wf.transitions[f.onSatisfied]?.title) || f.onSatisfied, off: loc(wf.transitions[f.onUnsatisfied]?.title) || f.onUnsatisfied,
        })}</p>
        ${ownType ? html`<button type="button" class="danger" @click=${() => this.#removeFollowUp(wf)}>${at('fu_remove')}</button>` : nothing}
      </section>`;
  }
}

customElements.define('wy-admin-workflow-page', WyAdminWorkflowPage);

declare global {
  interface HTMLElementTagNameMap {
    'wy-admin-workflow-page': WyAdminWorkflowPage;
  }
}
