import { describe, expect, it } from 'vitest';
import { mergePatch } from './merge-patch.js';

describe('mergePatch (RFC 7386)', () => {
  it('merges objects key by key, deletes on null and replaces arrays', () => {
    const target = { a: 1, b: { c: 2, d: 3 }, list: [1, 2], keep: true };
    const patch = { a: 9, b: { c: null, e: 4 }, list: [3] };
    expect(mergePatch(target, patch)).toEqual({ a: 9, b: { d: 3, e: 4 }, list: [3], keep: true });
    expect(target).toEqual({ a: 1, b: { c: 2, d: 3 }, list: [1, 2], keep: true });
  });

  it('follows the RFC examples for non-object patches and targets', () => {
    expect(mergePatch({ a: 'b' }, 'c')).toBe('c');
    expect(mergePatch('c', { a: 'b' })).toEqual({ a: 'b' });
    expect(mergePatch({ a: [{ b: 'c' }] }, { a: [1] })).toEqual({ a: [1] });
  });

  it('ignores prototype-polluting keys', () => {
    const patched = mergePatch({}, JSON.parse('{"__proto__": {"polluted": true}, "x": 1}')) as Record<string, unknown>;
    expect(patched).toEqual({ x: 1 });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
