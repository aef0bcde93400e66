/** The rule environment of a case's rules (core/rules/rule-environment.ts): its configuration version's calendar and settings, and the clock. */
import type { CompiledConfig } from '../config/compiled-config.js';
import type { RuleEnvironment } from '../rules/index.js';

export function caseRuleEnvironment(config: Pick<CompiledConfig, 'calendar' | 'pluginSettings'>, now: Date): RuleEnvironment {
  return { calendar: config.calendar, now, settingsOf: (pluginId) => config.pluginSettings.get(pluginId) };
}
