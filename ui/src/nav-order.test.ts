/** Which case types the navigation lists for a staff member, and in what order. */
import { describe, expect, it } from 'vitest';
import { orderCaseTypes, rolesActOn } from './nav-order.js';

const type = (caseType: string, canCreate: boolean, roles: string[][] = [], system = false) => ({
  caseType, canCreate,
  transitions: Object.fromEntries(roles.map((r, i) => [`t${i}`, { title: { 'zh-CN': '' }, from: [], to: 'x', roles: r, system, form: null, resultField: null }])),
});

describe('navigation by role', () => {
  it('lists what the roles can register or act on; system steps do not count; * sees everything', () => {
    const survey = type('survey', false, [['director']]);
    const repair = type('repair', false, [['technician', 'engineering']]);
    const auto = type('auto', false, [['technician']], true);
    expect(rolesActOn(repair, ['technician'], [])).toBe(true);
    expect(rolesActOn(survey, ['technician'], [])).toBe(false);
    expect(rolesActOn(auto, ['technician'], [])).toBe(false);
    expect(rolesActOn(type('complaint', true), ['technician'], [])).toBe(true);
    expect(rolesActOn(survey, ['admin'], ['*'])).toBe(true);
  });

  it('puts the most used first, then what the staff member registers, then the declared order', () => {
    const types = [type('events', false), type('complaint', true), type('repair', true), type('parcel', false)];
    expect(orderCaseTypes(types, {}).map((c) => c.caseType)).toEqual(['complaint', 'repair', 'events', 'parcel']);
    expect(orderCaseTypes(types, { parcel: 5, repair: 2 }).map((c) => c.caseType)).toEqual(['parcel', 'repair', 'complaint', 'events']);
  });
});
