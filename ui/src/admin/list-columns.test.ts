import { describe, expect, it } from 'vitest';
import type { FieldSchema } from './admin-types.js';
import { boundsOf, FIELD_KINDS, fieldKind, withBound, withKind } from './field-kinds.js';
import { KIND_ICONS } from './kind-icons.js';
import {
  addColumn, COLUMN_KINDS, COLUMNS_LIMIT, columnOptionsText, columnsOf, moveColumn, removeColumn, renameColumn, ROWS_LIMIT, setColumn, withColumnOptions,
} from './list-columns.js';

const label = { 'x-label': { 'zh-CN': '存在问题' } } as FieldSchema;
const column = (zh: string, kind: (typeof COLUMN_KINDS)[number]) => withKind({ 'x-label': { 'zh-CN': zh } } as FieldSchema, kind);
const names = (f: FieldSchema) => columnsOf(f).map((c) => `${c.key}:${c.schema['x-label']?.['zh-CN']}`);

describe('the 明细表 kind (a list of rows)', () => {
  it('is in the palette with an icon, and a new one is a bounded list of objects with one column', () => {
    expect(FIELD_KINDS).toContain('rows');
    expect(KIND_ICONS.rows).toBeTruthy();
    const f = withKind(label, 'rows');
    expect(fieldKind(f)).toBe('rows');
    expect(f).toMatchObject({ type: 'array', maxItems: 50, 'x-label': { 'zh-CN': '存在问题' }, items: { type: 'object', additionalProperties: false } });
    expect(names(f)).toEqual(['col1:内容']);
    expect(fieldKind(columnsOf(f)[0]!.schema)).toBe('string');
  });

  it('adds columns of every column kind with generated keys, renames, reorders and removes them', () => {
    let f = withKind(label, 'rows');
    for (const kind of COLUMN_KINDS) {
      const added = addColumn(f, column(`列${kind}`, kind));
      expect(added.key).toMatch(/^col\d+$/);
      f = added.field;
    }
    expect(columnsOf(f).map((c) => fieldKind(c.schema))).toEqual(['string', ...COLUMN_KINDS]);
    expect(columnsOf(f).map((c) => c.key)).toEqual(columnsOf(f).map((_, i) => `col${i + 1}`));
    f = renameColumn(f, 'col2', '问题描述');
    f = moveColumn(f, 'col2', -1);
    expect(names(f).slice(0, 2)).toEqual(['col2:问题描述', 'col1:内容']);
    expect(moveColumn(f, 'col2', -1)).toEqual(f);
    f = removeColumn(f, 'col1');
    expect(columnsOf(f).map((c) => c.key)).not.toContain('col1');
    // a new column takes the first free key (cases keep the version they were opened under, so old rows keep their meaning)
    expect(addColumn(f, column('复查结果', 'string')).key).toBe('col1');
    // company configuration may not set regular expressions
    expect(JSON.stringify(f)).not.toContain('pattern');
  });

  it('keeps at least one column and at most COLUMNS_LIMIT', () => {
    const one = withKind(label, 'rows');
    expect(removeColumn(one, 'col1')).toEqual(one);
    let f = one;
    for (let i = 1; i < COLUMNS_LIMIT; i++) f = addColumn(f, column(`列${i}`, 'string')).field;
    expect(addColumn(f, column('多一列', 'string'))).toEqual({ field: f, key: null });
  });

  it('gives a choice column the options typed, and a column a new kind keeping its name', () => {
    let f = addColumn(withKind(label, 'rows'), column('整改结果', 'enum')).field;
    f = withColumnOptions(f, 'col2', '已整改、未整改， 部分整改,已整改');
    const choice = columnsOf(f)[1]!.schema;
    expect(choice.enum).toEqual(['option1', 'option2', 'option3']);
    expect(columnOptionsText(choice)).toBe('已整改、未整改、部分整改');
    expect(withColumnOptions(f, 'col2', ' 、 ')).toEqual(f);
    f = setColumn(f, 'col2', withKind(choice, 'date'));
    expect(columnsOf(f)[1]!.schema).toEqual({ 'x-label': { 'zh-CN': '整改结果' }, type: 'string', format: 'date' });
  });

  it('bounds the rows between 1 and ROWS_LIMIT, never unbounded', () => {
    const f = withKind(label, 'rows');
    expect(boundsOf('rows')).toEqual(['maxItems']);
    expect(withBound(f, 'maxItems', 20).maxItems).toBe(20);
    expect(withBound(f, 'maxItems', 100_000).maxItems).toBe(ROWS_LIMIT);
    expect(withBound(f, 'maxItems', 0).maxItems).toBe(1);
    expect(withBound(f, 'maxItems', null).maxItems).toBe(ROWS_LIMIT);
    expect(withBound(f, 'minItems', 2)).not.toHaveProperty('minItems');
  });
});
