/**
 * Code of the community-events plugin, only where declarations cannot say it:
 *   community-events.publish         — opens the sign-up list (empty roster) when the notice goes out; the notice
 *                                      goes by SMS/WeChat to the project's households if the publication chose them
 *   community-events.signUp          — a household signs up: confirmed while the capacity (people) allows, else waiting;
 *                                      the same unit twice, an unknown unit or a party above the settings' maximum → 422
 *   community-events.cancelSignUp    — removes a sign-up; a freed place promotes the waiting parties that fit, in order
 *                                      (each told by SMS; a sign-up is told its result: event-messages.ts)
 *   community-events.checkIn         — marks a confirmed sign-up present (a waiting one is refused)
 *   community-events.recordAttendance— households and people present, when the event is recorded
 *   community-events.openFollowUps   — on closing, one `eventParticipant` case per household present (follow-up within a month, 70%)
 *   community-events.distribute      — the survey: one `surveyResponse` case per unit of the chosen buildings
 *   community-events.recordAnswers   — a returned questionnaire: answers checked against the survey's questions
 *   community-events.analyse         — the survey's analysis snapshot (by question and building) on ending collection
 *   community-events.recordActions   — the actions by department as text
 * Job `community-events.followUps` moves new participant cases to their follow-up (the follow-up
 * policy applies from a transition). Route GET /api/community-events/surveys/:id/analysis.
 */
import {
  Building, NotFoundError, RuleRefusedError, Unit, WorkCase, definePlugin,
  type EffectContext, type FieldIssue, type PluginServices,
} from '../../core/plugin-api.js';
import type { CommunityEventsSettings } from './generated/settings.js';
import {
  addSignUp, analyseSurvey, cancelSignUp, peopleIn, percent,
  type BuildingRef, type Roster, type SignUp, type SurveyAnalysis, type SurveyQuestion, type SurveyResponseRow,
} from './domain.js';
import { queueEventNotice, queueSignUpMessage } from './event-messages.js';

const PLUGIN = 'community-events';
type EntityManager = EffectContext['em'];

/** what this plugin's effects receive: `ctx.settings` are its own settings, typed */
type EventsEffect = EffectContext<CommunityEventsSettings>;

function refuse(pointer: string, message: string, code: string): never {
  throw new RuleRefusedError(message, [{ pointer, code, message }]);
}


const list = <T>(value: unknown): T[] => (Array.isArray(value) ? [...(value as T[])] : []);

function rosterOf(data: Record<string, unknown>): Roster {
  return { signups: list<SignUp>(data.signups), waitlist: list<SignUp>(data.waitlist), cancellations: list<SignUp>(data.cancellations) };
}

function saveRoster(data: Record<string, unknown>, roster: Roster): void {
  Object.assign(data, {
    signups: roster.signups, waitlist: roster.waitlist, cancellations: roster.cancellations,
    confirmedPeople: peopleIn(roster.signups), waitingPeople: peopleIn(roster.waitlist),
  });
}

/** Sign-up numbers are never reused: one more than any given so far, cancelled ones included. */
function nextNumber(roster: Roster): number {
  return Math.max(0, ...[...roster.signups, ...roster.waitlist, ...roster.cancellations].map((s) => s.no)) + 1;
}

/** The transition form's own fields are kept on the roster, not as loose case data. */
function takeFields(data: Record<string, unknown>, names: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const n of names) {
    out[n] = data[n];
    delete data[n];
  }
  return out;
}

// ---------------------------------------------------------------- events

async function publish(ctx: EventsEffect): Promise<void> {
  saveRoster(ctx.data, { signups: [], waitlist: [], cancellations: [] });
  Object.assign(ctx.data, { publishedAt: ctx.now.toISOString(), lastPromotion: null });
  await queueEventNotice(ctx);
}

/** The household picked in the sign-up form, in this event's project (another project's or company's id is unknown). */
async function householdOf(em: EntityManager, companyId: number, projectId: number, unitId: number): Promise<{ unit: Unit; label: string } | null> {
  const unit = await em.findOne(Unit, { id: unitId, companyId, projectId });
  if (!unit) return null;
  const building = await em.findOne(Building, { id: unit.buildingId, companyId });
  return { unit, label: building ? `${building.name} ${unit.number}` : unit.number };
}

