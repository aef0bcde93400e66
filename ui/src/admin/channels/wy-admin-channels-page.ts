/**
 * 短信与微信: the company's message channels (GET/PUT /api/notification-channels/:channel, config.edit).
 * Per channel: the provider, the API address, the SMS signature (and Tencent's SdkAppId), the keys
 * — write-only password fields that only say 已设置; blank keeps them — and the provider's template
 * code for each message, listed by the message's title. Saved at once (not through the draft: keys
 * never enter the configuration document). Below them, the projects' WeCom group robots
 * (wy-admin-wecom-robots.ts).
 */
import { LitElement, css, html, nothing } from 'lit';
import { api, ApiError } from '../../api.js';
import { I18nController, t } from '../../i18n.js';
import { issueText } from '../../issue-text.js';
import { base } from '../../styles.js';
import { adminStyles } from '../admin-styles.js';
import { rmt } from '../../resident-messages/resident-messages-i18n.js';
import { messageTemplates, templateTitle, type MessageTemplateInfo } from '../../resident-messages/message-words.js';
import './wy-admin-wecom-robots.js';

type ChannelKind = 'sms' | 'wechat';
interface ChannelRow { channel: ChannelKind; provider: string; endpoint: string | null; settings: { signName?: string; sdkAppId?: string; templates?: Record<string, string> }; credentials: Record<string, 'set'> }

const PROVIDERS: Record<ChannelKind, string[]> = { sms: ['aliyun', 'tencent'], wechat: ['wechat'] };
// the keys each provider signs with (core/notifications/channels/*: credentialKeys)
const KEYS: Record<string, string[]> = { aliyun: ['accessKeyId', 'accessKeySecret'], tencent: ['secretId', 'secretKey'], wechat: ['appId', 'appSecret'] };

interface Draft { provider: string; endpoint: string; signName: string; sdkAppId: string; templates: Record<string, string>; credentials: Record<string, string> }

const draftOf = (row: ChannelRow | undefined): Draft => ({
  provider: row?.provider ?? '', endpoint: row?.endpoint ?? '', signName: row?.settings.signName ?? '', sdkAppId: row?.settings.sdkAppId ?? '',
  templates: { ...(row?.settings.templates ?? {}) }, credentials: {},
});

export class WyAdminChannelsPage extends LitElement {
  static override properties = { endpointsAllowed: { state: true }, rows: { state: true }, drafts: { state: true }, titles: { state: true }, issues: { state: true }, saved: { state: true }, error: { state: true }, busy: { state: true } };
  static override styles = [base, adminStyles, css`
    :host { display: block; max-width: 900px; }
    section.card { margin-bottom: 16px; }
    .set { font-size: 12px; color: var(--wy-ok); margin-left: 6px; }
    .unset { font-size: 12px; color: var(--wy-muted); margin-left: 6px; }
    table.codes { width: 100%; }
    table.codes td { padding: 4px 8px 4px 0; vertical-align: top; }
    table.codes input { width: 100%; max-width: 240px; }
    .actions { display: flex; gap: 10px; align-items: center; margin-top: 12px; flex-wrap: wrap; }
    @media (max-width: 640px) { .grid { grid-template-columns: 1fr; } table.codes td { display: block; padding: 2px 0; } table.codes tr { display: block; padding: 6px 0; border-top: 1px solid var(--wy-border); } }
  `];

  declare rows: Partial<Record<ChannelKind, ChannelRow>>;
  /** the platform lets the company send through an address of its own (WUYE_PROVIDER_ENDPOINTS): else no such field */
  declare endpointsAllowed: boolean;
  declare drafts: Record<ChannelKind, Draft>;
  declare titles: Map<string, MessageTemplateInfo> | null;
  declare issues: Partial<Record<ChannelKind, Record<string, string>>>;
  declare saved: ChannelKind | null;
  declare error: string;
  declare busy: boolean;

  constructor() {
    super();
    new I18nController(this);
    this.rows = {};
    this.endpointsAllowed = false;
    this.drafts = { sms: draftOf(undefined), wechat: draftOf(undefined) };
    this.titles = null;
    this.issues = {};
    this.saved = null;
    this.error = '';
    this.busy = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.#load();
  }

