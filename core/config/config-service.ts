/**
 * Versioned company configuration: propose (validated, precise errors), activate (from an
 * effective date), roll back (a new version restoring the previous document), history.
 * Versions are immutable; a case keeps the version it was opened under.
 */
import type { EntityManager, MikroORM } from '@mikro-orm/core';
import { AuditEntry, ConfigVersion, Project } from '../db/entities/index.js';
import { DeclarationError, NotFoundError, RuleRefusedError, StaleVersionError, ValidationError, WuyeError } from '../errors.js';
import type { LoadedPlugins } from '../declarations/load-plugins.js';
import type { FieldIssue } from '../errors.js';
import { DOCUMENT_HELPERS } from '../documents/helpers.js';
import { compileConfig, type CompiledConfig } from './compiled-config.js';
import { resolveEffectiveConfig, type ConfigDocument } from './effective-config.js';
import { mergePatch, isPlainObject } from './merge-patch.js';
import { DraftPool } from './draft-pool.js';
import { DEFAULT_COMPILE_LIMITS, type CompileLimits } from './company-limiter.js';
import type { DraftTask } from './draft-tasks.js';
import { InProcessBus, type ClusterBus } from '../cluster/bus.js';
import { loadAssignmentRefs } from '../assignment/refs.js';

interface TimelineEntry { id: number; number: number; effectiveFrom: Date }
interface Timeline { loadedAt: number; entries: TimelineEntry[] }

/**
 * Other instances activate versions too: they publish it on the cluster bus and every instance
 * drops the company's timeline at once; re-reading the (tiny) timeline at least this often is only
 * the backstop for a bus that was down.
 */
const TIMELINE_TTL_MS = 5_000;
const TIMELINE_CHANGED = 'config.timeline';
const COMPILED_CACHE_LIMIT = 256;

export interface ProposeInput {
  /** a whole new document, or */
  document?: unknown;
  /** a JSON Merge Patch over the currently effective document */
  patch?: unknown;
  reason: string;
  effectiveFrom?: Date;
}

export class ConfigService {
  private readonly timelines = new Map<number, Timeline>();
  /** bumped by every invalidation: a timeline read that started before one is not cached */
  private timelineGeneration = 0;
  private readonly compiled = new Map<string, CompiledConfig>();
  private readonly documents = new Map<number, ConfigDocument>();
  /** checks, dry runs and diffs of drafts: off the event loop, a few per company at once */
  private readonly drafts = new DraftPool(() => ({
    bundles: this.plugins.bundles,
    effectTypes: [...this.plugins.extensions.effectTypes()],
    templateHelpers: [...DOCUMENT_HELPERS, ...this.plugins.extensions.templateHelpers.keys()],
  }));

  constructor(
    private readonly orm: MikroORM,
    private readonly plugins: LoadedPlugins,
    /** the kernel's clock: versions become effective on the same clock cases are timed by */
    private readonly now: () => Date = () => new Date(),
    private readonly bus: ClusterBus = new InProcessBus(),
  ) {
    bus.subscribe(TIMELINE_CHANGED, (companyId) => this.dropTimeline(Number(companyId)));
    bus.onResync(() => { this.timelineGeneration++; this.timelines.clear(); });
  }

  private dropTimeline(companyId: number): void {
    this.timelineGeneration++;
    this.timelines.delete(companyId);
  }

  /** After an activation or rollback committed: every instance's next case uses the new timeline. */
  private async timelineChanged(companyId: number): Promise<void> {
    await this.bus.publish(TIMELINE_CHANGED, String(companyId)).catch(() => this.dropTimeline(companyId));
  }

  /** Drops every compiled configuration: the plugins' declarations changed (development reload). */
  forgetCompiled(): void {
    this.compiled.clear();
    this.drafts.reset();
  }

  /** Stops the draft pool's threads (the server closes). */
  async close(): Promise<void> {
    await this.drafts.close();
  }

