/** Strings of duty-desk's screens (zh-CN default, English), loaded with those screens only. */
import { addMessages, translate, type Params } from '../../../ui/src/plugin-ui-api.js';
import zh from './messages/zh-CN.json' with { type: 'json' };
import en from './messages/en.json' with { type: 'json' };

addMessages('duty-desk', { 'zh-CN': zh, en });
// the wording of duty-desk's refusals (issue codes duty-*), read by the shell's issueText
const errorsOf = (table: Record<string, string>) => Object.fromEntries(Object.entries(table).filter(([k]) => k.startsWith('error.')).map(([k, v]) => [k.slice('error.'.length), v]));
addMessages('errors', { 'zh-CN': errorsOf(zh), en: errorsOf(en) });

export type DutyKey = keyof typeof zh;
export function dt(key: DutyKey, params?: Params): string {
  return translate('duty-desk', key, params);
}
