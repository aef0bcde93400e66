import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { api } from '../api.js';
import { addMessages, I18nController, loc, translate, type Params } from '../i18n.js';
import { caseHref, href, navigate } from '../router.js';
import { base } from '../styles.js';
import type { SearchAnswer } from '../../../core/http/api-types.js';

/** Strings of the header's search (and the new-case form's household history), zh-CN first. */
addMessages('search', {
  'zh-CN': {
    label: '搜索', placeholder: '房号、电话、姓名或单号', shortcut: '按 / 或 Ctrl+K 搜索', open: '搜索', close: '关闭搜索',
    households: '房屋', people: '住户', cases: '工单', none: '没有找到“{q}”', searching: '查找中…', failed: '查找失败，请重试',
    owners: '业主：{names}', noOwner: '未登记业主', openCase: '未办结', closedCase: '已办结', overdue: '已超时',
    relation_owner: '业主', relation_occupant: '住户', relation_agent: '受托人',
    historyTitle: '该户的工单', historyOpen: '未办结 {n} 件', historyNone: '该户暂无工单', historyRecent: '最近办结',
    historyHint: '登记前请先核对：同一事项是否已有未办结的工单', historyLoading: '正在读取该户的工单…',
  },
  en: {
    label: 'Search', placeholder: 'Room, phone, name or case number', shortcut: 'Press / or Ctrl+K to search', open: 'Search', close: 'Close search',
    households: 'Rooms', people: 'Residents', cases: 'Cases', none: 'Nothing found for “{q}”', searching: 'Searching…', failed: 'Search failed, try again',
    owners: 'Owner: {names}', noOwner: 'No owner registered', openCase: 'Open', closedCase: 'Closed', overdue: 'Overdue',
    relation_owner: 'owner', relation_occupant: 'occupant', relation_agent: 'agent',
    historyTitle: "This household's cases", historyOpen: '{n} open', historyNone: 'No cases for this household yet', historyRecent: 'Recently closed',
    historyHint: 'Before registering: is the same matter already open?', historyLoading: "Reading the household's cases…",
  },
});

/** A string of the search namespace. */
export function st(key: string, params?: Params): string {
  return translate('search', key, params);
}

interface Hit { id: string; group: 'households' | 'people' | 'cases'; target: string; render: () => TemplateResult }

const DEBOUNCE_MS = 180;

/**
 * The header's search box: rooms ("1-302", "1栋302"), phones (whole or last 4 digits), names and case
 * numbers, grouped as you type. Keyboard first: '/' or Ctrl+K focuses it, ↑/↓ choose, Enter opens,
 * Esc closes. On a phone it is an icon that expands into a full-width field.
 */
export class WyGlobalSearch extends LitElement {
  static override properties = {
    q: { state: true },
    answer: { state: true },
    active: { state: true },
    openPanel: { state: true },
    expanded: { state: true },
    status: { state: true },
  };

  static override styles = [base, css`
    :host { display: block; position: relative; flex: 0 1 360px; min-width: 0; }
    .bar { display: flex; align-items: center; gap: 6px; }
    input[type='search'] {
      width: 100%; min-height: 32px; padding: 4px 10px; border-radius: 4px; border: 1px solid rgb(255 255 255 / 0.35);
      background: rgb(255 255 255 / 0.12); color: #fff; font-size: 14px;
    }
    input[type='search']::placeholder { color: rgb(255 255 255 / 0.75); }
    input[type='search']:focus { background: #fff; color: var(--wy-text, #1f2328); outline: 2px solid #fff; }
    input[type='search']:focus::placeholder { color: #6b7280; }
    .icon, .cancel { display: none; background: transparent; color: #fff; border: 1px solid rgb(255 255 255 / 0.4); min-height: 32px; min-width: 40px; padding: 2px 8px; }
    .icon svg { width: 18px; height: 18px; vertical-align: middle; }
    .panel {
      position: absolute; top: calc(100% + 6px); left: 0; width: min(520px, 90vw); max-height: 70vh; overflow: auto; z-index: 50;
      background: #fff; color: var(--wy-text, #1f2328); border: 1px solid var(--wy-border); border-radius: 6px; box-shadow: 0 8px 24px rgb(0 0 0 / 0.18);
      padding: 6px 0;
    }
    .group { padding: 6px 12px 2px; font-size: 12px; color: #6b7280; font-weight: 600; }
    [role='option'] { display: block; padding: 8px 12px; cursor: pointer; line-height: 1.4; }
    [role='option'][aria-selected='true'], [role='option']:hover { background: var(--wy-primary-light, #e8f0fe); }
    .main { font-weight: 600; }
    .sub { font-size: 12px; color: #4b5563; }
    .tag { display: inline-block; font-size: 12px; padding: 0 6px; border-radius: 8px; margin-left: 6px; background: #eef2f7; color: #374151; font-weight: 400; }
    .tag.open { background: #fff4e5; color: #92400e; }
    .tag.overdue { background: #fde8e8; color: #9b1c1c; }
    .status { padding: 8px 12px; color: #4b5563; }
    @media (max-width: 760px) {
      :host { flex: 0 0 auto; position: static; }
      .icon { display: inline-block; }
      .bar input, .bar .cancel { display: none; }
      :host([expanded]) .bar {
        position: fixed; top: 0; left: 0; right: 0; z-index: 60; padding: 8px; background: var(--wy-primary-dark);
      }
      :host([expanded]) .bar input { display: block; flex: 1; font-size: 16px; min-height: 40px; }
      :host([expanded]) .bar .cancel { display: inline-block; min-height: 40px; }
      :host([expanded]) .icon { display: none; }
      .panel { position: fixed; top: 56px; left: 0; right: 0; width: auto; max-height: calc(100vh - 56px); border-radius: 0; z-index: 60; }
    }
  `];

