/** The company's own case types in the draft: blank or copied, edited by the pages, written whole into caseTypes. */
import { describe, expect, it } from 'vitest';
import { DraftStore, declPointer } from './draft-store.js';
import { asPluginTokens, blankType, companyBundleId, companyTypeSentence, copyOfType, newCaseTypeId } from './company-types.js';
import type { ConfigResponse, PluginDecls } from './admin-types.js';
import workflow from './sample-workflow.fixture.json' with { type: 'json' };

const desk: PluginDecls = {
  manifest: {} as never, rules: { isMajor: { logic: true } as never }, templates: { sheet: '<p>{{case.serial}}</p>', other: 'x' },
  workflows: { complaint: { ...(workflow as object), caseType: 'complaint', form: 'complaint', documents: { sheet: { title: { 'zh-CN': '处理单' }, template: 'sheet' } } } as never },
  forms: { complaint: { type: 'object', properties: {} } as never, unrelated: { type: 'object', properties: {} } as never },
  ui: { complaint: { form: 'complaint', sections: [] } as never, unrelatedUi: { form: 'unrelated', sections: [] } as never },
};

function store() {
  const s = new DraftStore();
  s.active = { version: 1, document: {}, effective: { roles: {}, calendar: { timezone: 'Asia/Shanghai', holidays: [], workdays: [] }, plugins: { desk } } } as ConfigResponse;
  s.discard();
  return s;
}

describe("the company's own case types", () => {
  it('a blank type goes into caseTypes whole and is edited there, not as a plugin patch', () => {
    const s = store();
    const id = newCaseTypeId('', s.caseTypeIds());
    expect(id).toBe('xType1');
    s.addCompanyType(id, blankType(id, { 'zh-CN': '钥匙借用' }, ['frontDesk']));
    const bundle = companyBundleId(id);
    expect(bundle).toBe('x-type1');
    expect(s.decl(bundle, 'workflows', id)).toMatchObject({ caseType: id, initialState: 'open' });
    s.update<{ properties: Record<string, unknown> }>(bundle, 'forms', 'register', (f) => { f.properties.borrower = { type: 'string', maxLength: 20 }; });
    s.setDecl(bundle, 'templates', 'slip', '<p>{{data.borrower}}</p>');
    const doc = s.document() as unknown as { caseTypes: Record<string, { forms: Record<string, { properties: object }>; templates: object }>; plugins?: unknown };
    expect(Object.keys(doc.caseTypes.xType1!.forms.register!.properties)).toEqual(['subject', 'borrower']);
    expect(doc.caseTypes.xType1!.templates).toEqual({ slip: '<p>{{data.borrower}}</p>' });
    expect(doc.plugins).toBeUndefined();
    // the server's problems on it are found where the definition sits
    expect(declPointer(null, bundle, 'forms', 'register', 'properties', 'borrower')).toBe('/document/caseTypes/xType1/forms/register/properties/borrower');
    expect(declPointer(null, bundle, 'workflows', id, 'states')).toBe('/document/caseTypes/xType1/workflow/states');
  });

  it('a copy takes the workflow renamed, the forms it names with their layouts, its documents\' templates and the rules', () => {
    const copy = copyOfType('xComplaintB', { 'zh-CN': '投诉（乙）' }, desk, 'complaint')!;
    expect(copy.workflow).toMatchObject({ caseType: 'xComplaintB', title: { 'zh-CN': '投诉（乙）' } });
    expect(Object.keys(copy.forms)).toEqual(['complaint']);
    expect(Object.keys(copy.ui ?? {})).toEqual(['complaint']);
    expect(copy.templates).toEqual({ sheet: '<p>{{case.serial}}</p>' });
    expect(copy.rules).toEqual(desk.rules);
    expect(copyOfType('xNo', { 'zh-CN': '无' }, desk, 'missing')).toBeNull();
  });

  it('keeps a typed id only inside the company namespace', () => {
    expect(newCaseTypeId('xKeyLoan', ['complaint'])).toBe('xKeyLoan');
    expect(newCaseTypeId('keyLoan', ['xType1'])).toBe('xType2');
  });
});

describe('a copy of a plugin type', () => {
  it("reads the plugin's settings as they are now and leaves out the plugin's own messages", () => {
    const source: PluginDecls = {
      ...desk,
      rules: { route: { logic: { if: [{ var: 'config.department' }, 'a', 'b'] }, examples: [{ context: { data: {} }, result: 'a' }, { context: { config: { department: '' } }, result: 'b' }] } as never },
      workflows: {
        complaint: {
          ...(desk.workflows.complaint as object),
          transitions: {
            reply: { title: { 'zh-CN': '答复' }, from: ['open'], to: 'done', roles: ['frontDesk'], guard: { '!': [{ var: 'config.letters' }] },
              effects: [{ type: 'notify', params: { to: 'resident', template: 'complaintReplied' } }, { type: 'followUp' }] },
          },
        } as never,
      },
    };
    const copy = copyOfType('xB', { 'zh-CN': '乙' }, source, 'complaint', { letters: true, department: '客服部' })!;
    const reply = (copy.workflow.transitions as Record<string, { guard: unknown; effects: unknown[] }>).reply!;
    expect(reply.guard).toEqual({ '!': [true] });
    expect(reply.effects).toEqual([{ type: 'followUp' }]);
    // an example that sets the plugin's setting tests what the copy no longer reads
    expect(copy.rules).toEqual({ route: { logic: { if: ['客服部', 'a', 'b'] }, examples: [{ context: { data: {} }, result: 'a' }] } });
  });
});

describe("a company type's places and changes in words", () => {
  it('reads its paths as its bundle\'s and a whole new type as one sentence', () => {
    expect(asPluginTokens(['caseTypes', 'xType1', 'workflow', 'states', 'open'])).toEqual(['plugins', 'x-type1', 'workflows', 'xType1', 'states', 'open']);
    expect(asPluginTokens(['caseTypes', 'xType1', 'forms', 'register', 'properties'])).toEqual(['plugins', 'x-type1', 'forms', 'register', 'properties']);
    expect(asPluginTokens(['roles', 'frontDesk'])).toEqual(['roles', 'frontDesk']);
    const zh: Record<string, string> = { nt_sentenceAdded: '新增业务类型「{name}」', nt_sentenceForms: '表单{forms}', nt_sentenceForm: '「{name}」（{fields}）', nt_sentenceStates: '状态：{states}', nt_sentenceJoin: '；' };
    const words = { t: (k: string, p: Record<string, string>) => zh[k]!.replace(/\{(\w+)\}/g, (_, n: string) => p[n] ?? ''), title: (t: unknown) => (t as { 'zh-CN'?: string } | undefined)?.['zh-CN'] ?? '', separator: '、' };
    const sentence = companyTypeSentence(blankType('xType1', { 'zh-CN': '钥匙借用' }, ['frontDesk']), true, words);
    expect(sentence).toBe('新增业务类型「钥匙借用」；表单「钥匙借用」（事由）；状态：办理中、已完成');
    expect(sentence).not.toMatch(/[A-Za-z]/);
  });
});
