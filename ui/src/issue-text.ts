/**
 * Server issues ({ pointer, code, message, params }) in the reader's language, through the
 * `errors` i18next namespace (ui/messages/errors/<lang>.json). The server words its messages in
 * English for API users and logs; staff and admins read the message chosen by the issue's `code`
 * (ajv keywords such as `minimum`, `pattern`, `required`; `schema-<keyword>` from declaration
 * checks; `config-defaults` from a plugin's settings, whose keyword is in `params.keyword`; the
 * core's own codes such as `unknown-field`, `invalid-state`, `guard`) filled with the issue's
 * `params` (limit, field, name, state…). The English text stays available as `detail`; an unknown
 * code falls back to it.
 *
 * Loaded only with pages that show server issues (the app's first load does not need it).
 */
import { addMessages, getLanguage, hasMessage, translateIn, type Language, type Params } from './i18n.js';
import type { Issue } from './types.js';
import zh from '../messages/errors/zh-CN.json' with { type: 'json' };
import en from '../messages/errors/en.json' with { type: 'json' };

/** An issue as the server sends it; `params` carry what its wording needs. */
export type IssueLike = Pick<Issue, 'code' | 'message' | 'pointer'> & { params?: Record<string, unknown> };

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

const quoted = (m: string): string => /"([^"]*)"/.exec(m)?.[1] ?? /'([^']*)'/.exec(m)?.[1] ?? '';
const limitIn = (m: string): string => /(-?\d+(?:\.\d+)?)\s*(?:items|properties|characters)?\s*$/.exec(m)?.[1] ?? '';

addMessages('errors', { 'zh-CN': zh, en });

/** What an issue names, for refusals whose message words it differently from a quoted name. */
const LEGACY_NAME: Record<string, (m: string) => string | undefined> = {
  'unknown-project': (m) => /project (\S+)/.exec(m)?.[1],
  'unknown-template': (m) => /templates\/(\S+)/.exec(m)?.[1],
  'unknown-template-variable': (m) => /data\.(\S+)/.exec(m)?.[0],
  'field-type-conflict': (m) => /field "([^"]+)"/.exec(m)?.[1],
};

const text = (v: unknown): string | undefined => (v == null ? undefined : Array.isArray(v) ? v.join('、') : String(v));

/**
 * The values the wording needs. The server sends them as `params` ({ limit }, { field }, { name },
 * { state }, { allowed }…); refusals raised before params existed (some declaration checks) are
 * read from their English message, the only place they still say it.
 */
function paramsOf(issue: IssueLike, keyword: string): Params {
  const p = issue.params ?? {};
  const m = issue.message;
  return {
    name: text(p.field ?? p.name) ?? LEGACY_NAME[keyword]?.(m) ?? quoted(m),
    limit: text(p.limit) ?? limitIn(m),
    state: text(p.state) ?? /state (\S+)/.exec(m)?.[1] ?? '',
    allowed: text(p.allowed) ?? '',
    cycle: m.replace(/^.*?:\s*/, ''),
  };
}

/** Whether the issue's pointer is already the field it names (then "必填" says it all). */
const atItself = (issue: IssueLike, name: string | number | undefined): boolean => !name || issue.pointer.endsWith(`/${String(name)}`);

