/**
 * Intake's code: what the declarations cannot say.
 *   intake.checkInspection      { check, field }     — a checklist answered completely against the settings' items
 *   intake.checkDefectRows      { field }             — every defect row describes its defect
 *   intake.openDefectRepairs    { field, source, caseType? } — each defect becomes a repair work order
 *   intake.requireRepairsDone                         — re-inspection only once every repair order is done
 *   intake.setUnitStatus        { status | statusField } — the unit's occupancy in the registry
 *   intake.recordFeeFactor      { field }             — billing's entrusted share, recorded on the agreement
 *   intake.recordFeeItems       { field }             — the move-in fee list in force, recorded with the fees
 *   intake.requireKeysReturned                        — move-out: the move-in's key register vs what came back
 *   intake.openVacantRegister   { keyLocation }       — after a move-out, the unit enters the vacant register
 *   intake.recordHousehold                            — the resident registration's owner, members, contacts and vehicles into the household archive
 * The job `intake.repairsDone` moves a move-in whose repairs are all done to re-inspection, and
 * GET /api/intake/checklists/:check lists a check's items (in force for a project) for clients.
 */
import { DateTime } from 'luxon';
import { NotFoundError, RuleRefusedError, WorkCase, Company, definePlugin, recordHousehold, type EffectContext, type FieldIssue, type HouseholdRegistration, type MemberRelation, type PluginServices } from '../../core/plugin-api.js';
import type { IntakeSettings } from './generated/settings.js';

type Row = Record<string, unknown>;
type Check = 'moveIn' | 'moveOut' | 'vacant';
const CHECKS: readonly Check[] = ['moveIn', 'moveOut', 'vacant'];

/** what this plugin's effects receive: `ctx.settings` are its own settings, typed */
type IntakeEffect = EffectContext<IntakeSettings>;


function param(ctx: IntakeEffect, name: string): string {
  const value = ctx.params[name];
  if (typeof value !== 'string' || !value) throw new Error(`${ctx.caseType}: intake effect needs params.${name}`);
  return value;
}

function refuse(message: string, issues: FieldIssue[]): never {
  throw new RuleRefusedError(message, issues);
}

function rowsOf(ctx: IntakeEffect, field: string): Row[] {
  const rows = ctx.data[field];
  return Array.isArray(rows) ? (rows as Row[]) : [];
}

/** The items of one check, in the settings' order. */
export function checklistOf(settings: IntakeSettings, check: Check) {
  return Object.entries(settings.inspectionItems).filter(([, item]) => (item.checks as string[]).includes(check)).map(([code, item]) => ({ code, ...item }));
}

/**
 * A checklist must answer each of the check's items exactly once, and nothing else: a missing item
 * or one from another check is refused naming it. Each row gets its area from the settings, and a
 * defect row must say what the defect is.
 */
async function checkInspection(ctx: IntakeEffect): Promise<void> {
  const check = param(ctx, 'check') as Check;
  if (!CHECKS.includes(check)) throw new Error(`intake.checkInspection: unknown check ${check}`);
  const field = param(ctx, 'field');
  const settings = ctx.settings;
  const items = checklistOf(settings, check);
  const rows = rowsOf(ctx, field);
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  rows.forEach((row, i) => {
    const code = String(row.item);
    const item = settings.inspectionItems[code];
    if (!item || !(item.checks as string[]).includes(check)) {
      issues.push({ pointer: `/data/${field}/${i}/item`, code: 'not-in-checklist', message: `${code} is not an item of this checklist` });
    } else if (seen.has(code)) {
      issues.push({ pointer: `/data/${field}/${i}/item`, code: 'duplicate-item', message: `${item.title['zh-CN']} is answered twice` });
    } else {
      row.area = item.area;
    }
    seen.add(code);
  });
  const missing = items.filter((item) => !seen.has(item.code));
  if (missing.length > 0) {
    const names = missing.map((item) => item.title['zh-CN']).join('、');
    issues.push({ pointer: `/data/${field}`, code: 'checklist-incomplete', message: `未检查：${names} / not checked: ${missing.map((m) => m.title.en ?? m.code).join(', ')}` });
  }
  issues.push(...defectIssues(rows, field));
  if (issues.length > 0) refuse(`检查表不完整或有误：${issues.map((i) => i.message).join('；')}`, issues);
}

function defectIssues(rows: Row[], field: string): FieldIssue[] {
  return rows.flatMap((row, i) => (row.result === 'defect' && (typeof row.defect !== 'string' || row.defect.trim() === '')
    ? [{ pointer: `/data/${field}/${i}/defect`, code: 'required', message: '有问题的项目须填写问题描述 / describe the defect' }]
    : []));
}

