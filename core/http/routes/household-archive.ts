/**
 * The household archive (一户一档) over HTTP: read it (members over time, vehicles, parking, the
 * household's cases open first, attachments, the history of changes) and change it (registry.edit).
 * Phones and ID numbers go out as the caller's privacy rule says (core/registry/privacy.ts); a
 * masked value is revealed on request with a reason, and that reveal is logged; every answer that
 * carries a household's personal data is noted in the read log (batched). Every write names the
 * archive version it read (stale → 409), is checked whole before anything is written (400 naming
 * the field), and unknown or foreign ids are 404.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { EntityManager, MikroORM } from '@mikro-orm/core';
import {
  Attachment, ArchiveChange, HouseholdMember, HouseholdParking, HouseholdVehicle, Person, PersonalDataRead, Staff, Unit, UnitPerson, WorkCase,
} from '../../db/entities/index.js';
import type { CaseService } from '../../cases/case-service.js';
import type { CaseQueries } from '../../cases/case-queries.js';
import type { ConfigService } from '../../config/config-service.js';
import { hasPermission } from '../../cases/access.js';
import { ForbiddenError, NotFoundError, ValidationError } from '../../errors.js';
import { privacyFor, readLogFor, type PrivacyPolicy } from '../../registry/privacy.js';
import {
  addMember, addParking, addVehicle, bumpVersion, endMember, linkRelation, transferOwnership, updateParking, updatePerson, updateVehicle, versionOf,
  RELATIONS, PARKING_KINDS, type ArchiveWriter,
} from '../../registry/household-archive.js';
import { principalOf } from '../auth-hook.js';
import { errorResponses } from '../schemas.js';
import type { HouseholdArchiveView } from '../api-types.js';

export const REGISTRY_EDIT = 'registry.edit';
export const PRIVACY_LOG = 'privacy.log';

const id32 = { type: 'integer', minimum: 1, maximum: 2147483647 } as const;
const str = (max: number) => ({ type: 'string', maxLength: max }) as const;
const nstr = (max: number) => ({ type: ['string', 'null'], maxLength: max }) as const;
const date = { type: ['string', 'null'], maxLength: 10 } as const;
const version = { type: 'integer', minimum: 0, maximum: 2147483647 } as const;
const personBody = { type: 'object', properties: { name: str(100), phone: nstr(32), idNumber: nstr(32) }, additionalProperties: false } as const;
const unitParams = { type: 'object', properties: { id: id32 }, required: ['id'], additionalProperties: false } as const;
const sub = (name: string) => ({ type: 'object', properties: { id: id32, [name]: id32 }, required: ['id', name], additionalProperties: false }) as const;

interface Opts { orm: MikroORM; cases: CaseService; queries: CaseQueries; configs: ConfigService; now: () => Date }

/** attachment ids ('att_…') anywhere in a case's data */
function attachmentIds(value: unknown, out: Set<string>, depth = 0): void {
  if (depth > 6 || out.size > 500) return;
  if (typeof value === 'string') { if (/^att_[A-Za-z0-9_-]{4,36}$/.test(value)) out.add(value); return; }
  if (Array.isArray(value)) { for (const v of value) attachmentIds(v, out, depth + 1); return; }
  if (value && typeof value === 'object') for (const v of Object.values(value)) attachmentIds(v, out, depth + 1);
}

