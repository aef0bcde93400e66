/**
 * Problems on a company's own type (caseTypes.x…) in the admin's words: the check's places and the
 * names inside its messages are the titles the admin gave (状态「已归还」, 流转「归还钥匙」,
 * 时限「归还期限」), never the ids the designer generated (state1, finish, deadline1).
 */
import { describe, expect, it } from 'vitest';
import { draft } from './draft-store.js';
import { describePointer, issueMessage } from './admin-i18n.js';
import type { ConfigResponse } from './admin-types.js';
import type { CompanyTypeDef } from './company-types.js';

const zh = (s: string) => ({ 'zh-CN': s });
/** TEST DATA: a key-lending type as the designer leaves it, with generated ids */
const keyLoan = {
  workflow: {
    caseType: 'xType1', title: zh('钥匙借用'), form: 'register', initialState: 'state1', createRoles: ['frontDesk'],
    states: { state1: { title: zh('已借出') }, done: { title: zh('已归还'), final: true } },
    transitions: { finish: { title: zh('归还钥匙'), from: ['state1'], to: 'done', roles: ['frontDesk'] } },
    deadlines: { deadline1: { title: zh('归还期限'), startOn: ['state1'], stopOn: ['done'], duration: { amount: 1, unit: 'workingDays' } } },
  },
  forms: { register: { 'x-label': zh('借用登记'), type: 'object', properties: { borrower: { type: 'string', 'x-label': zh('借用人') } } } },
} as unknown as CompanyTypeDef;

function withKeyLoan() {
  draft.active = { version: 1, document: {}, effective: { roles: {}, calendar: { timezone: 'Asia/Shanghai', holidays: [], workdays: [] }, plugins: {} } } as unknown as ConfigResponse;
  draft.discard();
  draft.addCompanyType('xType1', keyLoan);
}

describe("a company type's problems name its parts by their titles", () => {
  it('places read 钥匙借用 · 流程 · 流转「归还钥匙」', () => {
    withKeyLoan();
    expect(describePointer('/document/caseTypes/xType1/workflow/transitions/finish')).toBe('钥匙借用 · 流程 · 流转「归还钥匙」');
    expect(describePointer('/document/caseTypes/xType1/workflow/deadlines/deadline1/duration')).toMatch(/^钥匙借用 · 流程 · 时限「归还期限」/);
    expect(describePointer('/document/caseTypes/xType1/forms/register/properties/borrower')).toBe('钥匙借用 · 表单「借用登记」 · 字段「借用人」');
  });

  it('messages name states, transitions and clocks by their titles', () => {
    withKeyLoan();
    const deadEnd = issueMessage({ pointer: '/document/caseTypes/xType1/workflow/states/state1', code: 'dead-end-state', message: 'state "state1" is not final and no transition leaves it', params: { name: 'state1' } } as never);
    expect(deadEnd).toContain('已借出');
    expect(deadEnd).not.toContain('state1');
    const fromFinal = issueMessage({ pointer: '/document/caseTypes/xType1/workflow/transitions/finish/from/0', code: 'from-final-state', message: '"done" is final', params: { name: 'done' } } as never);
    expect(fromFinal).toContain('已归还');
    expect(fromFinal).not.toContain('done');
    const clock = issueMessage({ pointer: '/document/caseTypes/xType1/workflow/deadlines/deadline1/stopOn', code: 'transition-not-available', message: 'transition "finish" cannot be taken', params: { name: 'finish' } } as never);
    expect(clock).toContain('归还钥匙');
    // what does not exist has no title: its id is all there is to say
    const missing = issueMessage({ pointer: '/document/caseTypes/xType1/workflow/transitions/finish/to', code: 'unknown-state', message: 'unknown state "archived"', params: { name: 'archived' } } as never);
    expect(missing).toContain('archived');
  });
});
