/**
 * The editor's JSON helpers. The admin edits the EFFECTIVE declarations (plugin defaults + the
 * company's document); what goes into the draft document is a JSON Merge Patch (RFC 7386):
 *
 * - `diffPatch(a, b)`: the smallest merge patch turning `a` into `b` (`undefined` when equal);
 * - `composePatch(A, P)`: one patch doing "A, then P" — the company's existing entry A followed by
 *   the admin's edit P, so the plugin's defaults (which the browser never sees on their own) stay
 *   under the patch;
 * - JSON pointers (RFC 6901) for the issue ↔ control map.
 */
import { isPlainObject, mergePatch } from '../../../core/config/merge-patch.js';

export { isPlainObject, mergePatch };

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (isPlainObject(a)) {
    if (!isPlainObject(b)) return false;
    const ka = Object.keys(a).filter((k) => a[k] !== undefined);
    const kb = Object.keys(b).filter((k) => b[k] !== undefined);
    return ka.length === kb.length && ka.every((k) => deepEqual(a[k], b[k]));
  }
  return false;
}

export function clone<T>(value: T): T {
  return value === undefined ? value : (structuredClone(value) as T);
}

/** `b` without undefined members (what JSON would keep), deeply. */
export function stripUndefined<T>(value: T): T {
  if (Array.isArray(value)) return value.map((v) => stripUndefined(v)) as T;
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = stripUndefined(v);
    return out as T;
  }
  return value;
}

/** The merge patch that turns `a` into `b`; `undefined` when they are equal. */
export function diffPatch(a: unknown, b: unknown): unknown {
  if (deepEqual(a, b)) return undefined;
  if (b === undefined) return null;
  if (isPlainObject(a) && isPlainObject(b)) {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(a)) if (a[k] !== undefined && b[k] === undefined) out[k] = null;
    for (const [k, v] of Object.entries(b)) {
      if (v === undefined) continue;
      const d = diffPatch(a[k], v);
      if (d !== undefined) out[k] = d;
    }
    return out;
  }
  return stripUndefined(clone(b));
}

/**
 * "Apply A, then P" as one patch. Exact whenever A is an object where P is one, which is how the
 * editor uses it; where A deleted or replaced an object that P rebuilds, P's object is merged
 * into the plugin default instead of replacing it (the browser cannot see that default).
 */
export function composePatch(a: unknown, p: unknown): unknown {
  if (p === undefined) return clone(a);
  if (!isPlainObject(p) || !isPlainObject(a)) return clone(p);
  const out: Record<string, unknown> = { ...clone(a) };
  for (const [k, v] of Object.entries(p)) out[k] = v === null ? null : composePatch(a[k], v);
  return out;
}

// ---- JSON pointers ----

export function escapeToken(token: string | number): string {
  return String(token).replace(/~/g, '~0').replace(/\//g, '~1');
}

export function unescapeToken(token: string): string {
  return token.replace(/~1/g, '/').replace(/~0/g, '~');
}

export function pointer(...tokens: (string | number)[]): string {
  return tokens.map((t) => `/${escapeToken(t)}`).join('');
}

export function tokensOf(ptr: string): string[] {
  if (!ptr) return [];
  return ptr.replace(/^\//, '').split('/').map(unescapeToken);
}

/** Whether `ptr` is `base` or lies under it. */
export function pointerWithin(ptr: string, base: string): boolean {
  return ptr === base || ptr.startsWith(`${base}/`);
}

export function getAt(root: unknown, tokens: readonly string[]): unknown {
  let cur: unknown = root;
  for (const t of tokens) {
    if (Array.isArray(cur)) cur = cur[Number(t)];
    else if (isPlainObject(cur)) cur = cur[t];
    else return undefined;
  }
  return cur;
}

/**
 * Sets (or, with `undefined`, removes) the member at `tokens`, creating objects on the way and
 * removing objects the removal leaves empty. Mutates `root`.
 */
export function setAt(root: Record<string, unknown>, tokens: readonly string[], value: unknown): void {
  if (tokens.length === 0) throw new Error('setAt needs a path');
  const trail: Record<string, unknown>[] = [root];
  let cur = root;
  for (const t of tokens.slice(0, -1)) {
    let next = cur[t];
    if (!isPlainObject(next)) {
      if (value === undefined) return;
      next = {};
      cur[t] = next;
    }
    cur = next as Record<string, unknown>;
    trail.push(cur);
  }
  const last = tokens[tokens.length - 1]!;
  if (value === undefined) delete cur[last];
  else cur[last] = value;
  if (value === undefined) {
    for (let i = trail.length - 1; i > 0; i--) {
      if (Object.keys(trail[i]!).length > 0) break;
      delete trail[i - 1]![tokens[i - 1]!];
    }
  }
}

/** A flat list of what differs between two documents (the client-side fallback of /api/config/diff). */
export interface Change {
  pointer: string;
  kind: 'added' | 'removed' | 'changed';
  before: unknown;
  after: unknown;
}

export function listChanges(before: unknown, after: unknown, at = ''): Change[] {
  if (deepEqual(before, after)) return [];
  if (isPlainObject(before) && isPlainObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return keys.flatMap((k) => listChanges(before[k], after[k], `${at}/${escapeToken(k)}`));
  }
  if (before === undefined) return [{ pointer: at, kind: 'added', before: undefined, after }];
  if (after === undefined) return [{ pointer: at, kind: 'removed', before, after: undefined }];
  return [{ pointer: at, kind: 'changed', before, after }];
}
