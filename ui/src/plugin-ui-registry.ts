/**
 * What the enabled plugins contribute to the app, once their `ui/index.ts` modules are loaded.
 * The shell asks here for pages, navigation entries, admin tabs, report panels and slot panels;
 * it never names a plugin. Pure logic (no build-time import), so it is unit-tested directly.
 */
import { registerWidget } from '../../forms/widget-registry.js';
import type { PluginUi, UiAdminSection, UiNavEntry, UiPage, UiReportPanel, UiSlot, UiText } from './plugin-ui-api.js';

/** `plugins/<id>/ui/index.ts` modules by plugin id, each loaded on demand (see plugin-ui-modules.ts). */
export type PluginUiModules = Record<string, () => Promise<{ default: PluginUi }>>;

export type Contributed<T> = T & { pluginId: string };

const TAG = /^[a-z][a-z0-9]*(-[a-z0-9]+)+$/;
const SECTION = /^[a-z][a-z-]{0,31}$/;
const PARAM = '([A-Za-z0-9_-]{1,64})';

let loaded = new Map<string, PluginUi>();

/** A plugin whose contribution is malformed is left out (and said so on the console) rather than breaking the app. */
function check(pluginId: string, ui: PluginUi): string | null {
  for (const x of [...(ui.pages ?? []), ...(ui.adminSections ?? []), ...(ui.reportPanels ?? []), ...(ui.slots ?? [])]) {
    if (!TAG.test(x.tag)) return `tag "${x.tag}" is not a custom element name`;
  }
  for (const p of ui.pages ?? []) if (!/^(\/[a-z0-9:_-]+)+$/.test(p.path)) return `page path "${p.path}" must look like /words/:param`;
  for (const s of ui.adminSections ?? []) if (!SECTION.test(s.id)) return `admin section id "${s.id}" must be lower-case letters`;
  return pluginId ? null : 'no plugin id';
}

/**
 * Loads the ui modules of the enabled plugins (in parallel; a plugin without a ui/ folder is
 * simply absent) and replaces what was loaded before.
 */
export async function loadPluginUis(modules: PluginUiModules, enabled: readonly string[]): Promise<void> {
  const next = new Map<string, PluginUi>();
  await Promise.all(enabled.filter((id) => modules[id]).map(async (id) => {
    try {
      const ui = (await modules[id]!()).default;
      const problem = check(id, ui);
      if (problem) console.error(`plugins/${id}/ui: ${problem}`);
      else next.set(id, ui);
    } catch (err) {
      console.error(`plugins/${id}/ui could not be loaded`, err);
    }
  }));
  for (const [, ui] of next) {
    for (const w of ui.widgets ?? []) {
      registerWidget(w.registration);
      void w.load();
    }
  }
  loaded = next;
}

type Item<K extends keyof PluginUi> = NonNullable<PluginUi[K]> extends readonly (infer T)[] ? T : never;

function all<K extends keyof PluginUi>(key: K): Contributed<Item<K>>[] {
  const out: Contributed<Item<K>>[] = [];
  for (const [pluginId, ui] of loaded) for (const item of (ui[key] ?? []) as Item<K>[]) out.push({ ...(item as object), pluginId } as Contributed<Item<K>>);
  return out;
}

const byOrder = (a: { order?: number }, b: { order?: number }) => (a.order ?? 100) - (b.order ?? 100);

export const navEntries = (): Contributed<UiNavEntry>[] => all('nav').sort(byOrder);
export const adminSections = (): Contributed<UiAdminSection>[] => all('adminSections');
export const reportPanels = (): Contributed<UiReportPanel>[] => all('reportPanels').sort(byOrder);
export const slotPanels = (slot: UiSlot['slot'], caseType?: string): Contributed<UiSlot>[] =>
  all('slots').filter((s) => s.slot === slot && (!caseType || !s.caseTypes || s.caseTypes.includes(caseType))).sort(byOrder);

/** The page a route path opens, with its parameters. */
export function matchPage(path: string): { page: Contributed<UiPage>; params: Record<string, string> } | null {
  for (const page of all('pages')) {
    const names: string[] = [];
    const pattern = page.path.split('/').map((seg) => (seg.startsWith(':') ? (names.push(seg.slice(1)), PARAM) : seg.replace(/[-]/g, '\\-'))).join('/');
    const m = path.match(new RegExp(`^${pattern}$`));
    if (m) return { page, params: Object.fromEntries(names.map((n, i) => [n, m[i + 1]!])) };
  }
  return null;
}

/** The label of a permission a plugin declared (`<id>.view` → its declared label), in the language asked for. */
export function permissionLabel(permission: string, language: 'zh-CN' | 'en'): string | undefined {
  for (const [, ui] of loaded) {
    const text: UiText | undefined = ui.messages?.permissions?.[permission];
    if (text) return (language === 'en' ? text.en : undefined) ?? text['zh-CN'];
  }
  return undefined;
}

/** Permissions the loaded plugins declare labels for (offered in the roles editor). */
export const declaredPermissions = (): string[] => [...loaded.values()].flatMap((ui) => Object.keys(ui.messages?.permissions ?? {}));
