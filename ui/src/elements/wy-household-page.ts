import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { html as staticHtml, unsafeStatic } from 'lit/static-html.js';
import { api, ApiError } from '../api.js';
import { attachmentHref } from '../attachment-href.js';
import { caseTypeInfo, caseTypeTitle, projectName, stateTitle } from '../app-state.js';
import { formatDateTime, formatFileSize } from '../format.js';
import { I18nController, t, tOr } from '../i18n.js';
import { caseHref, href } from '../router.js';
import { userHasPermission } from '../permissions.js';
import { slotPanels } from '../plugin-ui-registry.js';
import { unitLabel } from '../services.js';
import { base } from '../styles.js';
import type { HouseholdArchiveView } from '../../../core/http/api-types.js';
import { at, atOr } from '../household/archive-i18n.js';
import type { DialogField, DialogRequest } from '../household/wy-archive-dialog.js';
import '../household/wy-archive-dialog.js';
import '../resident-messages/wy-message-log.js';

type Member = HouseholdArchiveView['members'][number];
type Change = HouseholdArchiveView['history'][number];
const RELATIONS = ['owner', 'coOwner', 'tenant', 'family', 'agent', 'emergency'] as const;
const nul = (v: string) => (v === '' ? null : v);

/**
 * 住户档案 (一户一档) of one unit: its residents and contacts over time, vehicles and parking, every
 * case of the household (open first), the SMS/WeChat messages sent to it, attachments, what the enabled plugins add (bills, deposits),
 * and the history of changes. Staff with registry.edit change it through small dialogs; phones and
 * ID numbers show as the company's privacy rules say, a masked one revealed on request with a reason.
 */
export class WyHouseholdPage extends LitElement {
  static override properties = {
    unitId: { type: Number },
    archive: { state: true },
    label: { state: true },
    error: { state: true },
    visitorOnly: { state: true },
    revealed: { state: true },
  };

  static override styles = [base, css`
    :host { display: block; }
    dl { display: flex; gap: 24px; flex-wrap: wrap; margin: 0; }
    dt { font-size: 12px; color: var(--wy-muted); }
    dd { margin: 2px 0 0; }
    .back { display: inline-block; margin-bottom: 8px; }
    .section-head { display: flex; align-items: center; gap: 8px; flex-wrap: wrap; }
    .section-head h2 { margin: 0; flex: 1 1 auto; }
    .rows { display: flex; flex-direction: column; gap: 0; margin-top: 8px; }
    .row { display: grid; grid-template-columns: minmax(8em, 1.2fr) minmax(7em, 1fr) minmax(9em, 1.2fr) minmax(8em, 1fr) auto; gap: 4px 12px; align-items: center; padding: 8px 0; border-top: 1px solid var(--wy-border); }
    .row .actions { display: flex; gap: 6px; justify-content: flex-end; flex-wrap: wrap; }
    .row .label { display: none; font-size: 12px; color: var(--wy-muted); margin-right: 4px; }
    .row.former { color: var(--wy-muted); }
    .who { font-weight: 600; }
    .muted { color: var(--wy-muted); }
    .link-button { border: none; background: none; padding: 0 2px; color: var(--wy-primary); cursor: pointer; font-size: 13px; min-height: 0; }
    .value { word-break: break-all; }
    table { width: 100%; }
    .history li { padding: 6px 0; border-top: 1px solid var(--wy-border); list-style: none; }
    .history ul { padding: 0; margin: 8px 0 0; }
    .history .meta { font-size: 12px; color: var(--wy-muted); }
    details summary { cursor: pointer; margin-top: 8px; color: var(--wy-muted); }
    .case-list li { list-style: none; padding: 6px 0; border-top: 1px solid var(--wy-border); display: flex; gap: 8px; flex-wrap: wrap; align-items: baseline; }
    .case-list { padding: 0; margin: 8px 0 0; }
    @media (max-width: 640px) {
      .row { grid-template-columns: 1fr auto; }
      .row > .cell { grid-column: 1 / 2; }
      .row .actions { grid-column: 2 / 3; grid-row: 1 / span 4; flex-direction: column; align-items: stretch; }
      .row .label { display: inline; }
    }
  `];

