/** The plugin's default settings as plugin.json declares them: for unit tests, previews of a draft and the benchmark. */
import { readFileSync } from 'node:fs';
import type { BillingSettings } from '../generated/settings.js';

const manifest = JSON.parse(readFileSync(new URL('../plugin.json', import.meta.url), 'utf8')) as { config: { defaults: BillingSettings } };

/** A fresh deep copy of the defaults, with optional top-level overrides. */
export function defaultSettings(overrides: Partial<BillingSettings> = {}): BillingSettings {
  return { ...structuredClone(manifest.config.defaults), ...structuredClone(overrides) };
}
