/**
 * Server issues ({ pointer, code, message }) in the reader's language. The server words its
 * messages in English for developers and logs; staff and admins read Chinese. The text is chosen
 * by the issue's `code` (ajv keywords such as `minimum`, `pattern`, `required`; `schema-<keyword>`
 * from declaration checks; `config-defaults` from a plugin's settings, whose keyword is read from
 * the ajv message; the core's own codes such as `unknown-field`, `invalid-state`, `guard`), with
 * names and limits taken from the English message. The English text stays available as `detail`;
 * an unknown code falls back to it.
 *
 * Loaded only with pages that show server issues (the app's first load does not need it).
 */
import { getLanguage, type Language } from './i18n.js';
import type { Issue } from './types.js';

export interface IssueText {
  /** in the reader's language (the server's text when the code is unknown) */
  text: string;
  /** the server's own message, for the curious and for support */
  detail: string;
  /** whether `text` is a translation (false: the server's English text) */
  translated: boolean;
}

/** Where an issue sits, for wording a `pattern` or `type` problem (a date, a rate, an identifier…). */
export type PatternKind = 'date' | 'decimal' | 'identifier' | 'money' | 'generic';

type Words = (m: string, kind: PatternKind) => string;

const quoted = (m: string): string => /"([^"]*)"/.exec(m)?.[1] ?? /'([^']*)'/.exec(m)?.[1] ?? '';
const limit = (m: string): string => /(-?\d+(?:\.\d+)?)\s*(?:items|properties|characters)?\s*$/.exec(m)?.[1] ?? '';

const PATTERN_ZH: Record<PatternKind, string> = {
  date: '日期格式应为 YYYY-MM-DD（如 2027-01-01）',
  decimal: '应为不小于 0 的数字（如 2.50），不能为负数',
  identifier: '标识须以小写字母开头，只含字母和数字',
  money: '金额格式不正确（不能为负数，最多两位小数，如 1234.50）',
  generic: '格式不正确',
};

