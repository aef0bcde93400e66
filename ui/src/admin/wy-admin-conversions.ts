import { LitElement, css, html, nothing } from 'lit';
import { I18nController, loc } from '../i18n.js';
import { base } from '../styles.js';
import { adminStyles } from './admin-styles.js';
import { at, colon, listSeparator } from './admin-i18n.js';
import './designer-i18n.js';
import type { FormDeclaration, WorkflowDeclaration } from './admin-types.js';
import { declPointer, draft, DraftController } from './draft-store.js';
import { ctl, invalid, issueNote } from './issue-view.js';
import { isCompanyBundle } from './company-types.js';
import { workflowFields } from './declared-steps.js';
import { EXTRA_SOURCES, newConversion, targetFields, withOutcome, type Conversion, type ConversionTarget } from './conversion-choices.js';

/**
 * 「转为其他业务」 of one case type: the procedures a case may be converted into (a complaint, a
 * repair, a paid service, another of the company's own types), chosen by title; per conversion the
 * button's name, who may convert, whether this case ends or waits for the new one, and which of
 * the new case's registration fields are carried over from which of this case's fields. The staff
 * app offers the conversion on the case page as it does for the plugins' declared conversions.
 */
export class WyAdminConversions extends LitElement {
  static override properties = {
    pluginId: { type: String },
    caseType: { type: String },
  };

  static override styles = [base, adminStyles, css`
    :host { display: block; }
    details.conv { border: 1px solid var(--wy-border); border-radius: var(--wy-radius); margin-bottom: 8px; background: #fff; }
    details.conv > summary { cursor: pointer; padding: 8px 10px; display: flex; gap: 8px; flex-wrap: wrap; }
    details.conv > .body { padding: 10px; display: grid; gap: 8px; }
    .map { display: grid; grid-template-columns: repeat(auto-fill, minmax(220px, 1fr)); gap: 6px; }
    .map label { display: grid; gap: 2px; }
    .add { display: flex; gap: 6px; flex-wrap: wrap; align-items: end; }
    @media (max-width: 600px) { .map { grid-template-columns: 1fr; } }
  `];

  declare pluginId: string;
  declare caseType: string;

  constructor() {
    super();
    new I18nController(this);
    new DraftController(this);
    this.pluginId = '';
    this.caseType = '';
  }