async function checkDefectRows(ctx: IntakeEffect): Promise<void> {
  const field = param(ctx, 'field');
  const settings = ctx.settings;
  const rows = rowsOf(ctx, field);
  const issues = defectIssues(rows, field);
  rows.forEach((row, i) => {
    const item = settings.inspectionItems[String(row.item)];
    if (!item || !(item.checks as string[]).includes('moveIn')) issues.push({ pointer: `/data/${field}/${i}/item`, code: 'not-in-checklist', message: `${String(row.item)} is not an item of the move-in checklist` });
    else row.area = item.area;
    if (row.result !== 'defect') issues.push({ pointer: `/data/${field}/${i}/result`, code: 'not-a-defect', message: '复验不合格时只列问题项目 / list the defects only' });
  });
  if (rows.length === 0) issues.push({ pointer: `/data/${field}`, code: 'required', message: '复验不合格须列出问题 / list the defects' });
  if (issues.length > 0) refuse(`复验问题填写有误：${issues.map((i) => i.message).join('；')}`, issues);
}

/**
 * Each defect row opens a repair work order (paid-services' `repair`) for the unit in this
 * transaction: in the home, under warranty when the settings say new homes are, reported by the
 * owner; the order's serial is written on the row and collected in data.defectRepairs.
 */
async function openDefectRepairs(ctx: IntakeEffect): Promise<void> {
  const field = param(ctx, 'field');
  const caseType = typeof ctx.params.caseType === 'string' ? ctx.params.caseType : 'repair';
  const source = (ctx.params.source as { 'zh-CN'?: string } | undefined)?.['zh-CN'] ?? '验收';
  const settings = ctx.settings;
  const repairs = Array.isArray(ctx.data.defectRepairs) ? [...(ctx.data.defectRepairs as Row[])] : [];
  const appointment = typeof ctx.data.repairAppointmentAt === 'string' ? ctx.data.repairAppointmentAt : ctx.now.toISOString();
  const customerName = String(ctx.data.ownerName ?? '').slice(0, 50) || '业主';
  for (const row of rowsOf(ctx, field)) {
    if (row.result !== 'defect') continue;
    const item = settings.inspectionItems[String(row.item)];
    const title = item?.title['zh-CN'] ?? String(row.item);
    const category = typeof row.repairCategory === 'string' ? row.repairCategory : (item?.repairCategory ?? 'other');
    const opened = await ctx.openCase(caseType, {
      data: {
        channel: 'visit', customerName, contactPhone: ctx.data.contactPhone, area: 'inHome', category,
        content: `【${source} ${ctx.serial}】${title}：${String(row.defect)}`.slice(0, 2000),
        appointmentAt: appointment, underWarranty: settings.defectsUnderWarranty,
      },
    });
    row.repairSerial = opened.serial;
    repairs.push({ item: row.item, defect: String(row.defect).slice(0, 500), caseId: opened.id, serial: opened.serial });
  }
  ctx.data.defectRepairs = repairs;
}

/** The repair orders of a move-in that are not done yet (state outside settings.repairDoneStates). */
async function openRepairs(em: EffectContext['em'], companyId: number, data: Record<string, unknown>, doneStates: string[]) {
  const ids = (Array.isArray(data.defectRepairs) ? (data.defectRepairs as Row[]) : []).map((r) => Number(r.caseId)).filter((id) => Number.isInteger(id));
  if (ids.length === 0) return [];
  const rows = await em.find(WorkCase, { companyId, id: { $in: ids } }, { orderBy: { id: 'asc' } });
  return rows.filter((r) => !doneStates.includes(r.state));
}

async function requireRepairsDone(ctx: IntakeEffect): Promise<void> {
  const pending = await openRepairs(ctx.em, ctx.companyId, ctx.data, ctx.settings.repairDoneStates);
  if (pending.length === 0) return;
  const list = pending.map((r) => `${r.serial}（${r.state}）`).join('、');
  refuse(`报修工单尚未完成，不能复验：${list} / repair orders not done yet: ${pending.map((r) => `${r.serial} (${r.state})`).join(', ')}`,
    [{ pointer: '/data/defectRepairs', code: 'repairs-open', message: list }]);
}

async function setUnitStatus(ctx: IntakeEffect): Promise<void> {
  const statusField = ctx.params.statusField;
  const status = typeof statusField === 'string' ? ctx.data[statusField] : ctx.params.status;
  if (typeof status !== 'string') throw new Error(`${ctx.caseType}: intake.setUnitStatus needs params.status or a filled params.statusField`);
  await ctx.setUnitStatus(status);
}

