/** Strings of the plugin settings editor (设置), zh-CN first; English for admins who chose it. */
import { getLanguage } from '../../i18n.js';

const zh = {
  tab: '业务设置',
  heading: '业务设置',
  intro: '各业务模块的参数（价目表、处罚标准、检查项目等）。修改先保存在草稿中，在「审阅与启用」中试运行、提交并启用后生效。',
  choose: '业务模块',
  ownPage: '{title}的设置在「{tab}」中编辑。',
  openOwnPage: '前往「{tab}」',
  none: '已启用的业务模块都没有可在此修改的设置。',
  loading: '正在读取配置…',
  scopeCompany: '全公司',
  scopeProject: '本管理处（不同于全公司的部分）',
  overridden: '本管理处有自己的设置。',
  review: '去审阅与启用',
  changed: '有未启用的修改',
  problems: '这些设置有问题，提交时会被拒绝：',
  addRow: '添加一行',
  removeRow: '删除',
  removeRowOf: '删除第 {n} 行',
  actions: '操作',
};
type Key = keyof typeof zh;

const en: Record<Key, string> = {
  tab: 'Settings',
  heading: 'Procedure settings',
  intro: 'The settings of each procedure (price lists, penalties, checklists…). Changes go into the draft; dry-run, propose and activate them under Review.',
  choose: 'Procedure',
  ownPage: '{title} settings are edited under “{tab}”.',
  openOwnPage: 'Open “{tab}”',
  none: 'No enabled procedure has settings to edit here.',
  loading: 'Loading the configuration…',
  scopeCompany: 'Whole company',
  scopeProject: 'This project (what differs from the company)',
  overridden: 'This project has settings of its own.',
  review: 'Review and activate',
  changed: 'Changes not yet active',
  problems: 'These settings have problems and would be refused:',
  addRow: 'Add a row',
  removeRow: 'Remove',
  removeRowOf: 'Remove row {n}',
  actions: 'Actions',
};

export function pt(key: Key, params: Record<string, string | number> = {}): string {
  const text = (getLanguage() === 'en' ? en : zh)[key];
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ''));
}
