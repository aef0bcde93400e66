/**
 * Renders a case's printable document: the plugin's handlebars template (compiled once per
 * configuration version, output escaped) inside a print-ready HTML page, in the company's
 * language (document-language.ts) — whoever prints it.
 *
 * Besides the case, its data, registry records, events and follow-ups, the context gives what
 * a paper form asks for and the staff never typed:
 *   - `steps.<transitionId>`: the last time a step was taken — `at`, `actorName`, `actorRoleTitle`,
 *     `title` (the complaint sheet's 答复时间 is `steps.reply.at`, the work order's 服务人员 the
 *     technician who completed it, `steps.complete.actorName`);
 *   - `clocks.<deadlineId>`: the case's last clock of that deadline — `startedAt`, `dueAt`, `metAt`,
 *     `status`;
 *   - `case.assigneeName`, `case.registeredByName`;
 *   - `document.title`, `document.language`.
 * A document whose `availableIf` does not hold is refused (document-availability.ts).
 */
import type { EntityManager } from '@mikro-orm/core';
import { Building, CaseDeadline, CaseEvent, Company, FollowUp, Person, Project, Staff, Unit } from '../db/entities/index.js';
import { NotFoundError } from '../errors.js';
import type { CaseContext } from '../cases/case-context.js';
import { pickText } from './helpers.js';
import { renderDocumentPage } from './render-page.js';
import { printPage } from './print-page.js';
import { assertDocumentAvailable } from './document-availability.js';
import { caseRuleEnvironment } from '../workflow/case-rule-environment.js';
import type { DocumentLanguage } from './document-language.js';
import { NAMED_REFS } from '../declarations/check-template.js';
import type { FieldSchema } from '../declarations/form-fields.js';

// the page lives in its own module (compiling a configuration needs it without the database entities)
export { printPage };

export interface RenderOptions {
  /** the company's language (companyDocumentLanguage), not the clerk's */
  language: DocumentLanguage;
  now: Date;
}

