/**
 * The configuration editor's drafts, kept on the server (table config_draft): one per admin and
 * company, so an admin who moves to another computer finds the edit where they left it. A draft
 * is not validated as a configuration (an unfinished edit may be invalid); it is only bounded in
 * size and tied to a configuration version of the same company. Saves carry the version the
 * browser last saw: a save from a stale tab is refused (409) rather than overwriting a newer one.
 */
import type { MikroORM } from '@mikro-orm/core';
import { ConfigDraft, ConfigVersion, Staff } from '../db/entities/index.js';
import { NotFoundError, StaleVersionError, ValidationError, WuyeError } from '../errors.js';

/** A draft (document and editor state together) may take this many bytes of JSON. */
export const MAX_DRAFT_BYTES = 512 * 1024;

export interface DraftInput {
  /** the draft's version the browser last saw; 0 when it starts a new draft */
  version: number;
  baseVersion: number;
  document: Record<string, unknown>;
  editor?: Record<string, unknown>;
}

export interface DraftView {
  staffId: number;
  staffName: string | null;
  baseVersion: number;
  version: number;
  updatedAt: string;
}

function view(row: ConfigDraft, staffName: string | null): DraftView {
  return { staffId: row.staffId, staffName, baseVersion: row.baseVersion, version: row.version, updatedAt: row.updatedAt.toISOString() };
}

export class ConfigDraftStore {
  constructor(private readonly orm: MikroORM, private readonly now: () => Date) {}

  /** The company's drafts (who has one, on which version), without their contents. */
  async list(companyId: number): Promise<DraftView[]> {
    const em = this.orm.em.fork();
    const rows = await em.find(ConfigDraft, { companyId }, { orderBy: { updatedAt: 'desc' }, fields: ['staffId', 'baseVersion', 'version', 'updatedAt'] });
    const staff = rows.length ? await em.find(Staff, { companyId, id: { $in: rows.map((r) => r.staffId) } }, { fields: ['id', 'name'] }) : [];
    const names = new Map(staff.map((s) => [s.id, s.name]));
    return rows.map((r) => view(r as ConfigDraft, names.get(r.staffId) ?? null));
  }

  /** One admin's draft with its contents; 404 when there is none (or it is another company's). */
  async get(companyId: number, staffId: number): Promise<DraftView & { document: Record<string, unknown>; editor: Record<string, unknown> }> {
    const em = this.orm.em.fork();
    const row = await em.findOne(ConfigDraft, { companyId, staffId });
    if (!row) throw new NotFoundError('draft');
    const staff = await em.findOne(Staff, { companyId, id: staffId }, { fields: ['name'] });
    return { ...view(row, staff?.name ?? null), document: row.document, editor: row.editor };
  }

  /** Creates (version 0) or replaces the admin's draft; 409 when `version` is not the stored one. */
  async save(companyId: number, staffId: number, input: DraftInput): Promise<DraftView> {
    const editor = input.editor ?? {};
    const bytes = Buffer.byteLength(JSON.stringify({ document: input.document, editor }));
    if (bytes > MAX_DRAFT_BYTES) {
      throw new WuyeError('WUYE_TOO_LARGE', 413, `the draft takes ${bytes} bytes; at most ${MAX_DRAFT_BYTES} are kept`, [
        { pointer: '/document', code: 'too-large', message: `at most ${MAX_DRAFT_BYTES} bytes (document and editor state together)` },
      ]);
    }
    const em = this.orm.em.fork();
    const base = await em.findOne(ConfigVersion, { companyId, number: input.baseVersion }, { fields: ['id'] });
    if (!base) throw new ValidationError([{ pointer: '/baseVersion', code: 'unknown-version', message: `no configuration version ${input.baseVersion}` }]);
    const at = this.now();
    if (input.version === 0) {
      const existing = await em.findOne(ConfigDraft, { companyId, staffId }, { fields: ['version'] });
      if (existing) throw new StaleVersionError(0, existing.version);
      // a concurrent creation loses on the unique (company, staff) index: 409 from the error handler
      const row = em.create(ConfigDraft, { companyId, staffId, baseVersion: input.baseVersion, document: input.document, editor, version: 1, updatedAt: at });
      await em.flush();
      return view(row, null);
    }
    const claimed = await em.nativeUpdate(ConfigDraft, { companyId, staffId, version: input.version }, {
      baseVersion: input.baseVersion, document: input.document, editor, version: input.version + 1, updatedAt: at,
    });
    if (claimed === 0) {
      const existing = await em.findOne(ConfigDraft, { companyId, staffId }, { fields: ['version'] });
      if (!existing) throw new NotFoundError('draft');
      throw new StaleVersionError(input.version, existing.version);
    }
    return { staffId, staffName: null, baseVersion: input.baseVersion, version: input.version + 1, updatedAt: at.toISOString() };
  }

  /** Throws the admin's draft away; with `version`, only if nobody saved it since. */
  async remove(companyId: number, staffId: number, version?: number): Promise<void> {
    const em = this.orm.em.fork();
    const where = version === undefined ? { companyId, staffId } : { companyId, staffId, version };
    const deleted = await em.nativeDelete(ConfigDraft, where);
    if (deleted > 0) return;
    const existing = await em.findOne(ConfigDraft, { companyId, staffId }, { fields: ['version'] });
    if (!existing) throw new NotFoundError('draft');
    throw new StaleVersionError(version ?? 0, existing.version);
  }
}
