import { LitElement, css, html, nothing } from 'lit';
import { api } from '../../api.js';
import { I18nController } from '../../i18n.js';
import { userHasPermission } from '../../permissions.js';
import { base } from '../../styles.js';
import { adminStyles } from '../admin-styles.js';
import type { Project } from '../../types.js';
import { failureWords, rt } from './registry-i18n.js';
import './wy-registry-projects.js';
import './wy-registry-buildings.js';
import './wy-registry-roster.js';
import type { WyRegistryBuildings } from './wy-registry-buildings.js';

/**
 * 项目与楼栋: the company admin's projects, the buildings of the one chosen, and the roster
 * import. Changes apply at once (the registry is not part of the configuration draft). Needs
 * registry.import, as the server does.
 */
export class WyRegistryPage extends LitElement {
  static override properties = {
    query: { attribute: false },
    projects: { state: true },
    selected: { state: true },
    error: { state: true },
  };

  static override styles = [base, adminStyles, css`
    :host { display: grid; gap: 14px; }
    .columns { display: grid; gap: 14px; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); align-items: start; }
    @media (max-width: 900px) { .columns { grid-template-columns: minmax(0, 1fr); } }
  `];

  declare query: URLSearchParams;
  declare projects: Project[] | null;
  declare selected: number | null;
  declare error: string;

  constructor() {
    super();
    new I18nController(this);
    this.query = new URLSearchParams();
    this.projects = null;
    this.selected = null;
    this.error = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.#load();
  }

  async #load() {
    try {
      const items = (await api.get<{ items: Project[] }>('/api/projects')).items;
      this.projects = items;
      if (this.selected === null || !items.some((p) => p.id === this.selected)) this.selected = items[0]?.id ?? null;
      this.error = '';
    } catch (err) {
      this.error = failureWords(err);
    }
  }

  override render() {
    if (!userHasPermission('registry.import')) return html`<div class="card error-box" role="alert">${rt('forbidden')}</div>`;
    if (this.error) return html`<div class="card error-box" role="alert">${this.error}</div>`;
    if (!this.projects) return html`<p role="status">${rt('loading')}</p>`;
    const project = this.projects.find((p) => p.id === this.selected) ?? null;
    return html`
      <p class="hint" style="margin:0">${rt('hint')}</p>
      <div class="columns">
        <wy-registry-projects .projects=${this.projects} .selected=${this.selected}
          @project-select=${(e: CustomEvent<number>) => { this.selected = e.detail; }}
          @projects-changed=${() => this.#load()}></wy-registry-projects>
        ${project ? html`<wy-registry-buildings .project=${project}></wy-registry-buildings>` : nothing}
      </div>
      <wy-registry-roster @roster-imported=${() => this.renderRoot.querySelector<WyRegistryBuildings>('wy-registry-buildings')?.reload()}></wy-registry-roster>`;
  }
}

customElements.define('wy-registry-page', WyRegistryPage);

declare global {
  interface HTMLElementTagNameMap {
    'wy-registry-page': WyRegistryPage;
  }
}
