/**
 * The shapes of what onboarding accepts, shared by the operator API, the company admin's API and
 * the CLI, so a scripted install is refused for the same reasons, with the same field pointers, as
 * a request. Each check returns issues (empty when fine) rather than throwing.
 */
import { IANAZone } from 'luxon';
import type { FieldIssue } from '../errors.js';
import { passwordIssues } from '../auth/password-policy.js';

/** company, project and building codes: what the roster's 项目编码 / 楼栋编码 columns accept */
export const CODE_PATTERN = '^[A-Za-z0-9_-]{1,32}$';
/** staff and operator usernames, as /api/staff takes them */
export const USERNAME_PATTERN = '^[a-z0-9][a-z0-9._-]{1,63}$';

const CODE = new RegExp(CODE_PATTERN);
const USERNAME = new RegExp(USERNAME_PATTERN);

export function codeIssues(value: unknown, pointer: string): FieldIssue[] {
  if (typeof value !== 'string' || !CODE.test(value)) {
    return [{ pointer, code: 'pattern', message: '编码只能是 1–32 个字母、数字、- 或 _ / a code is 1–32 letters, digits, - or _' }];
  }
  return [];
}

export function nameIssues(value: unknown, pointer: string, max = 200): FieldIssue[] {
  if (typeof value !== 'string' || !value.trim()) return [{ pointer, code: 'required', message: '名称不能为空 / a name is required' }];
  if ([...value].length > max) return [{ pointer, code: 'maxLength', message: `名称最多 ${max} 个字 / at most ${max} characters` }];
  return [];
}

export function usernameIssues(value: unknown, pointer: string): FieldIssue[] {
  if (typeof value !== 'string' || !USERNAME.test(value)) {
    return [{ pointer, code: 'pattern', message: '用户名为 2–64 个小写字母、数字、. _ -，以字母或数字开头 / 2–64 lower-case letters, digits, . _ -, starting with a letter or digit' }];
  }
  return [];
}

export function timezoneIssues(value: unknown, pointer: string): FieldIssue[] {
  // IANAZone.isValidZone refuses luxon's own forms ('UTC+8', 'local') that the calendar would not take
  if (typeof value !== 'string' || !IANAZone.isValidZone(value)) {
    return [{ pointer, code: 'invalid-timezone', message: '时区应为 IANA 时区名，例如 Asia/Shanghai / an IANA time zone such as Asia/Shanghai' }];
  }
  return [];
}

/** A new account's password: the staff password policy (core/auth/password-policy.ts). */
export function newPasswordIssues(value: unknown, pointer: string, about: { username?: string; name?: string }): FieldIssue[] {
  if (typeof value !== 'string') return [{ pointer, code: 'required', message: '需要密码 / a password is required' }];
  if (value.length > 200) return [{ pointer, code: 'maxLength', message: '密码最多 200 个字符 / at most 200 characters' }];
  return passwordIssues(value, pointer, about);
}