const ZH: Record<string, Words> = {
  required: (m) => (quoted(m) ? `缺少必填项“${quoted(m)}”` : '必填'),
  minimum: (m) => `不能小于 ${limit(m) || '下限'}`,
  maximum: (m) => `不能大于 ${limit(m) || '上限'}`,
  exclusiveMinimum: (m) => `必须大于 ${limit(m) || '下限'}`,
  exclusiveMaximum: (m) => `必须小于 ${limit(m) || '上限'}`,
  minLength: (m) => (limit(m) && limit(m) !== '1' ? `至少 ${limit(m)} 个字` : '不能为空'),
  maxLength: (m) => (limit(m) ? `最多 ${limit(m)} 个字` : '太长'),
  minItems: (m) => (limit(m) && limit(m) !== '1' ? `至少需要 ${limit(m)} 项` : '至少需要一项'),
  maxItems: (m) => (limit(m) ? `最多 ${limit(m)} 项` : '项数太多'),
  minProperties: () => '至少需要填写一项',
  uniqueItems: () => '有重复的项',
  multipleOf: (m) => `必须是 ${limit(m)} 的倍数`,
  pattern: (_m, kind) => PATTERN_ZH[kind],
  format: (m, kind) => (/YYYY-MM$/.test(m) ? '月份格式应为 YYYY-MM' : kind === 'generic' ? '格式不正确' : PATTERN_ZH[kind]),
  type: (m, kind) => (kind === 'decimal' || kind === 'money' ? PATTERN_ZH[kind] : /object/.test(m) ? '格式不正确' : '类型不对'),
  enum: () => '不是允许的取值，请从选项中选择',
  const: () => '取值不正确',
  additionalProperties: (m) => (quoted(m) ? `不允许的设置项“${quoted(m)}”` : '有不允许的设置项'),
  'hidden-field': () => '此项不适用（已被条件隐藏），请留空',
  'invalid-state': (m) => `事项当前状态为“${/state (\S+)/.exec(m)?.[1] ?? ''}”，不能进行此操作，请刷新后重试`,
  'invalid-text': () => '含有无法识别的字符',
  'not-linked': () => '此人不是该房屋的业主、住户或代理人',
  guard: (m) => {
    const own = /^(.*?) \/ (.*)$/.exec(m);
    if (own) return own[1]!;
    return `不满足“${quoted(m)}”的条件`;
  },
  stale: () => '已被他人修改，请刷新后重试',
  conflict: () => '与他人同时修改，请重试',
  taken: () => '已被占用，请换一个',
  'self-lockout': () => '不能停用自己，也不能去掉自己的员工管理权限',
  empty: () => '文件是空的',
  multipart: () => '请上传一个文件',
  'too-large': () => '超过大小上限',
  'too-deep': () => '层级太深',
  'unknown-field': (m) => `字段“${quoted(m)}”不存在`,
  'unknown-state': (m) => `状态“${quoted(m)}”不存在`,
  'unknown-role': (m) => `岗位“${quoted(m)}”不存在`,
  'unknown-form': (m) => `表单“${quoted(m)}”不存在`,
  'unknown-rule': (m) => `规则“${quoted(m)}”不存在`,
  'unknown-transition': (m) => `流转“${quoted(m)}”不存在`,
  'unknown-project': (m) => `管理处“${quoted(m) || /project (\S+)/.exec(m)?.[1] || ''}”不存在`,
  'unknown-plugin': (m) => `插件“${quoted(m)}”未安装`,
  'unknown-enum-value': (m) => `“${quoted(m)}”不是选项之一`,
  'unknown-severity': (m) => `“${quoted(m)}”不是严重程度的取值`,
  'unknown-effect': (m) => `效果“${quoted(m)}”不存在`,
  'unknown-template': (m) => `打印模板“${/templates\/(\S+)/.exec(m)?.[1] ?? quoted(m)}”不存在`,
  'unknown-template-variable': (m) => `打印模板读取了不存在的数据“${quoted(m) || (/data\.(\S+)/.exec(m)?.[0] ?? '')}”`,
  'unknown-template-helper': (m) => `打印模板使用了不存在的函数“${quoted(m)}”`,
  'unescaped-output': () => '打印模板不允许不转义的输出（{{{ }}}）',
  'template-syntax': () => '打印模板语法错误',
  'template-partial': () => '打印模板不支持引用其他模板',
  'dead-end-state': (m) => `状态“${quoted(m)}”不是终止状态，但没有流转可以离开它`,
  'no-final-state': () => '流程至少需要一个终止状态',
  'from-final-state': (m) => `“${quoted(m)}”是终止状态，不能从它流转`,
  'no-severity-field': () => '按严重程度设定时限，但表单没有严重程度字段',
  'no-follow-up-policy': () => '流程没有回访规定',
  'case-type-mismatch': () => '事项类型与流程不一致',
  'field-type-conflict': (m) => `字段“${/field "([^"]+)"/.exec(m)?.[1] ?? ''}”在不同表单中的类型不一致`,
  'role-cycle': (m) => `上级关系形成循环：${m.replace(/^.*?:\s*/, '')}`,
  'invalid-timezone': () => '时区无效（例如 Asia/Shanghai）',
  'pattern-not-allowed': () => '公司配置不能使用正则表达式：请用最多字数、选项或格式（电话、邮箱、日期…）',
  'rule-example-failed': (m) => {
    const r = /gives (.*), expected (.*)$/.exec(m);
    return r ? `示例与规则结果不符：规则得出 ${r[1]}，示例应为 ${r[2]}` : '示例与规则结果不符';
  },
  'unknown-variable': (m) => {
    const data = /reads data\.(\S+), but/.exec(m);
    if (data) return `规则读取了不存在的数据：表单中没有字段“${data[1]}”（data.${data[1]}）`;
    const cfg = /reads config\.(\S+), but/.exec(m);
    if (cfg) return `规则读取了不存在的设置：config.${cfg[1]}`;
    const v = /"([^"]+)"/.exec(m)?.[1];
    return v ? `规则读取了不存在的数据：${v}（只能读取 data.、case.、actor.、config. 开头的数据）` : '规则读取了不存在的数据';
  },
  'rule-operator-not-allowed': (m) => `规则使用了不允许的运算“${quoted(m)}”`,
  'rule-arity': (m) => `运算“${quoted(m)}”的参数个数不对`,
  'rule-invalid-argument': (m) => `运算“${quoted(m)}”的参数不对`,
  'rule-object-literal': () => '规则中不能直接写对象，请用运算表达',
  'rule-invalid-value': () => '规则中有无效的值',
  'rule-too-deep': () => '规则嵌套层级太深',
  'rule-too-large': () => '规则太大',
  'rule-forbidden-var-path': (m) => `规则读取的数据名“${quoted(m)}”不允许使用`,
  'rule-invalid-var-path': () => '规则读取的数据名须为固定的点分名称（如 data.amount）',
  'evaluation-failed': () => '规则运行出错',
  'config-schema': () => '插件设置的结构有误',
};

