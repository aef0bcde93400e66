import { css, html, nothing, svg } from 'lit';
import { msg } from '../messages.js';
import { fieldStyles } from '../styles.js';
import type { UploadedAttachment } from '../types.js';
import { acceptsFile, formatBytes, mimeName } from '../values.js';
import { CONTROL_ID, defineWidget, WyWidget } from './widget-base.js';

const clipIcon = svg`<svg class="clip" viewBox="0 0 16 16" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="1.4" stroke-linecap="round"><path d="M10.5 4.5 5.6 9.4a1.4 1.4 0 0 0 2 2l5-5a2.8 2.8 0 0 0-4-4l-5 5a4.2 4.2 0 0 0 6 6l4.2-4.2"/></svg>`;

/** Names and sizes of attachments uploaded (or announced by the host) in this page, by id. */
const known = new Map<string, UploadedAttachment>();

/** Lets the host tell the widgets the names and sizes of attachments a case already has. */
export function rememberAttachments(list: readonly UploadedAttachment[]): void {
  for (const a of list) known.set(a.id, a);
}

/**
 * An attachment field (format `attachment`), or an array of them: a file input that uploads
 * through `services.uploadAttachment` and stores the returned id. Shows each file's name and size,
 * the accepted types (x-accept) and size limit (x-maxBytes) — and refuses a file over them, or over
 * maxItems, before uploading anything.
 *
 * @fires wy-field-change - detail `{ pointer, value }` after each upload or removal
 */
export class WyAttachmentWidget extends WyWidget {
  static override properties = { status: { state: true }, problems: { state: true } };
  static override styles = [
    fieldStyles,
    css`
      .files {
        list-style: none;
        margin: 0 0 6px;
        padding: 0;
        display: flex;
        flex-direction: column;
        gap: 4px;
      }
      .file {
        display: flex;
        align-items: center;
        gap: 8px;
        padding: 3px 8px;
        border: 1px solid var(--wy-border, #c3c8d0);
        border-radius: var(--wy-radius, 4px);
        background: var(--wy-bg-subtle, #f5f6f8);
      }
      .file-name {
        flex: 1;
        min-width: 0;
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
      }
      .file-size {
        color: var(--wy-muted, #5c6370);
        font-size: 12px;
        font-variant-numeric: tabular-nums;
      }
      .empty {
        color: var(--wy-muted, #5c6370);
        font-size: 12px;
        margin-bottom: 4px;
      }
      /* the native file input stays in the page (focusable, labelled) but the visible button is its label, in the user's language */
      input.file-input {
        position: absolute;
        width: 1px;
        height: 1px;
        opacity: 0;
        overflow: hidden;
      }
      label.choose {
        display: inline-flex;
        align-items: center;
        gap: 4px;
        font-size: 13px;
        min-height: 28px;
        padding: 2px 12px;
        border: 1px solid var(--wy-border, #c3c8d0);
        border-radius: var(--wy-radius, 4px);
        background: var(--wy-bg, #fff);
        cursor: pointer;
      }
      label.choose:hover {
        border-color: var(--wy-accent, #1a5fd0);
        color: var(--wy-accent, #1a5fd0);
      }
      input.file-input:focus-visible + label.choose {
        outline: 2px solid var(--wy-accent, #1a5fd0);
        outline-offset: 1px;
      }
      input.file-input[aria-invalid='true'] + label.choose {
        border-color: var(--wy-error, #c4281c);
      }
      .clip {
        flex: none;
        width: 14px;
        height: 14px;
        color: var(--wy-muted, #5c6370);
      }
      .problems {
        margin: 3px 0 0;
        padding: 0;
        list-style: none;
      }
    `,
  ];

  /** progress text, announced politely */
  declare status: string;
  /** files refused or failed in the last selection (this widget's own messages) */
  declare problems: string[];

  constructor() {
    super();
    this.status = '';
    this.problems = [];
  }

  protected override get wide(): boolean {
    return this.multiple;
  }

  private get multiple(): boolean {
    return this.field.type === 'array';
  }

  private get accept(): string[] | undefined {
    return this.field['x-accept'] ?? this.field.items?.['x-accept'];
  }

  private get maxBytes(): number | undefined {
    return this.field['x-maxBytes'] ?? this.field.items?.['x-maxBytes'];
  }

  private get ids(): string[] {
    if (this.multiple) return Array.isArray(this.value) ? this.value.filter((v): v is string => typeof v === 'string') : [];
    return typeof this.value === 'string' ? [this.value] : [];
  }

  private get maxFiles(): number {
    return this.multiple ? (this.field.maxItems ?? Number.POSITIVE_INFINITY) : 1;
  }