  /** How many compilations a company may have running and waiting (defaults when not given). */
  setDraftLimits(limits: Partial<CompileLimits>): void {
    this.drafts.limits = { ...DEFAULT_COMPILE_LIMITS, ...limits };
  }

  /**
   * Holds one of a company's compilation places until `release` resolves, as a long compilation
   * would: lets a test reach the limit without depending on how fast the pool compiles.
   */
  holdDraftPlace(companyId: number, release: Promise<void>): Promise<void> {
    return this.drafts.hold(companyId, release);
  }

  /** Runs a task on a draft in the draft pool (draft-tasks.ts), within the company's limit. */
  runDraft<T>(companyId: number, task: DraftTask): Promise<T> {
    return this.drafts.run<T>(companyId, task);
  }

  /** Every company starts at version 1: the plugins' defaults, unchanged. */
  async createInitialVersion(em: EntityManager, companyId: number, authorId: number | null): Promise<ConfigVersion> {
    const now = this.now();
    // The plugins' defaults have always applied: effective from the epoch, so back-dated work
    // (imports, tests on a fixed clock) finds a version too.
    const v = em.create(ConfigVersion, {
      companyId, number: 1, document: {}, status: 'activated', reason: 'initial configuration: plugin defaults',
      authorId, createdAt: now, effectiveFrom: new Date(0), activatedAt: now, activatedBy: authorId, basedOn: null,
    });
    em.persist(v);
    return v;
  }

  /** The version new cases use at `at` (default now). */
  async current(companyId: number, at = this.now(), em?: EntityManager): Promise<TimelineEntry> {
    const entries = await this.timeline(companyId, em);
    const effective = entries.filter((e) => e.effectiveFrom.getTime() <= at.getTime());
    const current = effective[effective.length - 1];
    if (!current) throw new NotFoundError('configuration of company');
    return current;
  }

  /**
   * Compiled configuration for a version and project; compiled once, then served from memory.
   * Inside a transaction pass its `em`: on SQLite the transaction holds the only connection.
   */
  async compiledFor(companyId: number, versionId: number, projectCode: string | null, em?: EntityManager): Promise<CompiledConfig> {
    const key = `${companyId}:${versionId}:${projectCode ?? ''}`;
    const hit = this.compiled.get(key);
    if (hit) {
      // least recently used goes first: move a hit to the back of the map
      this.compiled.delete(key);
      this.compiled.set(key, hit);
      return hit;
    }
    const document = await this.documentOf(companyId, versionId, em);
    const effective = resolveEffectiveConfig(this.plugins.bundles, document, projectCode);
    const compiled = compileConfig(versionId, projectCode, effective, this.plugins.extensions);
    if (this.compiled.size >= COMPILED_CACHE_LIMIT) this.compiled.delete(this.compiled.keys().next().value!);
    this.compiled.set(key, compiled);
    return compiled;
  }

  async documentOf(companyId: number, versionId: number, em?: EntityManager): Promise<ConfigDocument> {
    const cached = this.documents.get(versionId);
    if (cached) return cached;
    const row = await (em ?? this.orm.em.fork()).findOne(ConfigVersion, { id: versionId, companyId }, { disableIdentityMap: true });
    if (!row) throw new NotFoundError('configuration version');
    this.documents.set(versionId, row.document as ConfigDocument);
    return row.document as ConfigDocument;
  }

  async history(companyId: number): Promise<ConfigVersion[]> {
    return this.orm.em.fork().find(ConfigVersion, { companyId }, { orderBy: { number: 'desc' } });
  }

  async getVersion(companyId: number, number: number): Promise<ConfigVersion> {
    const row = await this.orm.em.fork().findOne(ConfigVersion, { companyId, number });
    if (!row) throw new NotFoundError('configuration version');
    return row;
  }

