/** Strings of the plugin settings editor (设置), zh-CN first; English for admins who chose it. */
import { addMessages, translate } from '../../i18n.js';
import zh from './messages/zh-CN.json' with { type: 'json' };
import en from './messages/en.json' with { type: 'json' };

type Key = keyof typeof zh;

addMessages('admin-settings', { 'zh-CN': zh, en });

export function pt(key: Key, params: Record<string, string | number> = {}): string {
  return translate('admin-settings', key, params);
}
