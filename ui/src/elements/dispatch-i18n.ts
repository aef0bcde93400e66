/** Strings of named dispatch (经办人, 派给…, 认领, 我登记的), in their own i18next namespace. */
import { addMessages, translate, type Params } from '../i18n.js';
import zh from './dispatch-messages/zh-CN.json' with { type: 'json' };
import en from './dispatch-messages/en.json' with { type: 'json' };

addMessages('dispatch', { 'zh-CN': zh, en });
// the case history names an assignment like any other event (wy-case-timeline reads event_<type>)
addMessages('app', { 'zh-CN': { event_assigned: '派工（经办人变更）' }, en: { event_assigned: 'Assignee changed' } });

export type DispatchKey = keyof typeof zh;

export function dt(key: DispatchKey, params?: Params): string {
  return translate('dispatch', key, params);
}