/** The move-in fee list in force, written on the case for billing's quote and collection (billing.quoteHandover / collectHandover). */
async function recordFeeItems(ctx: IntakeEffect): Promise<void> {
  // the company's language only: these names print on the receipt
  ctx.data[param(ctx, 'field')] = ctx.settings.moveInFees.map((fee) => ({ title: fee.title['zh-CN'], amount: fee.amount }));
}

/** The share of the management fee billing charges an entrusted unit, written on the agreement. */
async function recordFeeFactor(ctx: IntakeEffect): Promise<void> {
  const factor = ctx.settingsOf('billing')?.entrustedFactor;
  if (typeof factor === 'string') ctx.data[param(ctx, 'field')] = factor;
}

/**
 * A move-out is settled only when the keys and cards the owner received — the move-in's register,
 * or the list on the application when there is no move-in on record — are all back (items the
 * settings mark returnOnMoveOut). The refusal names what is missing.
 */
async function requireKeysReturned(ctx: IntakeEffect): Promise<void> {
  const settings = ctx.settings;
  const moveIn = ctx.unitId === null ? null : await ctx.em.findOne(WorkCase,
    { companyId: ctx.companyId, caseType: 'moveIn', unitId: ctx.unitId, state: { $nin: ['cancelled'] } }, { orderBy: { id: 'desc' } });
  const register = moveIn && Array.isArray(moveIn.data.keyRegister) ? (moveIn.data.keyRegister as Row[]) : rowsOf(ctx, 'keysIssued');
  const count = (rows: Row[]) => {
    const out = new Map<string, number>();
    for (const r of rows) out.set(String(r.item), (out.get(String(r.item)) ?? 0) + Number(r.count ?? 0));
    return out;
  };
  const issued = count(register);
  const returned = count(rowsOf(ctx, 'returnedItems'));
  const missing = [...issued.entries()]
    .filter(([item]) => settings.keyItems[item]?.returnOnMoveOut !== false)
    .map(([item, n]) => ({ item, n, back: returned.get(item) ?? 0 }))
    .filter((m) => m.back < m.n);
  if (missing.length === 0) return;
  const title = (item: string, lang: 'zh-CN' | 'en') => (lang === 'en' ? settings.keyItems[item]?.title.en : undefined) ?? settings.keyItems[item]?.title['zh-CN'] ?? item;
  const zh = missing.map((m) => `${title(m.item, 'zh-CN')} ${m.n - m.back}（领用 ${m.n}，已交回 ${m.back}）`).join('；');
  const en = missing.map((m) => `${title(m.item, 'en')} ${m.n - m.back} (issued ${m.n}, returned ${m.back})`).join('; ');
  const source = moveIn ? `入伙 ${moveIn.serial} 领用登记` : '迁出申请所列';
  refuse(`钥匙、卡未交回：${zh}（按${source}）/ keys and cards not returned: ${en}`,
    [{ pointer: '/data/returnedItems', code: 'keys-not-returned', message: zh }]);
}

async function openVacantRegister(ctx: IntakeEffect): Promise<void> {
  const today = DateTime.fromJSDate(ctx.now, { zone: ctx.calendar.timezone }).toFormat('yyyy-MM-dd');
  await ctx.openCase('vacantUnit', {
    data: { source: 'moveOut', vacantSince: today, keyLocation: param(ctx, 'keyLocation'), previousCase: ctx.serial },
    personId: null,
  });
}

const FAMILY_NOTES: Record<string, string> = { spouse: '配偶', child: '子女', parent: '父母', other: '其他' };
const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);

/**
 * The 《住户登记表》 into the household archive (一户一档): the owner (ownerName, contactPhone) and
 * the authorised agent of the move-in, the household members (业主 → owner, 租户 → tenant, spouse,
 * child, parent, other → family with the relation as note), the emergency contact and other contacts
 * (emergency, the relation or note kept), the vehicles — each added once (a person already there
 * with the same relation, a plate already registered, is left alone), since the registration day,
 * with the case's serial as the source of each history row.
 */
