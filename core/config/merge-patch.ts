/**
 * JSON Merge Patch (RFC 7386): how a company's configuration changes a plugin's declaration.
 * Objects merge key by key, `null` deletes, anything else (arrays included) replaces.
 * Never mutates its inputs.
 */
export function mergePatch<T>(target: T, patch: unknown): T {
  if (!isPlainObject(patch)) return clone(patch) as T;
  const result: Record<string, unknown> = isPlainObject(target) ? { ...(target as Record<string, unknown>) } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (key === '__proto__' || key === 'constructor' || key === 'prototype') continue;
    if (value === null) delete result[key];
    else result[key] = mergePatch(result[key], value);
  }
  return result as T;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function clone(value: unknown): unknown {
  return value === undefined ? undefined : structuredClone(value);
}
