/**
 * Message templates are checked at load like print templates: a notify effect names a known
 * target and a message of its plugin; a message reads only the roots it is rendered with (a
 * workflow's case and data fields, or its declared context), never unescaped output or partials;
 * a company's own templates in configuration are held to the same rules.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadPlugins } from '../declarations/load-plugins.js';
import type { PluginBundle } from '../declarations/plugin-bundle.js';
import { ROOT_DIR } from '../kernel.js';
import { checkCompanyMessages, checkPluginMessages } from './notify-effect-check.js';
import { validateBundle } from '../declarations/validate-bundle.js';
import { ExtensionRegistry } from '../extensions.js';
import { DOCUMENT_HELPERS } from '../documents/helpers.js';

let bundles: PluginBundle[];
const parcel = () => structuredClone(bundles.find((b) => b.id === 'parcel-desk')!);
const check = (b: PluginBundle) => checkPluginMessages(b, Object.entries(b.workflows)).flatMap((f) => f.issues.map((i) => ({ section: f.section, name: f.name, pointer: i.pointer, code: i.code })));

beforeAll(async () => {
  bundles = (await loadPlugins({ pluginsDir: path.join(ROOT_DIR, 'plugins'), only: ['service-desk', 'billing', 'parcel-desk'] })).bundles;
});

describe('plugin messages and notify effects', () => {
  it('the shipped plugins pass', () => {
    for (const b of bundles) expect(check(b)).toEqual([]);
  });

  it('refuses an unknown variable, an unknown field, unescaped output and a partial', () => {
    const b = parcel();
    b.manifest.messages!.parcelArrived!.text = '{{person.phone}} {{data.noSuchField}} {{{data.itemDescription}}} {{> other}}';
    b.manifest.messages!.parcelReminder!.params = { item: '{{bill.amount}}' };
    const key = (i: { pointer: string; code: string }) => `${i.pointer} ${i.code}`;
    // person.phone reads a root the message has (only the name is ever put there); data.noSuchField is not a field
    expect(check(b).map(key).sort()).toEqual([
      '/messages/parcelArrived/text template-partial',
      '/messages/parcelArrived/text unescaped-output',
      '/messages/parcelArrived/text unknown-template-variable',
      '/messages/parcelReminder/params/item unknown-template-variable',
    ]);
  });

  it('refuses a notify effect with an unknown template, target, channel or parameter', () => {
    const b = parcel();
    b.workflows.parcelDeposit!.transitions.checkIn!.effects = [{ type: 'notify', params: { to: 'everyone', template: 'nope', channel: 'fax', loud: true } }];
    expect(check(b).filter((i) => i.section === 'workflows').map((i) => [i.pointer, i.code])).toEqual([
      ['/transitions/checkIn/effects/0/params/loud', 'unknown-param'],
      ['/transitions/checkIn/effects/0/params/to', 'enum'],
      ['/transitions/checkIn/effects/0/params/channel', 'enum'],
      ['/transitions/checkIn/effects/0/params/template', 'unknown-message-template'],
    ]);
  });

  it('staff targets: a role must be declared, and staff take no channel, urgency or building', () => {
    const b = parcel();
    const roles = new Set(['frontDesk', 'supervisor', 'director']);
    const staffCheck = (effects: unknown[]) => {
      b.workflows.parcelDeposit!.transitions.checkIn!.effects = effects as never;
      return checkPluginMessages(b, Object.entries(b.workflows), roles).flatMap((f) => f.issues.map((i) => [i.pointer, i.code]));
    };
    expect(staffCheck([{ type: 'notify', params: { to: 'role', role: 'director', template: 'parcelArrived' } }, { type: 'notify', params: { to: 'assignee', template: 'parcelArrived' } }])).toEqual([]);
    expect(staffCheck([
      { type: 'notify', params: { to: 'role', role: 'nightWatchman', template: 'parcelArrived' } },
      { type: 'notify', params: { to: 'role', template: 'parcelArrived' } },
      { type: 'notify', params: { to: 'assignee', role: 'director', channel: 'sms', urgent: true, template: 'parcelArrived' } },
    ])).toEqual([
      ['/transitions/checkIn/effects/0/params/role', 'unknown-role'],
      ['/transitions/checkIn/effects/1/params/role', 'required'],
      ['/transitions/checkIn/effects/2/params/channel', 'staff-target'],
      ['/transitions/checkIn/effects/2/params/urgent', 'staff-target'],
      ['/transitions/checkIn/effects/2/params/role', 'unknown-param'],
    ]);
  });

  it('loading a plugin refuses a notify effect to an undeclared role, on its pointer', () => {
    const b = parcel();
    b.workflows.parcelDeposit!.transitions.checkIn!.effects = [{ type: 'notify', params: { to: 'role', role: 'nightWatchman', template: 'parcelArrived' } }] as never;
    const issues = validateBundle(b, {
      roles: new Set(bundles.flatMap((x) => Object.keys(x.manifest.roles ?? {}))), effectTypes: new ExtensionRegistry().effectTypes(),
      templateHelpers: new Set(DOCUMENT_HELPERS), pluginIds: new Set(bundles.map((x) => x.id)),
    });
    expect(issues.filter((i) => i.code === 'unknown-role').map((i) => [i.section, i.name, i.pointer])).toEqual([['workflows', 'parcelDeposit', '/transitions/checkIn/effects/0/params/role']]);
  });

  it('a message no workflow sends reads only its declared context', () => {
    const b = bundles.find((x) => x.id === 'billing')!;
    const copy = structuredClone(b);
    copy.manifest.messages!.dunningReminder!.text = '{{arrears.amount}} {{data.amount}}';
    expect(check(copy).map((i) => [i.pointer, i.code])).toEqual([['/messages/dunningReminder/text', 'unknown-template-variable']]);
  });
});

describe('company message templates (configuration notifications.templates)', () => {
  it('replacing a plugin message: that message\'s roots; a new one: its own context', () => {
    const title = { 'zh-CN': '测试' };
    expect(checkCompanyMessages({
      parcelArrived: { title, kind: 'parcel', text: '{{data.itemDescription}} {{data.storageLocation}} {{case.serial}}' },
      dunningReminder: { title, kind: 'billing', text: '{{arrears.months}}' },
      ownNotice: { title, kind: 'notice', text: '{{notice.what}}', context: ['notice'] },
    }, bundles)).toEqual([]);
    expect(checkCompanyMessages({
      parcelArrived: { title, kind: 'parcel', text: '{{data.nope}}' },
      ownNotice: { title, kind: 'notice', text: '{{data.itemDescription}}' },
    }, bundles).map((i) => [i.pointer, i.code])).toEqual([
      ['/notifications/templates/parcelArrived/text', 'unknown-template-variable'],
      ['/notifications/templates/ownNotice/text', 'unknown-template-variable'],
    ]);
  });
});
