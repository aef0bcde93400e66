/**
 * The form builder's 明细表 kind (issue 17; ui/src/admin/list-columns.ts) as the server sees it: a
 * list field made by the builder's own functions — one column of every column kind, renamed,
 * reordered, a column removed, 500 rows at most — passes the company configuration check, with a
 * core appendRow step (追加记录) writing into it; once activated, taking the step appends the row.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestKernel, type SeededRegistry, type TestKernel } from '../../core/testing/harness.js';
import type { FieldSchema } from '../../ui/src/admin/admin-types.js';
import { withBound, withKind } from '../../ui/src/admin/field-kinds.js';
import { addColumn, COLUMN_KINDS, columnsOf, moveColumn, removeColumn, renameColumn, ROWS_LIMIT, withColumnOptions } from '../../ui/src/admin/list-columns.js';

let kernel: TestKernel;
let demo: SeededRegistry;

beforeAll(async () => {
  kernel = await startTestKernel({ plugins: ['service-desk'], startAt: '2026-11-02T09:00:00+08:00' });
  demo = await kernel.seed();
});
afterAll(async () => kernel?.close());

/** The defects list as an admin builds it in the field editor. */
function defects(): FieldSchema {
  let f = withKind({ 'x-label': { 'zh-CN': '存在问题' } } as FieldSchema, 'rows');
  for (const kind of COLUMN_KINDS) f = addColumn(f, withKind({ 'x-label': { 'zh-CN': `列-${kind}` } } as FieldSchema, kind)).field;
  f = renameColumn(f, 'col2', '问题描述');
  f = moveColumn(f, 'col2', -1);
  f = removeColumn(f, 'col1');
  f = withColumnOptions(f, 'col9', '已整改、未整改');
  return withBound(f, 'maxItems', ROWS_LIMIT);
}

/** TEST DATA: the key-lending type (test/fixtures/company-case-types/key-loan.json) with the list and a 追加记录 step on 归还钥匙. */
function keyLoanWithList(): Record<string, unknown> {
  const def = JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/company-case-types/key-loan.json'), 'utf8')) as { _comment?: string; workflow: any; forms: any };
  delete def._comment;
  def.forms.keyLoan.properties.field9 = defects();
  const dateTimeColumn = columnsOf(defects()).find((c) => c.schema.format === 'date-time')!.key;
  def.workflow.transitions.returnKey.effects = [{ type: 'appendRow', params: { field: 'field9', row: { col2: 'returnNote', [dateTimeColumn]: { stamp: 'at' } } } }];
  return def;
}

describe('a 明细表 field built in the form builder', () => {
  it('passes the configuration check and takes the rows a 追加记录 step appends', async () => {
    const admin = await kernel.login('admin');
    const document = { caseTypes: { xKeyLoan: keyLoanWithList() } };
    const checked = await kernel.call(admin, 'POST', '/api/config/check', { document });
    expect(checked.statusCode, checked.body).toBe(200);
    expect(checked.json(), checked.body).toMatchObject({ valid: true, issues: [] });

    const proposed = await kernel.call(admin, 'POST', '/api/config/versions', { document, reason: '钥匙借用：存在问题明细表' });
    expect(proposed.statusCode, proposed.body).toBe(201);
    const activated = await kernel.call(admin, 'POST', `/api/config/versions/${(proposed.json() as { number: number }).number}/activate`, {});
    expect(activated.statusCode, activated.body).toBe(200);

    const desk = await kernel.login('frontdesk');
    const lent = await kernel.call(desk, 'POST', '/api/cases/xKeyLoan', {
      projectId: demo.projects.get('CH')!.id, unitId: demo.units.get('CH/1/101')!.id,
      data: { keyName: '会所钥匙', borrowerName: '王先生', borrowerPhone: '13800000001', purpose: 'other', dueAt: '2026-11-02T18:00:00+08:00' },
    });
    expect(lent.statusCode, lent.body).toBe(201);
    const { id, version } = lent.json() as { id: number; version: number };
    const returned = await kernel.call(desk, 'POST', `/api/cases/xKeyLoan/${id}/transitions/returnKey`, { version, data: { condition: 'damaged', returnNote: '钥匙齿磨损' } });
    expect(returned.statusCode, returned.body).toBe(200);
    const dateTimeColumn = columnsOf(defects()).find((c) => c.schema.format === 'date-time')!.key;
    expect((returned.json() as { data: Record<string, unknown> }).data.field9).toEqual([{ col2: '钥匙齿磨损', [dateTimeColumn]: kernel.clock.now().toISOString() }]);
  });

  it('refuses a list whose columns carry a regular expression, naming the column', async () => {
    const admin = await kernel.login('admin');
    const def = keyLoanWithList() as { forms: any };
    def.forms.keyLoan.properties.field9.items.properties.col2.pattern = '^(a+)+$';
    const checked = await kernel.call(admin, 'POST', '/api/config/check', { document: { caseTypes: { xKeyLoan: def } } });
    const issues = (checked.json() as { issues: { pointer: string; code: string }[] }).issues;
    expect(issues).toContainEqual(expect.objectContaining({ code: 'pattern-not-allowed', pointer: expect.stringContaining('field9/items/properties/col2/pattern') }));
  });
});
