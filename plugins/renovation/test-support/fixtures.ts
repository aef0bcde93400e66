/**
 * Shared by the renovation tests: the demo company plus a 230 m² flat (fire review needed),
 * attachment uploads, Beijing-time instants and a tiny signature.
 */
import { readFileSync } from 'node:fs';
import { demoRegistry, type RegistryDocument, type TestKernel } from '../../../core/testing/harness.js';

export const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000' + '1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082', 'hex');
export const SIGNATURE = `data:image/png;base64,${'iVBORw0KGgo'.repeat(4)}`;

/** an instant given as Beijing wall-clock time, 'YYYY-MM-DD HH:MM' */
export const bj = (local: string): string => new Date(`${local.replace(' ', 'T')}:00+08:00`).toISOString();

export function registryWithLargeFlat(): RegistryDocument {
  const doc = demoRegistry() as unknown as { projects: { code: string; buildings: { units: Record<string, unknown>[] }[] }[] };
  doc.projects.find((p) => p.code === 'CH')!.buildings[0]!.units.push({
    number: '401', floor: 4, area: '230.00', unitType: 'residential', status: 'occupied', people: [{ name: '钱进', phone: '13800000009', relation: 'owner' }],
  });
  return doc as unknown as RegistryDocument;
}

export async function upload(kernel: TestKernel, token: string, name: string, content: Buffer = PNG, type = 'image/png'): Promise<{ statusCode: number; id: string }> {
  const boundary = '----wuye' + Math.random().toString(16).slice(2);
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n`),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const res = await kernel.app.inject({ method: 'POST', url: '/api/attachments', headers: { authorization: `Bearer ${token}`, 'content-type': `multipart/form-data; boundary=${boundary}` }, payload });
  return { statusCode: res.statusCode, id: (res.json() as { id: string }).id };
}

export const example = JSON.parse(readFileSync(new URL('../examples/create-renovation.json', import.meta.url), 'utf8')) as { data: Record<string, unknown> };

/** The application's required attachments, uploaded by `token`. */
export async function applicationAttachments(kernel: TestKernel, token: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const field of ['applicantIdCopy', 'contractorLicence', 'workerIdCopies', 'floorPlan', 'electricalPlan', 'plumbingPlan']) {
    const res = await upload(kernel, token, `${field}.png`);
    if (res.statusCode !== 201) throw new Error(`upload of ${field} failed: ${res.statusCode}`);
    out[field] = res.id;
  }
  return out;
}
