/**
 * A renamed project is re-read by the project directory (the per-process cache every case request
 * uses): the rename publishes on the cache bus, which on PostgreSQL reaches every instance.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestKernel, type TestKernel } from '../../core/testing/harness.js';

describe('project cache', () => {
  let kernel: TestKernel;
  beforeAll(async () => {
    kernel = await startTestKernel({ plugins: ['service-desk'] });
    await kernel.seed();
  });
  afterAll(async () => kernel?.close());

  it('a renamed project is seen under its new name at once', async () => {
    const admin = await kernel.login('admin');
    const projects = (await kernel.call(admin, 'GET', '/api/projects')).json() as { items: { id: number; name: string }[] };
    const project = projects.items[0]!;
    const companyId = (await kernel.call(admin, 'GET', '/api/auth/me')).json().companyId as number;
    expect((await kernel.projects.get(companyId, project.id))?.name).toBe(project.name); // cached now
    const renamed = await kernel.call(admin, 'PATCH', `/api/projects/${project.id}`, { name: '翠湖花园（一期）' });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect((await kernel.projects.get(companyId, project.id))?.name).toBe('翠湖花园（一期）');
  });
});
