import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { attachmentHref } from '../attachment-href.js';
import { formatFileSize } from '../format.js';
import { I18nController, t } from '../i18n.js';
import { base } from '../styles.js';

export interface AttachmentMeta {
  id: string;
  name: string | null;
  type: string;
  size: number | null;
}

/** One HEAD request per file and page load: the name, type and size without downloading it. */
const metaCache = new Map<string, Promise<AttachmentMeta>>();

export function attachmentMeta(id: string): Promise<AttachmentMeta> {
  let p = metaCache.get(id);
  if (!p) {
    p = fetch(attachmentHref(id), { method: 'HEAD', credentials: 'same-origin' }).then((res) => {
      if (!res.ok) throw new Error(String(res.status));
      const disposition = res.headers.get('content-disposition') ?? '';
      const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
      let name: string | null = null;
      try {
        name = encoded ? decodeURIComponent(encoded) : null;
      } catch {
        name = null;
      }
      const length = Number(res.headers.get('content-length'));
      return { id, name, type: res.headers.get('content-type') ?? '', size: Number.isFinite(length) && length > 0 ? length : null };
    });
    p.catch(() => metaCache.delete(id));
    metaCache.set(id, p);
  }
  return p;
}

/** 'application/pdf' → 'PDF' on the file's tile when there is no picture to show. */
function kindText(type: string): string {
  if (type === 'application/pdf') return 'PDF';
  const sub = type.split('/')[1] ?? '';
  return sub ? sub.toUpperCase().slice(0, 4) : t('attachment');
}

/**
 * Files of a case: a thumbnail for pictures (a tile with the kind for other files), the file's
 * name and size; a tap opens the file in a new tab.
 */
export class WyAttachmentList extends LitElement {
  static override properties = {
    ids: { attribute: false },
    metas: { state: true },
  };

  static override styles = [base, css`
    :host { display: block; white-space: normal; }
    ul { list-style: none; margin: 0; padding: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(120px, 150px)); gap: 10px; }
    a { display: flex; flex-direction: column; gap: 4px; text-decoration: none; color: inherit; border: 1px solid var(--wy-border); border-radius: var(--wy-radius); padding: 6px; background: #fff; min-width: 0; }
    a:hover { border-color: var(--wy-primary); }
    .thumb { width: 100%; aspect-ratio: 4 / 3; object-fit: cover; border-radius: 4px; background: var(--wy-bg); display: block; }
    .tile { width: 100%; aspect-ratio: 4 / 3; border-radius: 4px; background: var(--wy-primary-light); color: var(--wy-primary-dark); display: flex; align-items: center; justify-content: center; font-weight: 700; font-size: 18px; }
    .name { font-size: 13px; color: var(--wy-primary); overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
    .size { font-size: 12px; color: var(--wy-muted); }
  `];

  declare ids: string[];
  declare metas: Record<string, AttachmentMeta | null>;
  #loading = new Set<string>();

  constructor() {
    super();
    new I18nController(this);
    this.ids = [];
    this.metas = {};
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!changed.has('ids')) return;
    for (const id of this.ids) {
      if (id in this.metas || this.#loading.has(id)) continue;
      this.#loading.add(id);
      attachmentMeta(id).then(
        (m) => { this.metas = { ...this.metas, [id]: m }; },
        () => { this.metas = { ...this.metas, [id]: null }; },
      ).finally(() => this.#loading.delete(id));
    }
  }

  override render() {
    if (!this.ids.length) return nothing;
    return html`<ul>${this.ids.map((id, i) => {
      const m = this.metas[id];
      const name = m?.name ?? `${t('attachment')} ${i + 1}`;
      const image = m?.type.startsWith('image/');
      return html`<li data-attachment=${id}>
        <a href=${attachmentHref(id)} target="_blank" rel="noopener" title=${name}>
          ${image ? html`<img class="thumb" src=${attachmentHref(id)} alt=${name} loading="lazy" />` : html`<span class="tile" aria-hidden="true">${m ? kindText(m.type) : ''}</span>`}
          <span class="name">${name}</span>
          ${m?.size ? html`<span class="size">${formatFileSize(m.size)}</span>` : nothing}
          <span class="visually-hidden">${t('openInNewTab')}</span>
        </a>
      </li>`;
    })}</ul>`;
  }
}

customElements.define('wy-attachment-list', WyAttachmentList);

declare global {
  interface HTMLElementTagNameMap {
    'wy-attachment-list': WyAttachmentList;
  }
}
