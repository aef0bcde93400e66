import { LitElement, css, html, nothing } from 'lit';
import { I18nController, loc } from '../i18n.js';
import { base } from '../styles.js';
import { adminStyles } from './admin-styles.js';
import { at } from './admin-i18n.js';
import './designer-i18n.js';
import type { FormDeclaration, WorkflowDeclaration } from './admin-types.js';
import { draft, DraftController } from './draft-store.js';
import { addFollowUp, checkAnswers, followableSteps, suggestAnswers, type FollowUpAnswers, type FollowUpErrors } from './follow-up-policy.js';
import { syncSelects } from './select-sync.js';

/**
 * 添加回访要求 in the follow-up card of a company's own type that has none: three choices by
 * title (after which step, where satisfied and unsatisfied follow-ups lead); the policy, its
 * 回访记录 form and steps are made from them (follow-up-policy.ts) and the card then shows the
 * policy's figures to edit.
 */
export class WyAdminAddFollowUp extends LitElement {
  static override properties = {
    pluginId: { type: String },
    caseType: { type: String },
    answers: { state: true },
    errors: { state: true },
  };

  static override styles = [base, adminStyles, css`
    :host { display: block; }
    form { display: flex; gap: 8px; align-items: flex-end; flex-wrap: wrap; }
    form > label { display: flex; flex-direction: column; min-width: 180px; }
  `];

  declare pluginId: string;
  declare caseType: string;
  declare answers: FollowUpAnswers | null;
  declare errors: FollowUpErrors;

  constructor() {
    super();
    new I18nController(this);
    new DraftController(this);
    this.pluginId = '';
    this.caseType = '';
    this.answers = null;
    this.errors = {};
  }

  override updated(): void {
    syncSelects(this.renderRoot);
  }

  #wf(): WorkflowDeclaration | undefined {
    return draft.decl<WorkflowDeclaration>(this.pluginId, 'workflows', this.caseType, null);
  }

  #set(key: keyof FollowUpAnswers, value: string, wf: WorkflowDeclaration) {
    this.answers = { ...(this.answers ?? suggestAnswers(wf)), [key]: value };
    const { [key]: _fixed, ...rest } = this.errors;
    this.errors = rest;
  }

  #submit(e: Event, wf: WorkflowDeclaration) {
    e.preventDefault();
    const answers = this.answers ?? suggestAnswers(wf);
    this.errors = checkAnswers(wf, answers);
    if (Object.keys(this.errors).length) return;
    const formNames = draft.names(this.pluginId, 'forms', null);
    const fieldKeys = formNames.flatMap((n) => Object.keys(draft.decl<FormDeclaration>(this.pluginId, 'forms', n, null)?.properties ?? {}));
    const added = addFollowUp(wf, answers, [...formNames, ...draft.names(this.pluginId, 'ui', null)], fieldKeys);
    draft.setDecl(this.pluginId, 'forms', added.formName, added.form, null);
    draft.setDecl(this.pluginId, 'ui', added.formName, added.ui, null);
    draft.setDecl(this.pluginId, 'workflows', this.caseType, added.workflow, null);
    this.answers = null;
  }

  #select(wf: WorkflowDeclaration, key: keyof FollowUpAnswers, label: string, options: [string, string][], value: string) {
    const error = this.errors[key];
    return html`<label>${label}
      <select aria-invalid=${error ? 'true' : 'false'} aria-describedby=${error ? `fu-${key}-error` : nothing}
        @change=${(e: Event) => this.#set(key, (e.target as HTMLSelectElement).value, wf)}>
        <option value="" ?selected=${!value}>${at('fu_choose')}</option>
        ${options.map(([id, title]) => html`<option value=${id} ?selected=${id === value}>${title}</option>`)}
      </select>
      ${error ? html`<span class="issue" role="alert" id=${`fu-${key}-error`}>${at(error)}</span>` : nothing}</label>`;
  }

  override render() {
    const wf = this.#wf();
    if (!wf) return nothing;
    const a = this.answers ?? suggestAnswers(wf);
    const steps = followableSteps(wf).map(([id, t]): [string, string] => [id, at('fu_afterStep', { step: loc(t.title) || id, state: loc(wf.states[t.to]?.title) || t.to })]);
    const states = Object.entries(wf.states).map(([id, s]): [string, string] => [id, loc(s.title) || id]);
    if (!steps.length) return html`<p class="muted">${at('fu_noStep')}</p>`;
    return html`
      <p class="hint">${at('fu_intro')}</p>
      <form aria-label=${at('fu_add')} novalidate @submit=${(e: Event) => this.#submit(e, wf)}>
        ${this.#select(wf, 'after', at('fu_after'), steps, a.after)}
        ${this.#select(wf, 'satisfiedTo', at('fu_satisfiedTo'), states, a.satisfiedTo)}
        ${this.#select(wf, 'unsatisfiedTo', at('fu_unsatisfiedTo'), states, a.unsatisfiedTo)}
        <button type="submit">${at('fu_add')}</button>
      </form>`;
  }
}

customElements.define('wy-admin-add-follow-up', WyAdminAddFollowUp);

declare global {
  interface HTMLElementTagNameMap {
    'wy-admin-add-follow-up': WyAdminAddFollowUp;
  }
}
