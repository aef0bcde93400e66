/**
 * Typed extension points that plugins contribute to from `definePlugin({ setup })`. Core looks
 * contributions up here instead of letting plugins reach into its internals.
 */
import type { HelperDelegate } from 'handlebars';
import { DOCUMENT_HELPERS } from './documents/helpers.js';

const RESERVED_HELPERS = new Set<string>([...DOCUMENT_HELPERS, 'lookup', 'log', 'blockHelperMissing', 'helperMissing']);

/** What an effect handler may read and change while a transition is applied. */
export interface EffectContext {
  readonly caseType: string;
  readonly caseId: number;
  readonly state: string;
  /** the case data after the submitted form was merged in; handlers may change it */
  readonly data: Record<string, unknown>;
  readonly actor: { staffId: number; roles: string[] };
  readonly params: Record<string, unknown>;
}
export type EffectHandler = (ctx: EffectContext) => void | Promise<void>;

export interface ScheduledJob {
  /** how often the job runs, in seconds */
  everySeconds: number;
  run(now: Date): Promise<void>;
}

export class ExtensionRegistry {
  readonly effects = new Map<string, EffectHandler>();
  readonly templateHelpers = new Map<string, HelperDelegate>();
  readonly jobs = new Map<string, ScheduledJob>();

  /** Effect types built into the workflow engine; plugins add namespaced ones ('billing.postCharge'). */
  static readonly BUILT_IN_EFFECTS = ['set', 'assign', 'followUp'] as const;

  effectTypes(): Set<string> {
    return new Set<string>([...ExtensionRegistry.BUILT_IN_EFFECTS, ...this.effects.keys()]);
  }
}

/** The context a plugin's setup receives. Names are namespaced by the plugin id. */
export interface PluginSetupContext {
  readonly pluginId: string;
  /** Adds a workflow effect usable in *.workflow.json as `{ "type": "<pluginId>.<name>" }`. */
  registerEffect(name: string, handler: EffectHandler): void;
  /** Adds a handlebars helper for documents; it must return escaped or plain text. */
  registerTemplateHelper(name: string, helper: HelperDelegate): void;
  /** Adds a job run on a schedule by the kernel's job runner. */
  registerJob(name: string, job: ScheduledJob): void;
}

export interface PluginDefinition {
  setup(ctx: PluginSetupContext): void | Promise<void>;
}

/** Declares a plugin's code. Only what declarations cannot say belongs here. */
export function definePlugin(definition: PluginDefinition): PluginDefinition {
  return definition;
}

export function setupContextFor(pluginId: string, registry: ExtensionRegistry): PluginSetupContext {
  return {
    pluginId,
    registerEffect: (name, handler) => registry.effects.set(`${pluginId}.${name}`, handler),
    registerTemplateHelper: (name, helper) => {
      // a plugin adds helpers; it never replaces if/each/with or the platform's own
      if (RESERVED_HELPERS.has(name) || registry.templateHelpers.has(name)) throw new Error(`plugin ${pluginId}: template helper "${name}" already exists`);
      registry.templateHelpers.set(name, helper);
    },
    registerJob: (name, job) => registry.jobs.set(`${pluginId}.${name}`, job),
  };
}
