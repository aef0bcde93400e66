import { LitElement, css, html, nothing } from 'lit';
import { I18nController, loc } from '../i18n.js';
import { base } from '../styles.js';
import { adminStyles } from './admin-styles.js';
import { at, colon, listSeparator } from './admin-i18n.js';
import './designer-i18n.js';
import type { FormDeclaration, Text, TransitionDecl, WorkflowDeclaration } from './admin-types.js';
import { declPointer, draft, DraftController } from './draft-store.js';
import { ctl, invalid, issueNote } from './issue-view.js';
import {
  appendRowEffect, assignEffect, defaultRow, effectWords, ROW_STAMPS, setEffect, sourceChoice, sourceFromChoice, workflowFields,
  type Effect, type FieldRef, type RowSource,
} from './declared-steps.js';
import type { ConditionField } from './wy-admin-condition-editor.js';
import { isCompanyBundle } from './company-types.js';
import {
  checkNotify, insertableFields, MESSAGE_TEXT_MAX, MESSAGE_VALUES, messagesInUse, newMessage, NOTIFY_CHANNELS, NOTIFY_TO, notifyEffect, providerParams,
  toTemplate, tokenText, type MessageDecl, type MessageToken, type NotifyAnswers, type NotifyErrors,
} from './notify-step.js';
import './wy-admin-condition-editor.js';

type Kind = 'appendRow' | 'set' | 'assign' | 'notify';
const KINDS: Kind[] = ['appendRow', 'set', 'assign', 'notify'];

/**
 * What taking one transition does beyond moving the case: its condition (前提条件, the condition
 * editor) with the message staff read when it is not met, and its steps — 追加记录 (a stamped row
 * appended to a list field), 设置字段, 转交角色, 发送通知 (notify-step.ts: a company type may write the
 * message there too) — each shown in words, added from choices and removed; other steps a plugin
 * declared are listed in words and kept.
 */
export class WyAdminTransitionSteps extends LitElement {
  static override properties = {
    pluginId: { type: String },
    caseType: { type: String },
    transition: { type: String },
    adding: { state: true },
    list: { state: true },
    row: { state: true },
    setField: { state: true },
    setValue: { state: true },
    overwrite: { state: true },
    role: { state: true },
    notify: { state: true },
    notifyErrors: { state: true },
  };

  static override styles = [base, adminStyles, css`
    :host { display: block; margin-top: 8px; }
    ul.steps { margin: 4px 0; padding-left: 18px; }
    ul.steps li { margin: 2px 0; }
    .add { display: flex; gap: 6px; flex-wrap: wrap; align-items: end; margin-top: 6px; }
    .pending { border: 1px dashed var(--wy-border); border-radius: var(--wy-radius); padding: 8px; margin-top: 6px; display: grid; gap: 6px; }
    .pending label { display: grid; gap: 2px; }
    .cols { display: grid; grid-template-columns: repeat(auto-fill, minmax(200px, 1fr)); gap: 6px; }
    @media (max-width: 600px) { .cols { grid-template-columns: 1fr; } }
  `];

  declare pluginId: string;
  declare caseType: string;
  declare transition: string;
  declare adding: Kind | '';
  declare list: string;
  declare row: Record<string, RowSource>;
  declare setField: string;
  declare setValue: string;
  declare overwrite: boolean;
  declare role: string;
  declare notify: NotifyAnswers;
  declare notifyErrors: NotifyErrors;

  constructor() {
    super();
    new I18nController(this);
    new DraftController(this);
    this.pluginId = '';
    this.caseType = '';
    this.transition = '';
    this.adding = '';
    this.list = '';
    this.row = {};
    this.setField = '';
    this.setValue = '';
    this.overwrite = false;
    this.role = '';
    this.notify = { to: 'resident', role: '', channel: 'sms', urgent: false, template: '', title: '', text: '' };
    this.notifyErrors = {};
  }

