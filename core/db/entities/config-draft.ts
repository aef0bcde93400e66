/**
 * An admin's unfinished edit of the company configuration (the configuration editor's draft),
 * kept on the server so it follows the admin from one computer to another. One row per admin and
 * company; `version` counts saves so a save from a stale browser tab is refused (409) instead of
 * silently overwriting a newer one. Nothing here is in force: a draft becomes a configuration
 * version only when proposed (POST /api/config/versions).
 */
import { EntitySchema } from '@mikro-orm/core';

export class ConfigDraft {
  id!: number;
  companyId!: number;
  /** the admin the draft belongs to */
  staffId!: number;
  /** the configuration version in force when the draft was started */
  baseVersion!: number;
  /** the draft configuration document (schemas/config.schema.json, not yet validated) */
  document!: Record<string, unknown>;
  /** what the editor needs to show the draft again (its views of the edited declarations) */
  editor!: Record<string, unknown>;
  /** 1 at creation, +1 per save */
  version!: number;
  updatedAt!: Date;
}
export const ConfigDraftSchema = new EntitySchema<ConfigDraft>({
  class: ConfigDraft,
  tableName: 'config_draft',
  properties: {
    id: { type: 'integer', primary: true, autoincrement: true },
    companyId: { type: 'integer' },
    staffId: { type: 'integer' },
    baseVersion: { type: 'integer' },
    document: { type: 'json' },
    editor: { type: 'json' },
    version: { type: 'integer' },
    updatedAt: { type: 'datetime' },
  },
  uniques: [{ properties: ['companyId', 'staffId'] }],
});
