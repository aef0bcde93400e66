/**
 * Generates TypeScript types from the JSON declarations (principle: declarations are the source
 * of truth, nothing is written twice by hand):
 *  - schemas/*.schema.json      -> schemas/generated/<name>.ts
 *  - plugins/<id>/*.form.json   -> plugins/<id>/generated/<name>.form.ts
 *  - plugins/<id>/plugin.json's config.schema -> plugins/<id>/generated/settings.ts (type <Id>Settings)
 *
 * `--check` regenerates in memory and exits 1 when a committed file differs (CI drift check).
 */
import { readFile, writeFile, mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compile } from 'json-schema-to-typescript';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BANNER = `/* eslint-disable */
/**
 * GENERATED FILE — DO NOT EDIT.
 * Source: {source}
 * Regenerate with \`npm run generate\`; CI fails when this file drifts from its source.
 */`;

interface Output { file: string; content: string }

/** $id URLs are for ajv; json-schema-to-typescript must resolve refs from disk, never the network. */
function stripIds(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripIds);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (k !== '$id' && k !== '$schema') out[k] = stripIds(v);
    return out;
  }
  return value;
}

function toTypeName(fileStem: string): string {
  return fileStem.split(/[-.]/).map((p) => p.charAt(0).toUpperCase() + p.slice(1)).join('');
}

async function compileFile(file: string, typeName: string, cwd: string, source: string, pick?: (json: Record<string, unknown>) => unknown): Promise<string> {
  const json = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
  const schema = stripIds(pick ? pick(json) : json) as Record<string, unknown>;
  schema.title = typeName;
  return compile(schema as never, typeName, {
    cwd,
    bannerComment: BANNER.replace('{source}', source),
    additionalProperties: false,
    unreachableDefinitions: false,
    format: true,
    style: { singleQuote: true },
    $refOptions: { resolve: { http: false } } as never,
  });
}

/**
 * Turns the top-level `export interface X {…}` into `export type X = {…};`. A type alias of an
 * object type fits `Record<string, unknown>` (an interface does not), so a plugin's typed services
 * (`PluginServices<XSettings>`) can still be handed to code that takes the untyped ones.
 */
function asTypeAlias(source: string, typeName: string): string {
  const head = `export interface ${typeName} {`;
  const start = source.indexOf(head);
  if (start < 0) return source;
  const end = source.indexOf('\n}\n', start);
  if (end < 0) throw new Error(`codegen: the end of ${typeName} was not found`);
  return `${source.slice(0, start)}export type ${typeName} = {${source.slice(start + head.length, end)}\n};\n${source.slice(end + 3)}`;
}

async function metaSchemaOutputs(): Promise<Output[]> {
  const dir = path.join(root, 'schemas');
  const files = (await readdir(dir)).filter((f) => f.endsWith('.schema.json') && f !== 'common.schema.json').sort();
  const outputs: Output[] = [];
  for (const f of files) {
    const stem = f.replace('.schema.json', '');
    const typeName = toTypeName(stem) + 'Declaration';
    outputs.push({
      file: path.join(dir, 'generated', `${stem}.ts`),
      content: await compileFile(path.join(dir, f), typeName, dir, `schemas/${f}`),
    });
  }
  return outputs;
}

async function pluginFormOutputs(): Promise<Output[]> {
  const pluginsDir = path.join(root, 'plugins');
  const outputs: Output[] = [];
  for (const entry of (await readdir(pluginsDir, { withFileTypes: true })).filter((e) => e.isDirectory()).sort((a, b) => a.name.localeCompare(b.name))) {
    const dir = path.join(pluginsDir, entry.name);
    const forms = (await readdir(dir)).filter((f) => f.endsWith('.form.json')).sort();
    for (const f of forms) {
      const stem = f.replace('.form.json', '');
      outputs.push({
        file: path.join(dir, 'generated', `${stem}.form.ts`),
        content: await compileFile(path.join(dir, f), toTypeName(stem) + 'Data', dir, `plugins/${entry.name}/${f}`),
      });
    }
    const manifest = JSON.parse(await readFile(path.join(dir, 'plugin.json'), 'utf8').catch(() => '{}')) as { config?: { schema?: unknown } };
    if (manifest.config?.schema) {
      outputs.push({
        file: path.join(dir, 'generated', 'settings.ts'),
        content: asTypeAlias(
          await compileFile(path.join(dir, 'plugin.json'), toTypeName(entry.name) + 'Settings', dir, `plugins/${entry.name}/plugin.json (config.schema)`, (json) => (json.config as { schema: unknown }).schema),
          toTypeName(entry.name) + 'Settings',
        ),
      });
    }
  }
  return outputs;
}

async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  const outputs = [...(await metaSchemaOutputs()), ...(await pluginFormOutputs())];
  const drifted: string[] = [];
  for (const out of outputs) {
    const current = await readFile(out.file, 'utf8').catch(() => null);
    if (current === out.content) continue;
    if (check) drifted.push(path.relative(root, out.file));
    else {
      await mkdir(path.dirname(out.file), { recursive: true });
      await writeFile(out.file, out.content);
      console.log(`wrote ${path.relative(root, out.file)}`);
    }
  }
  if (drifted.length > 0) {
    console.error(`Generated types are out of date (run \`npm run generate\`):\n  ${drifted.join('\n  ')}`);
    process.exit(1);
  }
  if (check) console.log(`generated types up to date (${outputs.length} files)`);
}

await main();