  /** The messages this type's notify steps may send: its own (a company type's, or the plugin's plugin.json). */
  #messages(): Record<string, MessageDecl> {
    return ((draft.decls[this.pluginId]?.manifest as { messages?: Record<string, MessageDecl> } | undefined)?.messages) ?? {};
  }

  #wf() {
    return draft.decl<WorkflowDeclaration>(this.pluginId, 'workflows', this.caseType);
  }

  #fields() {
    return workflowFields(draft.names(this.pluginId, 'forms').map((n) => draft.decl<FormDeclaration>(this.pluginId, 'forms', n)));
  }

  #edit(fn: (t: TransitionDecl) => void) {
    draft.update<WorkflowDeclaration>(this.pluginId, 'workflows', this.caseType, (w) => { const t = w.transitions[this.transition]; if (t) fn(t); });
  }

  #p(...path: (string | number)[]) {
    return declPointer(draft.scope, this.pluginId, 'workflows', this.caseType, 'transitions', this.transition, ...path);
  }

  #roles() {
    return Object.entries(draft.roles).map(([id, r]) => ({ id, label: loc(r.title) || id }));
  }

  #words(effect: NonNullable<TransitionDecl['effects']>[number]) {
    const f = this.#fields();
    const messages = this.#messages();
    const w = effectWords(effect, {
      ...f, role: (r) => loc(draft.roles[r]?.title) || r, stamp: (s) => at(`stamp_${s}`), separator: listSeparator(),
      message: (id) => loc(messages[id]?.title) || id,
    });
    return at(w.key, w.params);
  }

  #start(kind: Kind) {
    const f = this.#fields();
    this.adding = kind;
    const list = f.lists[0];
    this.list = list?.key ?? '';
    this.row = list ? defaultRow(list, f.fields) : {};
    this.setField = f.fields[0]?.key ?? '';
    this.setValue = this.#firstValue(f.fields[0]);
    this.overwrite = false;
    this.role = this.#roles()[0]?.id ?? '';
    // a company type writes its message here; a plugin's type sends one of the plugin's
    const own = isCompanyBundle(this.pluginId);
    this.notify = { to: 'resident', role: this.role, channel: 'sms', urgent: false, template: own ? '' : Object.keys(this.#messages())[0] ?? '', title: '', text: '' };
    this.notifyErrors = {};
  }

  #firstValue(f: FieldRef | undefined): string {
    if (Array.isArray(f?.schema.enum)) return String(f!.schema.enum[0] ?? '');
    if (f?.schema.type === 'boolean') return 'true';
    return '';
  }

  #confirm() {
    const f = this.#fields();
    let effect: Effect | undefined;
    if (this.adding === 'appendRow') {
      if (!this.list || !Object.keys(this.row).length) return;
      effect = appendRowEffect(this.list, this.row);
    } else if (this.adding === 'set') {
      const field = f.fields.find((x) => x.key === this.setField);
      if (!field) return;
      const type = field.schema.type;
      const value = type === 'boolean' ? this.setValue === 'true' : type === 'number' || type === 'integer' ? Number(this.setValue) : this.setValue;
      effect = setEffect(field.key, value, this.overwrite);
    } else if (this.adding === 'assign') {
      if (!this.role) return;
      effect = assignEffect(this.role);
    } else if (this.adding === 'notify') {
      const a = { ...this.notify, text: toTemplate(this.notify.text, this.#tokens()) };
      this.notifyErrors = checkNotify(a, Object.keys(draft.roles), Object.keys(this.#messages()));
      if (Object.keys(this.notifyErrors).length) return;
      let template = a.template;
      if (!template) {
        // message ids are one space per company: every plugin's and every company type's are taken
        const taken = Object.values(draft.decls).flatMap((d) => Object.keys((d.manifest as { messages?: object } | undefined)?.messages ?? {}));
        const made = newMessage(this.caseType, taken, a.title, a.text);
        draft.setCompanyMessage(this.pluginId, made.id, made.message);
        template = made.id;
      }
      effect = notifyEffect(a, template);
    }
    if (!effect) return;
    const added = effect;
    this.#edit((t) => { (t.effects ??= []).push(added as never); });
    this.adding = '';
  }

  override render() {
    const wf = this.#wf();
    const t = wf?.transitions[this.transition];
    if (!wf || !t) return nothing;
    const name = loc(t.title) || this.transition;
    const f = this.#fields();
    const condFields: ConditionField[] = f.fields.map((x) => ({ key: x.key, schema: x.schema }));
    const effects = t.effects ?? [];
    return html`
      <wy-admin-condition-editor .label=${at('d_guardOf', { name })} .rule=${t.guard} .fields=${condFields} .pointer=${this.#p('guard')}
        @wy-rule-change=${(e: CustomEvent<{ rule: unknown }>) => this.#edit((x) => { if (e.detail.rule === undefined) { delete x.guard; delete x.guardMessage; } else x.guard = e.detail.rule as never; })}></wy-admin-condition-editor>
      ${t.guard !== undefined ? html`<label class="small">${at('d_guardMessage')}
        <input aria-label=${at('d_guardMessageOf', { name })} .value=${t.guardMessage?.['zh-CN'] ?? ''}
          @change=${(e: Event) => this.#edit((x) => { const v = (e.target as HTMLInputElement).value.trim(); if (v) x.guardMessage = { ...x.guardMessage, 'zh-CN': v } as Text; else delete x.guardMessage; })}></label>` : nothing}
      <div role="group" aria-label=${at('d_stepsOf', { name })} data-pointer=${ctl(this.#p('effects'))}>
        <span class="small muted">${at('d_steps')}${colon()}</span>
        ${effects.length ? html`<ul class="steps">${effects.map((e, i) => {
          const what = this.#words(e);
          return html`<li data-pointer=${ctl(this.#p('effects', i))} aria-invalid=${invalid(this.#p('effects', i))}>${what}
            <button type="button" class="icon" aria-label=${at('d_removeStep', { what })}
              @click=${() => this.#remove(wf, e, i)}>✕</button>
            ${issueNote(this.#p('effects', i))}</li>`;
        })}</ul>` : html`<span class="muted small">${at('d_noSteps')}</span>`}
        ${issueNote(this.#p('effects'))}
        ${this.adding ? this.#pending(name) : html`<div class="add">
          <select aria-label=${at('d_stepKind', { name })} data-kind-select>
            ${KINDS.map((k) => html`<option value=${k}>${at(`d_kind_${k}`)}</option>`)}
          </select>
          <button type="button" @click=${(e: Event) => this.#start(((e.target as HTMLElement).parentElement!.querySelector('select') as HTMLSelectElement).value as Kind)}>${at('d_addStep')}</button>
        </div>`}
      </div>`;
  }

  /** Removes a step; a company type's message no other step sends goes with it (an unsent message may not read the case). */
  #remove(wf: WorkflowDeclaration, effect: NonNullable<TransitionDecl['effects']>[number], index: number) {
    const template = (effect as { params?: { template?: unknown } }).params?.template;
    const orphan = effect.type === 'notify' && typeof template === 'string' && isCompanyBundle(this.pluginId)
      && !messagesInUse(wf, { transition: this.transition, index }).has(template);
    this.#edit((x) => { x.effects!.splice(index, 1); if (!x.effects!.length) delete x.effects; });
    if (orphan) draft.setCompanyMessage(this.pluginId, template, null);
  }

  /** What a new message may insert, by title: the case's serial, the resident's name… then the form's fields. */
  #tokens(): MessageToken[] {
    return [
      ...MESSAGE_VALUES.map((v) => ({ label: at(v.key), insert: v.insert })),
      ...insertableFields(this.#fields().fields).map((x) => ({ label: x.label, insert: `{{data.${x.key}}}` })),
    ];
  }

  /** Inserts a value (【title】) where the cursor is in the message text. */
  #insert(value: string) {
    const box = this.renderRoot.querySelector<HTMLTextAreaElement>('textarea[data-message-text]');
    const text = this.notify.text;
    const at0 = box?.selectionStart ?? text.length;
    const at1 = box?.selectionEnd ?? text.length;
    this.notify = { ...this.notify, text: text.slice(0, at0) + value + text.slice(at1) };
    const { text: _fixed, ...rest } = this.notifyErrors;
    this.notifyErrors = rest;
    void this.updateComplete.then(() => { box?.focus(); box?.setSelectionRange(at0 + value.length, at0 + value.length); });
  }

  #setNotify(patch: Partial<NotifyAnswers>) {
    this.notify = { ...this.notify, ...patch };
    const errors = { ...this.notifyErrors };
    for (const k of Object.keys(patch)) delete errors[k as keyof NotifyErrors];
    this.notifyErrors = errors;
  }

  #notifyBody(name: string) {
    const a = this.notify;
    const e = this.notifyErrors;
    const messages = Object.entries(this.#messages());
    const own = isCompanyBundle(this.pluginId);
    const error = (key: keyof NotifyErrors) => (e[key] ? html`<span class="issue" role="alert">${at(e[key]!)}</span>` : nothing);
    const tokens = this.#tokens();
    const params = Object.keys(providerParams(toTemplate(a.text, tokens)));
    return html`
      <label>${at('n_to')}<select aria-label=${at('n_toOf', { name })} @change=${(ev: Event) => this.#setNotify({ to: (ev.target as HTMLSelectElement).value as NotifyAnswers['to'] })}>
        ${NOTIFY_TO.map((to) => html`<option value=${to} ?selected=${to === a.to}>${at(`n_to_${to}`)}</option>`)}</select></label>
      ${a.to === 'role' ? html`<label>${at('n_role')}<select aria-label=${at('n_roleOf', { name })} aria-invalid=${e.role ? 'true' : 'false'} @change=${(ev: Event) => this.#setNotify({ role: (ev.target as HTMLSelectElement).value })}>
        ${this.#roles().map((r) => html`<option value=${r.id} ?selected=${r.id === a.role}>${r.label}</option>`)}</select>${error('role')}</label>` : nothing}
      ${a.to === 'resident' ? html`<div class="cols">
        <label>${at('n_channel')}<select aria-label=${at('n_channelOf', { name })} @change=${(ev: Event) => this.#setNotify({ channel: (ev.target as HTMLSelectElement).value as NotifyAnswers['channel'] })}>
          ${NOTIFY_CHANNELS.map((c) => html`<option value=${c} ?selected=${c === a.channel}>${at(`n_channel_${c}`)}</option>`)}</select></label>
        <label class="inline"><input type="checkbox" .checked=${a.urgent} @change=${(ev: Event) => this.#setNotify({ urgent: (ev.target as HTMLInputElement).checked })}>${at('n_urgent')}</label>
      </div>` : html`<p class="hint">${at('n_inApp')}</p>`}
      <label>${at('n_message')}<select aria-label=${at('n_messageOf', { name })} aria-invalid=${e.template ? 'true' : 'false'} @change=${(ev: Event) => this.#setNotify({ template: (ev.target as HTMLSelectElement).value })}>
        ${own ? html`<option value="" ?selected=${!a.template}>${at('n_newMessage')}</option>` : nothing}
        ${messages.map(([id, m]) => html`<option value=${id} ?selected=${id === a.template}>${loc(m.title) || id}</option>`)}
      </select>${error('template')}</label>
      ${!messages.length && !own ? html`<p class="hint">${at('n_noMessages')}</p>` : nothing}
      ${own && !a.template ? html`
        <label>${at('n_title')}<input aria-label=${at('n_title')} maxlength="40" .value=${a.title} aria-invalid=${e.title ? 'true' : 'false'}
          @input=${(ev: Event) => this.#setNotify({ title: (ev.target as HTMLInputElement).value })}>${error('title')}</label>
        <label>${at('n_text')}<textarea data-message-text aria-label=${at('n_text')} rows="3" maxlength=${MESSAGE_TEXT_MAX} .value=${a.text} aria-invalid=${e.text ? 'true' : 'false'}
          @input=${(ev: Event) => this.#setNotify({ text: (ev.target as HTMLTextAreaElement).value })}></textarea>${error('text')}</label>
        <div role="group" aria-label=${at('n_insert')} class="add">
          <span class="small muted">${at('n_insert')}${colon()}</span>
          ${tokens.map((t) => html`<button type="button" class="small" @click=${() => this.#insert(tokenText(t.label))}>${t.label}</button>`)}
        </div>
        ${a.to === 'resident' && params.length ? html`<p class="hint">${at('n_providerParams', { names: params.join(listSeparator()) })}</p>` : nothing}` : nothing}`;
  }

  #pending(name: string) {
    const f = this.#fields();
    let body;
    if (this.adding === 'appendRow') {
      const list = f.lists.find((l) => l.key === this.list);
      body = f.lists.length ? html`
        <label>${at('d_appendList')}<select aria-label=${at('d_appendListOf', { name })} @change=${(e: Event) => {
          this.list = (e.target as HTMLSelectElement).value;
          const l = f.lists.find((x) => x.key === this.list);
          this.row = l ? defaultRow(l, f.fields) : {};
        }}>${f.lists.map((l) => html`<option value=${l.key} ?selected=${l.key === this.list}>${l.label}</option>`)}</select></label>
        <div class="cols">${(list?.columns ?? []).map((c) => html`<label>${at('d_column', { col: c.label })}
          <select aria-label=${at('d_columnOf', { name, col: c.label })} @change=${(e: Event) => {
            const src = sourceFromChoice((e.target as HTMLSelectElement).value);
            const next = { ...this.row };
            if (src === undefined) delete next[c.key]; else next[c.key] = src;
            this.row = next;
          }}>
            <option value="" ?selected=${!this.row[c.key]}>${at('d_leaveEmpty')}</option>
            <optgroup label=${at('d_stampGroup')}>${ROW_STAMPS.map((s) => html`<option value=${`stamp:${s}`} ?selected=${sourceChoice(this.row[c.key]) === `stamp:${s}`}>${at(`stamp_${s}`)}</option>`)}</optgroup>
            <optgroup label=${at('d_fieldGroup')}>${f.fields.map((x) => html`<option value=${`field:${x.key}`} ?selected=${sourceChoice(this.row[c.key]) === `field:${x.key}`}>${x.label}</option>`)}</optgroup>
          </select></label>`)}</div>` : html`<p class="hint">${at('d_noLists')}</p>`;
    } else if (this.adding === 'set') {
      const field = f.fields.find((x) => x.key === this.setField);
      const options = Array.isArray(field?.schema.enum) ? field!.schema.enum.map((v) => ({ v: String(v), label: loc((field!.schema['x-enumLabels'] as Record<string, Text> | undefined)?.[String(v)]) || String(v) }))
        : field?.schema.type === 'boolean' ? [{ v: 'true', label: at('yes') }, { v: 'false', label: at('no') }] : null;
      body = html`
        <label>${at('d_setField')}<select aria-label=${at('d_setFieldOf', { name })} @change=${(e: Event) => {
          this.setField = (e.target as HTMLSelectElement).value;
          this.setValue = this.#firstValue(f.fields.find((x) => x.key === this.setField));
        }}>${f.fields.map((x) => html`<option value=${x.key} ?selected=${x.key === this.setField}>${x.label}</option>`)}</select></label>
        <label>${at('d_setValue')}${options
          ? html`<select aria-label=${at('d_setValueOf', { name })} @change=${(e: Event) => { this.setValue = (e.target as HTMLSelectElement).value; }}>
              ${options.map((o) => html`<option value=${o.v} ?selected=${o.v === this.setValue}>${o.label}</option>`)}</select>`
          : html`<input aria-label=${at('d_setValueOf', { name })} type=${field?.schema.type === 'number' || field?.schema.type === 'integer' ? 'number' : 'text'} .value=${this.setValue}
              @input=${(e: Event) => { this.setValue = (e.target as HTMLInputElement).value; }}>`}</label>
        <label class="inline"><input type="checkbox" .checked=${this.overwrite} @change=${(e: Event) => { this.overwrite = (e.target as HTMLInputElement).checked; }}>${at('d_overwrite')}</label>`;
    } else if (this.adding === 'notify') {
      body = this.#notifyBody(name);
    } else {
      body = html`<label>${at('d_assignRole')}<select aria-label=${at('d_assignRoleOf', { name })} @change=${(e: Event) => { this.role = (e.target as HTMLSelectElement).value; }}>
        ${this.#roles().map((r) => html`<option value=${r.id} ?selected=${r.id === this.role}>${r.label}</option>`)}</select></label>`;
    }
    return html`<div class="pending" role="group" aria-label=${at(`d_kind_${this.adding}`)}>
      <strong>${at(`d_kind_${this.adding}`)}</strong>
      ${body}
      <div class="add">
        <button type="button" class="primary" aria-label=${at('d_confirmStepOf', { name })} @click=${() => this.#confirm()}>${at('d_confirmStep')}</button>
        <button type="button" @click=${() => { this.adding = ''; }}>${at('d_cancel')}</button>
      </div>
    </div>`;
  }
}

customElements.define('wy-admin-transition-steps', WyAdminTransitionSteps);

declare global {
  interface HTMLElementTagNameMap {
    'wy-admin-transition-steps': WyAdminTransitionSteps;
  }
}
