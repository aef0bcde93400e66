/**
 * The types of the plugin seam, and nothing else: what a plugin's setup, effects, routes, jobs,
 * commands and demo data receive. A type-only module that imports no implementation, so core's
 * implementation files (extensions.ts, plugin-services.ts, the case service, the configuration)
 * can all name these types without importing each other in a circle.
 *
 * `Settings` is the plugin's own settings type, generated from its plugin.json `config.schema`
 * (plugins/<id>/generated/settings.ts); `definePlugin<Settings>` threads it through every context.
 */
import type { EntityManager, EntitySchema, MigrationObject, MikroORM } from '@mikro-orm/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { HelperDelegate } from 'handlebars';
import type { Principal } from './auth/sessions.js';
import type { WorkingCalendar } from './calendar/index.js';
import type { RoleInfo } from './config/effective-config.js';
import type { Dialect } from './db/orm.js';
import type { PreparedSql } from './db/prepared-sql.js';
import type { DocumentLanguage } from './documents/document-language.js';
import type { Company, Project, Unit } from './db/entities/index.js';
import type { RuleOperatorDefinition } from './rules/contributed-operators.js';

/** Settings of a plugin that did not name its type: readable only after checking each value. */
export type UntypedSettings = Record<string, unknown>;

/** What an effect handler may read and change while a transition is applied. */
export interface EffectContext<Settings extends UntypedSettings = UntypedSettings> {
  /** the plugin that declares the case type (not the effect's plugin) */
  readonly pluginId: string;
  readonly caseType: string;
  readonly caseId: number;
  /** the case's human serial, e.g. TY-2026-000012 */
  readonly serial: string;
  readonly companyId: number;
  readonly projectId: number;
  readonly unitId: number | null;
  /** the configuration version the case runs on */
  readonly configVersionId: number | null;
  /** the state the transition leads to */
  readonly state: string;
  /** the case data after the submitted form was merged in; handlers may change it */
  readonly data: Record<string, unknown>;
  /** who takes the transition: staffId 0 and no role for the platform; `role` is the role acted in */
  readonly actor: { staffId: number; roles: string[]; role?: string | null };
  readonly params: Record<string, unknown>;
  /** when the transition happens (the kernel's clock) */
  readonly now: Date;
  /** the case's company calendar (time zone, working days) */
  readonly calendar: WorkingCalendar;
  /**
   * The effective settings of the plugin that registered this effect, in the case's configuration
   * version (e.g. billing's fee items for `billing.postCharge`, whichever plugin's case runs it).
   */
  readonly settings: Settings;
  /** an enabled plugin's effective settings in the case's configuration version (e.g. billing's fee items) */
  settingsOf(pluginId: string): Record<string, unknown> | undefined;
  /**
   * Opens another case in this transaction (a defect found at a move-in inspection becomes a
   * repair work order): project, unit and person default to this case's; `data` is validated
   * against the new case type's registration form. Rolls back with the transition.
   */
  openCase(caseType: string, input: { data: Record<string, unknown>; projectId?: number; unitId?: number | null; personId?: number | null }): Promise<{ id: number; serial: string }>;
  /**
   * Sets the case unit's occupancy status in the registry (vacant, occupied, entrusted,
   * renovating…) in this transaction — the intake procedure keeps it; billing reads it.
   */
  setUnitStatus(status: string): Promise<void>;
  /**
   * Queues a message to residents in this transition's transaction (as services.queueMessages does
   * for routes and jobs; company and case are this case's): a sign-up confirmation, an event notice.
   */
  queueMessages(input: EffectMessageInput): Promise<{ id: number; personId: number | null; status: string }[]>;
  /**
   * The transition's own transaction: rows a handler writes commit or roll back with the case.
   * Use it for every write; opening another connection would deadlock on SQLite.
   */
  readonly em: EntityManager;
}
/** A message an effect queues: a template of the plugin's manifest `messages` and who gets it (see PluginServices.queueMessages). */
export interface EffectMessageInput {
  template: string; channel: 'sms' | 'wechat'; urgent?: boolean; recipients: { personId: number; unitId: number | null }[];
  context?: Record<string, unknown>; dedupeKey?: string;
}
export type EffectHandler<Settings extends UntypedSettings = UntypedSettings> = (ctx: EffectContext<Settings>) => void | Promise<void>;

