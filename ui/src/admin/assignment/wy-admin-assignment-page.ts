import { LitElement, css, html, nothing } from 'lit';
import { api } from '../../api.js';
import { appState, caseTypeTitle, roleTitle } from '../../app-state.js';
import { I18nController } from '../../i18n.js';
import { base } from '../../styles.js';
import { adminStyles } from '../admin-styles.js';
import { draft, DraftController } from '../draft-store.js';
import { ast } from './assignment-i18n.js';

type Rule = { title?: string; caseTypes?: string[]; roles?: string[]; projects?: string[]; buildings?: number[]; match?: { field: string; values: (string | number | boolean)[] }; skills?: string[]; pick: 'leastOpenLoad' | 'roundRobin' | number };
type Section = { skills?: string[]; rules?: Rule[] };
interface Trial { index: number; title: string | null; outcome: string; candidates: { id: number; name: string; load: number }[] }
interface DryAnswer { valid: boolean; role: string | null; pick: { staffId: number | null; staffName: string | null; trials: Trial[] } | null }

const split = (text: string): string[] => [...new Set(text.split(/[、,，\s]+/).map((s) => s.trim()).filter(Boolean))];

/**
 * 派工规则: the company's skills list and its ranked assignment rules, edited into the shared draft
 * (published from 审阅并发布 like every other change), and a dry run of the draft's rules on a
 * sample case (POST /api/config/dry-run/assignment) showing who would be picked and why.
 */
export class WyAdminAssignmentPage extends LitElement {
  static override properties = { staff: { state: true }, answer: { state: true }, error: { state: true }, busy: { state: true } };
  static override styles = [base, adminStyles, css`
    :host { display: block; }
    form.grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(200px, 1fr)); gap: 10px; align-items: end; }
    .row-actions { display: flex; gap: 6px; flex-wrap: wrap; }
    ol.trials { margin: 8px 0 0; padding-left: 20px; }
    .picked { font-weight: 600; }
    fieldset label { flex-direction: row; align-items: center; gap: 4px; margin-right: 12px; color: inherit; }
  `];

  declare staff: { id: number; name: string; roles: string[]; active: boolean }[];
  declare answer: DryAnswer | null;
  declare error: string;
  declare busy: boolean;

  constructor() {
    super();
    new I18nController(this);
    new DraftController(this);
    this.staff = [];
    this.answer = null;
    this.error = '';
    this.busy = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void api.get<{ items: { id: number; name: string; roles: string[]; active: boolean }[] }>('/api/staff').then((r) => { this.staff = r.items.filter((s) => s.active); }, () => undefined);
  }

