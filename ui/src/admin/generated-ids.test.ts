/** Ids the editor makes up for what the admin builds: first free in a sequence, never one already taken. */
import { describe, expect, it } from 'vitest';
import { freshCaseTypeId, freshDocument, freshId, SERIAL_PREFIX, suggestSerialPrefix } from './generated-ids.js';

describe('generated ids', () => {
  it('takes the first free number of a stem', () => {
    expect(freshId('state', [])).toBe('state1');
    expect(freshId('state', ['state1', 'state3'])).toBe('state2');
    expect(freshId('doc', ['doc1'], '-')).toBe('doc-1');
  });

  it('case types live in the company namespace and never reuse a plugin\'s or another company type\'s id', () => {
    expect(freshCaseTypeId(['complaint', 'repair'])).toBe('xType1');
    expect(freshCaseTypeId(['xType1', 'xType2', 'complaint'])).toBe('xType3');
  });

  it('a document\'s id and template name are free together', () => {
    expect(freshDocument([], [])).toEqual({ id: 'doc1', template: 'doc-1' });
    expect(freshDocument(['doc1'], ['doc-2', 'sheet'])).toEqual({ id: 'doc3', template: 'doc-3' });
  });

  it('suggests a serial prefix no other type uses, in the accepted form', () => {
    expect(suggestSerialPrefix(['TS', 'BX'])).toBe('ZJ');
    expect(suggestSerialPrefix(['ZJ', 'ZA'])).toBe('ZB');
    const all = ['ZJ', ...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('').map((c) => `Z${c}`)];
    expect(suggestSerialPrefix(all)).toBe('ZJA');
    expect(SERIAL_PREFIX.test(suggestSerialPrefix(all))).toBe(true);
    expect(SERIAL_PREFIX.test('ABCDE')).toBe(false);
    expect(SERIAL_PREFIX.test('ab')).toBe(false);
  });
});
