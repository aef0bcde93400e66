/** The admin editor's DOM-free logic: merge-patch diff and composition, the draft store's entries, conditions, layout. */
import { describe, expect, it } from 'vitest';
import { mergePatch } from '../../../core/config/merge-patch.js';
import { composePatch, diffPatch, listChanges, setAt } from './patch.js';
import { fromLogic, toLogic } from './conditions.js';
import { layoutWorkflow, likelyPath } from './workflow-layout.js';
import { DraftStore, declPointer } from './draft-store.js';
import { parseRoute } from '../router.js';
import type { ConfigResponse } from './admin-types.js';
// a copy of a real procedure's states and transitions (ui/ names no plugin: see npm run lint:ui)
import workflow from './sample-workflow.fixture.json' with { type: 'json' };

describe('merge patches', () => {
  it('diff turns a into b, with null for removed members', () => {
    const a = { x: 1, y: { z: 2, w: 3 }, list: [1, 2] };
    const b = { x: 1, y: { z: 5 }, list: [2], n: 'new' };
    const p = diffPatch(a, b);
    expect(p).toEqual({ y: { z: 5, w: null }, list: [2], n: 'new' });
    expect(mergePatch(a, p)).toEqual(b);
    expect(diffPatch(a, structuredClone(a))).toBeUndefined();
  });

  it('compose(A, P) applied to the defaults equals A then P', () => {
    const defaults = { deadlines: { resolve: { duration: { amount: 24, unit: 'hours' }, bySeverity: { major: { amount: 7, unit: 'workingDays' } } }, answer: { duration: { amount: 3, unit: 'workingDays' } } } };
    const a = { deadlines: { answer: null, resolve: { duration: { amount: 2, unit: 'days' } } } };
    const effective = mergePatch(defaults, a);
    const edited = structuredClone(effective) as typeof defaults;
    edited.deadlines.resolve.bySeverity = { major: { amount: 10, unit: 'days' } };
    const composed = composePatch(a, diffPatch(effective, edited));
    expect(mergePatch(defaults, composed)).toEqual(edited);
  });

  it('setAt removes emptied parents; listChanges flattens a diff', () => {
    const doc: Record<string, unknown> = { plugins: { c: { workflows: { w: { x: 1 } } } } };
    setAt(doc, ['plugins', 'c', 'workflows', 'w'], undefined);
    expect(doc).toEqual({});
    expect(listChanges({ a: { b: 1 } }, { a: { b: 2, c: 3 } })).toEqual([
      { pointer: '/a/b', kind: 'changed', before: 1, after: 2 },
      { pointer: '/a/c', kind: 'added', before: undefined, after: 3 },
    ]);
  });
});

describe('the draft store', () => {
  const active = (): ConfigResponse => ({
    version: 3,
    document: { plugins: { desk: { workflows: { complaint: { deadlines: { answer: null } } } } }, roles: { supervisor: { title: { 'zh-CN': '客服主任' } } } },
    effective: {
      roles: { supervisor: { id: 'supervisor', title: { 'zh-CN': '客服主任' }, reportsTo: 'manager', allProjects: false, permissions: [] }, manager: { id: 'manager', title: { 'zh-CN': '客服经理' }, allProjects: true, permissions: [] } },
      calendar: { timezone: 'Asia/Shanghai', holidays: [], workdays: [] },
      plugins: { desk: { manifest: {} as never, forms: {}, ui: {}, rules: {}, workflows: { complaint: { deadlines: { resolve: { duration: { amount: 24, unit: 'hours' } } } } as never } } },
    },
  });

  function store() {
    const s = new DraftStore();
    s.active = active();
    s.discard();
    return s;
  }

  it('writes a company edit over the existing entry and a project edit over the company draft', () => {
    const s = store();
    s.update<{ deadlines: Record<string, { duration: unknown }> }>('desk', 'workflows', 'complaint', (wf) => { wf.deadlines.resolve!.duration = { amount: 2, unit: 'days' }; });
    expect(s.doc.plugins!.desk!.workflows!.complaint).toEqual({ deadlines: { answer: null, resolve: { duration: { amount: 2, unit: 'days' } } } });
    s.update<{ deadlines: Record<string, { duration: unknown }> }>('desk', 'workflows', 'complaint', (wf) => { wf.deadlines.resolve!.duration = { amount: 3, unit: 'days' }; }, 'CH');
    expect(s.doc.projects!.CH!.plugins!.desk!.workflows!.complaint).toEqual({ deadlines: { resolve: { duration: { amount: 3 } } } });
    expect(s.decl<{ deadlines: { resolve: { duration: unknown } } }>('desk', 'workflows', 'complaint', 'CH')!.deadlines.resolve.duration).toEqual({ amount: 3, unit: 'days' });
    // going back to what is in force leaves the document as it was
    s.update<{ deadlines: Record<string, { duration: unknown }> }>('desk', 'workflows', 'complaint', (wf) => { wf.deadlines.resolve!.duration = { amount: 2, unit: 'days' }; }, 'CH');
    s.update<{ deadlines: Record<string, { duration: unknown }> }>('desk', 'workflows', 'complaint', (wf) => { wf.deadlines.resolve!.duration = { amount: 24, unit: 'hours' }; });
    expect(s.doc).toEqual(active().document);
    expect(s.dirty).toBe(false);
  });

  it('renames and adds roles as role patches; deleting a plugin declaration writes null', () => {
    const s = store();
    s.setRole('supervisor', { ...s.roles.supervisor!, title: { 'zh-CN': '客服主管', en: 'Supervisor' } });
    s.setRole('manager', { ...s.roles.manager!, allProjects: false });
    s.setRole('duty', { title: { 'zh-CN': '值班员' }, reportsTo: 'supervisor' });
    expect(s.doc.roles).toEqual({
      supervisor: { title: { 'zh-CN': '客服主管', en: 'Supervisor' } },
      manager: { allProjects: false },
      duty: { title: { 'zh-CN': '值班员' }, reportsTo: 'supervisor', allProjects: false, permissions: [] },
    });
    s.setDecl('desk', 'workflows', 'complaint', null);
    expect(s.doc.plugins!.desk!.workflows!.complaint).toBeNull();
  });

  it('gives an issue to the control with the longest registered pointer', () => {
    const s = store();
    const base = declPointer(null, 'desk', 'workflows', 'complaint', 'deadlines', 'resolve');
    s.register(base);
    s.register(`${base}/duration/amount`);
    s.setIssues([{ pointer: `${base}/duration/amount`, code: 'schema-minimum', message: 'must be >= 0' }, { pointer: `${base}/stopOn/2`, code: 'unknown-state', message: 'unknown state "x"' }], 'check');
    expect(s.issuesAt(`${base}/duration/amount`)).toHaveLength(1);
    expect(s.issuesAt(base).map((i) => i.code)).toEqual(['unknown-state']);
  });
});

