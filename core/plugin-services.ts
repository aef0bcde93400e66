/**
 * What a plugin's routes, jobs and commands may use of the kernel: the database, the clock, the
 * caller, the company's configuration in force (with the plugin's own settings), permission and
 * project checks, serial numbers, the audit log and document rendering. A narrow, typed facade,
 * so plugins never reach into core's internals.
 */
import type { EntityManager, MikroORM } from '@mikro-orm/core';
import type { FastifyRequest } from 'fastify';
import type { Principal } from './auth/sessions.js';
import type { ConfigService } from './config/config-service.js';
import type { CompiledConfig } from './config/compiled-config.js';
import type { RoleInfo } from './config/effective-config.js';
import type { WorkingCalendar } from './calendar/index.js';
import type { ProjectDirectory } from './registry/project-directory.js';
import type { CaseService } from './cases/case-service.js';
import type { Dialect } from './db/orm.js';
import { AuditEntry, Company, Project, Unit } from './db/entities/index.js';
import { ForbiddenError, NotFoundError } from './errors.js';
import { canSeeProject, hasPermission, seesAllProjects } from './cases/access.js';
import { nextSerialValue } from './cases/serials.js';
import { principalOf } from './http/auth-hook.js';
import type { DocumentLanguage } from './documents/document-language.js';

/** The configuration in force for a company (or one of its projects), seen from one plugin. */
export interface PluginConfigView {
  /** the configuration version: store it with anything computed from these settings */
  versionId: number;
  projectCode: string | null;
  /** this plugin's effective settings (defaults, then the company's, then the project's patches) */
  settings: Record<string, unknown>;
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

export interface PluginServices {
  readonly pluginId: string;
  readonly orm: MikroORM;
  readonly dialect: Dialect;
  now(): Date;
  /** the authenticated staff member of a request (every /api route without `public` has one) */
  principal(request: FastifyRequest): Principal;
  /** the configuration in force now (or at `at`) for the company, or for one of its projects */
  configFor(companyId: number, projectId?: number | null, at?: Date, em?: EntityManager): Promise<PluginConfigView>;
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
  /** appends to the company's audit log in the caller's transaction */
  audit(em: EntityManager, entry: { companyId: number; actorId: number; action: string; target: string; data?: Record<string, unknown> }): void;
}

export interface PluginServicesDeps {
  orm: MikroORM;
  cases: CaseService;
  dialect: Dialect;
  configs: ConfigService;
  projects: ProjectDirectory;
  now: () => Date;
}

export function createPluginServices(pluginId: string, deps: PluginServicesDeps): PluginServices {
  const { orm, configs, projects, now, cases } = deps;
  const compiledNow = async (companyId: number, projectCode: string | null, at?: Date, em?: EntityManager): Promise<CompiledConfig> => {
    const version = await configs.current(companyId, at ?? now(), em);
    return configs.compiledFor(companyId, version.id, projectCode, em);
  };
  const view = (config: CompiledConfig): PluginConfigView => ({
    versionId: config.versionId,
    projectCode: config.projectCode,
    settings: config.pluginSettings.get(pluginId) ?? {},
    settingsOf: (id) => config.pluginSettings.get(id),
    calendar: config.calendar,
    roles: config.roles,
    render: (template, context) => config.renderPluginDocument(pluginId, template, context),
    documentLanguage: config.documentLanguage,
  });
  const services: PluginServices = {
    pluginId,
    orm,
    dialect: deps.dialect,
    now,
    principal: principalOf,
    async configFor(companyId, projectId, at, em) {
      let code: string | null = null;
      if (projectId != null) {
        const project = await projects.get(companyId, projectId, em);
        if (!project) throw new NotFoundError('project');
        code = project.code;
      }
      return view(await compiledNow(companyId, code, at, em));
    },
    async hasPermission(principal, permission) {
      return hasPermission(principal, await compiledNow(principal.companyId, null), permission);
    },
    async requirePermission(principal, permission) {
      if (!(await services.hasPermission(principal, permission))) throw new ForbiddenError(`permission ${permission} is required`);
    },
    async projectScope(principal) {
      return seesAllProjects(principal, await compiledNow(principal.companyId, null)) ? null : principal.projectIds;
    },
    async projectFor(principal, projectId, em) {
      const project = await projects.get(principal.companyId, projectId, em);
      if (!project || !canSeeProject(principal, await compiledNow(principal.companyId, null, undefined, em), projectId)) throw new NotFoundError('project');
      return project;
    },
    async unitFor(principal, unitId, em) {
      const unit = await (em ?? orm.em.fork()).findOne(Unit, { id: unitId, companyId: principal.companyId });
      if (!unit || !canSeeProject(principal, await compiledNow(principal.companyId, null, undefined, em), unit.projectId)) throw new NotFoundError('unit');
      return unit;
    },
    async company(companyId, em) {
      const company = await (em ?? orm.em.fork()).findOne(Company, { id: companyId });
      if (!company) throw new NotFoundError('company');
      return company;
    },
    async systemTransition(companyId, caseType, caseId, transitionId, data) {
      const row = await cases.systemTransition(companyId, caseType, caseId, transitionId, data);
      return { id: row.id, state: row.state, version: row.version };
    },
    nextSerial: (em, companyId, key) => nextSerialValue(em, companyId, `${pluginId}:${key}`),
    audit(em, entry) {
      em.create(AuditEntry, { companyId: entry.companyId, actorId: entry.actorId, action: `${pluginId}.${entry.action}`, target: entry.target, data: entry.data ?? {}, createdAt: now() });
    },
  };
  return services;
}
