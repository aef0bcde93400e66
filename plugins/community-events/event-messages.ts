/**
 * What residents hear about an event: the notice when it is published (by SMS and/or WeChat, as the
 * publication form's 发布渠道 chose, to every household of the project), and — to the person who
 * signed up — the sign-up's result (a place, or a place on the waiting list) and a later promotion
 * from the waiting list. Queued in the transition's transaction, each under its own dedupe key.
 * A sign-up whose name and phone match nobody registered at the unit gets no message (the desk
 * told them in person; the household's other members did not sign up).
 */
import { Person, Unit, UnitPerson, type EffectContext } from '../../core/plugin-api.js';
import type { SignUp } from './domain.js';

type EntityManager = EffectContext['em'];
const HOUSEHOLD: ('owner' | 'occupant')[] = ['owner', 'occupant'];
const PUBLISHED_BY = ['sms', 'wechat'] as const;

/** Every household of the event's project. */
async function projectHouseholds(em: EntityManager, companyId: number, projectId: number): Promise<{ personId: number; unitId: number }[]> {
  const units = await em.find(Unit, { companyId, projectId }, { fields: ['id'] });
  if (units.length === 0) return [];
  const links = await em.find(UnitPerson, { companyId, unitId: { $in: units.map((u) => u.id) }, relation: { $in: ['owner', 'occupant'] } }, { orderBy: { id: 'asc' } });
  return links.map((l) => ({ personId: l.personId, unitId: l.unitId }));
}

export async function queueEventNotice(ctx: EffectContext): Promise<void> {
  const channels = Array.isArray(ctx.data.channels) ? (ctx.data.channels as string[]) : [];
  const chosen = PUBLISHED_BY.filter((c) => channels.includes(c));
  if (chosen.length === 0) return;
  const recipients = await projectHouseholds(ctx.em, ctx.companyId, ctx.projectId);
  if (recipients.length === 0) return;
  for (const channel of chosen) {
    await ctx.queueMessages({ template: 'eventNotice', channel, recipients, context: { event: eventContext(ctx) }, dedupeKey: `event:${ctx.caseId}:notice:${channel}` });
  }
}

/** The registered person who signed up: at the unit, by phone, else by name. */
async function signUpPerson(em: EntityManager, companyId: number, entry: SignUp): Promise<number | null> {
  const links = await em.find(UnitPerson, { companyId, unitId: entry.unitId, relation: { $in: HOUSEHOLD } });
  if (links.length === 0) return null;
  const people = await em.find(Person, { companyId, id: { $in: links.map((l) => l.personId) } }, { orderBy: { id: 'asc' } });
  const digits = (s: string | null | undefined) => (s ?? '').replace(/\D/g, '');
  return (people.find((p) => digits(p.phone) !== '' && digits(p.phone) === digits(entry.phone)) ?? people.find((p) => p.name === entry.name.trim()))?.id ?? null;
}

export type SignUpMessage = 'eventSignUpConfirmed' | 'eventWaitlisted' | 'eventPromoted';

export async function queueSignUpMessage(ctx: EffectContext, entry: SignUp, template: SignUpMessage, waitingPosition?: number): Promise<void> {
  const personId = await signUpPerson(ctx.em, ctx.companyId, entry);
  if (personId === null) return;
  await ctx.queueMessages({
    template, channel: 'sms', recipients: [{ personId, unitId: entry.unitId }],
    context: { event: eventContext(ctx), signUp: { no: entry.no, partySize: entry.partySize, position: waitingPosition ?? null } },
    dedupeKey: `event:${ctx.caseId}:signup:${entry.no}:${template}`,
  });
}

// the plan form's place codes in words (eventPlan.form.json x-enumLabels): residents never read a code
const PLACE_TITLES: Record<string, string> = { square: '广场', clubhouse: '会所', courts: '球场', gym: '健身房', library: '图书室' };

/** an instant in the company's time zone, as residents read it: 12月6日 14:30 */
function localTime(value: unknown, timezone: string): string {
  if (typeof value !== 'string' || value === '') return '';
  const t = new Date(value);
  if (Number.isNaN(t.getTime())) return '';
  const parts = Object.fromEntries(new Intl.DateTimeFormat('zh-CN', { timeZone: timezone, month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(t).map((p) => [p.type, p.value]));
  return `${parts.month}月${parts.day}日 ${parts.hour}:${parts.minute}`;
}

function eventContext(ctx: EffectContext): Record<string, unknown> {
  const d = ctx.data;
  const place = typeof d.place === 'string' ? PLACE_TITLES[d.place] ?? '' : '';
  return { theme: d.theme ?? '', place: typeof d.placeDetail === 'string' && d.placeDetail ? `${place}（${d.placeDetail}）` : place, startsAt: localTime(d.startsAt, ctx.calendar.timezone), signUpUntil: localTime(d.signUpUntil, ctx.calendar.timezone) };
}
