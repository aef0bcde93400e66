/** definePlugin<Settings>: an effect reads the settings of the plugin that registered it, typed. */
import { describe, expect, expectTypeOf, it } from 'vitest';
import { ExtensionRegistry, definePlugin, setupContextFor, type EffectContext, type EffectInput } from './extensions.js';
import type { PluginServices } from './plugin-types.js';

type FeeSettings = { price: string; items: { code: string }[] };

function input(settings: Record<string, Record<string, unknown>>): EffectInput {
  return { pluginId: 'requests', caseType: 'request', configVersionId: 3, data: {}, settingsOf: (id: string) => settings[id] } as unknown as EffectInput;
}

describe('definePlugin<Settings>', () => {
  it('gives an effect its own plugin\'s settings (not the case type\'s plugin) and keeps the rest of the context', async () => {
    const seen: unknown[] = [];
    const plugin = definePlugin<FeeSettings>({
      setup(ctx) {
        ctx.registerEffect('charge', (effect) => {
          expectTypeOf(effect.settings.price).toEqualTypeOf<string>();
          seen.push(effect.settings.price, effect.caseType);
        });
      },
    });
    const registry = new ExtensionRegistry();
    await plugin.setup(setupContextFor<FeeSettings>('fees', registry));
    await registry.effects.get('fees.charge')!(input({ fees: { price: '12.50', items: [] }, requests: { price: 'wrong' } }));
    expect(seen).toEqual(['12.50', 'request']);
  });

  it('says which plugin\'s settings are missing instead of handing out undefined', async () => {
    const registry = new ExtensionRegistry();
    await definePlugin<FeeSettings>({ setup: (ctx) => ctx.registerEffect('charge', (effect) => void effect.settings.price) }).setup(setupContextFor<FeeSettings>('fees', registry));
    expect(() => registry.effects.get('fees.charge')!(input({}))).toThrow(/plugin fees: its settings are missing from configuration version 3/);
  });

  it('types routes, jobs and commands with the same settings', () => {
    definePlugin<FeeSettings>({
      setup(ctx) {
        ctx.registerRoutes(async (_app, services) => {
          expectTypeOf(services).toEqualTypeOf<PluginServices<FeeSettings>>();
          expectTypeOf((await services.configFor(1)).settings.items).toEqualTypeOf<{ code: string }[]>();
        });
      },
    });
    expectTypeOf<EffectContext['settings']>().toEqualTypeOf<Record<string, unknown>>();
  });
});
