/**
 * The print-template editor's live preview (POST /api/config/preview-document,
 * core/http/routes/config-preview.ts): a document of a draft rendered with sample data, through the
 * same page renderer as a real print. Only the template is checked (against the case type's fields,
 * the helpers, the markup allowlist), wherever in the draft it sits — a project's override included —
 * so output is always escaped; the rest of an unfinished draft does not stop the preview.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestKernel, type TestKernel } from '../../core/testing/harness.js';

interface Issue { pointer: string; code: string }
interface Preview { html: string | null; issues: Issue[] }

let kernel: TestKernel;
let admin: string;

beforeAll(async () => {
  kernel = await startTestKernel({ plugins: ['service-desk'], startAt: '2026-11-02T09:00:00+08:00' });
  await kernel.seed();
  admin = await kernel.login('admin');
});
afterAll(async () => kernel?.close());

const SLOW = 120_000;
const preview = async (body: Record<string, unknown>) => {
  const res = await kernel.call(admin, 'POST', '/api/config/preview-document', { caseType: 'serviceRequest', documentId: 'sheet', ...body });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Preview;
};

describe('print template preview', () => {
  it('renders the draft template with the sample data escaped, in the print page', async () => {
    const document = { plugins: { 'service-desk': { templates: { 'service-request': '<section><h1>{{document.title}}</h1><p>{{label "customerName"}}：{{data.customerName}}</p></section>' } } } };
    const out = await preview({ document, data: { customerName: '<b>王女士</b>' } });
    expect(out.issues).toEqual([]);
    expect(out.html).toContain('服务工作单');
    expect(out.html).toContain('&lt;b&gt;王女士&lt;/b&gt;');
    expect(out.html).not.toContain('<b>王女士</b>');
    expect(out.html).toMatch(/^<!doctype html>/i);
  }, SLOW);

  it("refuses a project's override that would print unescaped ({{{ }}}), and renders nothing", async () => {
    const document = { projects: { CH: { plugins: { 'service-desk': { templates: { 'service-request': '<p>{{{data.customerName}}}</p>' } } } } } };
    const out = await preview({ document, projectCode: 'CH', data: { customerName: '<img src=x onerror=alert(1)>' } });
    expect(out.html).toBeNull();
    expect(out.issues).toEqual([expect.objectContaining({ pointer: '/document/projects/CH/plugins/service-desk/templates/service-request', code: 'unescaped-output' })]);
  }, SLOW);

  it('names a field the case type does not have, at the template', async () => {
    const document = { plugins: { 'service-desk': { templates: { 'service-request': '<p>{{data.ownerIdNumber}}</p>' } } } };
    const out = await preview({ document, data: {} });
    expect(out.html).toBeNull();
    expect(out.issues).toEqual([expect.objectContaining({ pointer: '/document/plugins/service-desk/templates/service-request', code: 'unknown-template-variable' })]);
    // names.<field> exists only for house, resident and staff fields
    const named = await preview({ document: { plugins: { 'service-desk': { templates: { 'service-request': '<p>{{names.customerName}}</p>' } } } }, data: {} });
    expect(named.issues).toEqual([expect.objectContaining({ code: 'unknown-template-variable' })]);
  }, SLOW);

  it('previews while another part of the draft is still unfinished', async () => {
    const document = {
      plugins: { 'service-desk': { templates: { 'service-request': '<p>{{data.customerName}}</p>' } } },
      roles: { nightGuard: { title: { 'zh-CN': '夜班保安' }, reportsTo: 'nobodyYet' } },
    };
    const out = await preview({ document, data: { customerName: '王女士' } });
    expect(out.issues).toEqual([]);
    expect(out.html).toContain('王女士');
  }, SLOW);
});
