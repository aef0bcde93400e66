/**
 * Typed extension points that plugins contribute to from `definePlugin({ setup })`. Core looks
 * contributions up here instead of letting plugins reach into its internals.
 */
import type { HelperDelegate } from 'handlebars';
import { DOCUMENT_HELPERS } from './documents/helpers.js';
import { APPEND_ROW, appendRow } from './workflow/append-row.js';
import { addRuleOperator } from './rules/contributed-operators.js';
import type {
  EffectContext, EffectHandler, EffectInput, EffectMessageInput, PluginCommand, PluginDatabase, PluginDefinition, PluginRoutes, PluginServices, PluginSetupContext, RegisteredEffect, ScheduledJob, DemoDataSeed, UntypedSettings,
} from './plugin-types.js';

export type {
  EffectContext, EffectHandler, EffectInput, PluginCommand, PluginDatabase, PluginDefinition, PluginRoutes, PluginSetupContext, RegisteredEffect, ScheduledJob, DemoDataSeed, UntypedSettings,
} from './plugin-types.js';

const RESERVED_HELPERS = new Set<string>([...DOCUMENT_HELPERS, 'lookup', 'log', 'blockHelperMissing', 'helperMissing']);

export class ExtensionRegistry {
  readonly effects = new Map<string, RegisteredEffect>();
  readonly templateHelpers = new Map<string, HelperDelegate>();
  readonly jobs = new Map<string, ScheduledJob & { pluginId: string }>();
  readonly routes = new Map<string, PluginRoutes>();
  readonly commands = new Map<string, PluginCommand & { pluginId: string }>();
  readonly databases = new Map<string, PluginDatabase>();
  readonly demoData = new Map<string, DemoDataSeed>();

  /** Effect types built into the workflow engine; plugins add namespaced ones ('billing.postCharge'). */
  static readonly BUILT_IN_EFFECTS = ['set', 'assign', 'followUp'] as const;

  constructor() {
    // core's declarative effects, run like plugin effects (with their params) by any workflow
    this.effects.set(APPEND_ROW, appendRow);
    // messages to residents (core/notifications/notify-effect.ts): the kernel provides the sender
    this.effects.set('notify', (ctx) => {
      if (!this.notify) throw new Error('notify: resident messaging is not started (kernel only)');
      return this.notify(ctx);
    });
  }

  /** the `notify` effect's handler, set by the kernel once the configuration service exists */
  notify: RegisteredEffect | undefined;
  /** what plugin effects' ctx.queueMessages queues with, set by the kernel with `notify` */
  queueMessages: ((em: EffectInput['em'], input: EffectMessageInput & { companyId: number; caseId: number }) => Promise<{ id: number; personId: number | null; status: string }[]>) | undefined;

  effectTypes(): Set<string> {
    return new Set<string>([...ExtensionRegistry.BUILT_IN_EFFECTS, ...this.effects.keys()]);
  }
}

/**
 * Declares a plugin's code. Only what declarations cannot say belongs here. Name the plugin's
 * generated settings type — `definePlugin<RenovationSettings>({ setup(ctx) { … } })` — and every
 * effect (`ctx.settings`), route, job, command and demo seed (`services.configFor(…).settings`)
 * reads them typed. The types are sound because the kernel validates each company's settings
 * against the same `config.schema` before a configuration version becomes active.
 */
export function definePlugin<Settings extends UntypedSettings = UntypedSettings>(definition: PluginDefinition<Settings>): PluginDefinition<Settings> {
  return definition;
}

/** Gives an effect the settings of the plugin that registered it, read when first asked for. */
function withOwnSettings<Settings extends UntypedSettings>(pluginId: string, registry: ExtensionRegistry, handler: EffectHandler<Settings>): RegisteredEffect {
  return (input: EffectInput) => {
    const queueMessages = (message: EffectMessageInput) => {
      if (!registry.queueMessages) throw new Error(`plugin ${pluginId}: resident messaging is not started (kernel only)`);
      return registry.queueMessages(input.em, { ...message, companyId: input.companyId, caseId: input.caseId });
    };
    const ctx = Object.defineProperty({ ...input, queueMessages }, 'settings', {
      enumerable: true,
      get: () => {
        const settings = input.settingsOf(pluginId);
        if (!settings) throw new Error(`plugin ${pluginId}: its settings are missing from configuration version ${input.configVersionId} (is it enabled?)`);
        return settings;
      },
    }) as EffectContext<Settings>;
    return handler(ctx);
  };
}

/**
 * The kernel hands each plugin the services made for it (`createPluginServices(pluginId)`), whose
 * settings are that plugin's, validated against its schema: the one place its type is asserted.
 */
function forPlugin<Settings extends UntypedSettings>(services: PluginServices): PluginServices<Settings> {
  return services as PluginServices<Settings>;
}

const NAME = /^[a-z][a-zA-Z0-9-]*$/;

export function setupContextFor<Settings extends UntypedSettings = UntypedSettings>(pluginId: string, registry: ExtensionRegistry): PluginSetupContext<Settings> {
  const named = (kind: string, name: string) => {
    if (!NAME.test(name)) throw new Error(`plugin ${pluginId}: ${kind} name "${name}" must match ${NAME}`);
    return `${pluginId}.${name}`;
  };
  return {
    pluginId,
    registerEffect: (name, handler) => registry.effects.set(named('effect', name), withOwnSettings(pluginId, registry, handler)),
    registerRuleOperator: (name, definition) => addRuleOperator(pluginId, named('rule operator', name), definition),
    registerTemplateHelper: (name, helper) => {
      // a plugin adds helpers; it never replaces if/each/with or the platform's own
      if (RESERVED_HELPERS.has(name) || registry.templateHelpers.has(name)) throw new Error(`plugin ${pluginId}: template helper "${name}" already exists`);
      registry.templateHelpers.set(name, helper);
    },
    registerJob: (name, job) => registry.jobs.set(named('job', name), { ...job, run: (now, services) => job.run(now, forPlugin<Settings>(services)), pluginId }),
    registerRoutes: (routes) => {
      if (registry.routes.has(pluginId)) throw new Error(`plugin ${pluginId}: routes are already registered`);
      registry.routes.set(pluginId, (app, services) => routes(app, forPlugin<Settings>(services)));
    },
    registerCommand: (name, command) => {
      named('command', name);
      registry.commands.set(`${pluginId}:${name}`, { ...command, run: (args, services) => command.run(args, forPlugin<Settings>(services)), pluginId });
    },
    registerDemoData: (seed) => registry.demoData.set(pluginId, (services, companyId) => seed(forPlugin<Settings>(services), companyId)),
  };
}
