/**
 * `npm run wuye -- project:create --company <code> --code <code> --name <name>` and
 * `building:create --company <code> --project <code> --code <code> --name <name>`: a company's
 * projects and buildings for scripted installs, as the company admin's POST /api/projects and
 * POST /api/buildings make them.
 */
import type { EntityManager } from '@mikro-orm/core';
import type { CoreCommand } from '../core-command.js';
import type { Kernel } from '../../kernel.js';
import { AuditEntry, Company, Project } from '../../db/entities/index.js';
import { NotFoundError } from '../../errors.js';
import { createBuilding, createProject } from '../../registry/registry-writes.js';
import { readFlags, reportRefusal } from './company-cli-input.js';

const PROJECT_USAGE = 'project:create --company <code> --code <code> --name <name>';
const BUILDING_USAGE = 'building:create --company <code> --project <code> --code <code> --name <name>';

async function companyByCode(em: EntityManager, code: string): Promise<Company> {
  const company = await em.findOne(Company, { code });
  if (!company) throw new NotFoundError(`company ${code}`);
  return company;
}

/** Runs `work` in one transaction with an audit entry by the command line. */
async function inTransaction<T extends { id: number }>(kernel: Kernel, companyCode: string, action: string, work: (em: EntityManager, companyId: number) => Promise<T>): Promise<T> {
  return kernel.orm.em.fork().transactional(async (em) => {
    const company = await companyByCode(em, companyCode);
    const result = await work(em, company.id);
    em.create(AuditEntry, { companyId: company.id, actorId: 0, action, target: `${action.split('.')[0]}:${result.id}`, data: { by: 'cli' }, createdAt: kernel.now() });
    return result;
  });
}

export const projectCreateCommand: CoreCommand = {
  summary: 'Create a project (管理处) of a company',
  usage: PROJECT_USAGE,
  async run(args, kernel) {
    const { flags, problem } = readFlags(args, ['company', 'code', 'name']);
    const missing = ['company', 'code', 'name'].filter((f) => !flags[f]);
    if (problem || missing.length) {
      console.error(`${problem ?? `missing ${missing.map((f) => `--${f}`).join(', ')}`}\nusage: npm run wuye -- ${PROJECT_USAGE}`);
      return 2;
    }
    try {
      const project = await inTransaction(kernel, flags.company!, 'project.create', (em, companyId) => createProject(em, companyId, { code: flags.code!, name: flags.name! }));
      console.log(`project:create ${flags.company}/${project.code}: created project ${project.id}`);
      return 0;
    } catch (error) {
      return reportRefusal(error, { '/code': '--code', '/name': '--name' });
    }
  },
};

export const buildingCreateCommand: CoreCommand = {
  summary: 'Create a building (楼栋) in a project of a company',
  usage: BUILDING_USAGE,
  async run(args, kernel) {
    const { flags, problem } = readFlags(args, ['company', 'project', 'code', 'name']);
    const missing = ['company', 'project', 'code', 'name'].filter((f) => !flags[f]);
    if (problem || missing.length) {
      console.error(`${problem ?? `missing ${missing.map((f) => `--${f}`).join(', ')}`}\nusage: npm run wuye -- ${BUILDING_USAGE}`);
      return 2;
    }
    try {
      const building = await inTransaction(kernel, flags.company!, 'building.create', async (em, companyId) => {
        const project = await em.findOne(Project, { companyId, code: flags.project! }, { fields: ['id'] });
        if (!project) throw new NotFoundError(`project ${flags.project}`);
        return createBuilding(em, companyId, { projectId: project.id, code: flags.code!, name: flags.name! });
      });
      console.log(`building:create ${flags.company}/${flags.project}/${building.code}: created building ${building.id}`);
      return 0;
    } catch (error) {
      return reportRefusal(error, { '/code': '--code', '/name': '--name' });
    }
  },
};
