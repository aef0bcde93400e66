/**
 * A plugin's settings (plugin.json `config`: schema + defaults) as the editor writes them into the
 * draft: `plugins.<id>.config` for the company, `projects.<code>.plugins.<id>.config` for a
 * project, both JSON Merge Patches. The browser only sees the settings in force (defaults + the
 * company's entry), so the company's new entry is its old entry composed with the edit.
 *
 * Merge patches cannot SET a member to null (null deletes it). Some settings are optional on
 * purpose (a factor or a cap whose absence means none; the editor holds
 * "none" as null); choosing "none" therefore removes the member from the company's entry, so the
 * plugin's default applies — which is none for those settings. A project cannot clear a value its
 * company sets (the pages say so).
 */
import { clone, composePatch, diffPatch, isPlainObject, mergePatch } from './patch.js';

type Obj = Record<string, unknown>;

/** The company's new `config` entry: its entry in force, then the edit turning `active` into `next`. */
export function companySettingsEntry(active: unknown, activeEntry: unknown, next: Obj): unknown {
  const p = diffPatch(active, next);
  let entry = p === undefined ? clone(activeEntry) : composePatch(activeEntry, p);
  entry = dropNullsChosen(entry, next);
  if (isPlainObject(entry) && Object.keys(entry).length === 0) return undefined;
  return entry;
}

/** A project's `config` entry: what differs from the company's settings (nulls it cannot express dropped). */
export function projectSettingsEntry(company: unknown, next: Obj): unknown {
  let entry = diffPatch(company, next);
  entry = dropNullsChosen(entry, next);
  if (isPlainObject(entry) && Object.keys(entry).length === 0) return undefined;
  return entry;
}

/** The settings a project runs on: the company's, then the project's entry. */
export function settingsInProject(company: unknown, entry: unknown): Obj {
  return (entry === undefined ? clone(company) : mergePatch(company, entry)) as Obj;
}

/**
 * Removes the patch's nulls where the edited settings hold null as a VALUE (not a removal):
 * a null there would delete a required member instead of storing "none".
 */
function dropNullsChosen(entry: unknown, next: unknown): unknown {
  if (!isPlainObject(entry) || !isPlainObject(next)) return entry;
  const out: Obj = {};
  for (const [k, v] of Object.entries(entry)) {
    if (v === null && k in next && next[k] === null) continue;
    const inner = dropNullsChosen(v, next[k]);
    if (isPlainObject(inner) && Object.keys(inner).length === 0 && isPlainObject(v) && Object.keys(v).length > 0) continue;
    out[k] = inner;
  }
  return out;
}
