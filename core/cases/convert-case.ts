/**
 * Converting a case into a case of another type, and the links between cases.
 *
 * A workflow declares its `conversions` (schemas/workflow.schema.json): the target case type, who
 * may convert, from which states, how the target's registration form is prefilled from the source,
 * and what becomes of the source — it ends in a final state (`closeAs`: a "complaint" that is a
 * consultation is closed as converted, not cancelled) or waits (`waitIn`) until the target reaches
 * a final state, when the platform takes the source's `resumeOn` transition (a work order handed to
 * the repair procedure comes back to its follow-up).
 *
 * One conversion is one transaction: the target is registered (its registration form validated
 * like a staff member's, in the same project, unit and resident), the source moves, both cases get
 * an event, and a link row is written in each direction. Nothing is written when any part refuses.
 */
import type { EntityManager, MikroORM } from '@mikro-orm/core';
import { CaseEvent, CaseLink, Person, Staff, WorkCase } from '../db/entities/index.js';
import { ForbiddenError, NotFoundError, RuleRefusedError, StaleVersionError, ValidationError } from '../errors.js';
import type { Principal } from '../auth/sessions.js';
import type { CompiledCaseType, CompiledConfig } from '../config/compiled-config.js';
import type { WorkflowDeclaration } from '../../schemas/generated/workflow.js';
import { actingRoleFor, canSeeProject } from './access.js';
import type { CaseContext } from './case-context.js';
import type { Actor, CaseService } from './case-service.js';

export type ConversionDeclaration = NonNullable<WorkflowDeclaration['conversions']>[string];
type FieldSource = NonNullable<ConversionDeclaration['fields']>[string];
type Text = { 'zh-CN': string; en?: string };

/** Link kinds seen from the case that lists them. */
export type CaseLinkKind = 'convertedTo' | 'convertedFrom' | 'handedTo' | 'handedFrom';

/** The id the conversion's move of the source is planned under (never a declared transition: ids are camelCase). */
const CONVERSION_STEP = '$conversion';

export interface ConvertInput {
  to: string;
  data: unknown;
  reason: string;
  version: number;
}

export interface ConversionOffer {
  to: string;
  label: Text;
  /** the target case type's title */
  targetTitle: Text;
  /** the target's registration form */
  form: string;
  /** the target's registration form data mapped from the source (the dialog starts from it) */
  prefill: Record<string, unknown>;
  /** what becomes of this case: closed in `stateTitle`, or waiting in it for the target */
  outcome: 'close' | 'wait';
  stateTitle: Text | null;
}

export interface CaseLinkView {
  kind: CaseLinkKind;
  caseType: string;
  caseTypeTitle: Text | null;
  id: number;
  serial: string;
  state: string;
  stateTitle: Text | null;
  final: boolean;
  title: string | null;
  reason: string | null;
  createdAt: string;
  actorName: string | null;
  /** handed-on links: when the waiting case was resumed */
  resolvedAt: string | null;
}

export function conversionsOf(type: CompiledCaseType): Record<string, ConversionDeclaration> {
  return type.workflow.conversions ?? {};
}

/** States a conversion may be taken from: its `from`, or every state that is not final. */
function allowedFrom(type: CompiledCaseType, conv: ConversionDeclaration): string[] {
  return conv.from ?? Object.entries(type.workflow.states).filter(([, s]) => !s.final).map(([id]) => id);
}

export class CaseConversions {
  constructor(
    private readonly orm: MikroORM,
    private readonly cases: CaseService,
    private readonly now: () => Date,
  ) {}

