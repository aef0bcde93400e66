/**
 * Strings of the fee-table page (收费标准) and its dry run, zh-CN and English; loaded with that
 * page only. Same language switch as the app.
 */
import { addMessages, translate, type Params } from '../../../../ui/src/plugin-ui-api.js';
import zh from './messages/zh-CN.json' with { type: 'json' };
import en from './messages/en.json' with { type: 'json' };

export type FeeKey = keyof typeof zh;

addMessages('billing-fees', { 'zh-CN': zh, en });

/** A fee-table string; unknown keys come back as themselves. */
export function ft(key: FeeKey | (string & {}), params?: Params): string {
  return translate('billing-fees', key, params);
}

/** Unit types are the registry's: their names and order come from the shell. */
export { compareUnitTypes, unitTypeName } from '../../../../ui/src/plugin-ui-api.js';