async function signUp(ctx: EventsEffect): Promise<void> {
  const settings = ctx.settings;
  const form = takeFields(ctx.data, ['signUpName', 'signUpUnitId', 'signUpPhone', 'partySize']);
  const partySize = Number(form.partySize);
  if (partySize > settings.maxPartySize) refuse('/data/partySize', `每户最多报名${settings.maxPartySize}人`, 'party-too-large');
  const household = await householdOf(ctx.em, ctx.companyId, ctx.projectId, Number(form.signUpUnitId));
  if (!household) refuse('/data/signUpUnitId', '本管理处没有这一户，请从列表中选择', 'unknown-unit');
  const { unit, label } = household;
  const roster = rosterOf(ctx.data);
  const existing = [...roster.signups, ...roster.waitlist].find((s) => s.unitId === unit.id);
  if (existing) refuse('/data/signUpUnitId', `${label}已报名（序号${existing.no}）`, 'duplicate-unit');
  const no = nextNumber(roster);
  const capacity = Number(ctx.data.capacity);
  const added = addSignUp(roster, capacity, {
    no, name: String(form.signUpName), unit: label, unitId: unit.id, phone: String(form.signUpPhone), partySize, signedUpAt: ctx.now.toISOString(),
  });
  saveRoster(ctx.data, roster);
  // the step's resultField: what the desk tells the resident at once
  ctx.data.signUpResult = added.status === 'confirmed'
    ? `${added.name}（${label}，${partySize}人）报名成功，序号${no}，已获名额`
    : `名额已满：${added.name}（${label}，${partySize}人）列入候补第${roster.waitlist.length}位（序号${no}），有人取消时按顺序转正`;
  await queueSignUpMessage(ctx, added, added.status === 'confirmed' ? 'eventSignUpConfirmed' : 'eventWaitlisted', added.status === 'confirmed' ? undefined : roster.waitlist.length);
}

async function cancel(ctx: EventsEffect): Promise<void> {
  const form = takeFields(ctx.data, ['cancelNo', 'cancelReason']);
  const roster = rosterOf(ctx.data);
  const result = cancelSignUp(roster, Number(ctx.data.capacity), Number(form.cancelNo), ctx.now.toISOString(), String(form.cancelReason));
  if (!result) refuse('/data/cancelNo', `报名名单和候补名单中没有序号${String(form.cancelNo)} / no sign-up no. ${String(form.cancelNo)}`, 'unknown-sign-up');
  saveRoster(ctx.data, roster);
  // the last sign-up's place may have changed: the roster and lastPromotion now tell
  ctx.data.signUpResult = null;
  if (result.promoted.length > 0) {
    ctx.data.lastPromotion = `${result.cancelled.no}号取消，候补转正：${result.promoted.map((p) => `${p.no}. ${p.name} ${p.unit} ${p.partySize}人`).join('、')}`;
    for (const promoted of result.promoted) await queueSignUpMessage(ctx, promoted, 'eventPromoted');
  }
}

async function checkIn(ctx: EventsEffect): Promise<void> {
  const form = takeFields(ctx.data, ['checkInNo', 'attendedCount']);
  const roster = rosterOf(ctx.data);
  const no = Number(form.checkInNo);
  const entry = roster.signups.find((s) => s.no === no);
  if (!entry) {
    const waiting = roster.waitlist.some((s) => s.no === no);
    refuse('/data/checkInNo', waiting ? `${no}号在候补名单中，未获名额 / no. ${no} is on the waiting list` : `没有序号${no}的报名 / no sign-up no. ${no}`, waiting ? 'waitlisted' : 'unknown-sign-up');
  }
  if (entry.checkedInAt) refuse('/data/checkInNo', `${no}号已签到 / no. ${no} has already checked in`, 'already-checked-in');
  entry.checkedInAt = ctx.now.toISOString();
  entry.attendedCount = typeof form.attendedCount === 'number' ? form.attendedCount : entry.partySize;
  saveRoster(ctx.data, roster);
}

