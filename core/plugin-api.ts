/**
 * The public API for plugin code: everything a plugin's `index.ts`, routes, jobs and commands may
 * import from core. Plugins import this module only, never core's internals.
 */
export { definePlugin } from './extensions.js';
export type {
  PluginDefinition,
  PluginSetupContext,
  PluginDatabase,
  PluginRoutes,
  PluginCommand,
  EffectContext,
  EffectHandler,
  ScheduledJob,
  DemoDataSeed,
  PluginServices,
  PluginConfigView,
  UntypedSettings,
} from './plugin-types.js';
export type { Principal } from './auth/sessions.js';
/** services.sql: prepared statements for a hot write path (see core/db/prepared-sql.ts) */
export type { PreparedSql, SqlQuery } from './db/prepared-sql.js';
export { WuyeError, ValidationError, NotFoundError, ForbiddenError, StaleVersionError, RuleRefusedError, type FieldIssue } from './errors.js';
export { idParam, errorResponse, errorResponses } from './http/schemas.js';
export { MONEY_PATTERN, ROUNDING_MODES, MoneyDecimal, formatMoney, formatYuan, fromFen, parseMoney, roundMoney, toFen, type Decimal, type RoundingMode } from './money/index.js';
export { WorkingCalendar, addDuration, isIsoDate, type Duration } from './calendar/index.js';
/** date arithmetic on 'YYYY-MM-DD' dates, working days on the company calendar (also the date.* rule operators) */
export { addCalendarDays, daysBetween, startOfMonth, endOfMonth, addWorkingDays, workingDaysBetween } from './calendar/index.js';
export { compileRule, type CompiledRule, type RuleLogic } from './rules/index.js';
/** rule operators plugins contribute (registerRuleOperator), and calling one from code */
export { callRuleOperator, type RuleEnvironment, type RuleOperatorDefinition } from './rules/index.js';
/** the refusal code of the core appendRow effect's `unique` (a row already in the list) */
export { DUPLICATE_ROW } from './workflow/append-row.js';
/** the registry rows plugins read (always filter by companyId) */
export { Company, Project, Building, Unit, Person, UnitPerson, Staff, StaffProject } from './db/entities/index.js';
export { WorkCase } from './db/entities/index.js';
/** the household archive (一户一档): a registration (move-in) adds its members, contacts and vehicles, with history */
export { recordHousehold, type HouseholdRegistration, type MemberRelation } from './registry/household-archive.js';
/** work that must not run twice at once across instances (a billing run): see core/db/exclusive-lock.ts */
export { withExclusiveLock } from './db/exclusive-lock.js';
