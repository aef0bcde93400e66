/** What the shell reads from the plugins' ui modules: pages by path, entries in order, only enabled plugins, bad ones left out. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { listWidgets, unregisterWidget } from '../../forms/widget-registry.js';
import { definePluginUi } from './plugin-ui-api.js';
import { adminSections, declaredPermissions, loadPluginUis, matchPage, navEntries, permissionLabel, reportPanels, slotPanels } from './plugin-ui-registry.js';
import { parseRoute } from './router.js';

const load = () => Promise.resolve();
const desk = definePluginUi({
  pages: [
    { path: '/desk/items', title: { 'zh-CN': '清单' }, tag: 'wy-desk-items', load },
    { path: '/desk/items/:id', title: { 'zh-CN': '条目' }, permission: 'desk.view', tag: 'wy-desk-item', load },
  ],
  nav: [
    { path: '/desk/b', label: { 'zh-CN': '乙' }, order: 20 },
    { path: '/desk/a', label: { 'zh-CN': '甲', en: 'A' }, order: 10 },
  ],
  adminSections: [{ id: 'desk', label: { 'zh-CN': '前台' }, tag: 'wy-desk-admin', load, ownsSettings: true }],
  reportPanels: [{ id: 'p', tag: 'wy-desk-panel', load }],
  slots: [{ slot: 'case', caseTypes: ['parcel'], tag: 'wy-desk-slot', load }],
  widgets: [{ registration: { name: 'desk-code', tag: 'wy-desk-code', tester: () => 1 }, load }],
  messages: { permissions: { 'desk.view': { 'zh-CN': '查看前台', en: 'view the desk' } } },
});
const modules = {
  desk: () => Promise.resolve({ default: desk }),
  other: () => Promise.resolve({ default: definePluginUi({ nav: [{ path: '/other', label: { 'zh-CN': '其他' } }] }) }),
  broken: () => Promise.resolve({ default: definePluginUi({ pages: [{ path: '/x', title: { 'zh-CN': 'x' }, tag: 'NoDash', load }] }) }),
};

afterEach(() => {
  unregisterWidget('desk-code');
  vi.restoreAllMocks();
});

describe('plugin ui registry', () => {
  it('contributes only what the enabled plugins bring, in order, with parameters from the path', async () => {
    await loadPluginUis(modules, ['desk', 'absent']);
    expect(navEntries().map((e) => `${e.pluginId}:${e.path}`)).toEqual(['desk:/desk/a', 'desk:/desk/b']);
    expect(matchPage('/desk/items/42')).toMatchObject({ page: { tag: 'wy-desk-item', pluginId: 'desk' }, params: { id: '42' } });
    expect(matchPage('/desk/items')?.page.tag).toBe('wy-desk-items');
    expect(matchPage('/desk/items/42/more')).toBeNull();
    expect(matchPage('/other')).toBeNull();
    expect(adminSections()[0]).toMatchObject({ id: 'desk', pluginId: 'desk' });
    expect(reportPanels()).toHaveLength(1);
    expect(slotPanels('case', 'parcel')).toHaveLength(1);
    expect(slotPanels('case', 'complaint')).toHaveLength(0);
    expect(slotPanels('household')).toHaveLength(0);
    expect(listWidgets().some((w) => w.name === 'desk-code')).toBe(true);
    expect(permissionLabel('desk.view', 'zh-CN')).toBe('查看前台');
    expect(permissionLabel('desk.view', 'en')).toBe('view the desk');
    expect(declaredPermissions()).toEqual(['desk.view']);
  });

  it('a plugin disabled later loses its entries; a malformed one is left out with a console error', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await loadPluginUis(modules, ['other', 'broken']);
    expect(navEntries().map((e) => e.pluginId)).toEqual(['other']);
    expect(matchPage('/desk/items')).toBeNull();
    expect(matchPage('/x')).toBeNull();
    expect(error).toHaveBeenCalledWith(expect.stringContaining('plugins/broken/ui'));
  });

  it('routes a path the shell does not know to the plugins, and keeps core paths to the core', () => {
    expect(parseRoute('#/desk/items/7?x=1')).toMatchObject({ name: 'plugin', path: '/desk/items/7' });
    expect(parseRoute('#/cases/complaint/abc').name).toBe('notFound');
    expect(parseRoute('#/desk/../etc').name).toBe('notFound');
  });
});