  /** The conversions the principal may take on this case now, each with the target's form prefilled. */
  async offered(principal: Principal, ctx: CaseContext, em: EntityManager): Promise<ConversionOffer[]> {
    const out: ConversionOffer[] = [];
    const entries = Object.entries(conversionsOf(ctx.type));
    if (!entries.length) return out;
    const target = await this.cases.configForNewCase(principal, ctx.row.projectId);
    for (const [to, conv] of entries) {
      const targetType = target.caseTypes.get(to);
      if (!targetType) continue; // the target's plugin is not enabled for this company
      if (!allowedFrom(ctx.type, conv).includes(ctx.row.state)) continue;
      if (!actingRoleFor(principal, ctx.access, conv.roles)) continue;
      const state = conv.closeAs ?? conv.waitIn;
      out.push({
        to, label: conv.label as Text, targetTitle: targetType.workflow.title as Text, form: targetType.workflow.form,
        prefill: await this.prefill(em, ctx, conv, targetType),
        outcome: conv.closeAs ? 'close' : 'wait',
        stateTitle: state ? (ctx.type.workflow.states[state]?.title as Text | undefined) ?? null : null,
      });
    }
    return out;
  }

  /** The target's registration data mapped from the source; values the target's form would refuse are left out. */
  async prefill(em: EntityManager, ctx: CaseContext, conv: ConversionDeclaration, targetType: CompiledCaseType): Promise<Record<string, unknown>> {
    const form = targetType.forms.get(targetType.workflow.form) as { properties?: Record<string, Record<string, unknown>> } | undefined;
    const props = form?.properties ?? {};
    let person: { name: string; phone: string | null } | null | undefined;
    const personOf = async () => {
      if (person === undefined) {
        const p = ctx.row.personId ? await em.findOne(Person, { id: ctx.row.personId, companyId: ctx.row.companyId }) : null;
        person = p ? { name: p.name, phone: (p as { phone?: string | null }).phone ?? null } : null;
      }
      return person;
    };
    const read = async (path: string): Promise<unknown> => {
      const [root, ...rest] = path.split('.');
      if (root === 'person' && rest.length) return dig(await personOf(), rest);
      if (root === 'case' && rest.length) return dig({ serial: ctx.row.serial, createdAt: ctx.row.createdAt.toISOString(), title: ctx.row.title ?? null, severity: ctx.row.severity ?? null }, rest);
      if (root === 'data' && rest.length) return dig(ctx.row.data, rest);
      return dig(ctx.row.data, [root!, ...rest]);
    };
    const out: Record<string, unknown> = {};
    for (const [field, source] of Object.entries(conv.fields ?? {})) {
      const schema = props[field];
      if (!schema) continue;
      let value = await valueOf(source, read);
      if (value === undefined || value === null || value === '') continue;
      if (Array.isArray(schema.enum) && !schema.enum.includes(value)) continue;
      if (schema.type === 'string' && typeof value !== 'string') value = String(value);
      if (schema.type === 'string' && typeof schema.maxLength === 'number' && (value as string).length > schema.maxLength) value = (value as string).slice(0, schema.maxLength);
      if (schema.type === 'boolean' && typeof value !== 'boolean') continue;
      if ((schema.type === 'number' || schema.type === 'integer') && typeof value !== 'number') continue;
      out[field] = value;
    }
    return out;
  }

