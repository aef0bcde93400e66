/**
 * The compile cache: checking or compiling a configuration again compiles only the declarations
 * whose content changed. Observed through the cache's counters, on four plugins' declarations.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT_DIR } from '../kernel.js';
import { loadPlugins, type LoadedPlugins } from '../declarations/load-plugins.js';
import { DOCUMENT_HELPERS } from '../documents/helpers.js';
import { compileCounts, type CompileCounts } from './compile-cache.js';
import { validateConfigDocument, type ConfigCheckContext } from './validate-config.js';
import { compileConfig } from './compiled-config.js';
import { resolveEffectiveConfig, type ConfigDocument } from './effective-config.js';

let plugins: LoadedPlugins;
let ctx: ConfigCheckContext;

beforeAll(async () => {
  plugins = await loadPlugins({ pluginsDir: path.join(ROOT_DIR, 'plugins'), only: ['service-desk', 'billing', 'complaints', 'paid-services'] });
  ctx = {
    base: plugins.bundles,
    effectTypes: plugins.extensions.effectTypes(),
    templateHelpers: new Set([...DOCUMENT_HELPERS, ...plugins.extensions.templateHelpers.keys()]),
    projectCodes: new Set(['CH', 'JR']),
  };
}, 60_000);

/** What one call compiled (misses) and took from the cache (hits). */
function counted(run: () => void): CompileCounts {
  const before = compileCounts();
  run();
  const after = compileCounts();
  return Object.fromEntries(Object.entries(after).map(([k, v]) => [k, v - before[k as keyof CompileCounts]])) as unknown as CompileCounts;
}

const contentLimit = (maxLength: number): ConfigDocument => ({ plugins: { complaints: { forms: { complaint: { properties: { content: { maxLength } } } } } } }) as ConfigDocument;
const compile = (doc: ConfigDocument) => compileConfig(0, null, resolveEffectiveConfig(plugins.bundles, doc, null), plugins.extensions);

describe('checking a configuration', () => {
  it('a second check of an unchanged draft compiles nothing and validates no plugin again', () => {
    const first = counted(() => expect(validateConfigDocument(contentLimit(1200), ctx)).toEqual([]));
    expect(first.bundleChecks).toBeGreaterThan(0);
    const second = counted(() => expect(validateConfigDocument(contentLimit(1200), ctx)).toEqual([]));
    expect(second.forms).toBe(0);
    expect(second.bundleChecks).toBe(0);
    expect(second.bundleCheckHits).toBe(plugins.bundles.length);
  });

  it('a draft with one field changed validates one plugin again and compiles one form', () => {
    expect(validateConfigDocument(contentLimit(1300), ctx)).toEqual([]);
    const changed = counted(() => expect(validateConfigDocument(contentLimit(1301), ctx)).toEqual([]));
    expect(changed.bundleChecks).toBe(1); // complaints, the plugin the field belongs to
    expect(changed.forms).toBe(1); // the complaint form; the plugin's other forms come from the cache
    expect(changed.formHits).toBeGreaterThan(1);
  });

  it('a refused form stays refused when it comes from the cache', () => {
    const bad = { plugins: { complaints: { forms: { complaint: { properties: { content: { maxLength: 'long' } } } } } } } as unknown as ConfigDocument;
    const first = validateConfigDocument(bad, ctx);
    expect(first.length).toBeGreaterThan(0);
    expect(validateConfigDocument(bad, ctx)).toEqual(first);
  });
});

describe('compiling a configuration', () => {
  it('a version with one field changed compiles one validator; rules, layouts and templates come from the cache', () => {
    compile(contentLimit(1400));
    const again = counted(() => compile(contentLimit(1400)));
    expect(again).toMatchObject({ forms: 0, rules: 0, formRules: 0, templates: 0 });
    const changed = counted(() => compile(contentLimit(1401)));
    expect(changed).toMatchObject({ forms: 1, rules: 0, formRules: 0, templates: 0 });
    expect(changed.formHits + changed.ruleHits + changed.templateHits).toBeGreaterThan(10);
  });

  it('the cached validator validates like a fresh one', () => {
    const type = compile(contentLimit(5)).caseTypes.get('complaint')!;
    const validate = type.validators.get('complaint')!;
    expect(validate({ channel: 'letter', complainantName: '王芳', contactPhone: '13800000001', content: '电梯停运' })).toBe(true);
    expect(validate({ channel: 'letter', complainantName: '王芳', contactPhone: '13800000001', content: '电梯停运了一整天' })).toBe(false);
    expect(validate.errors?.[0]).toMatchObject({ instancePath: '/content', keyword: 'maxLength' });
  });
});
