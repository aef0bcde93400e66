/**
 * Strings of the 项目与楼栋 screens (zh-CN default, English), and the server's refusals in the
 * admin's words (also used by the staff panel): registry and password messages come as
 * 「中文 / English」 pairs, the rest are worded by code or status — never the server's English.
 */
import { getLanguage } from '../../i18n.js';
import { ApiError } from '../../api.js';
import type { Issue } from '../../types.js';

const zh = {
  tab: '项目与楼栋',
  title: '项目与楼栋',
  hint: '本公司的管理处（项目）与楼栋。项目编码创建后不能修改：各管理处的单独配置和导入清单都按编码对应。',
  projects: '项目（管理处）',
  noProjects: '还没有项目。先新建一个项目，再添加楼栋或导入房屋业主清单。',
  code: '编码',
  name: '名称',
  buildingCount: '楼栋',
  newProject: '新建项目',
  createProject: '新建项目',
  projectCreated: '已新建项目「{name}」。',
  rename: '改名',
  edit: '修改',
  save: '保存',
  cancel: '取消',
  saved: '已保存。',
  showBuildings: '查看楼栋',
  buildingsOf: '{project} 的楼栋',
  noBuildings: '这个项目还没有楼栋。',
  newBuilding: '新建楼栋',
  createBuilding: '新建楼栋',
  buildingCreated: '已新建楼栋「{name}」。',
  codeHint: '字母、数字、- 或 _，最多 32 个',
  roster: '导入房屋业主清单',
  rosterHint: '上传 .xlsx 或 .csv 清单（楼栋、房号、面积、业主）。先检查，全部无误后一次导入；有错时一行也不导入。',
  template: '下载清单模板',
  file: '清单文件',
  check: '检查清单',
  import: '导入清单',
  chooseFile: '请先选择清单文件。',
  checked: '检查通过：共 {rows} 行，可以导入。',
  imported: '已导入 {rows} 行：新建楼栋 {b} 个，新建房屋 {u} 套、更新 {uu} 套，新建业主 {p} 人。',
  rosterErrors: '清单有 {n} 处错误，未导入：',
  loading: '加载中…',
  networkError: '无法连接服务器，请检查网络后重试。',
  forbidden: '你的岗位无权修改项目与楼栋（需要“导入房产档案”权限）。',
  notFound: '没有找到，或不属于本公司。',
  notAllowed: '你的岗位无权进行此操作。',
  taken: '已被使用，请换一个。',
  required: '必填。',
  invalid: '填写有误。',
  tooLarge: '文件太大。',
  unknownRole: '没有这个岗位。',
  unknownProject: '没有这个管理处。',
  selfLockout: '不能停用自己，也不能去掉自己的员工管理权限。',
  busy: '服务器正忙，请稍后再试。',
};

const en: Record<keyof typeof zh, string> = {
  tab: 'Projects & buildings',
  title: 'Projects and buildings',
  hint: "The company's projects (estates) and their buildings. A project's code is fixed once created: per-project settings and roster rows refer to it.",
  projects: 'Projects',
  noProjects: 'No projects yet. Create one, then add buildings or import the roster.',
  code: 'Code',
  name: 'Name',
  buildingCount: 'Buildings',
  newProject: 'New project',
  createProject: 'Create project',
  projectCreated: 'Project “{name}” created.',
  rename: 'Rename',
  edit: 'Edit',
  save: 'Save',
  cancel: 'Cancel',
  saved: 'Saved.',
  showBuildings: 'Buildings',
  buildingsOf: 'Buildings of {project}',
  noBuildings: 'This project has no buildings yet.',
  newBuilding: 'New building',
  createBuilding: 'Create building',
  buildingCreated: 'Building “{name}” created.',
  codeHint: 'letters, digits, - or _, at most 32',
  roster: 'Import the roster',
  rosterHint: 'Upload an .xlsx or .csv roster (buildings, units, areas, owners). Check it first; it is imported all at once, and not at all when a row has an error.',
  template: 'Download the template',
  file: 'Roster file',
  check: 'Check the roster',
  import: 'Import the roster',
  chooseFile: 'Choose a roster file first.',
  checked: 'No problems: {rows} rows, ready to import.',
  imported: 'Imported {rows} rows: {b} buildings created, {u} units created and {uu} updated, {p} owners created.',
  rosterErrors: 'The roster has {n} errors; nothing was imported:',
  loading: 'Loading…',
  networkError: 'Cannot reach the server. Check the network and try again.',
  forbidden: 'Your role may not change projects and buildings (needs “import the registry”).',
  notFound: 'Not found, or not of this company.',
  notAllowed: 'Your role may not do this.',
  taken: 'Already taken: choose another.',
  required: 'Required.',
  invalid: 'Not valid.',
  tooLarge: 'The file is too large.',
  unknownRole: 'No such role.',
  unknownProject: 'No such project.',
  selfLockout: 'You cannot deactivate yourself or drop your own staff management permission.',
  busy: 'The server is busy; try again shortly.',
};

export type RegistryKey = keyof typeof zh;

export function rt(key: RegistryKey, params?: Record<string, string | number>): string {
  const text = (getLanguage() === 'en' ? en : zh)[key];
  return params ? text.replace(/\{(\w+)\}/g, (m, n: string) => (n in params ? String(params[n]) : m)) : text;
}

/**
 * A 「中文 / English」 message in the admin's language. Roster messages pair each part:
 * 「第 3 行 F 列「建筑面积」 / row 3, column F (area)：建筑面积应为… / area: …」, so each part between
 * full-width colons is split on its own (a part with no English stays, in Chinese only).
 */
function half(message: string): string | null {
  if (!message.includes(' / ')) return null;
  const zh = getLanguage() !== 'en';
  const parts = message.split('：').map((part) => {
    const i = part.indexOf(' / ');
    if (i < 0) return zh ? part : null;
    return zh ? part.slice(0, i) : part.slice(i + 3);
  }).filter((p): p is string => Boolean(p));
  return parts.join(zh ? '：' : ': ');
}

/** One field issue in the admin's words (never a pointer or an English-only server text in Chinese). */
export function issueWords(issue: Issue): string {
  const bilingual = half(issue.message);
  if (bilingual) return bilingual;
  // English server text reads as it is in English; a Chinese text was made in the page
  if (getLanguage() === 'en' || /[\u4e00-\u9fff]/.test(issue.message)) return issue.message;
  const byCode: Record<string, RegistryKey> = { taken: 'taken', 'unknown-role': 'unknownRole', 'unknown-project': 'unknownProject', 'self-lockout': 'selfLockout' };
  if (byCode[issue.code]) return rt(byCode[issue.code]!);
  if (issue.code === 'required') return rt('required');
  return rt('invalid');
}

/** What a refused call says at the top of the form. */
export function failureWords(err: unknown): string {
  if (!(err instanceof ApiError) || err.status === 0) return rt('networkError');
  if (err.status === 403) return rt('notAllowed');
  if (err.status === 404) return rt('notFound');
  if (err.status === 409) return err.issues.length ? err.issues.map(issueWords).join(' ') : rt('taken');
  if (err.status === 413) return rt('tooLarge');
  if (err.status === 429) return rt('busy');
  return err.issues.length ? err.issues.map(issueWords).join(' ') : rt('invalid');
}
