/**
 * Strings of the editor's own-case-type screens (新建业务类型, 业务类型设置, 新增打印单据), kept in
 * their own files and merged into the editor's `admin` namespace, so at('nt_…') finds them.
 */
import { addMessages } from '../i18n.js';
import zh from './messages/types.zh-CN.json' with { type: 'json' };
import en from './messages/types.en.json' with { type: 'json' };

addMessages('admin', { 'zh-CN': zh, en });

export type TypesKey = keyof typeof zh;
