/**
 * Renders a case's printable document: the plugin's handlebars template (compiled once per
 * configuration version, output escaped) inside a print-ready HTML page.
 */
import type { EntityManager } from '@mikro-orm/core';
import Handlebars from 'handlebars';
import { Building, CaseEvent, Company, FollowUp, Person, Project, Staff, Unit } from '../db/entities/index.js';
import { NotFoundError } from '../errors.js';
import type { CaseContext } from '../cases/case-service.js';
import { documentHelpers, pickText } from './helpers.js';

export interface RenderOptions {
  language: 'zh-CN' | 'en';
  now: Date;
}

export async function renderCaseDocument(em: EntityManager, ctx: CaseContext, documentId: string, options: RenderOptions): Promise<string> {
  const { row, type, config } = ctx;
  const doc = type.workflow.documents?.[documentId];
  const template = doc ? type.templates.get(doc.template) : undefined;
  if (!doc || !template) throw new NotFoundError(`document ${documentId}`);

  const [company, project, building, unit, person, events, followUps] = await Promise.all([
    em.findOne(Company, { id: row.companyId }),
    em.findOne(Project, { id: row.projectId, companyId: row.companyId }),
    row.buildingId ? em.findOne(Building, { id: row.buildingId, companyId: row.companyId }) : null,
    row.unitId ? em.findOne(Unit, { id: row.unitId, companyId: row.companyId }) : null,
    row.personId ? em.findOne(Person, { id: row.personId, companyId: row.companyId }) : null,
    em.find(CaseEvent, { caseId: row.id, companyId: row.companyId }, { orderBy: { id: 'asc' } }),
    em.find(FollowUp, { caseId: row.id, companyId: row.companyId }, { orderBy: { id: 'asc' } }),
  ]);
  const actorIds = [...new Set(events.map((e) => e.actorId).filter((id): id is number => id != null))];
  const staff = new Map((await em.find(Staff, { id: { $in: actorIds }, companyId: row.companyId })).map((s) => [s.id, s]));
  const lang = options.language;
  const wf = type.workflow;
  const context = {
    case: {
      id: row.id, serial: row.serial, state: row.state, stateTitle: pickText(wf.states[row.state]?.title, lang), caseTypeTitle: pickText(wf.title, lang),
      createdAt: row.createdAt.toISOString(), closedAt: row.closedAt?.toISOString() ?? null, severity: row.severity, version: row.version,
    },
    data: row.data,
    company: company ? { name: company.name, code: company.code } : {},
    project: project ? { name: project.name, code: project.code } : {},
    building: building ? { name: building.name, code: building.code } : {},
    unit: unit ? { number: unit.number, area: unit.area } : {},
    person: person ? { name: person.name, phone: person.phone } : {},
    events: events.map((e) => ({
      type: e.type, transition: e.transition, transitionTitle: e.transition ? pickText(wf.transitions[e.transition]?.title, lang) : '',
      fromState: e.fromState, toState: e.toState, toStateTitle: e.toState ? pickText(wf.states[e.toState]?.title, lang) : '',
      actorName: e.actorId ? (staff.get(e.actorId)?.name ?? '') : lang === 'en' ? 'system' : '系统', actorRole: e.actorRole,
      actorRoleTitle: e.actorRole ? pickText(config.roles.get(e.actorRole)?.title, lang) : '', createdAt: e.createdAt.toISOString(), data: e.data,
    })),
    followUps: followUps.map((f) => ({ dueAt: f.dueAt.toISOString(), method: f.method, status: f.status, satisfied: f.satisfied, doneAt: f.doneAt?.toISOString() ?? null, result: f.result })),
    document: { title: pickText(doc.title, lang) },
    now: options.now.toISOString(),
  };
  const helpers = documentHelpers({ timezone: config.calendar.timezone, language: lang }, (field) => {
    const f = type.fields.get(field);
    return f ? { label: f['x-label'] as never, enumLabels: f['x-enumLabels'] as never } : undefined;
  });
  const body = template(context, { helpers, allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false });
  return printPage(`${context.document.title} ${row.serial}`, lang, body);
}

/** A rendered template body inside the print-ready HTML page every document uses. */
export function printPage(title: string, lang: 'zh-CN' | 'en', body: string): string {
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><title>${Handlebars.escapeExpression(title)}</title>
<style>
  body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", sans-serif; margin: 24px; color: #111; }
  table { border-collapse: collapse; width: 100%; margin: 8px 0; }
  th, td { border: 1px solid #444; padding: 4px 8px; text-align: left; vertical-align: top; }
  th { background: #f2f2f2; }
  tbody th { width: 22%; } /* label cells of key–value rows; header rows size by content */
  h1 { font-size: 20px; text-align: center; }
  .page-break { page-break-after: always; }
  @media print { body { margin: 0; } .no-print { display: none; } }
</style></head>
<body>
${body}
</body></html>`;
}