  /** Converts: the target registered, the source closed or waiting, links and events — one transaction. */
  async convert(principal: Principal, caseType: string, id: number, input: ConvertInput): Promise<{ source: CaseContext; target: { caseType: string; id: number; serial: string } }> {
    // the target's configuration for the project (also: the project must be visible); read before the write transaction
    const first = await this.cases.load(principal, caseType, id);
    const conv = conversionsOf(first.type)[input.to];
    if (!conv) {
      const known = Object.keys(conversionsOf(first.type));
      throw new ValidationError([{ pointer: '/to', code: 'unknown-conversion', message: `a ${caseType} cannot be converted into "${input.to}" (allowed: ${known.join(', ') || 'none'})`, params: { name: input.to, allowed: known } }]);
    }
    const role = actingRoleFor(principal, first.access, conv.roles);
    if (!role) throw new ForbiddenError(`your roles (${principal.roles.join(', ')}) may not convert a ${caseType} into a ${input.to}; allowed: ${conv.roles.join(', ')}`);
    const targetConfig = await this.cases.configForNewCase(principal, first.row.projectId);
    const targetType = targetConfig.caseTypes.get(input.to);
    if (!targetType) throw new ValidationError([{ pointer: '/to', code: 'unknown-conversion', message: `case type "${input.to}" is not in force for this company`, params: { name: input.to } }]);
    const actorRoles = [...first.access.actingRoles(principal.roles)];

    return this.orm.em.fork().transactional(async (em) => {
      const ctx = await this.cases.load(principal, caseType, id, em);
      if (input.version !== ctx.row.version) throw new StaleVersionError(input.version, ctx.row.version);
      if (!allowedFrom(ctx.type, conv).includes(ctx.row.state)) {
        throw new RuleRefusedError(`a ${caseType} in state "${ctx.row.state}" cannot be converted into a ${input.to}`, [{ pointer: '/to', code: 'invalid-state', message: `case is in state ${ctx.row.state}`, params: { state: ctx.row.state, name: input.to } }]);
      }
      const { row } = ctx;
      const data = this.cases.validateForm(targetConfig, targetType, targetType.workflow.form, input.data, '/data', (form) => ({
        data: form, case: { caseType: input.to, projectId: row.projectId, unitId: row.unitId ?? null, personId: row.personId ?? null },
        actor: { staffId: principal.staffId, roles: actorRoles }, config: targetType.settings,
      }));
      const opened = await this.cases.openCaseIn(em, input.to, {
        companyId: row.companyId, projectId: row.projectId, unitId: row.unitId ?? null, personId: row.personId ?? null,
        data, createdBy: principal.staffId, actorRoles,
      });
      const now = this.now();
      const reason = input.reason.trim();
      const closes = conv.closeAs !== undefined;
      const actor: Actor = { staffId: principal.staffId, role, roles: actorRoles };

      // the links first: a source that ends here and was itself waited for hands over in its own turn
      em.create(CaseLink, { companyId: row.companyId, fromCaseId: row.id, toCaseId: opened.id, kind: closes ? 'convertedTo' : 'handedTo', resumeOn: null, resolvedAt: null, reason, actorId: principal.staffId, actorRole: role, createdAt: now });
      em.create(CaseLink, { companyId: row.companyId, fromCaseId: opened.id, toCaseId: row.id, kind: closes ? 'convertedFrom' : 'handedFrom', resumeOn: closes ? null : conv.resumeOn ?? null, resolvedAt: null, reason, actorId: principal.staffId, actorRole: role, createdAt: now });
      em.create(CaseEvent, {
        companyId: row.companyId, caseId: opened.id, type: closes ? 'convertedFrom' : 'handedFrom', transition: null, fromState: null, toState: null,
        actorId: principal.staffId, actorRole: role, data: { caseType: row.caseType, caseId: row.id, serial: row.serial, reason }, createdAt: now,
      });
      await em.flush();

      // the source moves to closeAs / waitIn as one step of its own, with its clocks, like a transition
      const target = (conv.closeAs ?? conv.waitIn)!;
      const step = { title: conv.label, from: [row.state] as [string, ...string[]], to: target, roles: conv.roles, system: true };
      const type: CompiledCaseType = { ...ctx.type, workflow: { ...ctx.type.workflow, transitions: { ...ctx.type.workflow.transitions, [CONVERSION_STEP]: step } } };
      const moved = await this.cases.applyTransition(em, { ...ctx, type }, CONVERSION_STEP, { version: input.version }, actor,
        { caseType: input.to, caseId: opened.id, serial: opened.serial, reason }, closes ? 'convertedTo' : 'handedTo');
      return { source: { ...ctx, row: moved }, target: { caseType: input.to, id: opened.id, serial: opened.serial } };
    });
  }