export async function archiveView(em: EntityManager, unit: Unit, policy: PrivacyPolicy): Promise<HouseholdArchiveView> {
  const companyId = unit.companyId;
  const [rows, links, vehicles, parking, changes, cases, version] = await Promise.all([
    em.find(HouseholdMember, { companyId, unitId: unit.id }, { orderBy: { id: 'asc' } }),
    em.find(UnitPerson, { companyId, unitId: unit.id }, { orderBy: { id: 'asc' } }),
    em.find(HouseholdVehicle, { companyId, unitId: unit.id }, { orderBy: { id: 'asc' } }),
    em.find(HouseholdParking, { companyId, unitId: unit.id }, { orderBy: { id: 'asc' } }),
    em.find(ArchiveChange, { companyId, unitId: unit.id }, { orderBy: { id: 'desc' }, limit: 300 }),
    em.find(WorkCase, { companyId, unitId: unit.id }, { orderBy: { id: 'desc' }, limit: 500, fields: ['id', 'serial', 'caseType', 'state', 'title', 'createdAt', 'closedAt', 'overdue', 'data'] }),
    versionOf(em, companyId, unit.id),
  ]);
  // roster links without an archive row yet count as current members
  const members: { relation: string; personId: number; note: string | null; since: string | null; until: string | null }[] = rows.map((m) => ({ relation: m.relation, personId: m.personId, note: m.note ?? null, since: m.since ?? null, until: m.until ?? null }));
  for (const l of links) {
    if (!rows.some((m) => m.until == null && m.personId === l.personId && linkRelation(m.relation) === l.relation)) {
      members.push({ relation: l.relation === 'occupant' ? 'tenant' : l.relation, personId: l.personId, note: null, since: null, until: null });
    }
  }
  const personIds = [...new Set([...members.map((m) => m.personId), ...vehicles.map((v) => v.personId).filter((id): id is number => id != null)])];
  const people = new Map((personIds.length ? await em.find(Person, { id: { $in: personIds }, companyId }) : []).map((p) => [p.id, p]));
  const actorIds = [...new Set(changes.map((c) => c.actorId).filter((id): id is number => id != null))];
  const actors = new Map((actorIds.length ? await em.find(Staff, { id: { $in: actorIds }, companyId }, { fields: ['id', 'name'] }) : []).map((s) => [s.id, s.name]));
  const ids = new Set<string>();
  const caseOf = new Map<string, { id: number; serial: string }>();
  for (const c of cases) {
    const before = new Set(ids);
    attachmentIds(c.data, ids);
    for (const id of ids) if (!before.has(id)) caseOf.set(id, c);
  }
  const attachments = ids.size ? await em.find(Attachment, { id: { $in: [...ids] }, companyId }, { fields: ['id', 'name', 'type', 'size', 'createdAt'], orderBy: { createdAt: 'desc' } }) : [];
  const order = (m: { until: string | null; relation: string }) => (m.until == null ? 0 : 10) + RELATIONS.indexOf(m.relation as never);
  return {
    unit: { id: unit.id, projectId: unit.projectId, buildingId: unit.buildingId, number: unit.number, floor: unit.floor ?? null, area: unit.area, unitType: unit.unitType, status: unit.status },
    version,
    privacy: { phone: policy.rule.phone, idNumber: policy.rule.idNumber },
    members: members.sort((a, b) => order(a) - order(b)).map((m) => {
      const p = people.get(m.personId);
      return {
        personId: m.personId, relation: m.relation, note: m.note, since: m.since, until: m.until, current: m.until == null,
        name: p?.name ?? null, phone: policy.phone(p?.phone), idNumber: policy.idNumber(p?.idNumber),
        phoneMasked: !!p?.phone && policy.masked('phone'), idNumberMasked: !!p?.idNumber && policy.masked('idNumber'),
      };
    }),
    vehicles: vehicles.map((v) => ({ id: v.id, plate: v.plate, model: v.model ?? null, color: v.color ?? null, personId: v.personId ?? null, removedAt: v.removedAt?.toISOString() ?? null })),
    parking: parking.map((p) => ({ id: p.id, number: p.number, kind: p.kind, since: p.since ?? null, until: p.until ?? null, removedAt: p.removedAt?.toISOString() ?? null })),
    cases: [...cases].sort((a, b) => (a.closedAt ? 1 : 0) - (b.closedAt ? 1 : 0) || b.id - a.id).map((c) => ({
      id: c.id, serial: c.serial, caseType: c.caseType, state: c.state, title: c.title ?? null, createdAt: c.createdAt.toISOString(), closedAt: c.closedAt?.toISOString() ?? null, overdue: c.overdue,
    })),
    attachments: attachments.map((a) => ({ id: a.id, name: a.name, type: a.type, size: a.size, createdAt: a.createdAt.toISOString(), caseId: caseOf.get(a.id)?.id ?? null, serial: caseOf.get(a.id)?.serial ?? null })),
    history: changes.map((c) => ({ id: c.id, at: c.at.toISOString(), actorName: c.actorId != null ? actors.get(c.actorId) ?? null : null, subject: c.subject, action: c.action, field: c.field ?? null, oldValue: c.oldValue ?? null, newValue: c.newValue ?? null, source: c.source ?? null })),
  };
}

