/** Strings of messages to residents (household log, undelivered list, channel settings), zh-CN default and English. */
import { addMessages, translate, type Params } from '../i18n.js';
import zh from './messages/zh-CN.json' with { type: 'json' };
import en from './messages/en.json' with { type: 'json' };

addMessages('resident-messages', { 'zh-CN': zh, en });

export type ResidentMessageKey = keyof typeof zh;

export function rmt(key: ResidentMessageKey | (string & {}), params?: Params): string {
  return translate('resident-messages', key, params);
}
