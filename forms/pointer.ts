/**
 * Values in form data are addressed two ways:
 * - a JSON pointer (`/readings/0/value`) names one value, array indexes included — errors and
 *   widget changes use it;
 * - a dotted field path (`readings.value`, `emergency.phone`) names a declared field without
 *   indexes — the ui declaration and the rules use it, as the server does.
 */

export function splitPointer(pointer: string): string[] {
  if (pointer === '' || pointer === '/') return [];
  return pointer
    .replace(/^\//, '')
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

export function joinPointer(segments: readonly string[]): string {
  return segments.map((s) => '/' + s.replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

/** `/readings/0/value` → `readings.value` (indexes dropped). */
export function pointerToPath(pointer: string): string {
  return splitPointer(pointer)
    .filter((s) => !/^\d+$/.test(s))
    .join('.');
}

/** `emergency.phone` → `/emergency/phone` (only for paths outside arrays). */
export function pathToPointer(path: string): string {
  return path === '' ? '' : joinPointer(path.split('.'));
}

const isContainer = (v: unknown): v is Record<string, unknown> | unknown[] => v !== null && typeof v === 'object';

export function getAt(root: unknown, pointer: string): unknown {
  let cur: unknown = root;
  for (const seg of splitPointer(pointer)) {
    if (!isContainer(cur) || !Object.prototype.hasOwnProperty.call(cur, seg)) return undefined;
    cur = (cur as Record<string, unknown>)[seg];
  }
  return cur;
}

/**
 * Sets (or, for `undefined`, deletes) the value at `pointer` in place, creating objects (or arrays
 * for numeric segments) on the way. A nested object left empty by a deletion is removed too, so an
 * optional group the user cleared does not reappear as `{}` (array rows are never removed here).
 */
export function setAt(root: Record<string, unknown>, pointer: string, value: unknown): void {
  const segs = splitPointer(pointer);
  if (segs.length === 0) return;
  if (segs.some((s) => s === '__proto__' || s === 'constructor' || s === 'prototype')) return;
  const parents: (Record<string, unknown> | unknown[])[] = [];
  let cur: Record<string, unknown> | unknown[] = root;
  const index = /^\d+$/;
  for (let i = 0; i < segs.length - 1; i++) {
    const seg = segs[i]!;
    if (Array.isArray(cur) && !index.test(seg)) return; // a field path through array rows names no one value
    const existing: unknown = (cur as Record<string, unknown>)[seg];
    let next: Record<string, unknown> | unknown[];
    if (isContainer(existing)) next = existing;
    else {
      if (value === undefined) return; // nothing to delete
      next = index.test(segs[i + 1]!) ? [] : {};
      (cur as Record<string, unknown>)[seg] = next;
    }
    parents.push(cur);
    cur = next;
  }
  const last = segs[segs.length - 1]!;
  if (Array.isArray(cur) && !index.test(last)) return;
  if (value !== undefined) {
    (cur as Record<string, unknown>)[last] = value;
    return;
  }
  if (Array.isArray(cur)) {
    cur[Number(last)] = null;
    return;
  }
  delete cur[last];
  // prune objects emptied by this deletion, but never rows of an array
  for (let i = segs.length - 2; i >= 0; i--) {
    const parent = parents[i]!;
    const child = (parent as Record<string, unknown>)[segs[i]!];
    if (Array.isArray(parent) || Array.isArray(child) || !isContainer(child) || Object.keys(child).length > 0) break;
    delete (parent as Record<string, unknown>)[segs[i]!];
  }
}

/** Reads a dotted path the way the server's form rules do (no array indexes). */
export function getPath(data: unknown, path: string): unknown {
  let cur: unknown = data;
  for (const seg of path.split('.')) cur = cur && typeof cur === 'object' ? (cur as Record<string, unknown>)[seg] : undefined;
  return cur;
}

/** Sets a dotted path, creating objects on the way (the server's setPath). */
export function setPath(data: Record<string, unknown>, path: string, value: unknown): void {
  setAt(data, pathToPointer(path), value);
}

/** Empty as the server's form rules count it. */
export function isEmptyValue(v: unknown): boolean {
  return v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
}

/** A JSON copy (drops undefined, functions), which is also exactly what would be sent. */
export function jsonClone<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}
