/** Strings of the 派工规则 tab (zh-CN default, English). */
import { addMessages, translate } from '../../i18n.js';
import zh from './messages/zh-CN.json' with { type: 'json' };
import en from './messages/en.json' with { type: 'json' };

export type AssignmentKey = keyof typeof zh;

addMessages('admin-assignment', { 'zh-CN': zh, en });

export function ast(key: AssignmentKey | (string & {}), params?: Record<string, string | number>): string {
  return translate('admin-assignment', key, params);
}
