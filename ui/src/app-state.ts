/**
 * What every page needs once per session: the logged-in staff member, the case types they may
 * see (menus, labels, state titles), their projects and the company's role titles.
 */
import { api } from './api.js';
import { loc } from './i18n.js';
import { withSettingOptions } from './option-labels.js';
import type { Building, CaseTypeInfo, FormDeclaration, FormSchema, Me, Project, RoleInfo, UiSchema } from './types.js';

/** The company's declarations in force per plugin (from /api/app-config): all forms, for labels. */
export interface PluginDeclarations {
  forms: Record<string, FormSchema>;
  ui: Record<string, UiSchema>;
  workflows: Record<string, { followUp?: { form?: string } }>;
}

export interface AppState {
  me: Me;
  caseTypes: CaseTypeInfo[];
  projects: Project[];
  /** every role's title */
  roles: Record<string, Pick<RoleInfo, 'title'>>;
  /** the logged-in user's permissions (their roles' and the roles merged into them), as the server decides */
  permissions: string[];
  plugins: Record<string, PluginDeclarations>;
}

/** The staff app's read model of the configuration in force (GET /api/app-config). */
interface AppConfig {
  roles: Record<string, Pick<RoleInfo, 'title'>>;
  permissions: string[];
  plugins: Record<string, PluginDeclarations>;
}

let state: AppState | null = null;
const buildingCache = new Map<number, Promise<Building[]>>();

export async function loadAppState(): Promise<AppState> {
  const me = await api.get<Me>('/api/auth/me');
  const [caseTypes, projects, config] = await Promise.all([
    api.get<{ items: CaseTypeInfo[] }>('/api/case-types').then((r) => r.items).catch(() => [] as CaseTypeInfo[]),
    api.get<{ items: Project[] }>('/api/projects').then((r) => r.items).catch(() => [] as Project[]),
    api.get<AppConfig>('/api/app-config').catch(() => null),
  ]);
  state = { me, caseTypes, projects, roles: config?.roles ?? {}, permissions: config?.permissions ?? [], plugins: config?.plugins ?? {} };
  buildingCache.clear();
  return state;
}

export function clearAppState(): void {
  state = null;
  buildingCache.clear();
}

export function appState(): AppState {
  if (!state) throw new Error('app state not loaded');
  return state;
}

export function caseTypeInfo(caseType: string): CaseTypeInfo | undefined {
  return state?.caseTypes.find((c) => c.caseType === caseType);
}

export function caseTypeTitle(caseType: string): string {
  return loc(caseTypeInfo(caseType)?.title) || caseType;
}

export function stateTitle(caseType: string, stateId: string): string {
  return loc(caseTypeInfo(caseType)?.states[stateId]?.title) || stateId;
}

export function roleTitle(role: string | null | undefined): string {
  if (!role) return '';
  return loc(state?.roles[role]?.title) || role;
}

export function projectName(id: number | null | undefined): string {
  if (id == null) return '';
  return state?.projects.find((p) => p.id === id)?.name ?? `#${id}`;
}

export function buildingsOf(projectId: number): Promise<Building[]> {
  let cached = buildingCache.get(projectId);
  if (!cached) {
    cached = api.get<{ items: Building[] }>('/api/buildings', { projectId }).then((r) => r.items);
    cached.catch(() => buildingCache.delete(projectId));
    buildingCache.set(projectId, cached);
  }
  return cached;
}

/** A form of a case type's plugin, by name: the create form, a transition's or the follow-up's. */
export function formDeclaration(caseType: string, name: string | null | undefined): FormDeclaration | null {
  if (!name) return null;
  const info = caseTypeInfo(caseType);
  if (!info) return null;
  if (info.form.name === name) return info.form;
  const plugin = state?.plugins[info.pluginId];
  const schema = plugin?.forms[name];
  // options from the plugin's settings (a price list) resolved as on the server, so codes read as their titles
  return schema ? { name, schema: withSettingOptions(schema, info.settings), ui: plugin?.ui[name] ?? null } : null;
}

/** The follow-up form's name of a case type, when it has a follow-up policy. */
export function followUpFormName(caseType: string): string | null {
  const info = caseTypeInfo(caseType);
  return (info && state?.plugins[info.pluginId]?.workflows[caseType]?.followUp?.form) ?? null;
}
