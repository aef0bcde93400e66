import { describe, expect, it } from 'vitest';
import { jsonDiff } from './json-diff.js';

describe('jsonDiff', () => {
  it('lists added, removed and changed leaves with their pointers', () => {
    const before = { roles: { frontDesk: { title: { 'zh-CN': '前台' } } }, plugins: { complaints: { workflows: { complaint: { deadlines: { resolve: { duration: { amount: 24, unit: 'hours' } } } } } } }, calendar: { holidays: ['2026-12-24'] } };
    const after = { roles: { frontDesk: { title: { 'zh-CN': '接待员' } }, cashier: { title: { 'zh-CN': '收银' } } }, plugins: { complaints: { workflows: { complaint: { deadlines: { resolve: { duration: { amount: 2, unit: 'days' } } } } } } } };
    expect(jsonDiff(before, after)).toEqual([
      { pointer: '/roles/frontDesk/title/zh-CN', kind: 'changed', before: '前台', after: '接待员' },
      { pointer: '/roles/cashier', kind: 'added', after: { title: { 'zh-CN': '收银' } } },
      { pointer: '/plugins/complaints/workflows/complaint/deadlines/resolve/duration/amount', kind: 'changed', before: 24, after: 2 },
      { pointer: '/plugins/complaints/workflows/complaint/deadlines/resolve/duration/unit', kind: 'changed', before: 'hours', after: 'days' },
      { pointer: '/calendar', kind: 'removed', before: { holidays: ['2026-12-24'] } },
    ]);
    expect(jsonDiff(after, after)).toEqual([]);
  });
});
