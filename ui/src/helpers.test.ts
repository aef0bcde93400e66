/** The staff app's DOM-free helpers: routes, countdowns, the queue order, query strings, strings. */
import { describe, expect, it } from 'vitest';
import { withQuery } from './api.js';
import { countdown, dayStartIso, formatDuration, formatFileSize, moneyText, nextDayStartIso } from './format.js';
import { loc, t } from './i18n.js';
import { queueOrder } from './queue-order.js';
import { href, parseRoute } from './router.js';

describe('routes', () => {
  it('parses every page and its query', () => {
    expect(parseRoute('').name).toBe('queue');
    expect(parseRoute('#/?scope=team').query.get('scope')).toBe('team');
    expect(parseRoute('#/cases/complaint')).toMatchObject({ name: 'list', caseType: 'complaint' });
    expect(parseRoute('#/cases/complaint/new')).toMatchObject({ name: 'new', caseType: 'complaint' });
    expect(parseRoute('#/cases/complaint/42')).toMatchObject({ name: 'case', caseType: 'complaint', id: 42 });
    expect(parseRoute('#/units/7')).toMatchObject({ name: 'unit', id: 7 });
    expect(parseRoute('#/follow-ups').name).toBe('followUps');
    expect(parseRoute('#/households?person=张').query.get('person')).toBe('张');
    expect(parseRoute('#/cases/../etc').name).toBe('notFound');
    expect(parseRoute('#/cases/complaint/abc').name).toBe('notFound');
  });

  it('builds links without empty or false parameters', () => {
    expect(href('/cases/complaint', { state: 'registered', q: '', mine: false, cursor: undefined, trail: '0' })).toBe('#/cases/complaint?state=registered&trail=0');
    expect(withQuery('/api/units', { projectId: 1, q: '10', buildingId: null })).toBe('/api/units?projectId=1&q=10');
  });
});

describe('countdowns', () => {
  const now = Date.parse('2026-11-02T09:00:00+08:00');
  it('reads as time left or time overdue', () => {
    expect(countdown('2026-11-02T09:25:00+08:00', now)).toEqual({ text: '剩余 25分钟', overdue: false });
    expect(countdown('2026-11-02T06:00:00+08:00', now)).toEqual({ text: '逾期 3小时', overdue: true });
    expect(countdown('2026-11-02T09:00:30+08:00', now).text).toBe('剩余 不到1分钟');
  });

  it('is coarse for long durations', () => {
    expect(formatDuration(90 * 60_000)).toBe('1小时30分钟');
    expect(formatDuration(7 * 3600_000 + 5 * 60_000)).toBe('7小时');
    expect(formatDuration(26 * 3600_000)).toBe('1天2小时');
    expect(formatDuration(5 * 86_400_000 + 3600_000)).toBe('5天');
  });

  it('turns a day in the company zone into an instant range', () => {
    expect(dayStartIso('2026-11-02')).toBe('2026-11-01T16:00:00.000Z');
    expect(nextDayStartIso('2026-11-02')).toBe('2026-11-02T16:00:00.000Z');
  });
});

describe('the work queue order', () => {
  it('puts overdue first, then the soonest due, then cases without a clock', () => {
    const rows = [
      { id: 1, overdue: false, nextDueAt: null },
      { id: 2, overdue: false, nextDueAt: '2026-11-02T12:00:00Z' },
      { id: 3, overdue: true, nextDueAt: '2026-11-02T08:00:00Z' },
      { id: 4, overdue: false, nextDueAt: '2026-11-02T10:00:00Z' },
      { id: 5, overdue: false, nextDueAt: null },
    ];
    expect([...rows].sort(queueOrder).map((r) => r.id)).toEqual([3, 4, 2, 1, 5]);
  });
});

describe('strings', () => {
  it('fills placeholders and picks declaration titles, falling back to Chinese', () => {
    expect(t('registerType', { type: '客户投诉' })).toBe('登记客户投诉');
    expect(loc({ 'zh-CN': '客户投诉', en: 'Complaint' })).toBe('客户投诉');
    expect(loc(null)).toBe('');
  });
});

describe('amounts and sizes as staff read them', () => {
  it('money with two decimals, file sizes in B / KB / MB', () => {
    expect(moneyText('60')).toBe('¥60.00');
    expect(moneyText('25.5')).toBe('¥25.50');
    expect(moneyText('-3.05')).toBe('¥-3.05');
    expect(formatFileSize(66)).toBe('66 B');
    expect(formatFileSize(35_000)).toBe('34.2 KB');
    expect(formatFileSize(2_500_000)).toBe('2.4 MB');
  });
});