  #wf() {
    return draft.decl<WorkflowDeclaration>(this.pluginId, 'workflows', this.caseType);
  }

  #edit(fn: (w: WorkflowDeclaration) => void) {
    draft.update<WorkflowDeclaration>(this.pluginId, 'workflows', this.caseType, fn);
  }

  #p(...path: (string | number)[]) {
    return declPointer(draft.scope, this.pluginId, 'workflows', this.caseType, 'conversions', ...path);
  }

  /** Every other case type of the draft, by title. */
  #targets(): ConversionTarget[] {
    return draft.pluginIds().flatMap((pluginId) => draft.names(pluginId, 'workflows').map((caseType) => {
      const wf = draft.decl<WorkflowDeclaration>(pluginId, 'workflows', caseType);
      return { pluginId, caseType: wf?.caseType ?? caseType, title: loc(wf?.title) || caseType, form: wf ? draft.decl<FormDeclaration>(pluginId, 'forms', wf.form) : undefined };
    })).filter((t) => t.caseType !== this.caseType);
  }

  #sourceFields() {
    return workflowFields(draft.names(this.pluginId, 'forms').map((n) => draft.decl<FormDeclaration>(this.pluginId, 'forms', n))).fields;
  }

  override render() {
    const wf = this.#wf();
    if (!wf) return nothing;
    const targets = this.#targets();
    const convs = Object.entries(wf.conversions ?? {});
    const free = targets.filter((t) => !convs.some(([to]) => to === t.caseType));
    return html`
      <section class="card" aria-labelledby="conversions-title" data-pointer=${ctl(this.#p())}>
        <h2 id="conversions-title">${at('d_conversions')}</h2>
        <p class="hint">${at('d_conversionsHint')}</p>
        ${issueNote(this.#p())}
        ${convs.length ? convs.map(([to, c]) => this.#conversion(wf, to, c, targets.find((t) => t.caseType === to))) : html`<p class="muted">${at('d_noConversions')}</p>`}
        ${free.length ? html`<div class="add">
          <label>${at('d_conversionTarget')}<select aria-label=${at('d_conversionTarget')}>
            ${free.map((t) => html`<option value=${t.caseType}>${t.title}</option>`)}</select></label>
          <button type="button" @click=${(e: Event) => {
            const to = ((e.target as HTMLElement).parentElement!.querySelector('select') as HTMLSelectElement).value;
            const target = free.find((t) => t.caseType === to);
            if (!target) return;
            const conv = newConversion(wf, this.#sourceFields(), target, isCompanyBundle, (title) => at('d_convertTo', { target: title }));
            this.#edit((w) => { (w.conversions ??= {})[to] = conv as never; });
          }}>${at('d_addConversion')}</button>
        </div>` : nothing}
      </section>`;
  }

  #conversion(wf: WorkflowDeclaration, to: string, c: Conversion, target: ConversionTarget | undefined) {
    const title = target?.title ?? to;
    const edit = (fn: (x: Conversion) => void) => this.#edit((w) => { const x = w.conversions?.[to]; if (x) fn(x as Conversion); });
    const states = Object.entries(wf.states);
    const finals = states.filter(([, s]) => s.final);
    const open = states.filter(([, s]) => !s.final);
    const stateName = (id: string | undefined) => (id ? loc(wf.states[id]?.title) || id : '');
    const outcome = c.waitIn !== undefined ? 'wait' : 'close';
    const roles = Object.entries(draft.roles).map(([id, r]) => ({ id, label: loc(r.title) || id }));
    const sources = [
      ...this.#sourceFields().map((f) => ({ value: f.key, label: f.label })),
      ...EXTRA_SOURCES.map((s) => ({ value: s, label: at(`d_${s.replace('.', '_')}`) })),
    ];
    const fields = targetFields(target?.form);
    const p = (...path: (string | number)[]) => this.#p(to, ...path);
    return html`
      <details class="conv" data-conversion=${to} role="group" aria-label=${loc(c.label) || title} ?open=${draft.issuesWithin(p()).length > 0}>
        <summary><strong>${loc(c.label) || title}</strong>
          <span class="muted small">${outcome === 'close' ? at('d_conversionSummaryClose', { state: stateName(c.closeAs) }) : at('d_conversionSummaryWait', { state: stateName(c.waitIn) })}
          · ${c.roles.map((r) => loc(draft.roles[r]?.title) || r).join(listSeparator())}</span></summary>
        <div class="body">
          ${issueNote(p())}
          <div class="add">
            <label>${at('d_conversionLabel')}<input aria-label=${at('d_conversionLabelOf', { target: title })} .value=${c.label?.['zh-CN'] ?? ''}
              @change=${(e: Event) => edit((x) => { x.label = { ...x.label, 'zh-CN': (e.target as HTMLInputElement).value.trim() || at('d_convertTo', { target: title }) }; })}></label>
            <span class="spacer"></span>
            <button type="button" class="icon danger" aria-label=${at('d_removeConversion', { target: title })}
              @click=${() => this.#edit((w) => { delete w.conversions![to]; if (!Object.keys(w.conversions!).length) delete w.conversions; })}>${at('remove')}</button>
          </div>
          <fieldset><legend>${at('d_conversionRoles', { target: title })}</legend>
            <span class="chips" role="group" aria-label=${at('d_conversionRoles', { target: title })} data-pointer=${ctl(p('roles'))} aria-invalid=${invalid(p('roles'))}>
              ${roles.map((r) => html`<label><input type="checkbox" .checked=${c.roles.includes(r.id)}
                @change=${(e: Event) => edit((x) => { const on = (e.target as HTMLInputElement).checked; const next = on ? [...x.roles, r.id] : x.roles.filter((y) => y !== r.id); if (next.length) x.roles = next as never; })}>${r.label}</label>`)}
            </span>${issueNote(p('roles'))}</fieldset>
          <div class="add" role="radiogroup" aria-label=${at('d_conversionOutcome', { target: title })}>
            <span class="small muted">${at('d_conversionOutcome', { target: title })}${colon()}</span>
            <label class="inline"><input type="radio" name=${`outcome-${to}`} .checked=${outcome === 'close'}
              @change=${() => this.#edit((w) => { w.conversions![to] = withOutcome(c, w, 'close') as never; })}>${at('d_outcomeClose')}</label>
            ${outcome === 'close' ? html`<select aria-label=${at('d_closeAsOf', { target: title })} data-pointer=${ctl(p('closeAs'))} aria-invalid=${invalid(p('closeAs'))}
              @change=${(e: Event) => edit((x) => { x.closeAs = (e.target as HTMLSelectElement).value; })}>
              ${finals.length ? finals.map(([id]) => html`<option value=${id} ?selected=${id === c.closeAs}>${stateName(id)}</option>`) : html`<option value="">${at('d_noFinalState')}</option>`}
            </select>${issueNote(p('closeAs'))}` : nothing}
            <label class="inline"><input type="radio" name=${`outcome-${to}`} .checked=${outcome === 'wait'}
              @change=${() => this.#edit((w) => { w.conversions![to] = withOutcome(c, w, 'wait') as never; })}>${at('d_outcomeWait')}</label>
            ${outcome === 'wait' ? html`
              <select aria-label=${at('d_waitInOf', { target: title })} data-pointer=${ctl(p('waitIn'))} aria-invalid=${invalid(p('waitIn'))}
                @change=${(e: Event) => edit((x) => { x.waitIn = (e.target as HTMLSelectElement).value; })}>
                ${open.map(([id]) => html`<option value=${id} ?selected=${id === c.waitIn}>${stateName(id)}</option>`)}
              </select>${issueNote(p('waitIn'))}
              <label class="inline small">${at('d_resumeOnOf', { target: title })}
                <select aria-label=${at('d_resumeOnOf', { target: title })} data-pointer=${ctl(p('resumeOn'))} aria-invalid=${invalid(p('resumeOn'))}
                  @change=${(e: Event) => edit((x) => { x.resumeOn = (e.target as HTMLSelectElement).value; })}>
                  ${Object.entries(wf.transitions).filter(([, t]) => !c.waitIn || t.from.includes(c.waitIn)).map(([id, t]) => html`<option value=${id} ?selected=${id === c.resumeOn}>${loc(t.title) || id}</option>`)}
                </select></label>${issueNote(p('resumeOn'))}` : nothing}
          </div>
          ${fields.length ? html`<fieldset><legend>${at('d_fieldMap')}</legend><div class="map">
            ${fields.map((f) => {
              const current = c.fields?.[f.key];
              const chosen = typeof current === 'string' ? current : '';
              return html`<label>${f.label}
                <select aria-label=${at('d_fieldMapOf', { target: title, field: f.label })} data-pointer=${ctl(p('fields', f.key))} aria-invalid=${invalid(p('fields', f.key))}
                  @change=${(e: Event) => edit((x) => {
                    const v = (e.target as HTMLSelectElement).value;
                    const next = { ...(x.fields ?? {}) } as Record<string, unknown>;
                    if (v) next[f.key] = v; else delete next[f.key];
                    if (Object.keys(next).length) x.fields = next as never; else delete x.fields;
                  })}>
                  <option value="" ?selected=${current === undefined}>${at('d_notCarried')}</option>
                  ${current !== undefined && typeof current !== 'string' ? html`<option value="" selected>${at('ruleExpression')}</option>` : nothing}
                  ${sources.map((s) => html`<option value=${s.value} ?selected=${s.value === chosen}>${s.label}</option>`)}
                </select>${issueNote(p('fields', f.key))}</label>`;
            })}
          </div></fieldset>` : nothing}
        </div>
      </details>`;
  }
}

customElements.define('wy-admin-conversions', WyAdminConversions);

declare global {
  interface HTMLElementTagNameMap {
    'wy-admin-conversions': WyAdminConversions;
  }
}