export async function renderCaseDocument(em: EntityManager, ctx: CaseContext, documentId: string, options: RenderOptions): Promise<string> {
  const { row, type, config } = ctx;
  const doc = type.workflow.documents?.[documentId];
  const template = doc ? type.templates.get(doc.template) : undefined;
  if (!doc || !template) throw new NotFoundError(`document ${documentId}`);
  assertDocumentAvailable(type, row, documentId, options.language, caseRuleEnvironment(config, options.now));

  const [company, project, building, unit, person, events, followUps, deadlines] = await Promise.all([
    em.findOne(Company, { id: row.companyId }),
    em.findOne(Project, { id: row.projectId, companyId: row.companyId }),
    row.buildingId ? em.findOne(Building, { id: row.buildingId, companyId: row.companyId }) : null,
    row.unitId ? em.findOne(Unit, { id: row.unitId, companyId: row.companyId }) : null,
    row.personId ? em.findOne(Person, { id: row.personId, companyId: row.companyId }) : null,
    em.find(CaseEvent, { caseId: row.id, companyId: row.companyId }, { orderBy: { id: 'asc' } }),
    em.find(FollowUp, { caseId: row.id, companyId: row.companyId }, { orderBy: { id: 'asc' } }),
    em.find(CaseDeadline, { caseId: row.id, companyId: row.companyId }, { orderBy: { id: 'asc' } }),
  ]);
  const actorIds = [...new Set([...events.map((e) => e.actorId), row.assigneeId].filter((id): id is number => id != null))];
  const staff = new Map((await em.find(Staff, { id: { $in: actorIds }, companyId: row.companyId })).map((s) => [s.id, s]));
  const lang = options.language;
  const wf = type.workflow;
  const staffName = (id: number | null | undefined) => (id != null ? (staff.get(id)?.name ?? '') : '');
  const eventViews = events.map((e) => ({
    type: e.type, transition: e.transition, transitionTitle: e.transition ? pickText(wf.transitions[e.transition]?.title, lang) : '',
    fromState: e.fromState, toState: e.toState, toStateTitle: e.toState ? pickText(wf.states[e.toState]?.title, lang) : '',
    actorName: e.actorId ? staffName(e.actorId) : lang === 'en' ? 'system' : '系统', actorRole: e.actorRole,
    actorRoleTitle: e.actorRole ? pickText(config.roles.get(e.actorRole)?.title, lang) : '', createdAt: e.createdAt.toISOString(), data: e.data,
  }));
  // the last time each step was taken (events are in order, so later ones overwrite)
  const steps: Record<string, { at: string; actorName: string; actorRoleTitle: string; title: string }> = {};
  for (const e of eventViews) {
    if (e.transition) steps[e.transition] = { at: e.createdAt, actorName: e.actorName, actorRoleTitle: e.actorRoleTitle, title: e.transitionTitle };
  }
  const clocks: Record<string, { startedAt: string; dueAt: string; metAt: string | null; status: string }> = {};
  for (const d of deadlines) {
    clocks[d.key] = { startedAt: d.startedAt.toISOString(), dueAt: d.dueAt.toISOString(), metAt: d.metAt?.toISOString() ?? null, status: d.status };
  }
  const created = events.find((e) => e.type === 'created');
  const names = await namesOfReferences(em, row.companyId, row.data, type.fields);
  const context = {
    case: {
      id: row.id, serial: row.serial, state: row.state, stateTitle: pickText(wf.states[row.state]?.title, lang), caseTypeTitle: pickText(wf.title, lang),
      createdAt: row.createdAt.toISOString(), closedAt: row.closedAt?.toISOString() ?? null, severity: row.severity, version: row.version,
      assigneeName: staffName(row.assigneeId), registeredByName: staffName(created?.actorId),
    },
    data: row.data,
    company: company ? { name: company.name, code: company.code } : {},
    project: project ? { name: project.name, code: project.code } : {},
    building: building ? { name: building.name, code: building.code } : {},
    unit: unit ? { number: unit.number, area: unit.area } : {},
    person: person ? { name: person.name, phone: person.phone } : {},
    events: eventViews,
    steps,
    clocks,
    followUps: followUps.map((f) => ({ dueAt: f.dueAt.toISOString(), method: f.method, status: f.status, satisfied: f.satisfied, doneAt: f.doneAt?.toISOString() ?? null, result: f.result })),
    document: { title: pickText(doc.title, lang), language: lang },
    now: options.now.toISOString(),
    names,
  };
  return renderDocumentPage({
    template, context, title: `${context.document.title} ${row.serial}`, language: lang, timezone: config.calendar.timezone, fieldOf: (field) => type.fields.get(field),
  });
}

/**
 * `names.<field>` for the case's house, resident and staff fields (x-ref): what the paper shows
 * instead of a record id — 1栋 101, a resident's name, a staff member's name. Within the company only.
 */
async function namesOfReferences(em: EntityManager, companyId: number, data: Record<string, unknown>, fields: ReadonlyMap<string, FieldSchema>): Promise<Record<string, string>> {
  const wanted: { field: string; ref: string; id: number }[] = [];
  for (const [field, schema] of fields) {
    const ref = schema['x-ref'];
    const id = data[field];
    if (typeof ref === 'string' && NAMED_REFS.has(ref) && typeof id === 'number') wanted.push({ field, ref, id });
  }
  if (wanted.length === 0) return {};
  const ids = (ref: string) => wanted.filter((w) => w.ref === ref).map((w) => w.id);
  const [units, people, staff] = await Promise.all([
    ids('unit').length ? em.find(Unit, { id: { $in: ids('unit') }, companyId }) : [],
    ids('person').length ? em.find(Person, { id: { $in: ids('person') }, companyId }) : [],
    ids('staff').length ? em.find(Staff, { id: { $in: ids('staff') }, companyId }) : [],
  ]);
  const buildingIds = [...new Set(units.map((u) => u.buildingId))];
  const buildings = new Map((buildingIds.length ? await em.find(Building, { id: { $in: buildingIds }, companyId }) : []).map((b) => [b.id, b.name]));
  const label = new Map<string, string>([
    ...units.map((u) => [`unit:${u.id}`, [buildings.get(u.buildingId), u.number].filter(Boolean).join(' ')] as [string, string]),
    ...people.map((p) => [`person:${p.id}`, p.name] as [string, string]),
    ...staff.map((m) => [`staff:${m.id}`, m.name] as [string, string]),
  ]);
  return Object.fromEntries(wanted.map((w) => [w.field, label.get(`${w.ref}:${w.id}`) ?? '']));
}
