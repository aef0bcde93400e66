/**
 * What operators may know beyond their arguments while a rule is evaluated for a case: the
 * company calendar (working days, the local date), the clock, and the plugins' settings in the
 * case's configuration version (billing's fee items for `billing.rateOn`). Rules stay pure JSON;
 * the caller that evaluates them for a case (the transition planner, the dry run, an effect) sets
 * the environment around the evaluation. Evaluation is synchronous, so one slot suffices.
 * Outside such a call the environment is empty and operators that need it refuse.
 */

/** The part of the company's WorkingCalendar operators use (a structural type: core/rules runs in the browser too). */
export interface RuleCalendar {
  addWorkingDays(fromIsoDate: string, count: number): string;
  isWorkingDay(isoDate: string): boolean;
  localDate(instant: Date): string;
}

export interface RuleEnvironment {
  readonly calendar?: RuleCalendar;
  readonly now?: Date;
  settingsOf?(pluginId: string): Record<string, unknown> | undefined;
}

let current: RuleEnvironment = {};

/** Runs `evaluate` (synchronous) with `env` visible to operators; restores the previous one after. */
export function withRuleEnvironment<T>(env: RuleEnvironment, evaluate: () => T): T {
  const saved = current;
  current = env;
  try {
    return evaluate();
  } finally {
    current = saved;
  }
}

export function ruleEnvironment(): RuleEnvironment {
  return current;
}

/** The environment's calendar, or a RangeError naming the operator that needed it. */
export function requireCalendar(op: string): RuleCalendar {
  const calendar = current.calendar;
  if (!calendar) throw new RangeError(`${op}: needs the company calendar, which this rule is not evaluated with`);
  return calendar;
}