  #section(): Section {
    return structuredClone((draft.document() as { assignment?: Section }).assignment ?? {});
  }

  #write(section: Section) {
    const doc = structuredClone(draft.document()) as Record<string, unknown>;
    doc.assignment = section;
    draft.replaceDocument(doc as never);
  }

  #saveSkills(e: Event) {
    e.preventDefault();
    const text = ((e.target as HTMLFormElement).elements.namedItem('skills') as HTMLInputElement).value;
    this.#write({ ...this.#section(), skills: split(text) });
  }

  #move(i: number, by: number) {
    const s = this.#section();
    const rules = s.rules ?? [];
    const j = i + by;
    if (j < 0 || j >= rules.length) return;
    [rules[i], rules[j]] = [rules[j]!, rules[i]!];
    this.#write({ ...s, rules });
  }

  #remove(i: number) {
    const s = this.#section();
    this.#write({ ...s, rules: (s.rules ?? []).filter((_, k) => k !== i) });
  }

  #add(e: Event) {
    e.preventDefault();
    const f = e.target as HTMLFormElement;
    const v = (name: string) => (f.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement).value.trim();
    const rule: Rule = { pick: v('pick') === 'staff' ? Number(v('staffId')) : (v('pick') as Rule['pick']) };
    if (v('title')) rule.title = v('title');
    if (v('caseType')) rule.caseTypes = [v('caseType')];
    if (v('role')) rule.roles = [v('role')];
    if (v('project')) rule.projects = [v('project')];
    if (v('field') && split(v('values')).length) rule.match = { field: v('field'), values: split(v('values')) };
    const skills = [...f.querySelectorAll<HTMLInputElement>('input[name="skill"]:checked')].map((c) => c.value);
    if (skills.length) rule.skills = skills;
    if (typeof rule.pick === 'number' && !rule.pick) return;
    const s = this.#section();
    this.#write({ ...s, rules: [...(s.rules ?? []), rule] });
    f.reset();
  }

  async #dryRun(e: Event) {
    e.preventDefault();
    const f = e.target as HTMLFormElement;
    const v = (name: string) => (f.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement).value.trim();
    const project = appState().projects.find((p) => p.code === v('project')) ?? appState().projects[0];
    if (!project) return;
    this.busy = true;
    this.error = '';
    try {
      this.answer = await api.post<DryAnswer>('/api/config/dry-run/assignment', {
        document: draft.document(), caseType: v('caseType'), projectId: project.id, ...(v('role') ? { role: v('role') } : {}),
        data: v('field') && v('value') ? { [v('field')]: v('value') } : {},
      });
    } catch {
      this.error = ast('error');
      this.answer = null;
    } finally {
      this.busy = false;
    }
  }

  #staffName(id: number): string {
    return this.staff.find((s) => s.id === id)?.name ?? ast('any');
  }

  #describe(r: Rule): string {
    const parts: string[] = [];
    parts.push(r.caseTypes ? ast('typePart', { v: r.caseTypes.map(caseTypeTitle).join('、') }) : ast('anyCase'));
    parts.push(r.roles ? ast('rolePart', { v: r.roles.map((x) => roleTitle(x)).join('、') }) : ast('anyRole'));
    if (r.projects) parts.push(ast('projectPart', { v: r.projects.map((c) => appState().projects.find((p) => p.code === c)?.name ?? c).join('、') }));
    if (r.match) parts.push(ast('matchPart', { field: this.#fieldLabel(r.match.field), v: r.match.values.map((x) => this.#valueLabel(r.match!.field, x)).join('、') }));
    if (r.skills) parts.push(ast('skillPart', { v: r.skills.join('、') }));
    return parts.join('；');
  }

  #pick(r: Rule): string {
    return r.pick === 'leastOpenLoad' ? ast('pickLeast') : r.pick === 'roundRobin' ? ast('pickRound') : ast('pickStaff', { name: this.#staffName(r.pick) });
  }

  /** Enum fields of the case types' registration forms (e.g. a repair's category). */
  #fields(): { name: string; label: string; options: { value: string; label: string }[] }[] {
    const out = new Map<string, { name: string; label: string; options: { value: string; label: string }[] }>();
    for (const c of appState().caseTypes) {
      for (const [name, s] of Object.entries((c.form?.schema?.properties ?? {}) as Record<string, { enum?: unknown[]; 'x-label'?: { 'zh-CN': string }; 'x-enumLabels'?: Record<string, { 'zh-CN': string }> }>)) {
        if (!Array.isArray(s.enum) || out.has(name)) continue;
        out.set(name, { name, label: s['x-label']?.['zh-CN'] ?? name, options: s.enum.map((e) => ({ value: String(e), label: s['x-enumLabels']?.[String(e)]?.['zh-CN'] ?? String(e) })) });
      }
    }
    return [...out.values()];
  }

  #fieldLabel(name: string): string {
    return this.#fields().find((f) => f.name === name)?.label ?? name;
  }

  #valueLabel(field: string, value: unknown): string {
    return this.#fields().find((f) => f.name === field)?.options.find((o) => o.value === String(value))?.label ?? String(value);
  }

  override render() {
    if (!draft.loaded) return nothing;
    const s = this.#section();
    const rules = s.rules ?? [];
    const roles = Object.keys(appState().roles);
    const projects = appState().projects;
    const caseTypes = appState().caseTypes;
    const fields = this.#fields();
    const roleOptions = html`${roles.map((r) => html`<option value=${r}>${roleTitle(r)}</option>`)}`;
    const typeOptions = html`${caseTypes.map((c) => html`<option value=${c.caseType}>${caseTypeTitle(c.caseType)}</option>`)}`;
    return html`
      <section class="card" aria-labelledby="as-title">
        <h2 id="as-title">${ast('tab')}</h2>
        <p class="hint">${ast('intro')}</p>
        <form @submit=${this.#saveSkills} class="grid">
          <label>${ast('skillsTitle')}<input name="skills" .value=${(s.skills ?? []).join('、')} placeholder=${ast('skillsHint')}></label>
          <button type="submit">${ast('skillsSave')}</button>
        </form>
      </section>
      <section class="card" aria-labelledby="rules-title">
        <h2 id="rules-title">${ast('rulesTitle')}</h2>
        ${rules.length ? html`<table>
          <thead><tr><th>${ast('colOrder')}</th><th>${ast('colWhen')}</th><th>${ast('colPick')}</th><th></th></tr></thead>
          <tbody>${rules.map((r, i) => html`<tr data-testid="rule-row">
            <td>${r.title ? `${i + 1}. ${r.title}` : ast('ruleN', { n: i + 1 })}</td><td>${this.#describe(r)}</td><td>${this.#pick(r)}</td>
            <td class="row-actions">
              <button type="button" ?disabled=${i === 0} @click=${() => this.#move(i, -1)}>${ast('up')}</button>
              <button type="button" ?disabled=${i === rules.length - 1} @click=${() => this.#move(i, 1)}>${ast('down')}</button>
              <button type="button" @click=${() => this.#remove(i)}>${ast('remove')}</button>
            </td></tr>`)}</tbody>
        </table>` : html`<p class="muted">${ast('noRules')}</p>`}
        <h3>${ast('addTitle')}</h3>
        <form class="grid" @submit=${this.#add}>
          <label>${ast('fTitle')}<input name="title" maxlength="100"></label>
          <label>${ast('fCaseType')}<select name="caseType"><option value="">${ast('any')}</option>${typeOptions}</select></label>
          <label>${ast('fRole')}<select name="role"><option value="">${ast('any')}</option>${roleOptions}</select></label>
          <label>${ast('fProject')}<select name="project"><option value="">${ast('any')}</option>${projects.map((p) => html`<option value=${p.code}>${p.name}</option>`)}</select></label>
          <label>${ast('fField')}<select name="field"><option value="">${ast('any')}</option>${fields.map((f) => html`<option value=${f.name}>${f.label}</option>`)}</select></label>
          <label>${ast('fValues')}<input name="values" placeholder=${ast('fValuesHint')}></label>
          <fieldset><legend>${ast('fSkills')}</legend>${(s.skills ?? []).map((k) => html`<label><input type="checkbox" name="skill" value=${k}>${k}</label>`)}</fieldset>
          <label>${ast('fPick')}<select name="pick"><option value="leastOpenLoad">${ast('pickLeast')}</option><option value="roundRobin">${ast('pickRound')}</option><option value="staff">${ast('fStaff')}</option></select></label>
          <label>${ast('fStaff')}<select name="staffId"><option value="">${ast('any')}</option>${this.staff.map((p) => html`<option value=${p.id}>${p.name}</option>`)}</select></label>
          <button type="submit" class="primary">${ast('add')}</button>
        </form>
      </section>
      <section class="card" aria-labelledby="dry-title">
        <h2 id="dry-title">${ast('dryTitle')}</h2>
        <p class="hint">${ast('dryHint')}</p>
        <form class="grid" @submit=${this.#dryRun}>
          <label>${ast('fCaseType')}<select name="caseType" required>${typeOptions}</select></label>
          <label>${ast('fProject')}<select name="project">${projects.map((p) => html`<option value=${p.code}>${p.name}</option>`)}</select></label>
          <label>${ast('fRole')}<select name="role"><option value="">${ast('any')}</option>${roleOptions}</select></label>
          <label>${ast('fField')}<select name="field"><option value="">${ast('any')}</option>${fields.map((f) => html`<option value=${f.name}>${f.label}</option>`)}</select></label>
          <label>${ast('fValues')}<input name="value"></label>
          <button type="submit" class="primary" ?disabled=${this.busy}>${ast('dryRun')}</button>
        </form>
        ${this.error ? html`<div class="error-box" role="alert">${this.error}</div>` : nothing}
        ${this.answer ? this.#renderAnswer(this.answer) : nothing}
      </section>
    `;
  }

  #renderAnswer(a: DryAnswer) {
    if (!a.valid || !a.pick) return html`<div class="error-box" role="alert">${ast('dryInvalid')}</div>`;
    return html`<div role="status" data-testid="dry-answer">
      <p class="picked">${a.pick.staffName ? ast('dryPicked', { name: a.pick.staffName }) : ast('dryNone', { role: roleTitle(a.role) })}</p>
      <ol class="trials">${a.pick.trials.map((t) => html`<li>${t.title ?? ast('ruleN', { n: t.index + 1 })}：${ast(`outcome_${t.outcome}`)}${t.candidates.length ? html` · ${ast('candidates', { list: t.candidates.map((c) => ast('candidate', { name: c.name, load: c.load })).join('、') })}` : nothing}</li>`)}</ol>
    </div>`;
  }
}

customElements.define('wy-admin-assignment-page', WyAdminAssignmentPage);

declare global {
  interface HTMLElementTagNameMap {
    'wy-admin-assignment-page': WyAdminAssignmentPage;
  }
}
