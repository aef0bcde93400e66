/**
 * The README's examples, read from README.md itself and sent as written: the example complaint
 * under "Trying the API" and manual B's configuration patch under "Changing a company's
 * configuration". An example a newcomer copies must work, so editing the README re-runs this.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT_DIR } from '../../core/kernel.js';
import { startTestKernel, type TestKernel } from '../../core/testing/harness.js';

const README = readFileSync(path.join(ROOT_DIR, 'README.md'), 'utf8');

/** The JSON body of the curl command that posts to `route` (its `-d '…'` argument). */
function curlBody(route: string): { url: string; body: unknown } {
  const at = README.indexOf(`localhost:3000${route}`);
  expect(at, `README has a curl example for ${route}`).toBeGreaterThan(-1);
  const data = /-d '([^']+)'/.exec(README.slice(at));
  expect(data, `the ${route} example has a -d body`).not.toBeNull();
  return { url: route, body: JSON.parse(data![1]!) };
}

/** The first ```json block after `heading`. */
function jsonBlockAfter(heading: string): unknown {
  const at = README.indexOf(heading);
  expect(at, `README has the section ${heading}`).toBeGreaterThan(-1);
  const block = /```json\n([\s\S]*?)```/.exec(README.slice(at));
  expect(block, `a json block follows ${heading}`).not.toBeNull();
  return JSON.parse(block![1]!);
}

let kernel: TestKernel;

beforeAll(async () => {
  kernel = await startTestKernel({ plugins: ['service-desk', 'complaints'], startAt: '2026-12-07T02:00:00Z' });
  await kernel.seed();
});

afterAll(async () => {
  await kernel?.close();
});

describe('README examples', () => {
  it('the example complaint registers (201) with the demo front desk', async () => {
    const { url, body } = curlBody('/api/cases/complaint');
    const token = await kernel.login('frontdesk');
    const res = await kernel.call(token, 'POST', url, body);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ caseType: 'complaint', data: { content: '楼道灯坏了' } });
  });

  it("manual B's patch is accepted and activates for the demo admin", async () => {
    const proposal = jsonBlockAfter("### Changing a company's configuration");
    const token = await kernel.login('admin');
    const created = await kernel.call(token, 'POST', '/api/config/versions', proposal);
    expect(created.statusCode, created.body).toBe(201);
    const version = (created.json() as { number: number }).number;
    const activated = await kernel.call(token, 'POST', `/api/config/versions/${version}/activate`, {});
    expect(activated.statusCode, activated.body).toBe(200);
  });
});
