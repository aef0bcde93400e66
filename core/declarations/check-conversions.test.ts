/**
 * Conversions are checked like transitions: unknown target type, state, field or transition, or a
 * source that would never end or resume, is refused with a JSON pointer into the workflow file.
 */
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { readPluginFolder } from './read-plugin-folder.js';
import { checkConversions, checkConversionTargets } from './check-conversions.js';
import { workflowFields } from './check-workflow.js';
import { ROOT_DIR } from '../kernel.js';
import type { PluginBundle } from './plugin-bundle.js';

async function bundle(id: string): Promise<PluginBundle> {
  return structuredClone((await readPluginFolder(path.join(ROOT_DIR, 'plugins', id), `plugins/${id}`)).bundle);
}
const roles = new Set(['frontDesk', 'supervisor', 'manager', 'assistant', 'buildingConcierge']);

describe('conversion declarations', () => {
  it('the shipped conversions pass', async () => {
    const desk = await bundle('service-desk');
    const complaints = await bundle('complaints');
    for (const b of [desk, complaints]) for (const wf of Object.values(b.workflows)) expect(checkConversions(wf, roles, workflowFields(wf, b))).toEqual([]);
    expect(checkConversionTargets([desk, complaints])).toEqual([]); // paid-services not loaded: its targets are dormant
  });

  it('refuses unknown states, transitions, fields and roles, and a source that never ends or resumes', async () => {
    const desk = await bundle('service-desk');
    const wf = desk.workflows.serviceRequest!;
    wf.conversions!.complaint = { ...wf.conversions!.complaint!, from: ['nowhere', 'closed'], roles: ['frontDesk', 'nobody'], waitIn: 'closed', resumeOn: 'answer', fields: { content: 'nothing', place: 'person.age', contactPhone: 'case.serial' } };
    wf.conversions!.repair = { ...wf.conversions!.repair!, waitIn: undefined, resumeOn: undefined, closeAs: 'registered' } as never;
    wf.conversions!.serviceOrder = { ...wf.conversions!.serviceOrder!, closeAs: 'closed' };
    const issues = checkConversions(wf, roles, workflowFields(wf, desk)).map((i) => `${i.pointer} ${i.code}`);
    expect(issues).toEqual(expect.arrayContaining([
      '/conversions/complaint/roles/1 unknown-role',
      '/conversions/complaint/from/0 unknown-state',
      '/conversions/complaint/from/1 from-final-state',
      '/conversions/complaint/waitIn final-wait-state',
      '/conversions/complaint/resumeOn invalid-state',
      '/conversions/complaint/fields/content unknown-field',
      '/conversions/complaint/fields/place unknown-field',
      '/conversions/repair/closeAs not-final',
      '/conversions/serviceOrder close-or-wait',
    ]));
    expect(issues).not.toContain('/conversions/complaint/fields/contactPhone unknown-field');
  });

  it('refuses an unknown target case type or a field its registration form lacks', async () => {
    const desk = await bundle('service-desk');
    const complaints = await bundle('complaints');
    complaints.workflows.complaint!.conversions!.serviceRequest!.fields = { nope: 'content', kind: { value: 'consultation' } };
    complaints.workflows.complaint!.conversions!.parcelDeposit = { label: { 'zh-CN': '转寄存' }, roles: ['frontDesk'], closeAs: 'cancelled' };
    const issues = checkConversionTargets([desk, complaints]);
    expect(issues.map((i) => `${i.file} ${i.pointer} ${i.code}`)).toEqual([
      'plugins/complaints/complaint.workflow.json /conversions/serviceRequest/fields/nope unknown-field',
      'plugins/complaints/complaint.workflow.json /conversions/parcelDeposit unknown-case-type',
    ]);
  });
});