/** What the workflow engine hands an effect; the registry adds the effect plugin's own `settings`. */
export type EffectInput = Omit<EffectContext, 'settings' | 'queueMessages'>;
/** An effect as the registry stores it, ready for the engine to call. */
export type RegisteredEffect = (ctx: EffectInput) => void | Promise<void>;

/** The configuration in force for a company (or one of its projects), seen from one plugin. */
export interface PluginConfigView<Settings extends UntypedSettings = UntypedSettings> {
  /** the configuration version: store it with anything computed from these settings */
  versionId: number;
  projectCode: string | null;
  /** this plugin's effective settings (defaults, then the company's, then the project's patches) */
  settings: Settings;
  /** another enabled plugin's settings (e.g. a dependency's), or undefined if it is not enabled */
  settingsOf(pluginId: string): Record<string, unknown> | undefined;
  calendar: WorkingCalendar;
  roles: ReadonlyMap<string, RoleInfo>;
  /**
   * Renders one of this plugin's documents (manifest `documents`) as a print-ready HTML page, in
   * the company's language (`documentLanguage`; see core/documents/document-language.ts).
   * @param _language ignored: paper prints in the company's language, not the clerk's screen language
   */
  render(template: string, context: Record<string, unknown>, _language?: string): string;
  /** the language the company's documents print in: compose any text put into a document context in it */
  documentLanguage: DocumentLanguage;
}

/**
 * What a plugin's routes, jobs and commands may use of the kernel: the database, the clock, the
 * caller, the company's configuration in force (with the plugin's own settings), permission and
 * project checks, serial numbers and the audit log.
 */
export interface PluginServices<Settings extends UntypedSettings = UntypedSettings> {
  readonly pluginId: string;
  readonly orm: MikroORM;
  readonly dialect: Dialect;
  /**
   * Prepared statements for a write that runs per request under load (a payment): `?` placeholders,
   * each text prepared once per connection, one transaction of them. Every statement must filter
   * by company_id (refused otherwise). Use the ORM everywhere else. See core/db/prepared-sql.ts.
   */
  readonly sql: PreparedSql;
  now(): Date;
  /** the authenticated staff member of a request (every /api route without `public` has one) */
  principal(request: FastifyRequest): Principal;
  /** the configuration in force now (or at `at`) for the company, or for one of its projects */
  configFor(companyId: number, projectId?: number | null, at?: Date, em?: EntityManager): Promise<PluginConfigView<Settings>>;
  /** throws 403 unless one of the principal's roles (as configured now) holds the permission */
  requirePermission(principal: Principal, permission: string): Promise<void>;
  hasPermission(principal: Principal, permission: string): Promise<boolean>;
  /** the project ids the principal may see, or null for all of the company's */
  projectScope(principal: Principal): Promise<number[] | null>;
  /** a project of the principal's company they may see, else 404 (foreign ids look unknown) */
  projectFor(principal: Principal, projectId: number, em?: EntityManager): Promise<Project>;
  /** a unit of the principal's company in a project they may see, else 404 */
  unitFor(principal: Principal, unitId: number, em?: EntityManager): Promise<Unit>;
  company(companyId: number, em?: EntityManager): Promise<Company>;
  /** the next value of a per-company counter (inside the caller's transaction: rolled back with it) */
  nextSerial(em: EntityManager, companyId: number, key: string): Promise<number>;
  /**
   * Takes a transition as the platform, e.g. from a scheduled job (roles do not apply; `system`
   * transitions may be taken). Returns the case's new state and version.
   */
  systemTransition(companyId: number, caseType: string, caseId: number, transitionId: string, data?: Record<string, unknown>): Promise<{ id: number; state: string; version: number }>;
  /**
   * Queues a message to residents in the caller's transaction (core/notifications/outbox): a
   * template of the plugin's manifest `messages`, rendered with `context` plus company, project,
   * building, unit and person; quiet hours, opt-outs and the daily cap apply. A dedupeKey queues
   * it once per recipient however often it is asked (a retried request, a second instance).
   */
  queueMessages(em: EntityManager, input: {
    companyId: number; template: string; channel: 'sms' | 'wechat'; urgent?: boolean; recipients: { personId: number; unitId: number | null }[];
    context?: Record<string, unknown>; caseId?: number | null; dedupeKey?: string;
  }): Promise<{ id: number; personId: number | null; status: string }[]>;
  /** appends to the company's audit log in the caller's transaction */
  audit(em: EntityManager, entry: { companyId: number; actorId: number; action: string; target: string; data?: Record<string, unknown> }): void;
}

