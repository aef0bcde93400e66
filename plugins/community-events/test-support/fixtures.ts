/** Test fixtures of the community-events plugin: the example plan and attachment uploads. */
import { readFileSync } from 'node:fs';
import type { TestKernel } from '../../../core/testing/harness.js';

export const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000' + '1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082', 'hex');

export const examplePlan = (JSON.parse(readFileSync(new URL('../examples/create-community-event.json', import.meta.url), 'utf8')) as { data: Record<string, unknown> & { theme: string } }).data;

/** Uploads a file as `token` and returns its attachment id. */
export async function upload(kernel: TestKernel, token: string, name: string, content: Buffer = PNG, type = 'image/png'): Promise<string> {
  const boundary = '----wuye' + Math.random().toString(16).slice(2);
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n`),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const res = await kernel.app.inject({ method: 'POST', url: '/api/attachments', headers: { authorization: `Bearer ${token}`, 'content-type': `multipart/form-data; boundary=${boundary}` }, payload });
  if (res.statusCode !== 201) throw new Error(`upload of ${name} failed: ${res.statusCode} ${res.body}`);
  return (res.json() as { id: string }).id;
}