  private limitsText(): string {
    const parts: string[] = [];
    const accept = this.accept;
    const sep = this.language === 'en' ? ', ' : '、';
    if (accept?.length) parts.push(this.t('acceptTypes', { types: accept.map(mimeName).join(sep) }));
    if (this.maxBytes) parts.push(this.t('maxBytes', { max: formatBytes(this.maxBytes) }));
    if (this.multiple && Number.isFinite(this.maxFiles)) parts.push(this.t('maxFiles', { n: this.maxFiles }));
    return parts.join(this.language === 'en' ? '; ' : '；');
  }

  private async onFiles(e: Event): Promise<void> {
    const input = e.target as HTMLInputElement;
    const files = [...(input.files ?? [])];
    input.value = ''; // the same file can be chosen again after a refusal
    const problems: string[] = [];
    let ids = this.multiple ? this.ids : [];
    const accepted: File[] = [];
    for (const file of files) {
      const name = file.name;
      if (!acceptsFile(this.accept, file.type, name)) problems.push(this.t('fileTypeRefused', { name }));
      else if (this.maxBytes !== undefined && file.size > this.maxBytes) {
        problems.push(this.t('fileTooLarge', { name, size: formatBytes(file.size), max: formatBytes(this.maxBytes) }));
      } else if (ids.length + accepted.length >= this.maxFiles && this.multiple) problems.push(this.t('tooManyFiles', { n: this.maxFiles, name }));
      else accepted.push(file);
    }
    if (!this.multiple && accepted.length > 1) accepted.length = 1;
    const upload = this.host?.services?.uploadAttachment?.bind(this.host.services);
    if (accepted.length && !upload) problems.push(this.t('noUploadService'));
    this.problems = problems;
    if (!upload) return;
    for (const file of accepted) {
      this.status = this.t('uploading', { name: file.name });
      try {
        const uploaded = await upload(file);
        known.set(uploaded.id, uploaded);
        ids = this.multiple ? [...ids, uploaded.id] : [uploaded.id];
        this.emit(this.multiple ? ids : uploaded.id);
        this.status = this.t('uploaded', { name: file.name });
      } catch (error) {
        this.status = '';
        this.problems = [...this.problems, this.t('uploadFailed', { name: file.name, message: error instanceof Error ? error.message : String(error) })];
      }
    }
  }

  private removeFile(id: string): void {
    this.problems = [];
    this.status = '';
    if (!this.multiple) return this.emit(undefined);
    const rest = this.ids.filter((x) => x !== id);
    this.emit(rest.length ? rest : undefined);
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#${CONTROL_ID}`)?.focus());
  }

  override render() {
    const ids = this.ids;
    const limits = this.limitsText();
    const full = ids.length >= this.maxFiles;
    const describedBy = this.describedBy(limits && 'limits', this.problems.length > 0 && 'problems', 'status');
    return html`${this.renderLabel()}
      ${ids.length
        ? html`<ul class="files">
            ${ids.map((id) => {
              const info = known.get(id);
              const name = info?.name ?? id;
              return html`<li class="file">
                ${clipIcon}
                <span class="file-name" title=${name}>${name}</span>
                ${info ? html`<span class="file-size">${formatBytes(info.size)}</span>` : nothing}
                ${this.locked
                  ? nothing
                  : html`<button type="button" class="remove" aria-label=${msg(this.language, 'removeFileLabel', { name })} @click=${() => this.removeFile(id)}>${this.t('removeFile')}</button>`}
              </li>`;
            })}
          </ul>`
        : html`<div class="empty">${this.t('noFiles')}</div>`}
      ${this.locked || full
        ? nothing
        : html`<div>
            <input
              id=${CONTROL_ID}
              class="file-input"
              type="file"
              accept=${this.accept?.join(',') ?? nothing}
              ?multiple=${this.multiple}
              aria-required=${this.required ? 'true' : 'false'}
              aria-invalid=${this.ariaInvalidValue}
              aria-describedby=${describedBy}
              @change=${this.onFiles}
            /><label class="choose" for=${CONTROL_ID}>${clipIcon}${this.t('chooseFile')}</label>
          </div>`}
      ${limits ? html`<div class="help" id="limits">${limits}</div>` : nothing}
      ${this.renderHelp()}
      <div class="help" id="status" aria-live="polite">${this.status}</div>
      ${this.problems.length
        ? html`<ul class="problems error-list" id="problems" role="alert">
            ${this.problems.map((p) => html`<li class="error">${p}</li>`)}
          </ul>`
        : nothing}
      ${this.renderError()}`;
  }
}

defineWidget('wy-attachment-widget', WyAttachmentWidget);

declare global {
  interface HTMLElementTagNameMap {
    'wy-attachment-widget': WyAttachmentWidget;
  }
}
