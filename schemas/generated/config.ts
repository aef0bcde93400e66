/* eslint-disable */
/**
 * GENERATED FILE — DO NOT EDIT.
 * Source: schemas/config.schema.json
 * Regenerate with `npm run generate`; CI fails when this file drifts from its source.
 */

/**
 * One company's configuration document: what it changes over the plugins' defaults, for the whole company and per project. Every change is stored as a new immutable version of this document. Workflow, form, rule and UI entries are JSON Merge Patches (RFC 7386) over the plugin's declaration; the merged result is validated like a plugin declaration.
 */
export interface ConfigDeclaration {
  calendar?: Calendar;
  /**
   * Role changes: add a role, rename it (title), change reportsTo, permissions, or merge it into another (mergedInto)
   */
  roles?: {
    [k: string]: null | RolePatch;
  };
  plugins?: PluginPatches;
  /**
   * The company's upload budget (attachments are stored in its database). storageQuotaMiB: all attachments together, default 2048 (2 GiB); perUserPerHour: files one staff member may upload in an hour, default 60. Over the quota an upload gets 413, over the rate 429.
   */
  uploads?: {
    storageQuotaMiB?: number;
    perUserPerHour?: number;
  };
  /**
   * Per-project changes, keyed by project code; applied over the company's
   */
  projects?: {
    [k: string]: {
      calendar?: Calendar;
      plugins?: PluginPatches;
    };
  };
}
export interface Calendar {
  timezone?: string;
  holidays?: string[];
  workdays?: string[];
}
export interface RolePatch {
  title?: Text;
  reportsTo?: null | string;
  allProjects?: boolean;
  permissions?: string[];
  mergedInto?: null | string;
}
/**
 * Text in several languages; zh-CN is required, en is the fallback for English users
 */
export interface Text {
  'zh-CN': string;
  en?: string;
}
export interface PluginPatches {
  [k: string]: {
    enabled?: boolean;
    config?: {};
    workflows?: PatchMap;
    forms?: PatchMap;
    ui?: PatchMap;
    rules?: PatchMap;
    templates?: {
      [k: string]: string;
    };
  };
}
export interface PatchMap {
  [k: string]: {};
}
