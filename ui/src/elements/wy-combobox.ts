import { LitElement, css, html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { I18nController, t } from '../i18n.js';
import { base } from '../styles.js';

export interface ComboOption {
  key: string;
  label: string;
  /** a second, quieter part: the room of a resident, the owner of a room */
  detail?: string;
}

/**
 * A search box with its suggestions as a list of buttons under it: the host answers each typed
 * text with `options`. ↓ from the box goes to the first suggestion, ↓/↑ move through them, Enter
 * (or a click) picks, ↑ on the first or Escape goes back to the box. Nothing about what is
 * searched — the household picker uses it for rooms and for residents.
 *
 * @fires wy-query - detail: the text typed (the host debounces)
 * @fires wy-pick - detail: the picked option's key
 */
export class WyCombobox extends LitElement {
  static override properties = {
    // properties only: attributes on the host would read as a second text box's placeholder
    label: { attribute: false },
    name: { attribute: false },
    placeholder: { attribute: false },
    maxLength: { attribute: false },
    options: { attribute: false },
    text: { state: true },
    open: { state: true },
  };

  static override styles = [base, css`
    :host { display: block; position: relative; }
    label { width: 100%; }
    input { width: 100%; }
    ul { position: absolute; z-index: 20; inset-inline: 0; margin: 2px 0 0; padding: 0; list-style: none; max-height: 280px; overflow-y: auto;
      background: #fff; border: 1px solid var(--wy-border); border-radius: var(--wy-radius); box-shadow: 0 4px 14px rgb(0 0 0 / 12%); }
    li + li { border-top: 1px solid var(--wy-border); }
    li button { width: 100%; border: none; border-radius: 0; justify-content: flex-start; flex-wrap: wrap; gap: 2px 10px; text-align: left; padding: 6px 10px; min-height: 40px; }
    li button:focus, li button:hover { background: var(--wy-primary); color: #fff; outline: none; }
    li button:focus .detail, li button:hover .detail { color: #fff; }
    .detail { font-size: 12px; color: var(--wy-muted); }
    li.note { padding: 6px 10px; color: var(--wy-muted); font-size: 13px; }
  `];

  declare label: string;
  declare name: string;
  declare placeholder: string;
  declare maxLength: number;
  /** suggestions for the current text; null: nothing asked yet */
  declare options: ComboOption[] | null;
  declare text: string;
  declare open: boolean;

  constructor() {
    super();
    new I18nController(this);
    this.label = '';
    this.name = '';
    this.placeholder = '';
    this.maxLength = 50;
    this.options = null;
    this.text = '';
    this.open = false;
  }

  override focus(): void {
    this.renderRoot.querySelector('input')?.focus();
  }

  get #buttons(): HTMLButtonElement[] {
    return [...this.renderRoot.querySelectorAll<HTMLButtonElement>('li button')];
  }

  #onInput(e: Event) {
    this.text = (e.target as HTMLInputElement).value;
    this.open = true;
    this.dispatchEvent(new CustomEvent<string>('wy-query', { detail: this.text }));
  }

  #pick(option: ComboOption) {
    this.open = false;
    this.text = '';
    this.dispatchEvent(new CustomEvent<string>('wy-pick', { detail: option.key }));
  }

  #onInputKey(e: KeyboardEvent) {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      this.open = true;
      void this.updateComplete.then(() => this.#buttons[0]?.focus());
    } else if (e.key === 'Escape' && this.open) {
      e.preventDefault();
      this.open = false;
    }
  }

  #onOptionKey(e: KeyboardEvent, index: number) {
    const buttons = this.#buttons;
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      buttons[Math.min(index + 1, buttons.length - 1)]?.focus();
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      if (index === 0) this.focus();
      else buttons[index - 1]?.focus();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      this.open = false;
      this.focus();
    }
  }

  /** Focus left the box and its list: the list closes. */
  #onFocusOut(e: FocusEvent) {
    const next = e.relatedTarget as Node | null;
    if (!next || !this.renderRoot.contains(next)) this.open = false;
  }

  override render() {
    const list = this.options;
    const shown = this.open && list !== null && this.text.trim() !== '';
    return html`<div @focusout=${this.#onFocusOut}>
      <label>${this.label}
        <input type="search" name=${this.name} autocomplete="off" maxlength=${this.maxLength} placeholder=${this.placeholder}
          aria-expanded=${shown ? 'true' : 'false'} aria-controls="suggestions"
          .value=${live(this.text)} @input=${this.#onInput} @keydown=${this.#onInputKey} />
      </label>
      ${shown ? html`<ul id="suggestions" aria-label=${this.label}>
        ${!list!.length ? html`<li class="note">${t('noMatches')}</li>` : nothing}
        ${list!.map((o, i) => html`<li><button type="button" data-key=${o.key} @click=${() => this.#pick(o)} @keydown=${(e: KeyboardEvent) => this.#onOptionKey(e, i)}>
          <span>${o.label}</span>${o.detail ? html` <span class="detail">${o.detail}</span>` : nothing}</button></li>`)}
      </ul>` : nothing}
    </div>`;
  }
}

customElements.define('wy-combobox', WyCombobox);

declare global {
  interface HTMLElementTagNameMap {
    'wy-combobox': WyCombobox;
  }
}
