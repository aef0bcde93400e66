/** Strings of the billing pages (zh-CN default, English), loaded with those pages only. */
import { addMessages, hasMessage, loc, translate, type Localized, type Params } from '../../../ui/src/plugin-ui-api.js';
import zh from './messages/zh-CN.json' with { type: 'json' };
import en from './messages/en.json' with { type: 'json' };

export type BillingKey = keyof typeof zh;

// billing's own i18next namespace, registered when its first screen loads
addMessages('billing', { 'zh-CN': zh, en });

/** A billing string; unknown keys come back as themselves. */
export function bt(key: BillingKey | (string & {}), params?: Params): string {
  return translate('billing', key, params);
}

/** A key's text when the table has it, else the fallback (states, methods the server may add). */
export function btOr(key: string, fallback: string): string {
  return hasMessage('billing', key) ? translate('billing', key) : fallback;
}

export const text = (value: Localized): string => loc(value);