  declare q: string;
  declare answer: SearchAnswer | null;
  declare active: number;
  declare openPanel: boolean;
  declare expanded: boolean;
  declare status: '' | 'searching' | 'failed';
  #timer: ReturnType<typeof setTimeout> | undefined;
  #seq = 0;

  constructor() {
    super();
    new I18nController(this);
    this.q = '';
    this.answer = null;
    this.active = -1;
    this.openPanel = false;
    this.expanded = false;
    this.status = '';
  }

  override connectedCallback() {
    super.connectedCallback();
    window.addEventListener('keydown', this.#onGlobalKey);
    document.addEventListener('pointerdown', this.#onOutside);
  }

  override disconnectedCallback() {
    window.removeEventListener('keydown', this.#onGlobalKey);
    document.removeEventListener('pointerdown', this.#onOutside);
    clearTimeout(this.#timer);
    super.disconnectedCallback();
  }

  get #input(): HTMLInputElement | null {
    return this.renderRoot.querySelector('input');
  }

  /** '/' (when not typing elsewhere) or Ctrl/⌘+K focuses the search. */
  #onGlobalKey = (e: KeyboardEvent) => {
    const target = e.composedPath()[0] as HTMLElement | undefined;
    const typing = !!target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
    if ((e.key === 'k' || e.key === 'K') && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      this.focusSearch();
    } else if (e.key === '/' && !typing && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      this.focusSearch();
    }
  };

  #onOutside = (e: Event) => {
    if (!e.composedPath().includes(this)) this.#close(false);
  };

  async focusSearch() {
    this.#setExpanded(true);
    await this.updateComplete;
    this.#input?.focus();
    this.#input?.select();
    if (this.answer && this.q) this.openPanel = true;
  }

  #setExpanded(on: boolean) {
    this.expanded = on;
    this.toggleAttribute('expanded', on);
  }

  #onInput(e: Event) {
    this.q = (e.target as HTMLInputElement).value;
    clearTimeout(this.#timer);
    if (!this.q.trim()) {
      this.answer = null;
      this.openPanel = false;
      this.status = '';
      return;
    }
    this.#timer = setTimeout(() => void this.#search(this.q), DEBOUNCE_MS);
  }

  async #search(q: string) {
    const seq = ++this.#seq;
    this.status = 'searching';
    this.openPanel = true;
    try {
      const answer = await api.get<SearchAnswer>('/api/search', { q: q.slice(0, 50), limit: 5 });
      if (seq !== this.#seq) return;
      this.answer = answer;
      this.active = -1;
      this.status = '';
    } catch {
      if (seq !== this.#seq) return;
      this.answer = null;
      this.status = 'failed';
    }
  }

  #hits(): Hit[] {
    const a = this.answer;
    if (!a) return [];
    const hits: Hit[] = [];
    for (const h of a.households) {
      hits.push({ id: `h${h.unitId}`, group: 'households', target: href(`/units/${h.unitId}`), render: () => html`
        <span class="main">${h.label}</span>
        <div class="sub">${h.owners.length ? st('owners', { names: h.owners.join('、') }) : st('noOwner')}</div>` });
    }
    for (const p of a.people) {
      const home = p.units[0];
      hits.push({ id: `p${p.personId}`, group: 'people', target: home ? href(`/units/${home.unitId}`) : href('/households', { q: p.name }), render: () => html`
        <span class="main">${p.name}</span>${p.phone ? html` <span class="sub">${p.phone}</span>` : nothing}
        <div class="sub">${p.units.map((u) => `${u.label}（${st(`relation_${u.relation}`)}）`).join('；')}</div>` });
    }
    for (const c of a.cases) {
      hits.push({ id: `c${c.caseId}`, group: 'cases', target: caseHref(c.caseType, c.caseId), render: () => html`
        <span class="main">${c.typeTitle ? loc(c.typeTitle) : ''} ${c.serial}</span>
        <span class="tag ${c.open ? 'open' : ''}">${c.stateTitle ? loc(c.stateTitle) : (c.open ? st('openCase') : st('closedCase'))}</span>
        ${c.overdue && c.open ? html`<span class="tag overdue">${st('overdue')}</span>` : nothing}
        <div class="sub">${[c.unitLabel, c.personName, c.title].filter(Boolean).join(' · ')}</div>` });
    }
    return hits;
  }

  #onKey(e: KeyboardEvent) {
    const hits = this.#hits();
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (!hits.length) return;
      this.openPanel = true;
      const step = e.key === 'ArrowDown' ? 1 : -1;
      this.active = this.active < 0 ? (step > 0 ? 0 : hits.length - 1) : (this.active + step + hits.length) % hits.length;
      void this.updateComplete.then(() => this.renderRoot.querySelector(`[data-index="${this.active}"]`)?.scrollIntoView({ block: 'nearest' }));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      if (this.#timer && this.q.trim() && !this.answer) return;
      const hit = hits[this.active >= 0 ? this.active : 0];
      if (hit) this.#open(hit);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      if (this.openPanel) this.openPanel = false;
      else this.#close(true);
    }
  }