  /** A case's links, both directions, newest first; cases in projects the principal cannot see are left out. */
  async links(principal: Principal, ctx: CaseContext, em: EntityManager): Promise<CaseLinkView[]> {
    const rows = await em.find(CaseLink, { companyId: principal.companyId, fromCaseId: ctx.row.id }, { orderBy: { id: 'desc' } });
    if (!rows.length) return [];
    const others = await em.find(WorkCase, { id: { $in: [...new Set(rows.map((l) => l.toCaseId))] }, companyId: principal.companyId });
    const byId = new Map(others.map((c) => [c.id, c]));
    const actorIds = [...new Set(rows.map((l) => l.actorId).filter((a): a is number => a != null))];
    const names = new Map((actorIds.length ? await em.find(Staff, { id: { $in: actorIds }, companyId: principal.companyId }, { fields: ['id', 'name'] }) : []).map((s) => [s.id, s.name]));
    const current = await this.cases.configForCompany(principal, em);
    const out: CaseLinkView[] = [];
    for (const l of rows) {
      const other = byId.get(l.toCaseId);
      if (!other || !canSeeProject(principal, current, other.projectId)) continue;
      const own: CompiledConfig = await this.cases.configFor(other, em);
      const wf = own.caseTypes.get(other.caseType)?.workflow ?? current.caseTypes.get(other.caseType)?.workflow;
      out.push({
        kind: l.kind as CaseLinkKind, caseType: other.caseType, caseTypeTitle: (current.caseTypes.get(other.caseType)?.workflow.title ?? wf?.title ?? null) as Text | null,
        id: other.id, serial: other.serial, state: other.state, stateTitle: (wf?.states[other.state]?.title ?? null) as Text | null,
        final: wf?.states[other.state]?.final === true, title: other.title ?? null, reason: l.reason ?? null,
        createdAt: l.createdAt.toISOString(), actorName: l.actorId != null ? names.get(l.actorId) ?? null : null,
        resolvedAt: l.resolvedAt?.toISOString() ?? null,
      });
    }
    return out;
  }
}

/**
 * Called when a case reaches a final state (inside its transaction): every case waiting for it
 * (handed on to it) takes its declared resume transition as the platform; a waiting case that is no
 * longer in a state that transition leaves gets an event instead, so nobody is left unaware.
 */
export async function afterCaseClosed(cases: CaseService, em: EntityManager, closed: WorkCase, now: Date): Promise<void> {
  const waiting = await em.find(CaseLink, { companyId: closed.companyId, fromCaseId: closed.id, kind: 'handedFrom', resolvedAt: null });
  for (const link of waiting) {
    link.resolvedAt = now;
    const back = await em.findOne(CaseLink, { companyId: closed.companyId, fromCaseId: link.toCaseId, toCaseId: closed.id, kind: 'handedTo' });
    if (back) back.resolvedAt = now;
    await em.flush();
    const source = await em.findOne(WorkCase, { id: link.toCaseId, companyId: closed.companyId });
    if (!source || source.closedAt) continue;
    const config = await cases.configFor(source, em);
    const type = config.caseTypes.get(source.caseType);
    const linked = { caseType: closed.caseType, caseId: closed.id, serial: closed.serial, state: closed.state };
    const t = link.resumeOn && type ? type.workflow.transitions[link.resumeOn] : undefined;
    if (type && t && t.from.includes(source.state)) {
      await cases.applyTransition(em, { row: source, config, type, access: config }, link.resumeOn!, { version: source.version }, { staffId: null, role: null, roles: [] }, { linked });
    } else {
      em.create(CaseEvent, {
        companyId: source.companyId, caseId: source.id, type: 'linkedClosed', transition: null, fromState: source.state, toState: source.state,
        actorId: null, actorRole: null, data: { linked }, createdAt: now,
      });
      await em.flush();
    }
  }
}

async function valueOf(source: FieldSource, read: (path: string) => Promise<unknown>): Promise<unknown> {
  if (typeof source === 'string') return read(source);
  if ('value' in source) return source.value;
  const raw = await read(source.from);
  if (!source.map) return raw;
  return typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean' ? source.map[String(raw)] : undefined;
}

function dig(value: unknown, path: string[]): unknown {
  let v: unknown = value;
  for (const key of path) {
    if (!v || typeof v !== 'object' || Array.isArray(v)) return undefined;
    v = (v as Record<string, unknown>)[key];
  }
  return v;
}