describe('admin routes', () => {
  it('parses the editor pages and refuses unknown ones', () => {
    expect(parseRoute('#/admin')).toMatchObject({ name: 'admin', section: 'forms' });
    expect(parseRoute('#/admin/workflow?caseType=complaint')).toMatchObject({ name: 'admin', section: 'workflow' });
    expect(parseRoute('#/admin/workflow?caseType=complaint').query.get('caseType')).toBe('complaint');
    // a tab a plugin may contribute: the editor page itself says when no such tab exists
    expect(parseRoute('#/admin/nothing')).toMatchObject({ name: 'admin', section: 'nothing' });
    expect(parseRoute('#/admin/Nothing!').name).toBe('notFound');
  });
});

describe('conditions', () => {
  it('round-trips the builder shapes and refuses others', () => {
    const c = { field: 'channel', op: '==' as const, value: 'other' };
    expect(toLogic(c)).toEqual({ '==': [{ var: 'data.channel' }, 'other'] });
    expect(fromLogic(toLogic(c))).toEqual(c);
    expect(fromLogic({ in: [{ var: 'data.channel' }, ['phone', 'visit']] })).toEqual({ field: 'channel', op: 'in', value: ['phone', 'visit'] });
    expect(fromLogic({ and: [true] })).toBeNull();
    expect(fromLogic({ '==': [{ var: 'case.state' }, 'x'] })).toBeNull();
  });
});

describe('workflow layout', () => {
  it('puts states in columns by distance from the initial state and finds the main path', () => {
    const layout = layoutWorkflow(workflow as never);
    const layer = (id: string) => layout.nodes.find((n) => n.id === id)!.layer;
    expect(layer('registered')).toBe(0);
    expect(layer('routed')).toBe(1);
    expect(layer('handled')).toBe(2);
    expect(layout.edges.some((e) => e.back && e.transition === 'reclassify')).toBe(true);
    expect(likelyPath(workflow as never)).toEqual(['classify', 'handle', 'reply', 'followUpSatisfied']);
  });

  it('draws a state a transition names but nobody declares', () => {
    const wf = structuredClone(workflow) as typeof workflow;
    (wf.transitions.reply as { to: string }).to = 'nowhere';
    expect(layoutWorkflow(wf as never).nodes.find((n) => n.id === 'nowhere')?.missing).toBe(true);
  });
});

describe('form edits', () => {
  it('adds, moves and removes a field through the form and its layout; removing a plugin field writes null', async () => {
    const { draft } = await import('./draft-store.js');
    const { addField, moveField, removeField, sectionsOf, setFieldRule } = await import('./form-edit.js');
    const form = { 'x-label': { 'zh-CN': '投诉' }, type: 'object', properties: { a: { type: 'string', maxLength: 5 }, b: { type: 'boolean' } }, required: ['a'], additionalProperties: false };
    draft.active = {
      version: 1, document: {},
      effective: { roles: {}, calendar: { timezone: 'Asia/Shanghai', holidays: [], workdays: [] }, plugins: { p: { manifest: {} as never, workflows: {}, rules: {}, forms: { f: form as never }, ui: {} } } },
    };
    draft.discard();
    const ref = { pluginId: 'p', form: 'f', scope: null };
    addField(ref, 'c', { type: 'string', maxLength: 10, 'x-label': { 'zh-CN': '新' } }, true, 'main');
    expect(sectionsOf(ref)[0]!.fields).toEqual(['a', 'b', 'c']);
    moveField(ref, 'c', -1);
    setFieldRule(ref, 'c', 'visibleIf', { '==': [{ var: 'data.b' }, true] });
    expect(draft.doc.plugins!.p!.ui!.f).toEqual({
      form: 'f', sections: [{ id: 'main', title: { 'zh-CN': '投诉' }, fields: ['a', 'c', 'b'] }], fields: { c: { visibleIf: { '==': [{ var: 'data.b' }, true] } } },
    });
    expect(draft.doc.plugins!.p!.forms!.f).toEqual({ properties: { c: { type: 'string', maxLength: 10, 'x-label': { 'zh-CN': '新' } } }, required: ['a', 'c'] });
    removeField(ref, 'c');
    removeField(ref, 'a');
    expect(draft.doc.plugins!.p!.forms!.f).toEqual({ properties: { a: null }, required: null });
    expect(sectionsOf(ref)[0]!.fields).toEqual(['b']);
  });
});
