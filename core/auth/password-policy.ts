/**
 * What a staff password must be (NIST SP 800-63B style: length and a blocklist rather than
 * composition rules): at least 8 characters, not one of the ~49,000 most common passwords
 * (@zxcvbn-ts/language-common's list), and not guessable from patterns, the username or the name
 * (zxcvbn score at least 2 of 4: "aaaaaaaa", "Passw0rd!", "frontdesk1" fail).
 */
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import type { FieldIssue } from '../errors.js';

export const MIN_PASSWORD_LENGTH = 8;
export const MIN_PASSWORD_SCORE = 2;

let checker: { zxcvbn: ZxcvbnFactory; common: Set<string> } | undefined;
/** Built on first use: the dictionaries take a moment to index. */
function load() {
  checker ??= {
    zxcvbn: new ZxcvbnFactory({ dictionary: { ...common.dictionary }, graphs: common.adjacencyGraphs }),
    common: new Set(common.dictionary['passwords-common'].map((p) => p.toLowerCase())),
  };
  return checker;
}

/** Problems with a new password, at `pointer`; empty when it may be used. */
export function passwordIssues(password: string, pointer: string, about: { username?: string; name?: string } = {}): FieldIssue[] {
  if ([...password].length < MIN_PASSWORD_LENGTH) {
    return [{ pointer, code: 'too-short', message: `密码至少 ${MIN_PASSWORD_LENGTH} 个字符 / at least ${MIN_PASSWORD_LENGTH} characters` }];
  }
  const { zxcvbn, common: list } = load();
  if (list.has(password.toLowerCase())) {
    return [{ pointer, code: 'common-password', message: '这是常见密码，请换一个 / this is one of the most common passwords: choose another' }];
  }
  const inputs = [about.username, about.name, 'wuye', '物业'].filter((s): s is string => Boolean(s));
  if (zxcvbn.check(password, inputs).score < MIN_PASSWORD_SCORE) {
    return [{ pointer, code: 'weak-password', message: '密码太容易被猜到（避免重复字符、键盘顺序和用户名）/ too easy to guess: avoid repeats, keyboard runs and the username' }];
  }
  return [];
}
