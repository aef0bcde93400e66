/**
 * Validates a draft of the billing settings (the admin editor's fee dry run) against the plugin's own
 * config schema from plugin.json, so a preview never computes with settings that could not be saved.
 */
import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import { ValidationError } from '../../../core/plugin-api.js';
import type { BillingSettings } from '../generated/settings.js';

const manifest = JSON.parse(readFileSync(new URL('../plugin.json', import.meta.url), 'utf8')) as { config: { schema: object } };

let validator: ValidateFunction | undefined;

function validate(): ValidateFunction {
  if (!validator) {
    // strict off: the schema carries annotation keywords (x-label, x-enumLabels) for the editor
    const ajv = new Ajv({ allErrors: true, strict: false, coerceTypes: false, useDefaults: false });
    validator = ajv.compile(manifest.config.schema);
  }
  return validator;
}

/** The draft as typed settings, or 400 with a pointer under /settings for each problem. */
export function checkedDraft(draft: unknown): BillingSettings {
  const check = validate();
  if (check(draft)) return draft as BillingSettings;
  throw new ValidationError((check.errors ?? []).slice(0, 20).map((e) => ({
    pointer: `/settings${e.instancePath}${e.keyword === 'required' ? `/${(e.params as { missingProperty: string }).missingProperty}` : e.keyword === 'additionalProperties' ? `/${(e.params as { additionalProperty: string }).additionalProperty}` : ''}`,
    code: e.keyword,
    message: e.message ?? 'invalid',
  })));
}
