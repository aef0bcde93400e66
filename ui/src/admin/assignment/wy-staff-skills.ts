import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { api } from '../../api.js';
import { I18nController } from '../../i18n.js';
import { base } from '../../styles.js';
import { ast } from './assignment-i18n.js';

/**
 * A staff member's skills (技能) in the staff panel: checkboxes from the company's skills list
 * (assignment.skills), saved with PUT /api/staff/<id>/skills. Assignment rules pick by them.
 */
export class WyStaffSkills extends LitElement {
  static override properties = { staffId: { type: Number }, list: { state: true }, mine: { state: true }, note: { state: true } };
  static override styles = [base, css`
    :host { display: block; }
    fieldset { display: flex; flex-wrap: wrap; gap: 6px 14px; align-items: center; }
    label { flex-direction: row; align-items: center; gap: 4px; color: inherit; }
  `];
  declare staffId: number;
  declare list: string[];
  declare mine: string[];
  declare note: string;

  constructor() {
    super();
    new I18nController(this);
    this.staffId = 0;
    this.list = [];
    this.mine = [];
    this.note = '';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('staffId') && this.staffId) {
      void api.get<{ skills: string[]; staff: { id: number; skills: string[] }[] }>('/api/staff/skills').then((r) => {
        this.list = r.skills;
        this.mine = r.staff.find((s) => s.id === this.staffId)?.skills ?? [];
      }, () => undefined);
    }
  }

  async #save() {
    const skills = [...this.renderRoot.querySelectorAll<HTMLInputElement>('input:checked')].map((c) => c.value);
    try {
      await api.put(`/api/staff/${this.staffId}/skills`, { skills });
      this.mine = skills;
      this.note = ast('skillsSaved');
    } catch {
      this.note = ast('error');
    }
  }

  override render() {
    return html`<fieldset><legend>${ast('skillsOf')}</legend>
      ${this.list.length ? html`${this.list.map((k) => html`<label><input type="checkbox" value=${k} .checked=${this.mine.includes(k)}>${k}</label>`)}
        <button type="button" @click=${() => this.#save()}>${ast('skillsSaveStaff')}</button>` : html`<span class="muted">${ast('skillsNone')}</span>`}
      ${this.note ? html`<span role="status" class="muted">${this.note}</span>` : nothing}
    </fieldset>`;
  }
}

customElements.define('wy-staff-skills', WyStaffSkills);

declare global {
  interface HTMLElementTagNameMap {
    'wy-staff-skills': WyStaffSkills;
  }
}