async function recordAttendance(ctx: EventsEffect): Promise<void> {
  const present = rosterOf(ctx.data).signups.filter((s) => s.checkedInAt);
  Object.assign(ctx.data, { attendedHouseholds: present.length, attendedPeople: present.reduce((n, s) => n + (s.attendedCount ?? s.partySize), 0) });
}

async function openFollowUps(ctx: EventsEffect): Promise<void> {
  const roster = rosterOf(ctx.data);
  const eventDate = ctx.calendar.localDate(new Date(String(ctx.data.startsAt)));
  let opened = 0;
  for (const s of roster.signups) {
    if (!s.checkedInAt || s.followUpSerial) continue;
    const c = await ctx.openCase('eventParticipant', {
      unitId: s.unitId,
      data: {
        eventId: ctx.caseId, eventSerial: ctx.serial, eventTheme: String(ctx.data.theme).slice(0, 100), eventDate,
        residentName: s.name, contactPhone: s.phone, attendedCount: s.attendedCount ?? s.partySize,
      },
    });
    s.followUpSerial = c.serial;
    opened++;
  }
  saveRoster(ctx.data, roster);
  ctx.data.followUpCount = opened;
}

/** Participant cases opened at closing move to their follow-up (the policy is applied by a transition). */
export async function scheduleFollowUps(services: PluginServices<CommunityEventsSettings>): Promise<number> {
  const rows = await services.orm.em.fork().find(WorkCase, { caseType: 'eventParticipant', state: 'attended' }, { orderBy: { id: 'asc' }, limit: 1000 });
  let moved = 0;
  for (const row of rows) {
    try {
      await services.systemTransition(row.companyId, 'eventParticipant', row.id, 'scheduleFollowUp');
      moved++;
    } catch (err) {
      console.warn(`community-events.followUps: case ${row.serial} (company ${row.companyId}): ${(err as Error).message}`);
    }
  }
  return moved;
}

// ---------------------------------------------------------------- the satisfaction survey

function activeQuestions(settings: CommunityEventsSettings): SurveyQuestion[] {
  return settings.survey.questions.filter((q) => q.active).map((q) => ({ code: q.code, text: q.text['zh-CN'], scale: q.scale }));
}

function questionSheet(questions: readonly SurveyQuestion[]): string {
  return questions.map((q, i) => `${i + 1}. [${q.code}] ${q.text}（${q.scale === 'yesNo' ? '是=1 / 否=0' : '1–5分'}）`).join('\n');
}

async function distribute(ctx: EventsEffect): Promise<void> {
  const settings = ctx.settings;
  const questions = activeQuestions(settings);
  if (questions.length === 0) refuse('/transition', '设置中没有启用的调查问题 / no question is in use in the settings', 'no-questions');
  const buildings = await ctx.em.find(Building, { companyId: ctx.companyId, projectId: ctx.projectId }, { orderBy: { code: 'asc' } });
  const chosen = list<string>(ctx.data.buildingCodes);
  const issues: FieldIssue[] = [];
  chosen.forEach((code, i) => {
    if (!buildings.some((b) => b.code === code)) issues.push({ pointer: `/data/buildingCodes/${i}`, code: 'unknown-building', message: `本管理处没有${code}栋 / no building ${code} in this project` });
  });
  if (issues.length) throw new RuleRefusedError(issues.map((i) => i.message).join('；'), issues);
  const inScope = chosen.length ? buildings.filter((b) => chosen.includes(b.code)) : buildings;
  const units = await ctx.em.find(Unit, { companyId: ctx.companyId, projectId: ctx.projectId, buildingId: { $in: inScope.map((b) => b.id) } }, { orderBy: { buildingId: 'asc', number: 'asc' } });
  const households = units.filter((u) => !(settings.survey.skipVacantUnits && u.status === 'vacant'));
  if (households.length === 0) refuse('/data/buildingCodes', '所选楼栋没有可发放的住户 / the chosen buildings have no household to survey', 'no-households');
  const sheet = questionSheet(questions);
  const year = Number(ctx.data.year);
  for (const u of households) {
    await ctx.openCase('surveyResponse', { unitId: u.id, data: { surveyId: ctx.caseId, surveySerial: ctx.serial, surveyYear: year, questionSheet: sheet } });
  }
  Object.assign(ctx.data, { questions, distributedCount: households.length, distributedAt: ctx.now.toISOString(), targetRate: settings.survey.targetRate });
}