  #open(hit: Hit) {
    navigate(hit.target);
    this.#close(true);
    this.q = '';
    this.answer = null;
  }

  #close(blur: boolean) {
    this.openPanel = false;
    if (blur) {
      this.#input?.blur();
      this.#setExpanded(false);
    }
  }

  #panel(): TemplateResult | typeof nothing {
    if (!this.openPanel || !this.q.trim()) return nothing;
    const hits = this.#hits();
    let index = -1;
    const group = (name: Hit['group']) => {
      const items = hits.filter((h) => h.group === name);
      if (!items.length) return nothing;
      return html`<div class="group" role="presentation">${st(name)}</div>
        ${items.map((h) => {
          index = hits.indexOf(h);
          const i = index;
          return html`<div role="option" id="opt-${h.id}" data-index=${i} data-testid="search-hit" aria-selected=${i === this.active ? 'true' : 'false'}
            @pointerdown=${(e: Event) => e.preventDefault()} @click=${() => this.#open(h)}>${h.render()}</div>`;
        })}`;
    };
    return html`<div class="panel" id="search-results" role="listbox" aria-label=${st('label')}>
      ${this.status === 'failed' ? html`<div class="status" role="alert">${st('failed')}</div>`
        : !hits.length ? html`<div class="status" role="status">${this.status === 'searching' ? st('searching') : st('none', { q: this.q.trim() })}</div>`
        : html`${group('households')}${group('people')}${group('cases')}`}
    </div>`;
  }

  override render() {
    const hits = this.#hits();
    const active = hits[this.active];
    return html`
      <div class="bar">
        <button type="button" class="icon" aria-label=${st('open')} title=${st('shortcut')} @click=${() => void this.focusSearch()}>
          <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" aria-hidden="true"><circle cx="11" cy="11" r="7"></circle><path d="m20 20-3.5-3.5"></path></svg>
        </button>
        <input type="search" role="combobox" data-testid="global-search" autocomplete="off" maxlength="50"
          aria-label=${st('label')} aria-autocomplete="list" aria-controls="search-results" aria-expanded=${this.openPanel ? 'true' : 'false'}
          aria-activedescendant=${active ? `opt-${active.id}` : nothing}
          placeholder=${st('placeholder')} title=${st('shortcut')} .value=${this.q}
          @input=${this.#onInput} @keydown=${this.#onKey} @focus=${() => { if (this.answer && this.q) this.openPanel = true; }}>
        <button type="button" class="cancel" @click=${() => this.#close(true)}>${st('close')}</button>
      </div>
      ${this.#panel()}
    `;
  }
}

customElements.define('wy-global-search', WyGlobalSearch);

declare global {
  interface HTMLElementTagNameMap {
    'wy-global-search': WyGlobalSearch;
  }
}