  /** Open cases per version id: a change never strands them, they finish on their own version. */
  async openCasesByVersion(companyId: number): Promise<Map<number, number>> {
    const rows = (await this.orm.em.fork().getConnection().execute(
      'select config_version_id as v, count(*) as n from work_case where company_id = ? and closed_at is null group by config_version_id',
      [companyId],
    )) as { v: number; n: number | string }[];
    return new Map(rows.map((r) => [Number(r.v), Number(r.n)]));
  }

  async projectCodes(companyId: number): Promise<Set<string>> {
    const projects = await this.orm.em.fork().find(Project, { companyId }, { fields: ['code'] });
    return new Set(projects.map((p) => p.code));
  }

  /** Validates without storing (in the draft pool): the issues a proposal would get. */
  async check(companyId: number, document: unknown): Promise<FieldIssue[]> {
    const assignmentRefs = (document as ConfigDocument | null)?.assignment ? await loadAssignmentRefs(this.orm.em.fork(), companyId) : undefined;
    return this.runDraft<FieldIssue[]>(companyId, { kind: 'check', document, projectCodes: [...await this.projectCodes(companyId)], assignmentRefs });
  }

  /** Builds the proposed document from a patch or a whole document. */
  async buildDocument(companyId: number, input: ProposeInput): Promise<{ document: unknown; basedOn: TimelineEntry }> {
    const basedOn = await this.current(companyId);
    if ((input.document === undefined) === (input.patch === undefined)) {
      throw new ValidationError([{ pointer: '/document', code: 'required', message: 'give exactly one of document or patch' }]);
    }
    if (input.document !== undefined) return { document: input.document, basedOn };
    if (!isPlainObject(input.patch)) throw new ValidationError([{ pointer: '/patch', code: 'type', message: 'must be an object (JSON Merge Patch)' }]);
    return { document: mergePatch(await this.documentOf(companyId, basedOn.id), input.patch), basedOn };
  }

  async propose(companyId: number, authorId: number, input: ProposeInput): Promise<ConfigVersion> {
    const { document, basedOn } = await this.buildDocument(companyId, input);
    const issues = await this.check(companyId, document);
    if (issues.length) throw new ValidationError(issues.map((i) => ({ ...i, pointer: `/document${i.pointer}` })), `configuration refused: ${issues.length} problem(s)`);
    return this.orm.em.fork().transactional(async (em) => {
      const last = await em.findOne(ConfigVersion, { companyId }, { orderBy: { number: 'desc' }, fields: ['number'] });
      const v = em.create(ConfigVersion, {
        companyId, number: (last?.number ?? 0) + 1, document: document as Record<string, unknown>, status: 'proposed', reason: input.reason,
        authorId, createdAt: this.now(), effectiveFrom: input.effectiveFrom ?? this.now(), activatedAt: null, activatedBy: null, basedOn: basedOn.number,
      });
      em.persist(v);
      em.create(AuditEntry, { companyId, actorId: authorId, action: 'config.propose', target: `config:${v.number}`, data: { reason: input.reason, basedOn: basedOn.number }, createdAt: this.now() });
      return v;
    });
  }