async function loadSurvey(em: EntityManager, companyId: number, surveyId: number): Promise<WorkCase | null> {
  return em.findOne(WorkCase, { id: surveyId, companyId, caseType: 'satisfactionSurvey' });
}

async function recordAnswers(ctx: EventsEffect): Promise<void> {
  const survey = await loadSurvey(ctx.em, ctx.companyId, Number(ctx.data.surveyId));
  if (!survey) throw new NotFoundError('satisfactionSurvey');
  if (survey.state !== 'collecting') refuse('/transition', `调查${survey.serial}已结束回收 / survey ${survey.serial} is no longer collecting`, 'not-collecting');
  const questions = list<SurveyQuestion>(survey.data.questions);
  const answers = list<{ question: string; score: number }>(ctx.data.answers);
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  answers.forEach((a, i) => {
    const q = questions.find((x) => x.code === a.question);
    if (!q) issues.push({ pointer: `/data/answers/${i}/question`, code: 'unknown-question', message: `${a.question}不是本次调查的问题 / ${a.question} is not a question of this survey` });
    else if (seen.has(a.question)) issues.push({ pointer: `/data/answers/${i}/question`, code: 'duplicate-question', message: `${a.question}重复作答 / ${a.question} is answered twice` });
    else if (q.scale === 'score' ? a.score < 1 || a.score > 5 : a.score !== 0 && a.score !== 1) {
      issues.push({ pointer: `/data/answers/${i}/score`, code: 'out-of-scale', message: `${a.question}：${q.scale === 'score' ? '评分为1–5分' : '是=1，否=0'} / ${q.scale === 'score' ? 'score 1 to 5' : 'yes = 1, no = 0'}` });
    }
    seen.add(a.question);
  });
  if (issues.length) throw new RuleRefusedError(issues.map((i) => i.message).join('；'), issues);
  ctx.data.answerSummary = answers.map((a) => {
    const q = questions.find((x) => x.code === a.question)!;
    return `${q.code} ${q.text}：${q.scale === 'yesNo' ? (a.score === 1 ? '是' : '否') : `${a.score}分`}`;
  }).join('\n');
  ctx.data.returnedAt = ctx.now.toISOString();
}

/** The survey's response cases and the project's buildings, read with `em` (filtered by company). */
async function surveyAnalysis(em: EntityManager, survey: WorkCase, satisfiedFrom: number, targetRate: number): Promise<SurveyAnalysis> {
  const rows = await em.find(WorkCase, { companyId: survey.companyId, projectId: survey.projectId, caseType: 'surveyResponse' }, { orderBy: { id: 'asc' } });
  const responses: SurveyResponseRow[] = rows.filter((r) => r.data?.surveyId === survey.id).map((r) => ({
    buildingId: r.buildingId ?? null, returned: r.state === 'returned', answers: list<{ question: string; score: number }>(r.data.answers),
  }));
  const ids = [...new Set(responses.map((r) => r.buildingId).filter((id): id is number => id !== null))];
  const buildings: BuildingRef[] = (await em.find(Building, { companyId: survey.companyId, id: { $in: ids } }, { orderBy: { code: 'asc' } })).map((b) => ({ id: b.id, name: b.name }));
  return analyseSurvey(list<SurveyQuestion>(survey.data.questions), responses, buildings, satisfiedFrom, targetRate);
}

