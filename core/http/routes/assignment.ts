/**
 * Named dispatch (派工到人): who has a case and who may take it, assigning by name (派给…),
 * taking an unassigned case of one's role (认领), the staff picker's list for a form naming the
 * assignee, staff skills (技能), the staff directory (names for lists), and the dry run of a
 * draft's assignment rules (in the draft pool). See core/assignment/.
 */
import type { FastifyInstance } from 'fastify';
import type { MikroORM } from '@mikro-orm/core';
import { AuditEntry, Building, Project, Staff } from '../../db/entities/index.js';
import type { CaseService } from '../../cases/case-service.js';
import type { ConfigService } from '../../config/config-service.js';
import { caseView } from '../../cases/case-view.js';
import { hasPermission } from '../../cases/access.js';
import { AssignService } from '../../assignment/assign-service.js';
import { loadStaff, openLoads } from '../../assignment/eligibility.js';
import { loadAssignmentRefs } from '../../assignment/refs.js';
import { ruleKey } from '../../assignment/rules.js';
import type { AssignmentDryRunAnswer } from '../../assignment/draft-assignment.js';
import { ForbiddenError, NotFoundError, ValidationError } from '../../errors.js';
import { principalOf } from '../auth-hook.js';
import { errorResponses } from '../schemas.js';
import { requireConfigPermission, retryAfterWhenLimited } from './config.js';
import { STAFF_MANAGE } from './staff.js';

const id32 = { type: 'integer', minimum: 1, maximum: 2147483647 } as const;
const caseParams = {
  type: 'object',
  properties: { type: { type: 'string', pattern: '^[a-z][a-zA-Z0-9]{0,63}$' }, id: id32 },
  required: ['type', 'id'],
  additionalProperties: false,
} as const;