export interface ScheduledJob<Settings extends UntypedSettings = UntypedSettings> {
  /** how often the job runs, in seconds */
  everySeconds: number;
  /** runs the job as of `now`; it must be idempotent (a second run at the same time does nothing new) */
  run(now: Date, services: PluginServices<Settings>): Promise<void>;
}

/**
 * HTTP routes of a plugin, mounted under `/api/<pluginId>`. Every route needs a session unless
 * it sets `config: { public: true }`; use `services.principal(request)` for the caller.
 */
export type PluginRoutes<Settings extends UntypedSettings = UntypedSettings> = (app: FastifyInstance, services: PluginServices<Settings>) => Promise<void>;

/** A command of the `wuye` CLI: `npm run wuye -- <pluginId>:<name> [args]`. */
export interface PluginCommand<Settings extends UntypedSettings = UntypedSettings> {
  summary: string;
  /** usage line shown by `npm run wuye -- help` */
  usage?: string;
  /** returns the process exit code */
  run(args: string[], services: PluginServices<Settings>): Promise<number>;
}

/**
 * Demo data a plugin adds to a freshly seeded demo company on the server's first start (never in
 * tests unless asked): e.g. billing bills the current period so the cashier's pages are not empty.
 */
export type DemoDataSeed<Settings extends UntypedSettings = UntypedSettings> = (services: PluginServices<Settings>, companyId: number) => Promise<void>;

/** Tables a plugin owns: its entity schemas and their migrations per dialect. */
export interface PluginDatabase {
  /** MikroORM entity schemas; table names must start with the plugin id (dashes as underscores) */
  entities: EntitySchema<any>[]; // eslint-disable-line @typescript-eslint/no-explicit-any
  /** generated by `npm run migration:create -- --plugin <id>`; run after core's migrations */
  migrations: { sqlite: MigrationObject[]; postgresql: MigrationObject[] };
}

/** The context a plugin's setup receives. Names are namespaced by the plugin id. */
export interface PluginSetupContext<Settings extends UntypedSettings = UntypedSettings> {
  readonly pluginId: string;
  /** Adds a workflow effect usable in *.workflow.json as `{ "type": "<pluginId>.<name>" }`. */
  registerEffect(name: string, handler: EffectHandler<Settings>): void;
  /**
   * Adds a rule operator `<pluginId>.<name>` every workflow's rules may call (JsonLogic
   * `{ "<pluginId>.<name>": [args] }`): a lookup other procedures share, e.g. billing's
   * `billing.rateOn`. `evaluate` receives the evaluated arguments and the rule environment (the
   * company calendar, the clock, `settingsOf` the case's configuration version); it must be pure
   * and synchronous. Rules naming an unregistered operator are refused when they load.
   */
  registerRuleOperator(name: string, definition: RuleOperatorDefinition): void;
  /** Adds a handlebars helper for documents; it must return escaped or plain text. */
  registerTemplateHelper(name: string, helper: HelperDelegate): void;
  /** Adds a job run on a schedule by the kernel's job runner. */
  registerJob(name: string, job: ScheduledJob<Settings>): void;
  /** Adds HTTP routes under /api/<pluginId>. */
  registerRoutes(routes: PluginRoutes<Settings>): void;
  /** Adds a CLI command `<pluginId>:<name>`. */
  registerCommand(name: string, command: PluginCommand<Settings>): void;
  /** Adds demo data for the demo company, run once after it is seeded (plugins in dependency order). */
  registerDemoData(seed: DemoDataSeed<Settings>): void;
}

export interface PluginDefinition<Settings extends UntypedSettings = UntypedSettings> {
  /** tables the plugin owns, if any */
  database?: PluginDatabase;
  setup(ctx: PluginSetupContext<Settings>): void | Promise<void>;
}