async function analyse(ctx: EventsEffect): Promise<void> {
  const settings = ctx.settings;
  const survey = await loadSurvey(ctx.em, ctx.companyId, ctx.caseId);
  if (!survey) throw new NotFoundError('satisfactionSurvey');
  const a = await surveyAnalysis(ctx.em, survey, settings.survey.satisfiedFrom, settings.survey.targetRate);
  const lines = [
    `发放${a.distributed}户，回收${a.returned}份，回收率${percent(a.responseRate)}；满意率${percent(a.satisfiedRate)}（目标${percent(a.targetRate)}，${a.targetMet ? '达标' : '未达标'}）`,
    ...a.byQuestion.map((q) => `${q.code} ${q.text}：平均${q.average ?? '—'}，满意率${percent(q.satisfiedRate)}（${q.answered}份）`),
    ...a.byBuilding.map((b) => `${b.building}：回收${b.returned}/${b.distributed}（${percent(b.responseRate)}），满意率${percent(b.satisfiedRate)}`),
  ];
  Object.assign(ctx.data, {
    distributedCount: a.distributed, returnedCount: a.returned, responseRate: a.responseRate, satisfiedRate: a.satisfiedRate, targetRate: a.targetRate, targetMet: a.targetMet,
    questionStats: a.byQuestion.map(({ byBuilding: _b, ...q }) => q),
    buildingStats: a.byBuilding,
    questionBuildingStats: a.byQuestion.flatMap((q) => q.byBuilding.map((b) => ({ question: q.code, building: b.building, answered: b.answered, average: b.average }))),
    analysisSummary: lines.join('\n'),
    analysedAt: ctx.now.toISOString(),
  });
}

const DEPARTMENT_TITLES: Record<string, string> = {
  customerService: '客服部', engineering: '工程部', security: '安护部', environment: '环境部', clubhouse: '会所', finance: '财务部',
};

async function recordActions(ctx: EventsEffect): Promise<void> {
  const actions = list<{ department: string; issue: string; measure: string; dueOn: string }>(ctx.data.actions);
  const byDept = new Map<string, string[]>();
  for (const a of actions) byDept.set(a.department, [...(byDept.get(a.department) ?? []), `${a.issue} → ${a.measure}（${a.dueOn}前）`]);
  ctx.data.actionsSummary = [...byDept].map(([d, items]) => `${DEPARTMENT_TITLES[d] ?? d}：\n  ${items.join('\n  ')}`).join('\n');
  ctx.data.actionsAssignedAt = ctx.now.toISOString();
}

export default definePlugin<CommunityEventsSettings>({
  setup(ctx) {
    ctx.registerEffect('publish', publish);
    ctx.registerEffect('signUp', signUp);
    ctx.registerEffect('cancelSignUp', cancel);
    ctx.registerEffect('checkIn', checkIn);
    ctx.registerEffect('recordAttendance', recordAttendance);
    ctx.registerEffect('openFollowUps', openFollowUps);
    ctx.registerEffect('distribute', distribute);
    ctx.registerEffect('recordAnswers', recordAnswers);
    ctx.registerEffect('analyse', analyse);
    ctx.registerEffect('recordActions', recordActions);
    ctx.registerJob('followUps', { everySeconds: 300, run: async (_now, services) => { await scheduleFollowUps(services); } });
    ctx.registerRoutes(async (app, services) => {
      app.get('/surveys/:id/analysis', {
        schema: {
          tags: [PLUGIN], summary: 'A satisfaction survey analysed by question and building (live, from its response cases)',
          params: { type: 'object', properties: { id: { type: 'integer', minimum: 1 } }, required: ['id'], additionalProperties: false },
        },
      }, async (request) => {
        const principal = services.principal(request);
        await services.requirePermission(principal, 'communityEvents.surveyAnalysis');
        const { id } = request.params as { id: number };
        const em = services.orm.em.fork();
        const survey = await loadSurvey(em, principal.companyId, id);
        const scope = await services.projectScope(principal);
        if (!survey || (scope && !scope.includes(survey.projectId))) throw new NotFoundError('satisfactionSurvey');
        const settings = (await services.configFor(principal.companyId, survey.projectId)).settings;
        const analysis = await surveyAnalysis(em, survey, settings.survey.satisfiedFrom, settings.survey.targetRate);
        return { survey: { id: survey.id, serial: survey.serial, year: survey.data.year, state: survey.state, projectId: survey.projectId }, satisfiedFrom: settings.survey.satisfiedFrom, ...analysis };
      });
    });
  },
});