async function recordHouseholdEffect(ctx: IntakeEffect): Promise<void> {
  if (ctx.unitId === null) return;
  const d = ctx.data;
  const members: NonNullable<HouseholdRegistration['members']> = [];
  const add = (name: unknown, phone: unknown, relation: MemberRelation, note?: unknown) => {
    const n = text(name);
    if (!n) return;
    const same = members.find((m) => m.name === n && m.relation === relation);
    if (same) { same.phone ??= text(phone); return; }
    members.push({ name: n.slice(0, 100), phone: text(phone), relation, note: text(note) });
  };
  if (d.purchaserKind !== 'company') add(d.ownerName, d.contactPhone, 'owner');
  for (const m of rowsOf(ctx, 'householdMembers')) {
    const relation = m.relation === 'owner' ? 'owner' : m.relation === 'tenant' ? 'tenant' : 'family';
    add(m.name, m.phone, relation, relation === 'family' ? FAMILY_NOTES[String(m.relation)] ?? null : null);
  }
  if (d.purchaserKind === 'agent') add(d.agentName, d.agentPhone, 'agent', '受托人');
  const emergency = d.emergencyContact as Row | undefined;
  if (emergency) add(emergency.name, emergency.phone, 'emergency', emergency.relation);
  for (const c of rowsOf(ctx, 'contacts')) add(c.name, c.phone, 'emergency', c.note ?? '其他联系人');
  const vehicles = rowsOf(ctx, 'vehicles').map((v) => ({ plate: String(v.plate ?? ''), model: text(v.model), color: text(v.color) }));
  const since = DateTime.fromJSDate(ctx.now, { zone: ctx.calendar.timezone }).toFormat('yyyy-MM-dd');
  await recordHousehold(ctx.em, { companyId: ctx.companyId, unitId: ctx.unitId, actorId: ctx.actor.staffId || null, at: ctx.now, source: ctx.serial }, { since, members, vehicles });
}

/**
 * Moves each move-in whose defect repairs are all done from rectifying to re-inspection. Another
 * instance's run may move a case first (or staff may): that case is skipped, and one case that
 * cannot move is logged; neither stops the run for the other cases and companies.
 */
async function repairsDoneJob(now: Date, services: PluginServices<IntakeSettings>): Promise<void> {
  for (const company of await services.orm.em.fork().find(Company, {}, { orderBy: { id: 'asc' } })) {
    // a fresh identity map per company: rows read for one company are not served stale to the next
    const em = services.orm.em.fork();
    const waiting = await em.find(WorkCase, { companyId: company.id, caseType: 'moveIn', state: 'rectifying' }, { orderBy: { id: 'asc' } });
    for (const c of waiting) {
      try {
        const settings = (await services.configFor(company.id, c.projectId, now, em)).settings;
        if ((await openRepairs(em, company.id, c.data, settings.repairDoneStates)).length > 0) continue;
        await services.systemTransition(company.id, 'moveIn', c.id, 'repairsDone');
      } catch (err) {
        const current = await services.orm.em.fork().findOne(WorkCase, { id: c.id, companyId: company.id }, { fields: ['state'] });
        if (current && current.state !== 'rectifying') continue; // moved on meanwhile: nothing left to do
        console.warn(`intake.repairsDone: case ${c.serial} (company ${company.id}): ${(err as Error).message}`);
      }
    }
  }
}

export default definePlugin<IntakeSettings>({
  setup(ctx) {
    ctx.registerEffect('checkInspection', checkInspection);
    ctx.registerEffect('checkDefectRows', checkDefectRows);
    ctx.registerEffect('openDefectRepairs', openDefectRepairs);
    ctx.registerEffect('requireRepairsDone', requireRepairsDone);
    ctx.registerEffect('setUnitStatus', setUnitStatus);
    ctx.registerEffect('recordFeeFactor', recordFeeFactor);
    ctx.registerEffect('recordFeeItems', recordFeeItems);
    ctx.registerEffect('requireKeysReturned', requireKeysReturned);
    ctx.registerEffect('openVacantRegister', openVacantRegister);
    ctx.registerEffect('recordHousehold', recordHouseholdEffect);
    ctx.registerJob('repairsDone', { everySeconds: 600, run: repairsDoneJob });
    ctx.registerRoutes(async (app, services) => {
      app.get('/checklists/:check', {
        schema: {
          tags: ['intake'], summary: 'The items of an inspection checklist (moveIn, moveOut, vacant) in force for a project',
          params: { type: 'object', properties: { check: { type: 'string', enum: [...CHECKS] } }, required: ['check'], additionalProperties: false },
          querystring: { type: 'object', properties: { projectId: { type: 'integer', minimum: 1 } }, required: ['projectId'], additionalProperties: false },
        },
      }, async (request) => {
        const principal = services.principal(request);
        const { check } = request.params as { check: Check };
        const { projectId } = request.query as { projectId: number };
        const project = await services.projectFor(principal, projectId);
        const settings = (await services.configFor(principal.companyId, project.id)).settings;
        const items = checklistOf(settings, check);
        if (items.length === 0) throw new NotFoundError(`checklist ${check}`);
        return { check, items: items.map(({ code, area, title, repairCategory }) => ({ code, area, title, repairCategory })) };
      });
    });
  },
});