/** The ajv keyword behind a `config-defaults` issue (its message is ajv's own). */
export function keywordOfAjvMessage(message: string): string | null {
  const rules: [RegExp, string][] = [
    [/^must have required property/, 'required'],
    [/^must NOT have additional properties/, 'additionalProperties'],
    [/^must match pattern/, 'pattern'],
    [/^must be >= /, 'minimum'],
    [/^must be <= /, 'maximum'],
    [/^must be > /, 'exclusiveMinimum'],
    [/^must be < /, 'exclusiveMaximum'],
    [/^must be equal to one of the allowed values/, 'enum'],
    [/^must be equal to constant/, 'const'],
    [/^must NOT have fewer than \d+ items/, 'minItems'],
    [/^must NOT have more than \d+ items/, 'maxItems'],
    [/^must NOT have fewer than \d+ properties/, 'minProperties'],
    [/^must NOT have fewer than \d+ characters/, 'minLength'],
    [/^must NOT have more than \d+ characters/, 'maxLength'],
    [/^must NOT have duplicate items/, 'uniqueItems'],
    [/^must match format/, 'format'],
    [/^must be multiple of/, 'multipleOf'],
    [/^must be (string|number|integer|boolean|object|array)/, 'type'],
    [/^must be null$/, 'null'],
    [/^must match a schema in anyOf$/, 'anyOf'],
    [/^property name must be valid$/, 'propertyNames'],
  ];
  for (const [re, k] of rules) if (re.test(message)) return k;
  return null;
}

/** The keyword the issue is about: ajv's keyword for `schema-*` and `config-defaults`, else the code. */
export function issueKeyword(issue: Pick<Issue, 'code' | 'message'>): string {
  if (issue.code.startsWith('schema-')) return issue.code.slice('schema-'.length);
  if (issue.code === 'config-defaults') return keywordOfAjvMessage(issue.message) ?? issue.code;
  return issue.code;
}

/**
 * A nullable or either-or setting fails every branch of its `anyOf` (e.g. a fee item is
 * "null or an object"): ajv then also says "must be null" and "must match a schema in anyOf" at the
 * item itself. Those say nothing when a more precise issue lies under the same place.
 */
export function withoutBranchNoise<T extends Pick<Issue, 'code' | 'message' | 'pointer'>>(issues: readonly T[]): T[] {
  return issues.filter((i) => {
    const k = issueKeyword(i);
    if (k !== 'null' && k !== 'anyOf') return true;
    return !issues.some((o) => o !== i && (o.pointer.startsWith(`${i.pointer}/`) || (o.pointer === i.pointer && !['null', 'anyOf'].includes(issueKeyword(o)))));
  });
}

/** How to word a pattern at this place, from the last names of the pointer and the pattern itself. */
export function patternKindOf(pointer: string, message = ''): PatternKind {
  if (/\\d\{4\}-\\d\{2\}-\\d\{2\}/.test(message) || /\/(from|date|readOn|issuedOn)$/.test(pointer)) return 'date';
  if (/\\d\{1,9\}\(\\\.\\d\{1,2\}\)/.test(message) || /\/(amount|countedCash)$/.test(pointer)) return 'money';
  if (/\\d\{1,6\}\(\\\.\\d\{1,6\}\)/.test(message) || /\/(byUnitType\/[^/]+|price|ratePerDay|entrustedFactor|vacancyFactor|capOfPrincipal|thisMonth|lastMonth|monthBefore|quantity|reading)$/.test(pointer)) return 'decimal';
  if (/\^\[a-z\]/.test(message) || /\/(code|meter)$/.test(pointer)) return 'identifier';
  return 'generic';
}

const NULL_ZH = '取值不正确';

/** An issue in `language` (default: the app's), with the server's text as detail. */
export function issueText(issue: Pick<Issue, 'code' | 'message' | 'pointer'>, language: Language = getLanguage()): IssueText {
  const detail = issue.message;
  if (language !== 'zh-CN') return { text: detail, detail, translated: false };
  const keyword = issueKeyword(issue);
  const words = ZH[keyword] ?? ZH[issue.code];
  if (words) return { text: words(issue.message, patternKindOf(issue.pointer, issue.message)), detail, translated: true };
  if (keyword === 'null' || keyword === 'anyOf') return { text: NULL_ZH, detail, translated: true };
  return { text: detail, detail, translated: false };
}

/** Issues whose `message` is the reader's text (what a form runtime or a list prints as is). */
export function localizeIssues<T extends Issue>(issues: readonly T[], language: Language = getLanguage()): T[] {
  return withoutBranchNoise(issues).map((i) => ({ ...i, message: issueText(i, language).text }));
}
