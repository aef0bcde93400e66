/**
 * Strings of the form builder's 明细表 kind (list of rows) and its column editor, kept in their own
 * tables and merged into the editor's 'admin' namespace (ui/src/i18n.ts deep-merges), so `at()` finds them.
 */
import { addMessages } from '../i18n.js';
import zh from './messages/listkind.zh-CN.json' with { type: 'json' };
import en from './messages/listkind.en.json' with { type: 'json' };

addMessages('admin', { 'zh-CN': zh, en });
