/**
 * Builds the services a plugin's routes, jobs and commands use of the kernel (the interface is in
 * plugin-types.ts): a narrow facade, so plugins never reach into core's internals.
 */
import type { EntityManager, MikroORM } from '@mikro-orm/core';
import type { ConfigService } from './config/config-service.js';
import type { CompiledConfig } from './config/compiled-config.js';
import type { ProjectDirectory } from './registry/project-directory.js';
import type { CaseService } from './cases/case-service.js';
import type { Dialect } from './db/orm.js';
import { AuditEntry, Company, Project, Unit } from './db/entities/index.js';
import { ForbiddenError, NotFoundError } from './errors.js';
import { canSeeProject, hasPermission, seesAllProjects } from './cases/access.js';
import { nextSerialValue } from './cases/serials.js';
import { createPreparedSql } from './db/prepared-sql.js';
import { principalOf } from './http/auth-hook.js';
import type { PluginConfigView, PluginServices } from './plugin-types.js';
import { queueMessages, type MessagingDeps } from './notifications/outbox/queue-message.js';

export type { PluginConfigView, PluginServices } from './plugin-types.js';

export interface PluginServicesDeps {
  orm: MikroORM;
  cases: CaseService;
  dialect: Dialect;
  configs: ConfigService;
  projects: ProjectDirectory;
  now: () => Date;
  /** resident messaging (core/notifications/outbox); absent in tools that run no kernel */
  messaging?: MessagingDeps;
}

/** one statement cache per database for every plugin's services */
const preparedByOrm = new WeakMap<MikroORM, ReturnType<typeof createPreparedSql>>();
function preparedSqlOf(orm: MikroORM, dialect: Dialect) {
  let sql = preparedByOrm.get(orm);
  if (!sql) preparedByOrm.set(orm, (sql = createPreparedSql(orm, dialect)));
  return sql;
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
    async queueMessages(em, input) {
      if (!deps.messaging) throw new Error('resident messaging is not started');
      const rows = await queueMessages(em, deps.messaging, input);
      return rows.map((r) => ({ id: r.id, personId: r.personId, status: r.status }));
    },
    orm,
    dialect: deps.dialect,
    sql: preparedSqlOf(orm, deps.dialect),
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
