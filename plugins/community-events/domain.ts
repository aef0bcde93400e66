/**
 * Pure rules of the community-events plugin (no database): the sign-up list with its capacity and
 * waiting list, and the satisfaction survey's analysis by question and building.
 */

export interface SignUp {
  no: number;
  name: string;
  unit: string;
  unitId: number;
  phone: string;
  partySize: number;
  status: 'confirmed' | 'waitlisted' | 'cancelled';
  signedUpAt: string;
  promotedAt?: string;
  checkedInAt?: string;
  attendedCount?: number;
  cancelledAt?: string;
  cancelReason?: string;
  promoted?: number[];
  followUpSerial?: string;
}

export interface Roster {
  signups: SignUp[];
  waitlist: SignUp[];
  cancellations: SignUp[];
}

export const peopleIn = (list: readonly SignUp[]): number => list.reduce((n, s) => n + s.partySize, 0);

/** A new sign-up is confirmed while its party fits in the capacity left, else it waits. */
export function addSignUp(roster: Roster, capacity: number, entry: Omit<SignUp, 'status'>): SignUp {
  const fits = peopleIn(roster.signups) + entry.partySize <= capacity;
  const added: SignUp = { ...entry, status: fits ? 'confirmed' : 'waitlisted' };
  (fits ? roster.signups : roster.waitlist).push(added);
  return added;
}

/**
 * Removes a sign-up (confirmed or waiting). When a confirmed place frees up, the waiting list is
 * walked in order and each party that now fits is promoted (the first that fits, then the next…);
 * a party too large for the seats left keeps its place in the queue. Returns the promoted entries.
 */
export function cancelSignUp(roster: Roster, capacity: number, no: number, at: string, reason: string): { cancelled: SignUp; promoted: SignUp[] } | null {
  const inConfirmed = roster.signups.findIndex((s) => s.no === no);
  const inWaiting = roster.waitlist.findIndex((s) => s.no === no);
  if (inConfirmed < 0 && inWaiting < 0) return null;
  const [cancelled] = inConfirmed >= 0 ? roster.signups.splice(inConfirmed, 1) : roster.waitlist.splice(inWaiting, 1);
  const promoted: SignUp[] = [];
  if (inConfirmed >= 0) {
    let free = capacity - peopleIn(roster.signups);
    for (const waiting of [...roster.waitlist]) {
      if (waiting.partySize > free) continue;
      roster.waitlist.splice(roster.waitlist.indexOf(waiting), 1);
      waiting.status = 'confirmed';
      waiting.promotedAt = at;
      roster.signups.push(waiting);
      promoted.push(waiting);
      free -= waiting.partySize;
    }
  }
  const record: SignUp = { ...cancelled!, status: 'cancelled', cancelledAt: at, cancelReason: reason, promoted: promoted.map((p) => p.no) };
  roster.cancellations.push(record);
  return { cancelled: record, promoted };
}

// ---------------------------------------------------------------- survey analysis

export interface SurveyQuestion { code: string; text: string; scale: 'score' | 'yesNo' }
export interface SurveyResponseRow { buildingId: number | null; returned: boolean; answers: { question: string; score: number }[] }
export interface BuildingRef { id: number; name: string }

const round = (x: number, digits: number): number => {
  const f = 10 ** digits;
  return Math.round((x + Number.EPSILON) * f) / f;
};
const ratio = (n: number, d: number): number | null => (d === 0 ? null : round(n / d, 4));

export interface SurveyAnalysis {
  distributed: number;
  returned: number;
  responseRate: number | null;
  satisfiedRate: number | null;
  targetRate: number;
  targetMet: boolean;
  byQuestion: { code: string; text: string; scale: string; answered: number; average: number | null; satisfiedRate: number | null;
    byBuilding: { buildingId: number; building: string; answered: number; average: number | null }[] }[];
  byBuilding: { buildingId: number; building: string; distributed: number; returned: number; responseRate: number | null; satisfiedRate: number | null }[];
}

/**
 * Averages per question (a yes/no question's average is its share of yes), overall and per
 * building; the response rate per building; the satisfied share (a score ≥ satisfiedFrom, or yes)
 * of all answers against the target. Shares are rounded to 4 decimals, averages to 2.
 */
export function analyseSurvey(questions: readonly SurveyQuestion[], rows: readonly SurveyResponseRow[], buildings: readonly BuildingRef[], satisfiedFrom: number, targetRate: number): SurveyAnalysis {
  const isSatisfied = (q: SurveyQuestion, score: number) => (q.scale === 'yesNo' ? score === 1 : score >= satisfiedFrom);
  const byCode = new Map(questions.map((q) => [q.code, q]));
  const returned = rows.filter((r) => r.returned);
  let answers = 0;
  let satisfied = 0;
  const perBuilding = new Map<number, { answers: number; satisfied: number }>();
  for (const r of returned) {
    for (const a of r.answers) {
      const q = byCode.get(a.question);
      if (!q) continue;
      answers++;
      const ok = isSatisfied(q, a.score);
      if (ok) satisfied++;
      const b = perBuilding.get(r.buildingId ?? 0) ?? { answers: 0, satisfied: 0 };
      b.answers++;
      if (ok) b.satisfied++;
      perBuilding.set(r.buildingId ?? 0, b);
    }
  }
  const satisfiedRate = ratio(satisfied, answers);
  const stats = (list: readonly SurveyResponseRow[], code: string) => {
    const scores = list.flatMap((r) => r.answers.filter((a) => a.question === code).map((a) => a.score));
    return { answered: scores.length, sum: scores.reduce((x, y) => x + y, 0), scores };
  };
  return {
    distributed: rows.length,
    returned: returned.length,
    responseRate: ratio(returned.length, rows.length),
    satisfiedRate,
    targetRate,
    targetMet: satisfiedRate !== null && satisfiedRate >= targetRate,
    byQuestion: questions.map((q) => {
      const all = stats(returned, q.code);
      return {
        code: q.code, text: q.text, scale: q.scale, answered: all.answered,
        average: all.answered ? round(all.sum / all.answered, 2) : null,
        satisfiedRate: ratio(all.scores.filter((s) => isSatisfied(q, s)).length, all.answered),
        byBuilding: buildings.map((b) => {
          const inB = stats(returned.filter((r) => r.buildingId === b.id), q.code);
          return { buildingId: b.id, building: b.name, answered: inB.answered, average: inB.answered ? round(inB.sum / inB.answered, 2) : null };
        }),
      };
    }),
    byBuilding: buildings.map((b) => {
      const given = rows.filter((r) => r.buildingId === b.id);
      const back = given.filter((r) => r.returned).length;
      const s = perBuilding.get(b.id);
      return { buildingId: b.id, building: b.name, distributed: given.length, returned: back, responseRate: ratio(back, given.length), satisfiedRate: s ? ratio(s.satisfied, s.answers) : null };
    }),
  };
}

export const percent = (x: number | null): string => (x === null ? '—' : `${round(x * 100, 2)}%`);