export async function householdArchiveRoutes(app: FastifyInstance, opts: Opts): Promise<void> {
  const readLog = readLogFor(opts.orm, opts.now);
  app.addHook('onClose', async () => readLog.close());

  /** the unit of the caller's company in a project they may see, else 404 */
  const unitFor = async (request: FastifyRequest, em: EntityManager, id: number) => {
    const principal = principalOf(request);
    const scope = await opts.queries.projectScope(principal);
    const unit = await em.findOne(Unit, { id, companyId: principal.companyId });
    if (!unit || (scope && !scope.includes(unit.projectId))) throw new NotFoundError('unit');
    return { principal, unit };
  };

  app.get('/api/units/:id/archive', {
    schema: { tags: ['registry'], summary: "A household's archive (一户一档): members over time, vehicles, parking, cases open first, attachments, history", params: unitParams, response: { ...errorResponses } },
  }, async (request): Promise<HouseholdArchiveView> => {
    const { id } = request.params as { id: number };
    const em = opts.orm.em.fork();
    const { principal, unit } = await unitFor(request, em, id);
    const policy = await privacyFor(opts.configs, principal, opts.now());
    if (policy.visitorOnly) throw new ForbiddenError('the visitor desk sees room numbers only (privacy.visitorOnly)');
    const view = await archiveView(em, unit, policy);
    readLog.record([{ companyId: principal.companyId, staffId: principal.staffId, unitId: unit.id, via: 'archive' }]);
    return view;
  });

  /** a write: permission, unit, version, the change and its history in one transaction; answers the archive */
  const write = async (request: FastifyRequest, work: (em: EntityManager, w: ArchiveWriter) => Promise<unknown>): Promise<HouseholdArchiveView> => {
    const principal = principalOf(request);
    const config = await opts.cases.configForCompany(principal);
    if (!hasPermission(principal, config, REGISTRY_EDIT)) throw new ForbiddenError(`changing a household's archive needs the ${REGISTRY_EDIT} permission`);
    const { id } = request.params as { id: number };
    const body = request.body as { version: number };
    const now = opts.now();
    const em = opts.orm.em.fork();
    const { unit } = await unitFor(request, em, id);
    await em.transactional(async (tx) => {
      await bumpVersion(tx, principal.companyId, unit.id, body.version, now);
      await work(tx, { companyId: principal.companyId, unitId: unit.id, actorId: principal.staffId, at: now, source: null });
    });
    const policy = await privacyFor(opts.configs, principal, now);
    const view = await archiveView(opts.orm.em.fork(), unit, policy);
    readLog.record([{ companyId: principal.companyId, staffId: principal.staffId, unitId: unit.id, via: 'archive' }]);
    return view;
  };

  app.patch('/api/units/:id/archive/people/:personId', {
    schema: {
      tags: ['registry'], summary: "Change a member's name, phone or ID number", params: sub('personId'),
      body: { type: 'object', properties: { version, name: str(100), phone: nstr(32), idNumber: nstr(32) }, required: ['version'], minProperties: 2, additionalProperties: false },
      response: { ...errorResponses },
    },
  }, async (request) => {
    const { personId } = request.params as { personId: number };
    const { version: _v, ...input } = request.body as { version: number; name?: string; phone?: string | null; idNumber?: string | null };
    return write(request, (em, w) => updatePerson(em, w, personId, input));
  });

  app.post('/api/units/:id/archive/members', {
    schema: {
      tags: ['registry'], summary: 'Add a member: tenant moving in, family, agent, emergency contact, co-owner', params: unitParams,
      body: { type: 'object', properties: { version, relation: { type: 'string', enum: [...RELATIONS] }, note: nstr(50), since: date, personId: id32, person: personBody }, required: ['version', 'relation'], additionalProperties: false },
      response: { ...errorResponses },
    },
  }, async (request, reply) => {
    const { version: _v, ...input } = request.body as { version: number; relation: string };
    const view = await write(request, (em, w) => addMember(em, w, input));
    reply.code(201 as never);
    return view;
  });

  app.post('/api/units/:id/archive/members/end', {
    schema: {
      tags: ['registry'], summary: 'End a membership on a date: a tenant moves out, an agent or contact ends (owners change by transfer)', params: unitParams,
      body: { type: 'object', properties: { version, personId: id32, relation: { type: 'string', enum: [...RELATIONS] }, until: { type: 'string', maxLength: 10 } }, required: ['version', 'personId', 'relation', 'until'], additionalProperties: false },
      response: { ...errorResponses },
    },
  }, async (request) => {
    const body = request.body as { personId: number; relation: string; until: string };
    return write(request, (em, w) => endMember(em, w, body.personId, body.relation, body.until));
  });

  app.post('/api/units/:id/archive/transfer', {
    schema: {
      tags: ['registry'], summary: 'Ownership transfer (产权过户) on a date: previous owners kept with their period', params: unitParams,
      body: {
        type: 'object',
        properties: { version, date: { type: 'string', maxLength: 10 }, owners: { type: 'array', minItems: 1, maxItems: 10, items: { type: 'object', properties: { personId: id32, person: personBody }, additionalProperties: false } } },
        required: ['version', 'date', 'owners'], additionalProperties: false,
      },
      response: { ...errorResponses },
    },
  }, async (request) => {
    const body = request.body as { date: string; owners: { personId?: number; person?: { name?: string } }[] };
    return write(request, (em, w) => transferOwnership(em, w, body));
  });

  const vehicleProps = { plate: str(16), model: nstr(50), color: nstr(20), personId: { type: ['integer', 'null'], minimum: 1, maximum: 2147483647 } } as const;
  app.post('/api/units/:id/archive/vehicles', {
    schema: { tags: ['registry'], summary: 'Register a vehicle (plate, model, colour)', params: unitParams, body: { type: 'object', properties: { version, ...vehicleProps }, required: ['version', 'plate'], additionalProperties: false }, response: { ...errorResponses } },
  }, async (request, reply) => {
    const { version: _v, ...input } = request.body as { version: number; plate: string };
    const view = await write(request, (em, w) => addVehicle(em, w, input));
    reply.code(201 as never);
    return view;
  });

  app.patch('/api/units/:id/archive/vehicles/:vehicleId', {
    schema: { tags: ['registry'], summary: 'Change or remove a vehicle', params: sub('vehicleId'), body: { type: 'object', properties: { version, ...vehicleProps, removed: { type: 'boolean' } }, required: ['version'], minProperties: 2, additionalProperties: false }, response: { ...errorResponses } },
  }, async (request) => {
    const { vehicleId } = request.params as { vehicleId: number };
    const { version: _v, ...input } = request.body as { version: number };
    return write(request, (em, w) => updateVehicle(em, w, vehicleId, input));
  });

  const parkingProps = { number: str(32), kind: { type: 'string', enum: [...PARKING_KINDS] }, since: date, until: date } as const;
  app.post('/api/units/:id/archive/parking', {
    schema: { tags: ['registry'], summary: 'Add a parking space (产权 owned / 租用 rented, from–until)', params: unitParams, body: { type: 'object', properties: { version, ...parkingProps }, required: ['version', 'number', 'kind'], additionalProperties: false }, response: { ...errorResponses } },
  }, async (request, reply) => {
    const { version: _v, ...input } = request.body as { version: number };
    const view = await write(request, (em, w) => addParking(em, w, input));
    reply.code(201 as never);
    return view;
  });

  app.patch('/api/units/:id/archive/parking/:parkingId', {
    schema: { tags: ['registry'], summary: 'Change or remove a parking space', params: sub('parkingId'), body: { type: 'object', properties: { version, ...parkingProps, removed: { type: 'boolean' } }, required: ['version'], minProperties: 2, additionalProperties: false }, response: { ...errorResponses } },
  }, async (request) => {
    const { parkingId } = request.params as { parkingId: number };
    const { version: _v, ...input } = request.body as { version: number };
    return write(request, (em, w) => updateParking(em, w, parkingId, input));
  });

  app.post('/api/people/:id/reveal', {
    schema: {
      tags: ['registry'], summary: "Reveal a masked phone or ID number, with the reason; logged",
      params: unitParams,
      body: { type: 'object', properties: { field: { type: 'string', enum: ['phone', 'idNumber'] }, reason: { type: 'string', minLength: 1, maxLength: 200 }, unitId: id32 }, required: ['field', 'reason'], additionalProperties: false },
      response: { ...errorResponses },
    },
  }, async (request) => {
    const principal = principalOf(request);
    const { id } = request.params as { id: number };
    const { field, reason, unitId } = request.body as { field: 'phone' | 'idNumber'; reason: string; unitId?: number };
    if (!reason.trim()) throw new ValidationError([{ pointer: '/reason', code: 'required', message: '须填写查看原因 / the reason is required' }]);
    const em = opts.orm.em.fork();
    const person = await em.findOne(Person, { id, companyId: principal.companyId });
    if (!person) throw new NotFoundError('person');
    // the person must live in a unit the caller may see (or, with unitId, in that unit)
    const scope = await opts.queries.projectScope(principal);
    const links = await em.find(UnitPerson, { companyId: principal.companyId, personId: id, ...(unitId ? { unitId } : {}) });
    const members = await em.find(HouseholdMember, { companyId: principal.companyId, personId: id, ...(unitId ? { unitId } : {}) });
    const unitIds = [...new Set([...links.map((l) => l.unitId), ...members.map((m) => m.unitId)])];
    const units = unitIds.length ? await em.find(Unit, { id: { $in: unitIds }, companyId: principal.companyId }, { fields: ['id', 'projectId'] }) : [];
    const visible = units.filter((u) => !scope || scope.includes(u.projectId));
    if (!visible.length) throw new NotFoundError('person');
    const policy = await privacyFor(opts.configs, principal, opts.now());
    if (policy.visitorOnly || policy.rule[field] === 'hidden') throw new ForbiddenError(`your role may not see this ${field === 'phone' ? 'phone number' : 'ID number'} (privacy configuration)`);
    em.create(PersonalDataRead, { companyId: principal.companyId, staffId: principal.staffId, unitId: visible[0]!.id, personId: id, at: opts.now(), kind: 'reveal', field, reason: reason.trim(), via: 'reveal' });
    await em.flush();
    return { personId: id, field, value: (field === 'phone' ? person.phone : person.idNumber) ?? null };
  });

  app.get('/api/registry/read-log', {
    schema: {
      tags: ['registry'], summary: "Who read or revealed which household's personal data (privacy.log), newest first",
      querystring: { type: 'object', properties: { unitId: id32, staffId: id32, kind: { type: 'string', enum: ['read', 'reveal'] }, cursor: id32, limit: { type: 'integer', minimum: 1, maximum: 200, default: 50 } }, additionalProperties: false },
      response: { ...errorResponses },
    },
  }, async (request) => {
    const principal = principalOf(request);
    const config = await opts.cases.configForCompany(principal);
    if (!hasPermission(principal, config, PRIVACY_LOG)) throw new ForbiddenError(`the read log needs the ${PRIVACY_LOG} permission`);
    await readLog.flush();
    const q = request.query as { unitId?: number; staffId?: number; kind?: string; cursor?: number; limit: number };
    const em = opts.orm.em.fork();
    const where: Record<string, unknown> = { companyId: principal.companyId };
    if (q.unitId) where.unitId = q.unitId;
    if (q.staffId) where.staffId = q.staffId;
    if (q.kind) where.kind = q.kind;
    if (q.cursor) where.id = { $lt: q.cursor };
    const rows = await em.find(PersonalDataRead, where, { orderBy: { id: 'desc' }, limit: q.limit + 1 });
    const items = rows.slice(0, q.limit);
    // staff limited to some projects see the reads of their projects' households only
    const scope = await opts.queries.projectScope(principal);
    const unitIds = [...new Set(items.map((r) => r.unitId).filter((x): x is number => x != null))];
    const units = new Map((unitIds.length ? await em.find(Unit, { id: { $in: unitIds }, companyId: principal.companyId }, { fields: ['id', 'projectId', 'buildingId', 'number'] }) : []).map((u) => [u.id, u]));
    const staffIds = [...new Set(items.map((r) => r.staffId))];
    const staff = new Map((staffIds.length ? await em.find(Staff, { id: { $in: staffIds }, companyId: principal.companyId }, { fields: ['id', 'name'] }) : []).map((s) => [s.id, s.name]));
    const personIds = [...new Set(items.map((r) => r.personId).filter((x): x is number => x != null))];
    const people = new Map((personIds.length ? await em.find(Person, { id: { $in: personIds }, companyId: principal.companyId }, { fields: ['id', 'name'] }) : []).map((p) => [p.id, p.name]));
    return {
      items: items.filter((r) => !scope || r.unitId == null || scope.includes(units.get(r.unitId)?.projectId ?? -1)).map((r) => ({
        id: r.id, at: r.at.toISOString(), kind: r.kind, staffId: r.staffId, staffName: staff.get(r.staffId) ?? null,
        unitId: r.unitId ?? null, projectId: r.unitId != null ? units.get(r.unitId)?.projectId ?? null : null, buildingId: r.unitId != null ? units.get(r.unitId)?.buildingId ?? null : null, number: r.unitId != null ? units.get(r.unitId)?.number ?? null : null,
        personId: r.personId ?? null, personName: r.personId != null ? people.get(r.personId) ?? null : null, field: r.field ?? null, reason: r.reason ?? null, via: r.via ?? null,
      })),
      nextCursor: rows.length > q.limit ? items[items.length - 1]!.id : null,
    };
  });
}