  async #load() {
    try {
      const [channels, titles] = await Promise.all([api.get<{ items: ChannelRow[]; endpointsAllowed: boolean }>('/api/notification-channels'), messageTemplates()]);
      this.rows = Object.fromEntries(channels.items.map((c) => [c.channel, c]));
      this.endpointsAllowed = channels.endpointsAllowed;
      this.drafts = { sms: draftOf(this.rows.sms), wechat: draftOf(this.rows.wechat) };
      this.titles = titles;
      this.error = '';
    } catch (e) {
      this.error = e instanceof ApiError && e.status !== 0 ? e.message : t('networkError');
    }
  }

  #edit(channel: ChannelKind, change: (d: Draft) => void) {
    const d = structuredClone(this.drafts[channel]);
    change(d);
    this.drafts = { ...this.drafts, [channel]: d };
    this.saved = null;
  }

  async #save(e: Event, channel: ChannelKind) {
    e.preventDefault();
    const d = this.drafts[channel];
    const keys = KEYS[d.provider] ?? [];
    const typed = keys.some((k) => d.credentials[k]);
    const templates = Object.fromEntries(Object.entries(d.templates).map(([k, v]) => [k, v.trim()]).filter(([, v]) => v));
    const settings: Record<string, unknown> = { templates };
    if (channel === 'sms' && d.signName.trim()) settings.signName = d.signName.trim();
    if (d.provider === 'tencent' && d.sdkAppId.trim()) settings.sdkAppId = d.sdkAppId.trim();
    const body: Record<string, unknown> = { provider: d.provider, endpoint: d.endpoint.trim() || null, settings };
    // keys go only when typed: all of them (a replacement), else the stored ones stay
    if (typed) body.credentials = Object.fromEntries(keys.map((k) => [k, d.credentials[k] ?? '']).filter(([, v]) => v));
    this.busy = true;
    try {
      const row = await api.put<ChannelRow>(`/api/notification-channels/${channel}`, body);
      this.rows = { ...this.rows, [channel]: row };
      this.drafts = { ...this.drafts, [channel]: draftOf(row) };
      this.issues = { ...this.issues, [channel]: {} };
      this.saved = channel;
    } catch (err) {
      if (err instanceof ApiError && err.issues.length) {
        this.issues = { ...this.issues, [channel]: Object.fromEntries(err.issues.map((i) => [i.pointer, issueText(i).text])) };
      } else {
        this.error = err instanceof ApiError && err.status !== 0 ? err.message : t('networkError');
      }
    } finally {
      this.busy = false;
    }
  }

  #issue(channel: ChannelKind, ...pointers: string[]) {
    const found = pointers.map((p) => this.issues[channel]?.[p]).find(Boolean);
    return found ? html`<span class="issue" role="alert">${found}</span>` : nothing;
  }

  #channel(channel: ChannelKind) {
    const d = this.drafts[channel];
    const row = this.rows[channel];
    const keys = KEYS[d.provider] ?? [];
    const storedKeys = row && row.provider === d.provider ? row.credentials : {};
    // messages only told to staff in the app have no provider template to register
    const titles = [...(this.titles?.values() ?? [])].filter((m) => !m.toStaff);
    return html`<section class="card" data-channel=${channel} aria-labelledby=${`channel-${channel}`}>
      <div class="card-head"><h2 id=${`channel-${channel}`}>${rmt(channel === 'sms' ? 'channelSms' : 'channelWechat')}</h2>
        ${row ? nothing : html`<span class="unset">${rmt('notSetUp')}</span>`}</div>
      <form @submit=${(e: Event) => this.#save(e, channel)}>
        <div class="grid">
          <label>${rmt('provider')}
            <select name="provider" @change=${(e: Event) => this.#edit(channel, (x) => { x.provider = (e.target as HTMLSelectElement).value; x.credentials = {}; })}>
              ${row ? nothing : html`<option value="" ?selected=${!d.provider}>${rmt('provider_none')}</option>`}
              ${PROVIDERS[channel].map((p) => html`<option value=${p} ?selected=${d.provider === p}>${rmt(`provider_${p}`)}</option>`)}
            </select>${this.#issue(channel, '/provider')}
          </label>
          ${d.provider ? html`
            ${this.endpointsAllowed || d.endpoint ? html`<label>${rmt('endpoint')}<input name="endpoint" .value=${d.endpoint} maxlength="300" @input=${(e: Event) => this.#edit(channel, (x) => { x.endpoint = (e.target as HTMLInputElement).value; })}>${this.#issue(channel, '/endpoint')}</label>` : nothing}
            ${channel === 'sms' ? html`<label>${rmt('signName')}<input name="signName" .value=${d.signName} maxlength="40" @input=${(e: Event) => this.#edit(channel, (x) => { x.signName = (e.target as HTMLInputElement).value; })}>${this.#issue(channel, '/settings/signName')}</label>` : nothing}
            ${d.provider === 'tencent' ? html`<label>${rmt('sdkAppId')}<input name="sdkAppId" .value=${d.sdkAppId} maxlength="40" @input=${(e: Event) => this.#edit(channel, (x) => { x.sdkAppId = (e.target as HTMLInputElement).value; })}>${this.#issue(channel, '/settings/sdkAppId')}</label>` : nothing}` : nothing}
        </div>
        ${d.provider ? html`
          <fieldset style="margin-top:12px">
            <legend>${rmt('credentials')}</legend>
            <p class="hint">${rmt('credHint')}</p>
            <div class="grid">
              ${keys.map((k) => html`<label>${rmt(`cred_${k}`)}${storedKeys[k] ? html`<span class="set" data-set=${k}>${rmt('credSet')}</span>` : html`<span class="unset">${rmt('credNotSet')}</span>`}
                <input type="password" name=${`cred-${k}`} autocomplete="new-password" .value=${d.credentials[k] ?? ''} placeholder=${storedKeys[k] ? rmt('credSet') : ''}
                  @input=${(e: Event) => this.#edit(channel, (x) => { x.credentials[k] = (e.target as HTMLInputElement).value; })}>
                ${this.#issue(channel, `/credentials/${k}`, '/credentials')}</label>`)}
            </div>
          </fieldset>
          <fieldset style="margin-top:12px">
            <legend>${rmt('templates')}</legend>
            <p class="hint">${rmt('templatesHint')}</p>
            <table class="codes"><tbody>
              ${titles.map((m) => html`<tr><td>${templateTitle(this.titles, m.id)}</td><td>
                <input name=${`code-${m.id}`} aria-label=${`${templateTitle(this.titles, m.id)} ${rmt('templateCode')}`} maxlength="64" .value=${d.templates[m.id] ?? ''}
                  @input=${(e: Event) => this.#edit(channel, (x) => { x.templates[m.id] = (e.target as HTMLInputElement).value; })}>
                ${this.#issue(channel, `/settings/templates/${m.id}`)}</td></tr>`)}
            </tbody></table>
          </fieldset>
          <div class="actions">
            <button type="submit" class="primary" ?disabled=${this.busy}>${rmt('save')}</button>
            ${this.saved === channel ? html`<span role="status">${rmt('saved')}</span>` : nothing}
          </div>` : nothing}
      </form>
    </section>`;
  }

  override render() {
    return html`
      <p class="hint">${rmt('channelsIntro')}</p>
      ${this.error ? html`<div class="error-box" role="alert">${this.error}</div>` : nothing}
      ${this.titles ? html`${this.#channel('sms')}${this.#channel('wechat')}<wy-admin-wecom-robots></wy-admin-wecom-robots>` : this.error ? nothing : html`<p role="status">${t('loading')}</p>`}
    `;
  }
}

customElements.define('wy-admin-channels-page', WyAdminChannelsPage);

declare global {
  interface HTMLElementTagNameMap {
    'wy-admin-channels-page': WyAdminChannelsPage;
  }
}
