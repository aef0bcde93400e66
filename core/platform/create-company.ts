/**
 * Creating a company (a tenant): the company row, configuration version 1 (the plugins' defaults,
 * as every company starts, with the company's time zone), its first company admin and, optionally,
 * its first projects — in one transaction, or nothing. Used by the operator API and
 * `npm run wuye -- company:create`.
 */
import type { MikroORM } from '@mikro-orm/core';
import { AuditEntry, Company, Staff } from '../db/entities/index.js';
import { hashPassword } from '../auth/passwords.js';
import type { ConfigService } from '../config/config-service.js';
import { resolveRoles } from '../config/effective-config.js';
import type { LoadedPlugins } from '../declarations/load-plugins.js';
import { ValidationError, WuyeError, type FieldIssue } from '../errors.js';
import { createProject, projectView, type ProjectView } from '../registry/registry-writes.js';
import { codeIssues, nameIssues, newPasswordIssues, timezoneIssues, usernameIssues } from './input-rules.js';

/**
 * The role the first admin gets. Roles are data, but onboarding must hand someone the keys: the
 * plugins declare this role (service-desk) with every permission they define, all projects
 * included, and a company may rename or reshape it afterwards.
 */
export const COMPANY_ADMIN_ROLE = 'companyAdmin';

export interface NewCompany {
  code: string;
  name: string;
  /** IANA time zone, stored as the company's calendar time zone */
  timezone: string;
  admin: { username: string; name: string; password: string };
  projects?: { code: string; name: string }[];
}

export interface CreatedCompany {
  company: { id: number; code: string; name: string; timezone: string; createdAt: string };
  admin: { id: number; username: string; name: string; roles: string[] };
  projects: ProjectView[];
}

export interface CompanyActor {
  /** an operator's username, or 'cli' */
  by: string;
}

function inputIssues(input: NewCompany): FieldIssue[] {
  const admin = (input.admin ?? {}) as Partial<NewCompany['admin']>;
  const issues = [
    ...codeIssues(input.code, '/code'),
    ...nameIssues(input.name, '/name'),
    ...timezoneIssues(input.timezone, '/timezone'),
    ...usernameIssues(admin.username, '/admin/username'),
    ...nameIssues(admin.name, '/admin/name', 100),
    ...newPasswordIssues(admin.password, '/admin/password', { username: admin.username, name: admin.name }),
  ];
  const seen = new Set<string>();
  (input.projects ?? []).forEach((p, i) => {
    issues.push(...codeIssues(p.code, `/projects/${i}/code`), ...nameIssues(p.name, `/projects/${i}/name`));
    if (seen.has(p.code)) issues.push({ pointer: `/projects/${i}/code`, code: 'duplicate', message: `项目编码重复 / project code ${p.code} appears twice` });
    seen.add(p.code);
  });
  return issues;
}

export async function createCompany(
  services: { orm: MikroORM; configs: ConfigService; plugins: LoadedPlugins; now: () => Date },
  input: NewCompany,
  actor: CompanyActor,
): Promise<CreatedCompany> {
  const issues = inputIssues(input);
  if (issues.length) throw new ValidationError(issues);
  const adminRole = resolveRoles(services.plugins.bundles, undefined).get(COMPANY_ADMIN_ROLE);
  if (!adminRole) throw new Error(`no plugin declares the ${COMPANY_ADMIN_ROLE} role: a company could not be administered`);
  const passwordHash = await hashPassword(input.admin.password);
  const now = services.now();
  return services.orm.em.fork().transactional(async (em) => {
    if (await em.findOne(Company, { code: input.code }, { fields: ['id'] })) {
      throw new WuyeError('WUYE_CONFLICT', 409, `company code ${input.code} is taken`, [{ pointer: '/code', code: 'taken', message: '公司编码已被使用 / a company with this code exists' }]);
    }
    if (await em.findOne(Staff, { username: input.admin.username }, { fields: ['id'] })) {
      throw new WuyeError('WUYE_CONFLICT', 409, `username ${input.admin.username} is taken`, [{ pointer: '/admin/username', code: 'taken', message: '用户名已被使用 / choose another username' }]);
    }
    const company = em.create(Company, { code: input.code, name: input.name.trim(), createdAt: now });
    await em.flush();
    const version = await services.configs.createInitialVersion(em, company.id, null);
    version.document = { calendar: { timezone: input.timezone } };
    const admin = em.create(Staff, {
      companyId: company.id, username: input.admin.username, name: input.admin.name.trim(), passwordHash, roles: [COMPANY_ADMIN_ROLE], active: true, language: 'zh-CN',
    });
    await em.flush();
    const projects: ProjectView[] = [];
    for (const [i, p] of (input.projects ?? []).entries()) projects.push(projectView(await createProject(em, company.id, p, `/projects/${i}`)));
    em.create(AuditEntry, {
      companyId: company.id, actorId: 0, action: 'company.create', target: `company:${company.id}`,
      data: { by: actor.by, code: company.code, name: company.name, timezone: input.timezone, admin: admin.username, projects: projects.map((p) => p.code) }, createdAt: now,
    });
    await em.flush();
    return {
      company: { id: company.id, code: company.code, name: company.name, timezone: input.timezone, createdAt: company.createdAt.toISOString() },
      admin: { id: admin.id, username: admin.username, name: admin.name, roles: admin.roles },
      projects,
    };
  });
}
