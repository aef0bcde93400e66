/**
 * Code of the renovation procedure, only where declarations cannot say it:
 *   effects — the three permit sign-offs, the permit and worker passes, the hot-work permit, patrol
 *             records per department, violations priced from the penalty table (with the allowed
 *             working hours checked on the company calendar), deposit top-ups, resumption,
 *             the works due date (the application's planned completion) and its extension,
 *             inspection records, fees from the fee list (insurance and extinguisher rental
 *             included), water or power cuts requested a day ahead, the pledge checklist;
 *   job     — `renovation.watch`: stops works whose deposit was not topped up in time, records and
 *             escalates missed patrols (each department, each day), records works past their period.
 * Stops and missed patrols are core appendRow effects in the workflow; the debris fee's rate is
 * billing's `billing.rateOn`; date arithmetic is core's (plugin-api addCalendarDays).
 * Everything a company may change is in the settings (plugin.json) or the workflow.
 */
import {
  DUPLICATE_ROW, RuleRefusedError, Unit, WorkCase, addCalendarDays as addDays, addDuration, callRuleOperator, definePlugin, parseMoney, type EffectContext, type PluginServices, type WorkingCalendar,
} from '../../core/plugin-api.js';
import type { RenovationSettings } from './generated/settings.js';
import { describeWindows, localTime, missedPatrols, moneyCmp, relaxedUntil, sumMoney, times, workingHoursAt, type MissedPatrol, type PatrolEntry } from './domain.js';

const CASE_TYPE = 'renovation';

/** what renovation's effects receive: `ctx.settings` are renovation's settings, typed */
type RenovationEffect = EffectContext<RenovationSettings>;
const DEPARTMENTS_SIGNING = ['service', 'engineering', 'security'] as const;

function refuse(pointer: string, message: string, code = 'renovation'): RuleRefusedError {
  return new RuleRefusedError(message, [{ pointer, code, message }]);
}

function list<T>(value: unknown): T[] {
  return Array.isArray(value) ? [...(value as T[])] : [];
}