  declare unitId: number;
  declare archive: HouseholdArchiveView | null;
  declare label: string;
  declare error: string;
  declare visitorOnly: boolean;
  /** personId/field → the full value revealed on request */
  declare revealed: Record<string, string>;

  constructor() {
    super();
    new I18nController(this);
    this.unitId = 0;
    this.archive = null;
    this.label = '';
    this.error = '';
    this.visitorOnly = false;
    this.revealed = {};
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('unitId')) void this.#load();
  }

  async #load() {
    this.archive = null;
    this.revealed = {};
    try {
      const archive = await api.get<HouseholdArchiveView>(`/api/units/${this.unitId}/archive`);
      this.label = await unitLabel(archive.unit);
      this.archive = archive;
      this.error = '';
      this.visitorOnly = false;
    } catch (err) {
      if (err instanceof ApiError && err.status === 403) {
        // the visitor desk: the room number only
        try {
          const unit = await api.get<{ projectId: number; buildingId: number; number: string }>(`/api/units/${this.unitId}`);
          this.label = `${projectName(unit.projectId)} ${await unitLabel(unit)}`;
          this.visitorOnly = true;
          this.error = '';
          return;
        } catch { /* fall through */ }
      }
      this.error = err instanceof ApiError && err.status === 404 ? t('notFound') : err instanceof ApiError && err.status ? err.message : t('networkError');
    }
  }

  get #dialog() {
    return this.renderRoot.querySelector('wy-archive-dialog')!;
  }

  get #canEdit() {
    return userHasPermission('registry.edit');
  }

  /** a write naming the version read; the answer is the archive after it */
  async #write(method: 'post' | 'patch', path: string, body: Record<string, unknown>) {
    try {
      const next = method === 'post'
        ? await api.post<HouseholdArchiveView>(`/api/units/${this.unitId}/archive${path}`, { version: this.archive!.version, ...body })
        : await api.patch<HouseholdArchiveView>(`/api/units/${this.unitId}/archive${path}`, { version: this.archive!.version, ...body });
      this.archive = next;
    } catch (err) {
      if (err instanceof ApiError && err.status === 409 && err.code === 'WUYE_STALE_VERSION') void this.#load();
      throw err;
    }
  }

  #open(request: DialogRequest) {
    void this.#dialog.open(request);
  }

  #relationText(m: Pick<Member, 'relation' | 'note'>) {
    const r = atOr(`relation_${m.relation}`, m.relation);
    return m.note ? `${r}（${m.note}）` : r;
  }

  #period(m: { since: string | null; until: string | null }) {
    if (m.since && m.until) return at('periodText', { since: m.since, until: m.until });
    if (m.since) return at('sinceOnly', { since: m.since });
    if (m.until) return at('untilOnly', { until: m.until });
    return '';
  }

  #editPerson(m: Member) {
    const fields: DialogField[] = [
      { name: 'name', label: at('name'), required: true, value: m.name ?? '' },
      { name: 'phone', label: at('phone'), type: 'tel', value: m.phoneMasked ? '' : m.phone ?? '', maxLength: 32 },
    ];
    if (this.archive!.privacy.idNumber === 'full') fields.push({ name: 'idNumber', label: at('idNumber'), value: m.idNumber ?? '', maxLength: 32 });
    this.#open({
      title: at('editPersonTitle', { name: m.name ?? '' }),
      fields,
      save: async (v) => {
        const body: Record<string, unknown> = {};
        if (v.name !== (m.name ?? '')) body.name = v.name;
        // a masked phone left blank stays as it is
        if (v.phone !== '' || !m.phoneMasked) { if (v.phone !== (m.phone ?? '')) body.phone = nul(v.phone!); }
        if ('idNumber' in v && v.idNumber !== (m.idNumber ?? '')) body.idNumber = nul(v.idNumber!);
        if (!Object.keys(body).length) return;
        await this.#write('patch', `/people/${m.personId}`, body);
      },
    });
  }

  #addMember() {
    this.#open({
      title: at('addMember'),
      fields: [
        { name: 'relation', label: at('relation'), type: 'select', required: true, value: 'tenant', options: RELATIONS.filter((r) => r !== 'owner').map((r) => ({ value: r, label: at(`relation_${r}`) })) },
        { name: 'name', label: at('name'), required: true, pointers: ['/person/name', '/person'] },
        { name: 'phone', label: at('phone'), type: 'tel', maxLength: 32, pointers: ['/person/phone'] },
        { name: 'idNumber', label: at('idNumber'), maxLength: 32, pointers: ['/person/idNumber'] },
        { name: 'note', label: at('note'), maxLength: 50 },
        { name: 'since', label: at('since'), type: 'date' },
      ],
      save: (v) => this.#write('post', '/members', {
        relation: v.relation, note: nul(v.note!), since: nul(v.since!),
        person: { name: v.name, phone: nul(v.phone!), idNumber: nul(v.idNumber!) },
      }),
    });
  }

  #endMember(m: Member) {
    this.#open({
      title: at('endMemberTitle', { name: m.name ?? '', relation: this.#relationText(m) }),
      fields: [{ name: 'until', label: at('until'), type: 'date', required: true }],
      submitLabel: at('confirm'),
      save: (v) => this.#write('post', '/members/end', { personId: m.personId, relation: m.relation, until: v.until }),
    });
  }

  #transfer() {
    this.#open({
      title: at('transferTitle'),
      fields: [
        { name: 'date', label: at('transferDate'), type: 'date', required: true },
        { name: 'name', label: at('newOwner'), required: true, pointers: ['/owners/0/person/name', '/owners'] },
        { name: 'phone', label: at('newOwnerPhone'), type: 'tel', maxLength: 32, pointers: ['/owners/0/person/phone'] },
        { name: 'idNumber', label: at('newOwnerId'), maxLength: 32, pointers: ['/owners/0/person/idNumber'] },
        { name: 'coName', label: at('coOwner'), pointers: ['/owners/1/person/name'] },
        { name: 'coPhone', label: at('coOwnerPhone'), type: 'tel', maxLength: 32, pointers: ['/owners/1/person/phone'] },
      ],
      save: (v) => this.#write('post', '/transfer', {
        date: v.date,
        owners: [
          { person: { name: v.name, phone: nul(v.phone!), idNumber: nul(v.idNumber!) } },
          ...(v.coName ? [{ person: { name: v.coName, phone: nul(v.coPhone!) } }] : []),
        ],
      }),
    });
  }

  #addVehicle() {
    this.#open({
      title: at('addVehicle'),
      fields: [
        { name: 'plate', label: at('plate'), required: true, maxLength: 16 },
        { name: 'model', label: at('model'), maxLength: 50 },
        { name: 'color', label: at('color'), maxLength: 20 },
      ],
      save: (v) => this.#write('post', '/vehicles', { plate: v.plate, model: nul(v.model!), color: nul(v.color!) }),
    });
  }

  #removeVehicle(id: number, plate: string) {
    this.#open({ title: at('removeVehicleTitle', { plate }), intro: at('removeConfirm'), fields: [], danger: true, submitLabel: at('confirm'), save: () => this.#write('patch', `/vehicles/${id}`, { removed: true }) });
  }

  #addParking() {
    this.#open({
      title: at('addParking'),
      fields: [
        { name: 'number', label: at('parkingNumber'), required: true, maxLength: 32 },
        { name: 'kind', label: at('parkingKind'), type: 'select', required: true, value: 'rented', options: [{ value: 'owned', label: at('kind_owned') }, { value: 'rented', label: at('kind_rented') }] },
        { name: 'since', label: at('since'), type: 'date' },
        { name: 'until', label: at('until'), type: 'date' },
      ],
      save: (v) => this.#write('post', '/parking', { number: v.number, kind: v.kind, since: nul(v.since!), until: nul(v.until!) }),
    });
  }

  #removeParking(id: number, number: string) {
    this.#open({ title: at('removeParkingTitle', { number }), intro: at('removeConfirm'), fields: [], danger: true, submitLabel: at('confirm'), save: () => this.#write('patch', `/parking/${id}`, { removed: true }) });
  }

  #reveal(m: Member, field: 'phone' | 'idNumber') {
    this.#open({
      title: at('revealTitle', { field: at(field) }),
      intro: at('revealHint'),
      fields: [{ name: 'reason', label: at('revealReason'), required: true, maxLength: 200 }],
      submitLabel: at('reveal'),
      save: async (v) => {
        const res = await api.post<{ value: string | null }>(`/api/people/${m.personId}/reveal`, { field, reason: v.reason, unitId: this.unitId });
        this.revealed = { ...this.revealed, [`${m.personId}/${field}`]: res.value ?? '' };
      },
    });
  }

  #value(m: Member, field: 'phone' | 'idNumber') {
    const full = this.revealed[`${m.personId}/${field}`];
    if (full) return field === 'phone' ? html`<a class="value" href=${`tel:${full.replace(/[^\d+]/g, '')}`}>${full}</a>` : html`<span class="value">${full}</span>`;
    const v = m[field];
    if (!v) return nothing;
    const masked = field === 'phone' ? m.phoneMasked : m.idNumberMasked;
    if (!masked) return field === 'phone' ? html`<a class="value" href=${`tel:${v.replace(/[^\d+]/g, '')}`}>${v}</a>` : html`<span class="value">${v}</span>`;
    return html`<span class="value" aria-label=${`${v}（${at('masked')}）`}>${v}</span>
      <button type="button" class="link-button" @click=${() => this.#reveal(m, field)} aria-label=${`${at('reveal')} ${at(field)} ${m.name ?? ''}`}>${at('reveal')}</button>`;
  }

  #memberRow(m: Member) {
    const edit = this.#canEdit && m.current;
    return html`<div class="row ${m.current ? '' : 'former'}" role="listitem">
      <div class="cell who">${m.name ?? ''}</div>
      <div class="cell"><span class="label">${at('relation')}</span>${this.#relationText(m)}</div>
      <div class="cell"><span class="label">${at('phone')}</span>${this.#value(m, 'phone')}</div>
      <div class="cell">${m.idNumber || this.revealed[`${m.personId}/idNumber`] ? html`<span class="label">${at('idNumber')}</span>${this.#value(m, 'idNumber')}` : nothing}
        <div class="muted">${this.#period(m)}</div></div>
      <div class="actions">${edit ? html`
        <button type="button" @click=${() => this.#editPerson(m)} aria-label=${`${at('editPerson')} ${m.name ?? ''}`}>${at('editPerson')}</button>
        ${m.relation !== 'owner' && m.relation !== 'coOwner' ? html`<button type="button" @click=${() => this.#endMember(m)}>${at('endMember')}</button>` : nothing}` : nothing}
      </div>
    </div>`;
  }

  #historyText(h: Change): string {
    const field = h.field ? atOr(`field_${h.field}`, h.field) : '';
    const empty = at('empty');
    const kind = (v: string | null) => (v && (v === 'owned' || v === 'rented') ? at(`kind_${v}`) : v);
    const fmtParking = (v: string | null) => (v ? v.replace(/ (owned|rented)/, (_m, k: string) => ` ${at(`kind_${k}`)}`) : v);
    switch (`${h.subject}.${h.action}`) {
      case 'person.change': return at('h_person_change', { field, old: h.oldValue ?? empty, new: h.newValue ?? empty });
      case 'member.add': case 'member.end': {
        const [relation = '', name = '', date = ''] = (h.newValue ?? '').split(':');
        return at(`h_${h.subject}_${h.action}`, { relation: atOr(`relation_${relation}`, relation), name, date });
      }
      case 'ownership.transfer': return at('h_ownership_transfer', { old: h.oldValue ?? empty, new: h.newValue ?? empty });
      case 'vehicle.add': case 'vehicle.remove': case 'parking.add': case 'parking.remove':
        return at(`h_${h.subject}_${h.action}`, { old: fmtParking(h.oldValue) ?? '', new: fmtParking(h.newValue) ?? '' });
      case 'vehicle.change': case 'parking.change': return at(`h_${h.subject}_change`, { field, old: kind(h.oldValue) ?? empty, new: kind(h.newValue) ?? empty });
      default: return at('h_other', { subject: h.subject, action: h.action });
    }
  }

  /** What the enabled plugins show for a unit (an account link, a deposit …), each element given the unit's id. */
  #slots(unitId: number) {
    const panels = slotPanels('household').filter((p) => userHasPermission(p.permission));
    if (!panels.length) return nothing;
    for (const p of panels) if (!customElements.get(p.tag)) void p.load().then(() => this.requestUpdate(), () => undefined);
    return panels.map((p) => {
      const tag = unsafeStatic(p.tag);
      return staticHtml`<${tag} .unitId=${unitId}></${tag}>`;
    });
  }

  override render() {
    if (this.error) return html`<div class="card"><div class="error-box" role="alert">${this.error}</div></div>`;
    if (this.visitorOnly) return html`<a class="back" href=${href('/households')}>‹ ${t('householdsTitle')}</a><h1>${this.label}</h1><p class="card muted">${at('visitorOnly')}</p>`;
    const a = this.archive;
    if (!a) return html`<p role="status">${t('loading')}</p>`;
    const u = a.unit;
    const current = a.members.filter((m) => m.current);
    const former = a.members.filter((m) => !m.current);
    const vehicles = a.vehicles.filter((v) => !v.removedAt);
    const parking = a.parking.filter((p) => !p.removedAt);
    const edit = this.#canEdit;
    return html`
      <a class="back" href=${href('/households')}>‹ ${t('householdsTitle')}</a>
      <h1>${projectName(u.projectId)} ${this.label}</h1>
      ${this.#slots(u.id)}
      <section class="card">
        <dl>
          <div><dt>${t('area')}</dt><dd>${t('m2', { n: u.area })}</dd></div>
          <div><dt>${t('unitType')}</dt><dd>${tOr(`unitType_${u.unitType}`, u.unitType)}</dd></div>
          <div><dt>${t('unitStatus')}</dt><dd>${tOr(`unitStatus_${u.status}`, u.status)}</dd></div>
        </dl>
      </section>
      <section class="card" aria-labelledby="people-title">
        <div class="section-head">
          <h2 id="people-title">${at('members')}</h2>
          ${edit ? html`<button type="button" @click=${() => this.#addMember()}>${at('addMember')}</button>
            <button type="button" @click=${() => this.#transfer()}>${at('transfer')}</button>` : nothing}
        </div>
        ${current.length ? html`<div class="rows" role="list">${current.map((m) => this.#memberRow(m))}</div>` : html`<p class="muted">${at('noMembers')}</p>`}
        ${former.length ? html`<details><summary>${at('formerMembers')}（${former.length}）</summary><div class="rows" role="list">${former.map((m) => this.#memberRow(m))}</div></details>` : nothing}
      </section>
      <section class="card" aria-labelledby="vehicles-title">
        <div class="section-head"><h2 id="vehicles-title">${at('vehicles')}</h2>
          ${edit ? html`<button type="button" @click=${() => this.#addVehicle()}>${at('addVehicle')}</button>` : nothing}</div>
        ${vehicles.length ? html`<div class="rows" role="list">${vehicles.map((v) => html`<div class="row" role="listitem">
          <div class="cell who">${v.plate}</div><div class="cell">${v.model ?? ''}</div><div class="cell">${v.color ?? ''}</div><div class="cell"></div>
          <div class="actions">${edit ? html`<button type="button" @click=${() => this.#removeVehicle(v.id, v.plate)} aria-label=${`${at('removeVehicle')} ${v.plate}`}>${at('removeVehicle')}</button>` : nothing}</div>
        </div>`)}</div>` : html`<p class="muted">${at('noVehicles')}</p>`}
      </section>
      <section class="card" aria-labelledby="parking-title">
        <div class="section-head"><h2 id="parking-title">${at('parking')}</h2>
          ${edit ? html`<button type="button" @click=${() => this.#addParking()}>${at('addParking')}</button>` : nothing}</div>
        ${parking.length ? html`<div class="rows" role="list">${parking.map((p) => html`<div class="row" role="listitem">
          <div class="cell who">${p.number}</div><div class="cell">${atOr(`kind_${p.kind}`, p.kind)}</div><div class="cell muted">${this.#period(p)}</div><div class="cell"></div>
          <div class="actions">${edit ? html`<button type="button" @click=${() => this.#removeParking(p.id, p.number)} aria-label=${`${at('removeParking')} ${p.number}`}>${at('removeParking')}</button>` : nothing}</div>
        </div>`)}</div>` : html`<p class="muted">${at('noParking')}</p>`}
      </section>
      <section class="card" aria-labelledby="cases-title">
        <h2 id="cases-title">${at('cases')}</h2>
        ${a.cases.length ? html`<ul class="case-list">${a.cases.map((c) => html`<li>
          ${caseTypeInfo(c.caseType) ? html`<a class="serial" href=${caseHref(c.caseType, c.id)}>${c.serial}</a>` : html`<span class="serial">${c.serial}</span>`}
          <span>${caseTypeTitle(c.caseType)}</span>
          <span class="badge ${c.closedAt ? 'final' : c.overdue ? 'danger' : ''}">${stateTitle(c.caseType, c.state)}</span>
          <span>${c.title ?? ''}</span>
          <span class="muted">${formatDateTime(c.createdAt)}</span>
        </li>`)}</ul>` : html`<p class="muted">${at('noCases')}</p>`}
      </section>
      <wy-message-log .unitId=${u.id}></wy-message-log>
      <section class="card" aria-labelledby="attachments-title">
        <h2 id="attachments-title">${at('attachments')}</h2>
        ${a.attachments.length ? html`<ul class="case-list">${a.attachments.map((f) => html`<li>
          <a href=${attachmentHref(f.id)} target="_blank" rel="noopener">${f.name}</a>
          <span class="muted">${formatFileSize(f.size)}</span>
          ${f.serial ? html`<span class="muted">${f.serial}</span>` : nothing}
        </li>`)}</ul>` : html`<p class="muted">${at('noAttachments')}</p>`}
      </section>
      <section class="card history" aria-labelledby="history-title">
        <div class="section-head"><h2 id="history-title">${at('history')}</h2>
          ${userHasPermission('privacy.log') ? html`<a href=${href(`/read-log?unitId=${u.id}`)}>${at('readLog')}</a>` : nothing}</div>
        ${a.history.length ? html`<ul>${a.history.map((h) => html`<li>
          <div>${this.#historyText(h)}</div>
          <div class="meta">${formatDateTime(h.at)} · ${h.actorName ?? at('system')}${h.source ? at('fromCase', { serial: h.source }) : ''}</div>
        </li>`)}</ul>` : html`<p class="muted">${at('noHistory')}</p>`}
      </section>
      <wy-archive-dialog></wy-archive-dialog>
    `;
  }
}

customElements.define('wy-household-page', WyHouseholdPage);

declare global {
  interface HTMLElementTagNameMap {
    'wy-household-page': WyHouseholdPage;
  }
}
