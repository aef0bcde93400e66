/** The server's refusals in the admin's words: 「中文 / English」 messages split part by part, codes and statuses worded, never English in Chinese. */
import { afterAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../api.js';
import { setLanguage } from '../../i18n.js';
import { failureWords, issueWords } from './registry-i18n.js';

// setLanguage marks <html lang>: enough of a document for it outside a browser
(globalThis as { document?: unknown }).document ??= { documentElement: {} };

const roster = { pointer: '/rows/3/F', code: 'invalid', message: '第 3 行 F 列「建筑面积」 / row 3, column F (area)：建筑面积应为大于 0 的数，最多两位小数 / area: a number above 0 with at most 2 decimals' };
const unknownProject = { pointer: '/rows/2/A', code: 'unknown-project', message: '第 2 行 A 列「项目编码」：本公司没有项目「ZZ」 / row 2: no project "ZZ" in this company' };
const takenUsername = { pointer: '/username', code: 'taken', message: 'choose another username' };

afterAll(() => setLanguage('zh-CN'));

describe('refusals in Chinese', () => {
  it('keeps the Chinese half of each part of a roster message', () => {
    expect(issueWords(roster)).toBe('第 3 行 F 列「建筑面积」：建筑面积应为大于 0 的数，最多两位小数');
    expect(issueWords(unknownProject)).toBe('第 2 行 A 列「项目编码」：本公司没有项目「ZZ」');
  });

  it('words English-only server issues by their code, and calls by their status', () => {
    expect(issueWords(takenUsername)).toBe('已被使用，请换一个。');
    expect(issueWords({ pointer: '/roles/0', code: 'unknown-role', message: 'no role "x"' })).toBe('没有这个岗位。');
    expect(issueWords({ pointer: '/name', code: 'maxLength', message: 'must NOT have more than 100 characters' })).toBe('填写有误。');
    expect(failureWords(new ApiError(403, 'WUYE_FORBIDDEN', 'roles: would carry permissions you do not have yourself'))).toBe('你的岗位无权进行此操作。');
    expect(failureWords(new ApiError(409, 'WUYE_CONFLICT', 'username x is taken', [takenUsername]))).toBe('已被使用，请换一个。');
    expect(failureWords(new ApiError(0, 'network', 'fetch failed'))).toContain('无法连接服务器');
  });
});

describe('refusals in English', () => {
  it('keeps the English half, or the server text', () => {
    setLanguage('en');
    expect(issueWords(roster)).toBe('row 3, column F (area): area: a number above 0 with at most 2 decimals');
    expect(issueWords(unknownProject)).toBe('row 2: no project "ZZ" in this company');
    expect(issueWords(takenUsername)).toBe('choose another username');
  });
});
