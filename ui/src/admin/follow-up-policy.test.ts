/** 添加回访要求: the policy, its form and steps made from three answers; removal takes them away again. */
import { describe, expect, it } from 'vitest';
import type { WorkflowDeclaration } from './admin-types.js';
import { blankType } from './company-types.js';
import { addFollowUp, checkAnswers, followableSteps, removeFollowUp, suggestAnswers } from './follow-up-policy.js';

/** 计划拜访 → 记录拜访 → 已拜访 → 办结拜访 → 待回访 ; 取消拜访 → 已完成 (the visits test's shape) */
function visits(): WorkflowDeclaration {
  const wf = blankType('xType1', { 'zh-CN': '拜访客户' }, ['frontDesk']).workflow;
  wf.states.visited = { title: { 'zh-CN': '已拜访' } };
  wf.states.state1 = { title: { 'zh-CN': '待回访' } };
  wf.transitions.transition1 = { title: { 'zh-CN': '记录拜访' }, from: ['open'], to: 'visited', roles: ['frontDesk'] } as never;
  wf.transitions.transition2 = { title: { 'zh-CN': '办结拜访' }, from: ['visited'], to: 'state1', roles: ['frontDesk', 'supervisor'], effects: [{ type: 'appendRow', params: {} }] } as never;
  return wf;
}

describe('添加回访要求', () => {
  it('offers only steps that leave the case waiting (not those into a final state) and suggests the last', () => {
    const wf = visits();
    expect(followableSteps(wf).map(([id]) => id)).toEqual(['transition1', 'transition2']);
    expect(suggestAnswers(wf)).toEqual({ after: 'transition2', satisfiedTo: 'done', unsatisfiedTo: 'visited' });
  });

  it('refuses a missing step, an unknown state, and sending an unsatisfied case back to where it waits', () => {
    const wf = visits();
    expect(checkAnswers(wf, { after: 'finish', satisfiedTo: 'nowhere', unsatisfiedTo: 'state1' })).toEqual({ after: 'fu_afterRequired', satisfiedTo: 'fu_stateRequired' });
    expect(checkAnswers(wf, { after: 'transition2', satisfiedTo: 'done', unsatisfiedTo: 'state1' })).toEqual({ unsatisfiedTo: 'fu_unsatisfiedSame' });
    expect(checkAnswers(wf, suggestAnswers(wf))).toEqual({});
  });

  it('adds the policy, a follow-up form with fresh keys, two system steps from the waiting state and 安排回访 on the chosen step', () => {
    const wf = visits();
    const added = addFollowUp(wf, { after: 'transition2', satisfiedTo: 'done', unsatisfiedTo: 'visited' }, ['register'], ['subject', 'satisfied']);
    const f = added.workflow.followUp!;
    expect(added.formName).toBe('followUp1');
    expect(f).toMatchObject({ form: 'followUp1', method: 'phone', requiredRate: 1, deadline: { amount: 3, unit: 'days' }, roles: ['frontDesk', 'supervisor'] });
    // 'satisfied' is taken by another form of the type: the follow-up's own key is fresh
    expect(f.satisfiedField).not.toBe('satisfied');
    expect(added.form.properties[f.satisfiedField]).toMatchObject({ type: 'boolean' });
    expect(added.form.properties[f.methodField!]).toMatchObject({ enum: ['phone', 'onSite'] });
    expect(added.ui.sections[0]!.fields).toEqual(Object.keys(added.form.properties));
    expect(added.workflow.transitions[f.onSatisfied]).toMatchObject({ from: ['state1'], to: 'done', system: true, roles: ['frontDesk', 'supervisor'], title: { 'zh-CN': '回访满意' } });
    expect(added.workflow.transitions[f.onUnsatisfied]).toMatchObject({ from: ['state1'], to: 'visited', system: true, title: { 'zh-CN': '回访不满意' } });
    expect(new Set([f.onSatisfied, f.onUnsatisfied, ...Object.keys(wf.transitions)]).size).toBe(Object.keys(wf.transitions).length + 2);
    expect(added.workflow.transitions.transition2!.effects).toEqual([{ type: 'appendRow', params: {} }, { type: 'followUp' }]);
    // the workflow passed in is left as it was (the draft edits its own copy)
    expect(wf.followUp).toBeUndefined();
    expect(wf.transitions.transition2!.effects).toHaveLength(1);
  });

  it('removal takes away the policy, its steps and 安排回访, and names the form when nothing else uses it', () => {
    const wf = visits();
    const added = addFollowUp(wf, suggestAnswers(wf), ['register'], ['subject']);
    const removed = removeFollowUp(added.workflow);
    expect(removed.formName).toBe(added.formName);
    expect(removed.workflow).toEqual(wf);
  });
});
