import { describe, expect, it } from 'vitest';
import { collectVarPaths } from './index.js';

describe('collectVarPaths', () => {
  it('lists every var form with the pointer of its var node', () => {
    const rule = {
      and: [
        { '>': [{ var: 'data.amount' }, 100] },
        { '==': [{ var: ['case.state'] }, 'open'] },
        { '<': [{ var: ['data.items.0.qty', 0] }, { var: 3 }] },
        { '!!': { var: '' } },
        { '!!': { var: [] } },
      ],
    };
    expect(collectVarPaths(rule)).toEqual([
      { path: 'data.amount', pointer: '/and/0/>/0', scoped: false },
      { path: 'case.state', pointer: '/and/1/==/0', scoped: false },
      { path: 'data.items.0.qty', pointer: '/and/2/</0', scoped: false },
      { path: '3', pointer: '/and/2/</1', scoped: false },
      { path: '', pointer: '/and/3/!!', scoped: false },
      { path: '', pointer: '/and/4/!!', scoped: false },
    ]);
  });

  it('finds vars in defaults, nested rules and custom operators', () => {
    const rule = {
      if: [
        { 'money.cmp': [{ var: 'data.paid' }, { var: ['data.due', { var: 'config.defaultDue' }] }] },
        { 'money.round': [{ 'money.mul': [{ var: 'data.due' }, { var: 'config.rate' }] }, 2, 'halfUp'] },
        '0.00',
      ],
    };
    expect(collectVarPaths(rule).map((r) => `${r.path} ${r.pointer}`)).toEqual([
      'data.paid /if/0/money.cmp/0',
      'data.due /if/0/money.cmp/1',
      'config.defaultDue /if/0/money.cmp/1/var/1',
      'data.due /if/1/money.round/0/money.mul/0',
      'config.rate /if/1/money.round/0/money.mul/1',
    ]);
  });

  it('marks paths inside map/filter/reduce/all/none/some bodies as scoped to the element', () => {
    const rule = {
      some: [
        { filter: [{ var: 'data.items' }, { '>': [{ var: 'price' }, { var: 'threshold' }] }] },
        { reduce: [{ var: 'tags' }, { cat: [{ var: 'accumulator' }, { var: 'current' }] }, { var: 'prefix' }] },
      ],
    };
    expect(collectVarPaths(rule)).toEqual([
      { path: 'data.items', pointer: '/some/0/filter/0', scoped: false },
      { path: 'price', pointer: '/some/0/filter/1/>/0', scoped: true },
      { path: 'threshold', pointer: '/some/0/filter/1/>/1', scoped: true },
      { path: 'tags', pointer: '/some/1/reduce/0', scoped: true },
      { path: 'accumulator', pointer: '/some/1/reduce/1/cat/0', scoped: true },
      { path: 'current', pointer: '/some/1/reduce/1/cat/1', scoped: true },
      { path: 'prefix', pointer: '/some/1/reduce/2', scoped: true },
    ]);
    expect(collectVarPaths({ reduce: [{ var: 'data.items' }, { '+': [1, { var: 'accumulator' }] }, { var: 'data.start' }] })
      .map((r) => [r.path, r.scoped])).toEqual([['data.items', false], ['accumulator', true], ['data.start', false]]);
  });

  it('includes the literal keys of missing and missing_some', () => {
    expect(collectVarPaths({ or: [{ missing: ['data.a', 'data.b'] }, { missing: 'data.c' }, { missing_some: [1, ['data.d', 'data.e']] }] })).toEqual([
      { path: 'data.a', pointer: '/or/0/missing/0', scoped: false },
      { path: 'data.b', pointer: '/or/0/missing/1', scoped: false },
      { path: 'data.c', pointer: '/or/1/missing', scoped: false },
      { path: 'data.d', pointer: '/or/2/missing_some/1/0', scoped: false },
      { path: 'data.e', pointer: '/or/2/missing_some/1/1', scoped: false },
    ]);
  });

  it('reports paths a checker would refuse, and skips computed ones', () => {
    expect(collectVarPaths({ var: '__proto__.x' })).toEqual([{ path: '__proto__.x', pointer: '', scoped: false }]);
    expect(collectVarPaths({ var: { cat: ['data.', { var: 'data.field' }] } })).toEqual([
      { path: 'data.field', pointer: '/var/cat/1', scoped: false },
    ]);
  });

  it('handles literals and malformed input without throwing', () => {
    expect(collectVarPaths(null)).toEqual([]);
    expect(collectVarPaths('data.amount')).toEqual([]);
    expect(collectVarPaths({ a: { var: 'x' }, b: 1 })).toEqual([]);
    let deep: unknown = { var: 'x' };
    for (let i = 0; i < 10_000; i++) deep = { '!': [deep] };
    expect(collectVarPaths(deep)).toEqual([]);
  });
});
