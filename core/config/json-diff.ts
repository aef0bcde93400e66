/**
 * The differences between two JSON documents, as the admin reviews them before activating:
 * one entry per changed leaf (objects are descended, arrays compared whole), with its pointer.
 */
import { joinPointer } from '../errors.js';
import { isPlainObject } from './merge-patch.js';

export interface JsonChange {
  pointer: string;
  kind: 'added' | 'removed' | 'changed';
  before?: unknown;
  after?: unknown;
}

export function jsonDiff(before: unknown, after: unknown, pointer = ''): JsonChange[] {
  if (isPlainObject(before) && isPlainObject(after)) {
    const changes: JsonChange[] = [];
    for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
      const p = pointer + joinPointer(key);
      if (!(key in after)) changes.push({ pointer: p, kind: 'removed', before: before[key] });
      else if (!(key in before)) changes.push({ pointer: p, kind: 'added', after: after[key] });
      else changes.push(...jsonDiff(before[key], after[key], p));
    }
    return changes;
  }
  return JSON.stringify(before) === JSON.stringify(after) ? [] : [{ pointer, kind: 'changed', before, after }];
}
