/** Strings of staff notifications (the bell, the 通知 page), in their own i18next namespace. */
import { addMessages, translate, type Params } from '../i18n.js';
import zh from './messages/zh-CN.json' with { type: 'json' };
import en from './messages/en.json' with { type: 'json' };

addMessages('notifications', { 'zh-CN': zh, en });

export type NotificationKey = keyof typeof zh;

export function nt(key: NotificationKey, params?: Params): string {
  return translate('notifications', key, params);
}