/** The `errors:` message key for this issue, or null when there is none. */
function messageKey(issue: IssueLike, keyword: string, params: Params, kind: PatternKind): string | null {
  const m = issue.message;
  const limit = String(params.limit ?? '');
  switch (keyword) {
    case 'required': return atItself(issue, params.name) ? 'required' : 'required_named';
    case 'additionalProperties': return atItself(issue, params.name) ? 'additionalProperties' : 'additionalProperties_named';
    case 'minLength': return limit && limit !== '1' ? 'minLength' : 'minLength_1';
    case 'minItems': return limit && limit !== '1' ? 'minItems' : 'minItems_1';
    case 'maxLength': return limit ? 'maxLength' : 'maxLength_unknown';
    case 'maxItems': return limit ? 'maxItems' : 'maxItems_unknown';
    case 'pattern': return `pattern_${kind}`;
    case 'format': return issue.params?.format === 'month' || /YYYY-MM$/.test(m) ? 'format_month' : `pattern_${kind}`;
    case 'type': return kind === 'decimal' || kind === 'money' ? `pattern_${kind}` : /object/.test(m) || issue.params?.type === 'object' ? 'pattern_generic' : 'type';
    case 'rule-example-failed': return /gives (.*), expected (.*)$/.test(m) ? 'rule-example-failed' : 'rule-example-failed_plain';
    case 'unknown-variable':
      if (/reads data\.(\S+), but/.test(m)) return 'unknown-variable_data';
      if (/reads config\.(\S+), but/.test(m)) return 'unknown-variable_config';
      return /"([^"]+)"/.test(m) ? 'unknown-variable_named' : 'unknown-variable';
    default:
      return hasMessage('errors', keyword) ? keyword : hasMessage('errors', issue.code) ? issue.code : null;
  }
}

/** The values of the few codes whose wording takes more than a name or a limit. */
function extraParams(keyword: string, m: string): Params {
  if (keyword === 'rule-example-failed') {
    const r = /gives (.*), expected (.*)$/.exec(m);
    return r ? { got: r[1]!, expected: r[2]! } : {};
  }
  if (keyword === 'unknown-variable') {
    const v = /reads (?:data|config)\.(\S+), but/.exec(m)?.[1] ?? /"([^"]+)"/.exec(m)?.[1];
    return v ? { name: v } : {};
  }
  return {};
}

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
export function issueKeyword(issue: Pick<IssueLike, 'code' | 'message' | 'params'>): string {
  if (issue.code.startsWith('schema-')) return issue.code.slice('schema-'.length);
  if (issue.code === 'config-defaults') return (typeof issue.params?.keyword === 'string' ? issue.params.keyword : null) ?? keywordOfAjvMessage(issue.message) ?? issue.code;
  return issue.code;
}

/**
 * A nullable or either-or setting fails every branch of its `anyOf` (e.g. a fee item is
 * "null or an object"): ajv then also says "must be null" and "must match a schema in anyOf" at the
 * item itself. Those say nothing when a more precise issue lies under the same place.
 */
export function withoutBranchNoise<T extends IssueLike>(issues: readonly T[]): T[] {
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

/** An issue in `language` (default: the app's), with the server's text as detail. */
export function issueText(issue: IssueLike, language: Language = getLanguage()): IssueText {
  const detail = issue.message;
  const keyword = issueKeyword(issue);
  // a guard's own message (or an appendRow's uniqueMessage) comes from the workflow's declaration ({ zh-CN, en }), not from a catalogue
  if (issue.code === 'guard' || ((issue.code === 'duplicate-row' || issue.code === 'already-recorded') && typeof issue.params?.['zh-CN'] === 'string')) {
    const own = typeof issue.params?.['zh-CN'] === 'string' ? { 'zh-CN': issue.params['zh-CN'], en: issue.params.en } : /^(.*?) \/ (.*)$/.exec(detail)?.slice(1);
    if (own) {
      const words = Array.isArray(own) ? { 'zh-CN': own[0], en: own[1] } : own;
      return { text: String((language === 'en' ? words.en : null) ?? words['zh-CN']), detail, translated: true };
    }
  }
  const params = paramsOf(issue, keyword);
  const key = messageKey(issue, keyword, params, patternKindOf(issue.pointer, detail)) ?? (keyword === 'null' || keyword === 'anyOf' ? 'null' : null);
  if (!key) return { text: detail, detail, translated: false };
  return { text: translateIn(language, 'errors', key, { ...params, ...extraParams(keyword, detail) }), detail, translated: true };
}

/** Issues whose `message` is the reader's text (what a form runtime or a list prints as is). */
export function localizeIssues<T extends Issue>(issues: readonly T[], language: Language = getLanguage()): T[] {
  return withoutBranchNoise(issues).map((i) => ({ ...i, message: issueText(i, language).text }));
}