export async function assignmentRoutes(app: FastifyInstance, opts: { orm: MikroORM; cases: CaseService; configs: ConfigService; now: () => Date }): Promise<void> {
  const service = new AssignService(opts.orm, opts.cases, opts.now);
  retryAfterWhenLimited(app);

  app.get('/api/cases/:type/:id/assignment', {
    schema: { tags: ['cases'], summary: 'Who has the case (经办人), whether I may assign it or take it, and who could take it (with open loads)', params: caseParams, response: { ...errorResponses } },
  }, async (request) => {
    const { type, id } = request.params as { type: string; id: number };
    return service.view(principalOf(request), type, id);
  });

  app.post('/api/cases/:type/:id/assign', {
    schema: {
      tags: ['cases'],
      summary: 'Assign the case to a named staff member (cases.assign), take an unassigned case of your role (staffId = yourself), or hand it back to the role\'s queue (staffId null); a reassignment needs a reason',
      params: caseParams,
      body: {
        type: 'object',
        properties: { staffId: { anyOf: [id32, { type: 'null' }] }, reason: { type: 'string', maxLength: 500 }, version: { type: 'integer', minimum: 1 } },
        required: ['staffId', 'version'],
        additionalProperties: false,
      },
      response: { ...errorResponses },
    },
  }, async (request) => {
    const principal = principalOf(request);
    const { type, id } = request.params as { type: string; id: number };
    const row = await service.assign(principal, type, id, request.body as { staffId: number | null; reason?: string; version: number });
    const ctx = await opts.cases.load(principal, type, id);
    return { ...caseView(row, ctx.type), availableTransitions: opts.cases.availableTransitions(principal, ctx) };
  });

  app.get('/api/cases/:type/:id/assignable', {
    schema: {
      tags: ['cases'], summary: "The staff a transition's form may name in a staff field (the role the case goes to, in the case's project), with open loads",
      params: caseParams,
      querystring: {
        type: 'object',
        properties: { transition: { type: 'string', pattern: '^[a-z][a-zA-Z0-9]{0,63}$' }, field: { type: 'string', pattern: '^[a-z][a-zA-Z0-9]{0,63}$' } },
        required: ['transition', 'field'],
        additionalProperties: false,
      },
      response: { ...errorResponses },
    },
  }, async (request) => {
    const { type, id } = request.params as { type: string; id: number };
    const { transition, field } = request.query as { transition: string; field: string };
    return { items: await service.eligibleFor(principalOf(request), type, id, transition, field) };
  });

  app.get('/api/staff/directory', {
    schema: { tags: ['staff'], summary: "Names of the company's staff (经办人 in lists): id, name, active", response: { ...errorResponses } },
  }, async (request) => {
    const principal = principalOf(request);
    const rows = await opts.orm.em.fork().find(Staff, { companyId: principal.companyId }, { fields: ['id', 'name', 'active'], orderBy: { id: 'asc' } });
    return { items: rows.map((s) => ({ id: s.id, name: s.name, active: s.active })) };
  });

  /** Staff skills (技能): the company's list and each staff member's, for the staff panel. */
  const manager = async (request: Parameters<typeof principalOf>[0]) => {
    const principal = principalOf(request);
    const config = await opts.cases.configForCompany(principal);
    if (!hasPermission(principal, config, STAFF_MANAGE)) throw new ForbiddenError(`managing staff needs the ${STAFF_MANAGE} permission`);
    return principal;
  };
  const companySkills = async (companyId: number) => {
    const version = await opts.configs.current(companyId);
    return (await opts.configs.documentOf(companyId, version.id)).assignment?.skills ?? [];
  };

  app.get('/api/staff/skills', {
    schema: { tags: ['staff'], summary: "The company's skills list (assignment.skills) and each staff member's skills", response: { ...errorResponses } },
  }, async (request) => {
    const principal = await manager(request);
    const staff = await opts.orm.em.fork().find(Staff, { companyId: principal.companyId }, { fields: ['id', 'skills'], orderBy: { id: 'asc' } });
    return { skills: await companySkills(principal.companyId), staff: staff.map((s) => ({ id: s.id, skills: s.skills ?? [] })) };
  });

  app.put('/api/staff/:id/skills', {
    schema: {
      tags: ['staff'], summary: "Set a staff member's skills (from the company's assignment.skills)",
      params: { type: 'object', properties: { id: id32 }, required: ['id'], additionalProperties: false },
      body: {
        type: 'object',
        properties: { skills: { type: 'array', items: { type: 'string', minLength: 1, maxLength: 32 }, maxItems: 50, uniqueItems: true } },
        required: ['skills'],
        additionalProperties: false,
      },
      response: { ...errorResponses },
    },
  }, async (request) => {
    const principal = await manager(request);
    const { id } = request.params as { id: number };
    const { skills } = request.body as { skills: string[] };
    const known = new Set(await companySkills(principal.companyId));
    const issues = skills.flatMap((s, i) => (known.has(s) ? [] : [{ pointer: `/skills/${i}`, code: 'unknown-skill', message: `"${s}" is not in the company's skills list (assignment.skills)`, params: { name: s } }]));
    if (issues.length) throw new ValidationError(issues);
    return opts.orm.em.fork().transactional(async (em) => {
      const s = await em.findOne(Staff, { id, companyId: principal.companyId });
      if (!s) throw new NotFoundError('staff');
      const before = s.skills ?? [];
      s.skills = skills;
      em.create(AuditEntry, { companyId: principal.companyId, actorId: principal.staffId, action: 'staff.skills', target: `staff:${s.id}`, data: { before, after: skills }, createdAt: opts.now() });
      return { id: s.id, skills };
    });
  });

  app.post('/api/config/dry-run/assignment', {
    schema: {
      tags: ['config'], summary: "Who a draft's assignment rules would pick for a sample case, and why (each rule tried)",
      body: {
        type: 'object',
        properties: {
          document: { type: 'object', description: 'a whole draft document' },
          patch: { type: 'object', description: 'or a JSON Merge Patch over the current document' },
          caseType: { type: 'string', pattern: '^[a-z][a-zA-Z0-9]{0,63}$' },
          projectId: id32,
          buildingId: id32,
          role: { type: 'string', pattern: '^[a-z][a-zA-Z0-9]{0,63}$' },
          data: { type: 'object' },
        },
        required: ['caseType', 'projectId'],
        additionalProperties: false,
      },
      response: { ...errorResponses },
    },
  }, async (request) => {
    const principal = await requireConfigPermission(opts.cases, request, 'edit');
    const body = request.body as { document?: unknown; patch?: unknown; caseType: string; projectId: number; buildingId?: number; role?: string; data?: Record<string, unknown> };
    const hasDraft = body.document !== undefined || body.patch !== undefined;
    const current = await opts.configs.current(principal.companyId);
    const document = hasDraft ? (await opts.configs.buildDocument(principal.companyId, { document: body.document, patch: body.patch, reason: '' })).document : await opts.configs.documentOf(principal.companyId, current.id);
    const em = opts.orm.em.fork();
    const project = await em.findOne(Project, { id: body.projectId, companyId: principal.companyId });
    if (!project) throw new NotFoundError('project');
    if (body.buildingId !== undefined && !(await em.findOne(Building, { id: body.buildingId, companyId: principal.companyId, projectId: project.id }))) throw new NotFoundError('building');
    const staff = await loadStaff(em, principal.companyId);
    const loads = await openLoads(em, principal.companyId, staff.map((s) => s.id));
    const rules = ((document as { assignment?: { rules?: { pick: unknown }[] } }).assignment?.rules ?? []) as never[];
    const keys = rules.map((r) => ruleKey(r));
    const turns: Record<string, number> = {};
    if (keys.length) {
      const rows = await em.getConnection().execute<{ key: string; value: number }[]>(`select key, value from counter where company_id = ? and key in (${keys.map(() => '?').join(', ')})`, [principal.companyId, ...keys]);
      for (const r of rows) turns[r.key] = Number(r.value);
    }
    return opts.configs.runDraft<AssignmentDryRunAnswer>(principal.companyId, {
      kind: 'assignment', document, projectCodes: [...await opts.configs.projectCodes(principal.companyId)], refs: await loadAssignmentRefs(em, principal.companyId),
      sample: { caseType: body.caseType, projectId: project.id, projectCode: project.code, buildingId: body.buildingId ?? null, data: body.data ?? {}, role: body.role },
      staff: staff.map((s) => ({ ...s, load: loads.get(s.id) ?? 0 })), turns,
    });
  });
}
