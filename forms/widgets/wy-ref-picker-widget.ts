import { css, html, nothing, type PropertyValues } from 'lit';
import { live } from 'lit/directives/live.js';
import { fieldStyles } from '../styles.js';
import type { PickerOption } from '../types.js';
import { CONTROL_ID, defineWidget, WyWidget } from './widget-base.js';

/** Labels of records picked in this page, by kind and id, so a re-render can show them. */
const labels = new Map<string, string>();

/** Lets the host tell the pickers the labels of ids a case already holds ('unit', 12, '翠湖花园 3栋 1单元 101'). */
export function rememberRefLabel(kind: string, id: number, label: string): void {
  labels.set(`${kind}:${id}`, label);
}

const DEBOUNCE_MS = 200;

/**
 * A registry reference (x-ref `unit` or `person`): a type-ahead combobox that searches through
 * `services.searchUnits` / `services.searchPeople` and stores the picked record's integer id.
 * ARIA combobox pattern: ↓/↑ move through the results, Enter picks, Escape closes. Typing over a
 * picked value clears it until another record is picked.
 *
 * @fires wy-field-change - detail `{ pointer, value }` when a record is picked or the field is cleared
 */
export class WyRefPickerWidget extends WyWidget {
  static override properties = {
    query: { state: true },
    results: { state: true },
    open: { state: true },
    active: { state: true },
    searching: { state: true },
  };
  static override styles = [
    fieldStyles,
    css`
      .combo {
        position: relative;
      }
      ul[role='listbox'] {
        position: absolute;
        z-index: 10;
        inset-inline: 0;
        top: calc(100% + 2px);
        margin: 0;
        padding: 2px 0;
        list-style: none;
        max-height: 16rem;
        overflow: auto;
        background: var(--wy-bg, #fff);
        border: 1px solid var(--wy-border-strong, #8a919c);
        border-radius: var(--wy-radius, 4px);
        box-shadow: 0 4px 14px rgb(0 0 0 / 12%);
      }
      li[role='option'] {
        padding: 5px 10px;
        cursor: pointer;
      }
      li[role='option'][aria-selected='true'] {
        background: var(--wy-accent, #1a5fd0);
        color: var(--wy-accent-text, #fff);
      }
      li.note {
        padding: 5px 10px;
        color: var(--wy-muted, #5c6370);
      }
    `,
  ];

  /** text in the box while the person is typing (undefined: show the picked record) */
  declare query: string | undefined;
  declare results: PickerOption[];
  declare open: boolean;
  declare active: number;
  declare searching: boolean;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private requestNo = 0;

  constructor() {
    super();
    this.query = undefined;
    this.results = [];
    this.open = false;
    this.active = -1;
    this.searching = false;
  }

  private get kind(): string {
    return String(this.field['x-ref'] ?? (this.widgetName === 'person-picker' ? 'person' : 'unit'));
  }

  private get pickedLabel(): string {
    if (typeof this.value !== 'number') return '';
    return labels.get(`${this.kind}:${this.value}`) ?? `#${this.value}`;
  }

  private search(q: string): void {
    clearTimeout(this.timer);
    const services = this.host?.services;
    const fn = this.kind === 'person' ? services?.searchPeople : services?.searchUnits;
    if (!fn || q.trim() === '') {
      this.results = [];
      this.searching = false;
      return;
    }
    this.searching = true;
    const no = ++this.requestNo;
    this.timer = setTimeout(() => {
      fn.call(services, q.trim()).then(
        (found) => {
          if (no !== this.requestNo) return; // a later query is on its way
          this.results = found;
          this.active = found.length ? 0 : -1;
          this.searching = false;
        },
        () => {
          if (no !== this.requestNo) return;
          this.results = [];
          this.searching = false;
        },
      );
    }, DEBOUNCE_MS);
  }

  private onInput(e: Event): void {
    const q = (e.target as HTMLInputElement).value;
    this.query = q;
    this.open = true;
    if (this.value !== undefined) this.emit(undefined);
    this.search(q);
  }

  private pick(option: PickerOption): void {
    labels.set(`${this.kind}:${option.id}`, option.label);
    this.query = undefined;
    this.open = false;
    this.results = [];
    this.emit(option.id);
  }

  private onKeyDown(e: KeyboardEvent): void {
    if (this.locked) return;
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault();
        if (!this.open) {
          this.open = true;
          this.search(this.query ?? '');
        } else if (this.results.length) this.active = (this.active + 1) % this.results.length;
        break;
      case 'ArrowUp':
        e.preventDefault();
        if (this.results.length) this.active = (this.active - 1 + this.results.length) % this.results.length;
        break;
      case 'Enter':
        if (this.open && this.active >= 0 && this.results[this.active]) {
          e.preventDefault(); // pick, do not submit the form
          this.pick(this.results[this.active]!);
        }
        break;
      case 'Escape':
        if (this.open) {
          e.preventDefault();
          this.open = false;
        }
        break;
    }
  }

  private onBlur(): void {
    // a click on an option lands before blur (mousedown is prevented), so this is a real leave
    this.open = false;
    if (this.query !== undefined && this.query.trim() === '') this.query = undefined;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (changed.has('active') && this.active >= 0) this.renderRoot.querySelector(`#option-${this.active}`)?.scrollIntoView({ block: 'nearest' });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.timer);
  }

  override render() {
    const showList = this.open && !this.locked && (this.query ?? '').trim() !== '';
    const text = this.query ?? this.pickedLabel;
    return html`${this.renderLabel()}
      <div class="combo">
        <input
          id=${CONTROL_ID}
          type="text"
          role="combobox"
          autocomplete="off"
          aria-autocomplete="list"
          aria-expanded=${showList ? 'true' : 'false'}
          aria-controls="listbox"
          aria-activedescendant=${showList && this.active >= 0 ? `option-${this.active}` : nothing}
          aria-required=${this.required ? 'true' : 'false'}
          aria-invalid=${this.ariaInvalidValue}
          aria-describedby=${this.describedBy()}
          .value=${live(text)}
          placeholder=${this.placeholder ?? this.t('searchHint')}
          ?readonly=${this.readOnly}
          ?disabled=${this.disabled}
          @input=${this.onInput}
          @keydown=${this.onKeyDown}
          @blur=${this.onBlur}
        />
        <ul id="listbox" role="listbox" aria-label=${this.label} ?hidden=${!showList}>
          ${this.searching && !this.results.length ? html`<li class="note" role="presentation">${this.t('searching')}</li>` : nothing}
          ${!this.searching && !this.results.length ? html`<li class="note" role="presentation">${this.t('noResults')}</li>` : nothing}
          ${this.results.map(
            (o, i) =>
              html`<li
                id=${`option-${i}`}
                role="option"
                aria-selected=${i === this.active ? 'true' : 'false'}
                @mousedown=${(e: Event) => e.preventDefault()}
                @click=${() => this.pick(o)}
              >
                ${o.label}
              </li>`,
          )}
        </ul>
      </div>
      ${this.renderHelp()}${this.renderError()}`;
  }
}

defineWidget('wy-ref-picker-widget', WyRefPickerWidget);

declare global {
  interface HTMLElementTagNameMap {
    'wy-ref-picker-widget': WyRefPickerWidget;
  }
}
