/**
 * Strings of the workflow designer's declared steps (effects, guards, onExpiry, conversions, the
 * dry run's expiries), kept in their own tables and merged into the editor's 'admin' namespace
 * (ui/src/i18n.ts deep-merges), so `at()` finds them like the editor's other strings.
 */
import { addMessages } from '../i18n.js';
import zh from './messages/designer.zh-CN.json' with { type: 'json' };
import en from './messages/designer.en.json' with { type: 'json' };

addMessages('admin', { 'zh-CN': zh, en });
