import { LitElement, html, type PropertyValues } from 'lit';
import { api } from '../api.js';
import { unitLabel } from '../services.js';
import type { UnitRow } from '../types.js';

/** The company's staff names (one request per page load): staff fields show a name, never an id. */
let directory: Promise<Map<number, string>> | undefined;
function staffNames(): Promise<Map<number, string>> {
  directory ??= api.get<{ items: { id: number; name: string }[] }>('/api/staff/directory').then((r) => new Map(r.items.map((s) => [s.id, s.name])));
  directory.catch(() => { directory = undefined; });
  return directory;
}

/** Labels already looked up in this page, by kind and id (one request per record). */
const cache = new Map<string, Promise<string>>();

function lookup(kind: string, id: number): Promise<string> {
  const key = `${kind}:${id}`;
  let label = cache.get(key);
  if (!label) {
    label = kind === 'unit' ? api.get<UnitRow>(`/api/units/${id}`).then(unitLabel).catch(() => '—')
      : kind === 'staff' ? staffNames().then((names) => names.get(id) ?? '—', () => '—')
      : Promise.resolve('—');
    cache.set(key, label);
  }
  return label;
}

/**
 * The name of a registry record a form field points at (`x-ref: unit`): 「1栋 202」, never its id.
 * Case data and the history show a picked household this way; a record the viewer may not see
 * shows as —.
 */
export class WyRefLabel extends LitElement {
  static override properties = { kind: { type: String }, refId: { type: Number }, label: { state: true } };

  declare kind: string;
  declare refId: number;
  declare label: string;

  constructor() {
    super();
    this.kind = 'unit';
    this.refId = 0;
    this.label = '';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('kind') || changed.has('refId')) {
      this.label = '';
      const [kind, id] = [this.kind, this.refId];
      void lookup(kind, id).then((label) => {
        if (kind === this.kind && id === this.refId) this.label = label;
      });
    }
  }

  override render() {
    return html`<span>${this.label || '…'}</span>`;
  }
}

customElements.define('wy-ref-label', WyRefLabel);

declare global {
  interface HTMLElementTagNameMap {
    'wy-ref-label': WyRefLabel;
  }
}
