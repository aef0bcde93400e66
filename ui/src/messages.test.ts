/**
 * Every message file has its twin in the other language with the same keys and placeholders: the
 * app, the admin editor, the reports page, the forms runtime and each plugin's screens. Chinese
 * never falls back to English (i18n.ts configures no fallback for zh-CN), so a key missing from
 * zh-CN.json would show its raw key to staff — this test is what stops that.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

function messageDirs(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name === 'node_modules' || entry.name === 'dist') continue;
    const full = path.join(dir, entry.name);
    if (entry.name === 'messages' && existsSync(path.join(full, 'zh-CN.json'))) out.push(full);
    else out.push(...messageDirs(full));
  }
  return out;
}

const dirs = [
  ...messageDirs(path.join(root, 'ui')),
  ...messageDirs(path.join(root, 'forms')),
  ...readdirSync(path.join(root, 'plugins')).flatMap((id) => (existsSync(path.join(root, 'plugins', id, 'ui')) ? messageDirs(path.join(root, 'plugins', id, 'ui')) : [])),
];
const read = (file: string): Record<string, unknown> => JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();

describe('message files', () => {
  it('are found for the shell, the admin editor, the forms runtime and the billing plugin', () => {
    const rel = dirs.map((d) => path.relative(root, d));
    expect(rel).toEqual(expect.arrayContaining(['ui/messages', 'ui/src/admin/messages', 'forms/messages', 'plugins/billing/ui/messages']));
  });

  it.each(dirs.map((d) => [path.relative(root, d), d]))('%s: zh-CN and en have the same keys and placeholders', (_name, dir) => {
    const zh = read(path.join(dir, 'zh-CN.json'));
    const en = read(path.join(dir, 'en.json'));
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    for (const [key, text] of Object.entries(zh)) {
      expect(typeof text, key).toBe('string');
      expect(typeof en[key], key).toBe('string');
      expect((text as string).trim(), `${key} is empty in zh-CN`).not.toBe('');
      expect(placeholders(en[key] as string), key).toEqual(placeholders(text as string));
    }
  });
});
