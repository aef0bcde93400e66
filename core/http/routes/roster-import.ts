/**
 * Importing a roster of buildings, units and owners from .xlsx or .csv (registry.import
 * permission): every row is checked first and errors name row and column; then everything is
 * written in one transaction, or nothing. `?dryRun=true` only checks. A template to fill in is
 * served at GET /api/registry/roster/template.xlsx.
 */
import type { FastifyInstance } from 'fastify';
import type { MikroORM } from '@mikro-orm/core';
import ExcelJS from 'exceljs';
import { AuditEntry, Project } from '../../db/entities/index.js';
import { ForbiddenError, ValidationError, WuyeError } from '../../errors.js';
import { hasPermission } from '../../cases/access.js';
import type { CaseService } from '../../cases/case-service.js';
import { principalOf } from '../auth-hook.js';
import { readUploadedFile } from '../upload.js';
import { errorResponses } from '../schemas.js';
import { readRoster, RosterBusyError, RosterLimitError, RosterReadError } from '../../registry/roster/read-roster.js';
import { validateRoster } from '../../registry/roster/validate-roster.js';
import { applyRoster } from '../../registry/roster/apply-roster.js';
import { COLUMNS } from '../../registry/roster/columns.js';
import { MAX_ATTACHMENT_BYTES } from './attachments.js';

export const REGISTRY_IMPORT = 'registry.import';

export async function rosterImportRoutes(app: FastifyInstance, opts: { orm: MikroORM; cases: CaseService; now: () => Date }): Promise<void> {
  const importer = async (request: Parameters<typeof principalOf>[0]) => {
    const principal = principalOf(request);
    const config = await opts.cases.configForCompany(principal);
    if (!hasPermission(principal, config, REGISTRY_IMPORT)) throw new ForbiddenError(`importing a roster needs the ${REGISTRY_IMPORT} permission`);
    return principal;
  };

  app.post('/api/registry/roster', {
    schema: {
      tags: ['registry'], summary: 'Import buildings, units and owners from .xlsx or .csv (field "file"); all rows or none',
      consumes: ['multipart/form-data'],
      querystring: { type: 'object', properties: { dryRun: { type: 'boolean', default: false } }, additionalProperties: false },
      response: { ...errorResponses },
    },
  }, async (request) => {
    const principal = await importer(request);
    const { dryRun } = request.query as { dryRun: boolean };
    const { content, filename } = await readUploadedFile(request, MAX_ATTACHMENT_BYTES);
    const sheet = await readRoster(content).catch((e: unknown) => {
      if (e instanceof RosterReadError) throw new ValidationError([{ pointer: '/file', code: 'unreadable', message: e.message }]);
      if (e instanceof RosterLimitError) throw new WuyeError('WUYE_TOO_LARGE', 413, e.message, [{ pointer: '/file', code: e.code, message: e.message }]);
      if (e instanceof RosterBusyError) throw new WuyeError('WUYE_BUSY', 429, e.message, [{ pointer: '/file', code: 'busy', message: e.message }]);
      throw e;
    });
    const started = Date.now();
    const em = opts.orm.em.fork();
    const projectCodes = new Set((await em.find(Project, { companyId: principal.companyId })).map((p) => p.code));
    const { units, issues } = validateRoster(sheet, projectCodes);
    if (issues.length) {
      throw new WuyeError('WUYE_ROSTER_INVALID', 422, `the roster has errors (${issues.length}${issues.length >= 200 ? '+' : ''}); nothing was imported`, issues);
    }
    if (dryRun) return { dryRun: true, rows: units.length, ms: Date.now() - started };
    const result = await em.transactional(async (tx) => {
      const r = await applyRoster(tx, principal.companyId, units);
      tx.create(AuditEntry, { companyId: principal.companyId, actorId: principal.staffId, action: 'registry.import', target: `roster:${(filename || 'file').slice(0, 40)}`, data: { rows: units.length, ...r }, createdAt: opts.now() });
      return r;
    });
    return { dryRun: false, rows: units.length, ...result, ms: Date.now() - started };
  });

  app.get('/api/registry/roster/template.xlsx', { schema: { tags: ['registry'], summary: 'An empty roster with the expected columns and one example row' } }, async (request, reply) => {
    await importer(request);
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('roster');
    sheet.addRow(COLUMNS.map((c) => c.headers[0]));
    sheet.addRow(['CH', '1', '1栋', '101', 1, '89.50', '住宅', '已入住', '张伟', '13800000001', '', '业主']);
    sheet.columns.forEach((col) => { col.width = 14; });
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    return reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent('房屋业主清单模板.xlsx')}`)
      .send(buffer);
  });
}