function str(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

function today(ctx: { calendar: WorkingCalendar; now: Date }): string {
  return ctx.calendar.localDate(ctx.now);
}

function maxDate(a: string | null, b: string): string {
  return a && a > b ? a : b;
}

/** The first day patrols are expected after works (re)start: the next full day, or the start date if later. */
function patrolsFromAfter(ctx: RenovationEffect, startOn: string | null): string {
  return maxDate(startOn, addDays(today(ctx), 1));
}

// ---------------------------------------------------------------- fees

/** The rate in force today of a one-off fee item of billing's fee list, for the unit's type (billing's `billing.rateOn`). */
function billingOneOffRate(ctx: RenovationEffect, feeCode: string, unitType: string): string {
  const price = callRuleOperator('billing.rateOn', [feeCode, today(ctx), unitType], { calendar: ctx.calendar, now: ctx.now, settingsOf: ctx.settingsOf });
  if (typeof price !== 'string') {
    throw refuse('/data/debrisFee', `收费标准中没有适用于${unitType}单元的一次性收费项目“${feeCode}”（垃圾清运费）`, 'no-rate');
  }
  return price;
}

async function assessFees(ctx: RenovationEffect): Promise<void> {
  const settings = ctx.settings;
  if (ctx.unitId === null) throw refuse('/unitId', '装修申报须登记栋房号', 'no-unit');
  const unit = await ctx.em.findOne(Unit, { id: ctx.unitId, companyId: ctx.companyId });
  if (!unit) throw refuse('/unitId', '申报的栋房号不存在', 'no-unit');
  const area = typeof ctx.data.area === 'number' ? ctx.data.area : Number(unit.area);
  const workers = list<unknown>(ctx.data.workers).length;
  const managementFee = times(settings.fees.managementFeePerSqm, area);
  const debrisFee = sumMoney(billingOneOffRate(ctx, settings.fees.debrisFeeItem, unit.unitType));
  const passFee = times(settings.fees.workerPassFee, workers);
  // seed 000 第6篇 3.2.4: 「…办理交费手续,并办理装修保险」 and 「办理灭火器租赁手续」 — the manual gives
  // no amounts, so both are the company's settings; an unset insurance is not charged, a rental
  // without a price set is refused (nothing to charge it at)
  const insuranceFee = settings.fees.insuranceFee ? sumMoney(settings.fees.insuranceFee) : null;
  const rented = typeof ctx.data.extinguishersRented === 'number' ? ctx.data.extinguishersRented : 0;
  if (rented > 0 && !settings.fees.extinguisherRentalFee) {
    throw refuse('/data/extinguishersRented', '收费清单未设置灭火器租赁费（业务设置 → 装修管理 → 装修费用），暂不能登记租用灭火器', 'no-rate');
  }
  const extinguisherRentalFee = rented > 0 ? times(settings.fees.extinguisherRentalFee!, rented) : null;
  Object.assign(ctx.data, {
    unitType: unit.unitType, managementFee, debrisFee, passFee, insuranceFee, extinguisherRentalFee,
    feesTotal: sumMoney(managementFee, debrisFee, passFee, insuranceFee ?? '0', extinguisherRentalFee ?? '0'),
    // the pledge the applicant signs at the agreements step: the rules in force now, one row each
    pledgeRules: settings.pledge.rules.map((r) => ({ text: r.text })),
  });
}

// ---------------------------------------------------------------- water or power cut (seed 000 第4篇 装修施工管理第20条)

/**
 * 「因施工需要停水、停电,业主或装修施工队须提前一天书面向物业服务中心提出申请」: the cut must start
 * at least `utilityCut.noticeHours` (24) after the request; engineering approves it (or not).
 */
async function requestUtilityCut(ctx: RenovationEffect): Promise<void> {
  const from = new Date(String(ctx.data.cutFrom));
  const to = new Date(String(ctx.data.cutTo));
  const hours = ctx.settings.utilityCut.noticeHours;
  const earliest = new Date(ctx.now.getTime() + hours * 3_600_000);
  const fmt = (d: Date) => `${ctx.calendar.localDate(d)} ${localTimeOf(ctx, d)}`;
  const pending = list<Record<string, unknown>>(ctx.data.utilityCuts).find((c) => c.status === 'requested');
  if (pending) throw refuse('/transition', `已有一份停水停电申请（${String(pending.no)}）待工程部审批`, 'pending');
  if (from.getTime() < earliest.getTime()) {
    throw refuse('/data/cutFrom', `停水停电须提前${hours % 24 === 0 ? `${hours / 24}天` : `${hours}小时`}书面申请：最早可申请 ${fmt(earliest)} 起关停`, 'too-late');
  }
  if (to.getTime() <= from.getTime()) throw refuse('/data/cutTo', '恢复供应时间须晚于关停时间', 'order');
  const cuts = list<Record<string, unknown>>(ctx.data.utilityCuts);
  const no = `${ctx.serial}-TS${cuts.length + 1}`;
  cuts.push({
    no, utility: ctx.data.cutUtility, from: from.toISOString(), to: to.toISOString(), area: ctx.data.cutArea, reason: ctx.data.cutReason,
    requestedBy: ctx.data.cutRequestedBy, requestedAt: ctx.now.toISOString(), staffId: ctx.actor.staffId, status: 'requested',
  });
  // the printed form shows this request: no decision of an earlier one carries over
  for (const k of ['cutDecision', 'cutDecisionNote', 'cutEngineeringSignature']) delete ctx.data[k];
  Object.assign(ctx.data, { utilityCuts: cuts, utilityCutNo: no });
}

async function decideUtilityCut(ctx: RenovationEffect): Promise<void> {
  const cuts = list<Record<string, unknown>>(ctx.data.utilityCuts);
  const pending = cuts.find((c) => c.status === 'requested');
  if (!pending) throw refuse('/transition', '没有待审批的停水停电申请', 'none-pending');
  const approved = ctx.data.cutDecision === 'approved';
  if (approved && new Date(String(pending.from)).getTime() <= ctx.now.getTime()) {
    throw refuse('/data/cutDecision', `申请的关停时间（${ctx.calendar.localDate(new Date(String(pending.from)))} ${localTimeOf(ctx, new Date(String(pending.from)))}）已过，不能再批准；请不予批准并请申请人重新申请`, 'past');
  }
  Object.assign(pending, { status: approved ? 'approved' : 'rejected', decisionNote: str(ctx.data.cutDecisionNote), decidedBy: ctx.actor.staffId, decidedAt: ctx.now.toISOString() });
  Object.assign(ctx.data, { utilityCuts: cuts, utilityCutNo: pending.no });
}

function localTimeOf(ctx: RenovationEffect, d: Date): string {
  return localTime(ctx.calendar, d);
}

async function recordPledge(ctx: RenovationEffect): Promise<void> {
  // a case whose fire review predates the checklist takes the rules in force now
  if (!Array.isArray(ctx.data.pledgeRules) || ctx.data.pledgeRules.length === 0) ctx.data.pledgeRules = ctx.settings.pledge.rules.map((r) => ({ text: r.text }));
  ctx.data.pledgeSignedAt = ctx.now.toISOString();
}

// ---------------------------------------------------------------- permit

async function signPermit(ctx: RenovationEffect): Promise<void> {
  const department = String(ctx.params.department);
  if (!(DEPARTMENTS_SIGNING as readonly string[]).includes(department)) throw new Error(`renovation.signPermit: unknown department ${department}`);
  const signOffs = { ...((ctx.data.permitSignOffs ?? {}) as Record<string, unknown>) };
  if (signOffs[department]) throw refuse('/transition', `该部门已签发许可证`, 'already-signed');
  const opinion = str(ctx.data.permitOpinion);
  signOffs[department] = { ...(opinion ? { opinion } : {}), staffId: ctx.actor.staffId, signedAt: ctx.now.toISOString() };
  ctx.data.permitSignOffs = signOffs;
  // the signature image is a field of its own, so the case page and the permit show it as an image
  ctx.data[`permit${department[0]!.toUpperCase()}${department.slice(1)}Signature`] = ctx.data.permitSignature;
  delete ctx.data.permitSignature;
  delete ctx.data.permitOpinion;
}

async function issuePermit(ctx: RenovationEffect): Promise<void> {
  const start = str(ctx.data.worksStartOn)!;
  if (start < today(ctx)) throw refuse('/data/worksStartOn', `开工日期不能早于今天（${today(ctx)}）`, 'past');
  // no manual sets a fixed works period: the works are due by the completion date the applicant
  // declared on 《装修申报表》 (客服部 checks 施工进度情况, 第6篇 3.2.4); the manager may extend it
  const due = str(ctx.data.plannedEndOn);
  if (due && start > due) {
    throw refuse('/data/worksStartOn', `开工日期晚于申报的计划完工日期（${due}）：请与申请人确认工期`, 'after-due');
  }
  const workers = list<Record<string, unknown>>(ctx.data.workers).map((w, i) => ({ ...w, passNo: `${ctx.serial}-${String(i + 1).padStart(2, '0')}` }));
  Object.assign(ctx.data, {
    permitNo: ctx.serial,
    permitIssuedAt: ctx.now.toISOString(),
    worksStartedOn: start,
    worksDueOn: due,
    patrolsFrom: patrolsFromAfter(ctx, start),
    workers,
  });
  // the registry shows the unit as under renovation until the deposit is refunded
  const unit = ctx.unitId === null ? null : await ctx.em.findOne(Unit, { id: ctx.unitId, companyId: ctx.companyId });
  if (unit && unit.status !== 'renovating') {
    ctx.data.unitStatusBefore = unit.status;
    await ctx.setUnitStatus('renovating');
  }
}

async function issueHotWorkPermit(ctx: RenovationEffect): Promise<void> {
  const from = str(ctx.data.hotWorkFrom)!;
  const to = str(ctx.data.hotWorkTo)!;
  if (new Date(to).getTime() <= new Date(from).getTime()) throw refuse('/data/hotWorkTo', '动火结束时间须晚于开始时间', 'order');
  const permits = list<Record<string, unknown>>(ctx.data.hotWorkPermits);
  const permitNo = `${ctx.serial}-DH${permits.length + 1}`;
  permits.push({
    permitNo, type: ctx.data.hotWorkType, location: ctx.data.hotWorkLocation, from, to, operator: ctx.data.hotWorkOperator,
    fireWatcher: ctx.data.fireWatcher, extinguishers: ctx.data.extinguishers, approvedBy: ctx.actor.staffId, approvedAt: ctx.now.toISOString(),
  });
  Object.assign(ctx.data, { hotWorkPermitNo: permitNo, hotWorkApprovedAt: ctx.now.toISOString(), hotWorkPermits: permits });
}

// ---------------------------------------------------------------- during the works

async function recordPatrol(ctx: RenovationEffect): Promise<void> {
  const settings = ctx.settings;
  const code = String(ctx.data.patrolDepartment);
  const dept = Object.hasOwn(settings.patrols.departments, code) ? settings.patrols.departments[code] : undefined;
  if (!dept) throw refuse('/data/patrolDepartment', `巡查部门“${code}”未在设置中配置`, 'unknown-department');
  if (!dept.roles.some((r) => ctx.actor.roles.includes(r))) {
    throw refuse('/data/patrolDepartment', `您的岗位不能代表${dept.title['zh-CN']}巡查（可巡查岗位：${dept.roles.join('、')}）`, 'wrong-department');
  }
  const patrols = list<Record<string, unknown>>(ctx.data.patrols);
  patrols.push({
    date: today(ctx), at: ctx.now.toISOString(), department: code, result: ctx.data.patrolResult, findings: str(ctx.data.patrolFindings),
    photo: str(ctx.data.patrolPhoto), staffId: ctx.actor.staffId,
  });
  ctx.data.patrols = patrols;
}

async function assessViolation(ctx: RenovationEffect): Promise<void> {
  const settings = ctx.settings;
  const code = String(ctx.data.violationCode);
  const penalty = Object.hasOwn(settings.penalties, code) ? settings.penalties[code] : undefined;
  if (!penalty) throw refuse('/data/violationCode', `违章类别“${code}”不在违章处罚表中`, 'unknown-violation');
  const observedAt = new Date(String(ctx.data.observedAt));
  if (observedAt.getTime() > ctx.now.getTime() + 5 * 60_000) throw refuse('/data/observedAt', '发现时间不能晚于现在', 'future');
  const hours = workingHoursAt(settings.workingHours, ctx.calendar, observedAt);
  const until = relaxedUntil(settings.workingHours);
  const dayKind = hours.relaxed ? `首期入伙放宽期内（至${until}）每日` : hours.dayKind === 'workday' ? '工作日' : '休息日/节假日';
  if (penalty.outsideHoursOnly && hours.allowed) {
    throw refuse('/data/observedAt', `${hours.date} ${hours.time} 在允许施工时间内（${dayKind} ${describeWindows(hours.windows)}），不构成非规定时间施工`, 'within-hours');
  }
  const title = penalty.title['zh-CN'];
  const violations = list<Record<string, unknown>>(ctx.data.violations);
  violations.push({
    code, title: penalty.title['zh-CN'], titleEn: penalty.title.en ?? penalty.title['zh-CN'], amount: penalty.amount, observedAt: observedAt.toISOString(), localDate: hours.date, localTime: hours.time, dayKind: hours.dayKind, relaxedHours: hours.relaxed,
    description: ctx.data.violationDescription, action: ctx.data.actionTaken, photo: ctx.data.violationPhoto, staffId: ctx.actor.staffId, recordedAt: ctx.now.toISOString(),
  });
  Object.assign(ctx.data, {
    violations,
    penaltyAmount: penalty.amount,
    penaltyTitle: title,
    penaltyReason: `${title}（${hours.date} ${hours.time}）`,
    topUpRequired: sumMoney(str(ctx.data.topUpRequired) ?? '0', penalty.amount),
  });
  // the deadline runs from the first unpaid deduction; further violations do not extend it
  if (ctx.state === 'topUpDue' && !str(ctx.data.topUpDueAt)) ctx.data.topUpDueAt = addDuration(ctx.now, settings.topUpDeadline, ctx.calendar).toISOString();
}

function resume(ctx: RenovationEffect): void {
  const stops = list<Record<string, unknown>>(ctx.data.stops);
  const last = stops[stops.length - 1];
  if (last && !last.resumedAt) last.resumedAt = ctx.now.toISOString();
  Object.assign(ctx.data, { stops, stopped: false, patrolsFrom: patrolsFromAfter(ctx, str(ctx.data.patrolsFrom)) });
}

async function applyTopUp(ctx: RenovationEffect): Promise<void> {
  const amount = String(ctx.data.topUpAmount);
  const required = str(ctx.data.topUpRequired) ?? '0';
  const left = moneyCmp(amount, required) >= 0 ? '0.00' : sumMoney(required, parseMoney(amount).negated().toFixed(2));
  const topUps = list<Record<string, unknown>>(ctx.data.topUps);
  topUps.push({ amount, method: ctx.data.paymentMethod, staffId: ctx.actor.staffId, at: ctx.now.toISOString() });
  Object.assign(ctx.data, { topUps, topUpRequired: left, topUpDueAt: null });
  if (ctx.data.stopped === true) resume(ctx);
}

async function recordResume(ctx: RenovationEffect): Promise<void> {
  resume(ctx);
}

async function extendWorks(ctx: RenovationEffect): Promise<void> {
  const due = str(ctx.data.worksDueOn);
  if (!due) throw refuse('/transition', '尚未开工，无工期可延长', 'not-started');
  const days = Number(ctx.data.extensionDays);
  const extensions = list<Record<string, unknown>>(ctx.data.extensions);
  extensions.push({ days, reason: ctx.data.extensionReason, from: due, to: addDays(due, days), staffId: ctx.actor.staffId, at: ctx.now.toISOString() });
  Object.assign(ctx.data, { extensions, worksDueOn: addDays(due, days) });
}

/**
 * Refusing (rather than doing nothing) rolls the whole transition back: a watch job that listed
 * the case before another instance's job recorded the same miss writes no second event and no
 * second escalation. A missed patrol is a core appendRow with `unique`, which refuses the same way
 * with core's own code (DUPLICATE_ROW); an overrun is refused here, with this plugin's.
 */
const ALREADY_RECORDED = 'already-recorded';

async function recordOverrun(ctx: RenovationEffect): Promise<void> {
  // the row's overrunRecordedFor is read inside the transition's transaction: another job's record shows
  if (ctx.data.overrunRecordedFor === ctx.data.overrunSince) {
    throw refuse('/data/overrunSince', `工期超期已记录`, ALREADY_RECORDED);
  }
  ctx.data.overrunRecordedFor = ctx.data.overrunSince;
}

async function recordInspection(ctx: RenovationEffect): Promise<void> {
  const at = ctx.now.toISOString();
  if (ctx.params.kind === 'hiddenWorks') {
    const rounds = list<Record<string, unknown>>(ctx.data.hiddenWorksInspections);
    rounds.push({ round: rounds.length + 1, at, items: ctx.data.hiddenWorksItems, result: ctx.data.hiddenWorksResult, findings: str(ctx.data.hiddenWorksFindings), staffId: ctx.actor.staffId });
    Object.assign(ctx.data, { hiddenWorksInspections: rounds, hiddenWorksPassed: ctx.data.hiddenWorksResult === 'pass' });
  } else {
    const rounds = list<Record<string, unknown>>(ctx.data.completionInspections);
    rounds.push({ round: rounds.length + 1, at, result: ctx.data.completionResult, findings: str(ctx.data.completionFindings), damageAmount: str(ctx.data.damageAmount), staffId: ctx.actor.staffId });
    ctx.data.completionInspections = rounds;
    if (ctx.data.completionResult === 'pass') ctx.data.completedOn = today(ctx);
  }
}

async function recordRefund(ctx: RenovationEffect): Promise<void> {
  Object.assign(ctx.data, { refundApprovedAt: ctx.now.toISOString(), refundApprovedBy: ctx.actor.staffId });
  const before = str(ctx.data.unitStatusBefore);
  if (before) await ctx.setUnitStatus(before);
}

// ---------------------------------------------------------------- the watch job

interface WatchOutcome { stopped: number; missed: number; overruns: number }

/**
 * One pass over the company's works in progress (idempotent: each miss and overrun is recorded
 * once, a stopped case is not stopped again). Settings are those in force now for the case's
 * project; the calendar is the company's.
 */
/** Whether the transition was taken: false when another watcher had recorded it first. */
async function unlessAlreadyRecorded(transition: Promise<unknown>): Promise<boolean> {
  try {
    await transition;
    return true;
  } catch (err) {
    if (err instanceof RuleRefusedError && err.issues.some((i) => i.code === ALREADY_RECORDED || i.code === DUPLICATE_ROW)) return false;
    throw err;
  }
}

export async function watchRenovations(now: Date, services: PluginServices<RenovationSettings>): Promise<WatchOutcome> {
  const outcome: WatchOutcome = { stopped: 0, missed: 0, overruns: 0 };
  const rows = await services.orm.em.fork().find(WorkCase, { caseType: CASE_TYPE, state: { $in: ['works', 'topUpDue', 'stopped'] } }, { orderBy: { id: 'asc' } });
  for (const row of rows) {
    try {
      const view = await services.configFor(row.companyId, row.projectId, now);
      const settings = view.settings;
      const data = row.data ?? {};
      const day = view.calendar.localDate(now);
      if (row.state === 'topUpDue' && typeof data.topUpDueAt === 'string' && new Date(data.topUpDueAt).getTime() <= now.getTime()) {
        await services.systemTransition(row.companyId, CASE_TYPE, row.id, 'stopWork');
        outcome.stopped++;
        continue;
      }
      if (row.state !== 'stopped' && typeof data.patrolsFrom === 'string') {
        const misses = missedPatrols(settings.patrols.departments, list<PatrolEntry>(data.patrols), list<MissedPatrol>(data.missedPatrols), data.patrolsFrom, addDays(day, -1));
        for (const m of misses) {
          if (await unlessAlreadyRecorded(services.systemTransition(row.companyId, CASE_TYPE, row.id, 'patrolMissed', { missedOn: m.date, missedDepartment: m.department }))) outcome.missed++;
        }
      }
      if (typeof data.worksDueOn === 'string' && day > data.worksDueOn && data.overrunRecordedFor !== data.worksDueOn) {
        if (await unlessAlreadyRecorded(services.systemTransition(row.companyId, CASE_TYPE, row.id, 'worksOverrun', { overrunSince: data.worksDueOn }))) outcome.overruns++;
      }
    } catch (err) {
      // one case that cannot move (a configuration that no longer fits it…) must not stop the others
      console.warn(`renovation.watch: case ${row.serial} (company ${row.companyId}): ${(err as Error).message}`);
    }
  }
  return outcome;
}

export default definePlugin<RenovationSettings>({
  setup(ctx) {
    ctx.registerEffect('assessFees', assessFees);
    ctx.registerEffect('signPermit', signPermit);
    ctx.registerEffect('issuePermit', issuePermit);
    ctx.registerEffect('issueHotWorkPermit', issueHotWorkPermit);
    ctx.registerEffect('recordPatrol', recordPatrol);
    ctx.registerEffect('assessViolation', assessViolation);
    ctx.registerEffect('applyTopUp', applyTopUp);
    ctx.registerEffect('recordResume', recordResume);
    ctx.registerEffect('extendWorks', extendWorks);
    ctx.registerEffect('recordOverrun', recordOverrun);
    ctx.registerEffect('recordInspection', recordInspection);
    ctx.registerEffect('recordRefund', recordRefund);
    ctx.registerEffect('requestUtilityCut', requestUtilityCut);
    ctx.registerEffect('decideUtilityCut', decideUtilityCut);
    ctx.registerEffect('recordPledge', recordPledge);
    ctx.registerJob('watch', { everySeconds: 900, run: async (now, services) => { await watchRenovations(now, services); } });
  },
});