  /**
   * Activates a proposed version. `expectedCurrent` guards against two admins activating on top of
   * each other (409 when the effective version moved since the caller looked).
   */
  async activate(companyId: number, number: number, actorId: number, expectedCurrent?: number): Promise<ConfigVersion> {
    const current = await this.current(companyId);
    if (expectedCurrent !== undefined && expectedCurrent !== current.number) throw new StaleVersionError(expectedCurrent, current.number);
    const proposed = await this.orm.em.fork().findOne(ConfigVersion, { companyId, number });
    if (!proposed) throw new NotFoundError('configuration version');
    if (proposed.status !== 'proposed') throw new RuleRefusedError(`version ${number} is ${proposed.status}, only a proposed version can be activated`);
    // A proposal holds a whole document: activating one made on an older version would silently
    // undo what was activated since. Re-propose on the current version instead.
    if (proposed.basedOn != null && proposed.basedOn !== current.number) {
      throw new WuyeError('WUYE_STALE_VERSION', 409, `version ${number} was proposed on version ${proposed.basedOn}, but version ${current.number} is now in force: propose the change again`, [
        { pointer: '/basedOn', code: 'stale', message: `current version is ${current.number}`, params: { actual: current.number } },
      ]);
    }
    // Plugins may have been upgraded since the proposal: validate again (before the transaction,
    // which on SQLite holds the only connection).
    const issues = await this.check(companyId, proposed.document);
    if (issues.length) throw new DeclarationError(issues, `configuration version ${number}`);
    const result = await this.orm.em.fork().transactional(async (em) => {
      const v = await em.findOne(ConfigVersion, { companyId, number, status: 'proposed' });
      if (!v) throw new RuleRefusedError(`version ${number} was activated or withdrawn meanwhile`);
      v.status = 'activated';
      v.activatedAt = this.now();
      v.activatedBy = actorId;
      if (v.effectiveFrom.getTime() < v.activatedAt.getTime()) v.effectiveFrom = v.activatedAt;
      em.create(AuditEntry, { companyId, actorId, action: 'config.activate', target: `config:${v.number}`, data: { effectiveFrom: v.effectiveFrom.toISOString(), previous: current.number }, createdAt: this.now() });
      return v;
    });
    await this.timelineChanged(companyId);
    return result;
  }

  /** Restores the document that was effective before the current one, as a new activated version. */
  async rollback(companyId: number, actorId: number, reason: string): Promise<ConfigVersion> {
    const entries = (await this.timeline(companyId)).filter((e) => e.effectiveFrom.getTime() <= this.now().getTime());
    const current = entries[entries.length - 1];
    const previous = entries[entries.length - 2];
    if (!current || !previous) throw new RuleRefusedError('there is no earlier configuration version to roll back to');
    const document = await this.documentOf(companyId, previous.id);
    const result = await this.orm.em.fork().transactional(async (em) => {
      const last = await em.findOne(ConfigVersion, { companyId }, { orderBy: { number: 'desc' }, fields: ['number'] });
      const now = this.now();
      const v = em.create(ConfigVersion, {
        companyId, number: (last?.number ?? 0) + 1, document: structuredClone(document) as Record<string, unknown>, status: 'activated',
        reason: `rollback to version ${previous.number}: ${reason}`, authorId: actorId, createdAt: now, effectiveFrom: now,
        activatedAt: now, activatedBy: actorId, basedOn: current.number,
      });
      em.persist(v);
      em.create(AuditEntry, { companyId, actorId, action: 'config.rollback', target: `config:${v.number}`, data: { restored: previous.number, reason }, createdAt: now });
      return v;
    });
    await this.timelineChanged(companyId);
    return result;
  }

  private async timeline(companyId: number, em?: EntityManager): Promise<TimelineEntry[]> {
    const cached = this.timelines.get(companyId);
    if (cached && Date.now() - cached.loadedAt < TIMELINE_TTL_MS) return cached.entries;
    const generation = this.timelineGeneration;
    const rows = await (em ?? this.orm.em.fork()).find(
      ConfigVersion,
      { companyId, status: 'activated' },
      { fields: ['id', 'number', 'effectiveFrom'], orderBy: { number: 'asc' }, disableIdentityMap: true },
    );
    // Effective order: by effective date, ties by number.
    const entries = rows.map((r) => ({ id: r.id, number: r.number, effectiveFrom: r.effectiveFrom }))
      .sort((a, b) => a.effectiveFrom.getTime() - b.effectiveFrom.getTime() || a.number - b.number);
    if (generation === this.timelineGeneration) this.timelines.set(companyId, { loadedAt: Date.now(), entries });
    return entries;
  }

  /** Project code lookup is needed to pick the project layer of a case's configuration. */
  effectiveFor(document: ConfigDocument, projectCode: string | null) {
    return resolveEffectiveConfig(this.plugins.bundles, document, projectCode);
  }
}
