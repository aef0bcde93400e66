/**
 * planTransition on its own: a made-up workflow with a guard, a branch, set/assign/followUp
 * effects and a plugin effect, planned without a database or HTTP.
 */
import { describe, expect, it } from 'vitest';
import type { WorkflowDeclaration } from '../../schemas/generated/workflow.js';
import type { CompiledCaseType, CompiledConfig } from '../config/compiled-config.js';
import { RuleRefusedError } from '../errors.js';
import { compileRule, type RuleLogic } from '../rules/index.js';
import { planTransition, type CaseSnapshot, type PlanActor } from './plan-transition.js';

const zh = (text: string) => ({ 'zh-CN': text });

const workflow = {
  caseType: 'request', title: zh('请求'), serialPrefix: 'RQ', form: 'request', createRoles: ['service'], initialState: 'registered',
  severityField: 'level', titleField: 'subject',
  states: {
    registered: { title: zh('已登记') },
    handling: { title: zh('处理中'), assignRole: 'service' },
    urgent: { title: zh('加急'), assignRole: 'manager' },
    closed: { title: zh('已关闭'), final: true },
  },
  transitions: {
    accept: {
      title: zh('受理'), from: ['registered'], to: 'handling', roles: ['service'], guardField: 'content',
      guardMessage: { 'zh-CN': '请填写内容', en: 'content is required' },
      branches: [{ when: { '==': [{ var: 'data.level' }, 'high'] }, to: 'urgent' }],
      effects: [
        { type: 'set', field: 'note', value: { cat: ['受理：', { var: 'data.content' }] } },
        { type: 'assign', to: 'actor' },
        { type: 'followUp' },
        { type: 'billing.postCharge', when: { '==': [{ var: 'data.level' }, 'high'] }, params: { feeCode: 'urgent' } },
      ],
    },
    route: { title: zh('分派'), from: ['handling'], to: 'handling', roles: ['manager'], effects: [{ type: 'assign', rule: 'pickRole' }] },
    close: { title: zh('关闭'), from: ['handling', 'urgent'], to: 'closed', roles: ['manager'] },
  },
} as unknown as WorkflowDeclaration; // a fixture: only the fields planTransition reads

function caseType(pickRole: RuleLogic = 'engineering'): CompiledCaseType {
  const logic = new Map([
    ['transitions/accept/guard', compileRule({ '!!': [{ var: 'data.content' }] })],
    ['transitions/accept/branches/0', compileRule({ '==': [{ var: 'data.level' }, 'high'] })],
    ['transitions/accept/effects/0', compileRule({ cat: ['受理：', { var: 'data.content' }] })],
    ['transitions/accept/effects/3/when', compileRule({ '==': [{ var: 'data.level' }, 'high'] })],
  ]);
  return { pluginId: 'requests', caseType: 'request', workflow, logic, rules: new Map([['pickRole', compileRule(pickRole)]]), settings: {} } as unknown as CompiledCaseType;
}
const config = { roles: new Map([['service', {}], ['manager', {}], ['engineering', {}]]) } as unknown as CompiledConfig;

const snapshot = (over: Partial<CaseSnapshot> = {}): CaseSnapshot => ({
  id: 7, serial: 'RQ-2026-000007', caseType: 'request', state: 'registered', projectId: 1, createdAt: new Date('2026-12-01T02:00:00Z'),
  assigneeRole: 'service', assigneeId: null, data: { subject: '楼道灯不亮' }, ...over,
});
const clerk: PlanActor = { staffId: 42, role: 'service', roles: ['service'] };

describe('planTransition', () => {
  it('refuses when the guard does not hold, naming the guard field and the declared message', () => {
    const refusal = (() => {
      try { planTransition(caseType(), config, snapshot(), 'accept', {}, clerk); } catch (e) { return e; }
      return null;
    })();
    expect(refusal).toBeInstanceOf(RuleRefusedError);
    expect((refusal as RuleRefusedError).message).toContain('请填写内容');
    expect((refusal as RuleRefusedError).issues?.[0]).toMatchObject({ pointer: '/data/content', code: 'guard' });
  });

  it('goes to the declared state, sets fields, assigns the actor and asks for a follow-up', () => {
    const plan = planTransition(caseType(), config, snapshot(), 'accept', { content: '三楼', level: 'low' }, clerk);
    expect(plan).toMatchObject({
      fromState: 'registered', target: 'handling', severity: 'low', title: '楼道灯不亮', assigneeRole: 'service', assigneeId: 42, final: false, followUp: true,
      data: { subject: '楼道灯不亮', content: '三楼', level: 'low', note: '受理：三楼' },
    });
    expect(plan.pluginEffects).toEqual([]); // its condition does not hold for a low level
  });

  it('takes the first branch that holds and queues plugin effects whose condition holds', () => {
    const plan = planTransition(caseType(), config, snapshot(), 'accept', { content: '漏水', level: 'high' }, clerk);
    expect(plan.target).toBe('urgent');
    expect(plan.pluginEffects).toEqual([{ type: 'billing.postCharge', params: { feeCode: 'urgent' } }]);
  });

  it('does not overwrite a field the form filled', () => {
    const plan = planTransition(caseType(), config, snapshot(), 'accept', { content: '三楼', level: 'low', note: '业主自填' }, clerk);
    expect(plan.data.note).toBe('业主自填');
    expect(plan.applied.some((a) => 'set' in a)).toBe(false);
  });

  it('assigns the role a rule picks, and refuses a role the company does not have', () => {
    const handling = snapshot({ state: 'handling', assigneeId: 42 });
    expect(planTransition(caseType('engineering'), config, handling, 'route', {}, clerk)).toMatchObject({ assigneeRole: 'engineering', assigneeId: null });
    expect(() => planTransition(caseType('gardener'), config, handling, 'route', {}, clerk)).toThrow(/gardener/);
  });

  it('a final state leaves the case with nobody', () => {
    const plan = planTransition(caseType(), config, snapshot({ state: 'handling', assigneeId: 42 }), 'close', {}, clerk);
    expect(plan).toMatchObject({ target: 'closed', final: true, assigneeRole: null, assigneeId: null });
  });
});
