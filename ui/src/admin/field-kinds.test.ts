import { describe, expect, it } from 'vitest';
import { boundsOf, choiceHolder, FIELD_KINDS, fieldKind, newFieldKey, withBound, withKind } from './field-kinds.js';
import type { FieldSchema } from './admin-types.js';
import allKinds from '../../../test/fixtures/forms/all-kinds.form.json' with { type: 'json' };

const label = { 'x-label': { 'zh-CN': '字段' } } as FieldSchema;

describe('the form builder palette', () => {
  it('makes a field of every kind that reads back as that kind, its label kept', () => {
    for (const kind of FIELD_KINDS) {
      const f = withKind(label, kind);
      expect(fieldKind(f), kind).toBe(kind);
      expect(f['x-label']).toEqual({ 'zh-CN': '字段' });
      // company configuration may not set regular expressions
      expect(JSON.stringify(f)).not.toContain('pattern');
    }
  });

  it('recognises every field of the forms runtime\'s all-kinds form except groups', () => {
    const kinds = Object.fromEntries(Object.entries((allKinds as unknown as { properties: Record<string, FieldSchema> }).properties).map(([k, f]) => [k, fieldKind(f)]));
    expect(kinds).toMatchObject({
      name: 'string', phone: 'phone', email: 'email', description: 'textarea', count: 'integer', area: 'number', urgent: 'boolean',
      category: 'enum', checklist: 'multi', visitDate: 'date', visitTime: 'time', occurredAt: 'date-time', fee: 'money',
      photo: 'photo', documents: 'files', signature: 'signature', unitId: 'unit', personId: 'person', contact: 'other', readings: 'rows',
    });
  });

  it('sets and clears the bounds a kind carries, and no other', () => {
    const n = withKind(label, 'integer');
    expect(boundsOf('integer')).toEqual(['minimum', 'maximum']);
    expect(withBound(n, 'minimum', 1)).toMatchObject({ type: 'integer', minimum: 1 });
    expect(withBound(withBound(n, 'minimum', 1), 'minimum', null)).not.toHaveProperty('minimum');
    expect(withBound(n, 'maxLength', 5)).not.toHaveProperty('maxLength');
    expect(withBound(withKind(label, 'string'), 'maxLength', 12.7)).toMatchObject({ maxLength: 12 });
    expect(withBound(withKind(label, 'multi'), 'maxItems', 2)).toMatchObject({ type: 'array', maxItems: 2 });
  });

  it('finds the options of one choice or several', () => {
    expect(choiceHolder(withKind(label, 'enum'))?.enum).toEqual(['option1', 'option2']);
    expect(choiceHolder(withKind(label, 'multi'))?.enum).toEqual(['option1', 'option2']);
    expect(choiceHolder(withKind(label, 'string'))).toBeUndefined();
  });

  it('keeps a typed key when free, else picks the first free fieldN', () => {
    expect(newFieldKey('receivedBy', ['a'])).toBe('receivedBy');
    expect(newFieldKey('', ['a', 'field2'])).toBe('field3');
    expect(newFieldKey('接待人', ['field2'])).toBe('field3');
    expect(newFieldKey('a', ['a'])).toBe('field2');
  });
});
