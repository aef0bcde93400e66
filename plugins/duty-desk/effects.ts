/**
 * The duty log's effects: each logged entry becomes a stamped row of the shift's `entries` list
 * (who recorded it and when), and the handover names a real colleague as the incoming staff.
 */
import { RuleRefusedError, Staff, StaffProject, WorkCase, type EffectContext } from '../../core/plugin-api.js';

const ENTRY_FIELDS = ['entryTime', 'entryKind', 'entryContent', 'entryAction', 'entryCaseSerial'] as const;

export interface DutyEntryRow {
  time: string;
  kind: string;
  content: string;
  action?: string;
  caseSerial?: string;
  recordedBy?: string;
  recordedAt: string;
}

/** `duty-desk.appendEntry`: moves the submitted entry into `data.entries`, stamped. */
export async function appendEntry(e: EffectContext): Promise<void> {
  const data = e.data as Record<string, unknown>;
  const actor = e.actor.staffId ? await e.em.findOne(Staff, { id: e.actor.staffId, companyId: e.companyId }, { fields: ['name'] }) : null;
  // the stored list, never one a client sent along with the entry
  const stored = await e.em.findOne(WorkCase, { id: e.caseId, companyId: e.companyId });
  const entries = Array.isArray(stored?.data.entries) ? [...(stored!.data.entries as DutyEntryRow[])] : [];
  const row: DutyEntryRow = { time: String(data.entryTime), kind: String(data.entryKind), content: String(data.entryContent), recordedAt: e.now.toISOString() };
  if (typeof data.entryAction === 'string' && data.entryAction !== '') row.action = data.entryAction;
  if (typeof data.entryCaseSerial === 'string' && data.entryCaseSerial !== '') row.caseSerial = data.entryCaseSerial;
  if (actor) row.recordedBy = actor.name;
  entries.push(row);
  data.entries = entries;
  for (const f of ENTRY_FIELDS) delete data[f];
}

/**
 * `duty-desk.checkIncoming`: the incoming staff, picked by name, must be an active colleague of the
 * company working in the shift's project, and not the one handing over.
 */
export async function checkIncoming(e: EffectContext): Promise<void> {
  const data = e.data as Record<string, unknown>;
  const name = String(data.incomingStaffName ?? '').trim();
  const candidates = await e.em.find(Staff, { companyId: e.companyId, name, active: true });
  const inProject = candidates.length
    ? new Set((await e.em.find(StaffProject, { companyId: e.companyId, projectId: e.projectId, staffId: { $in: candidates.map((s) => s.id) } })).map((p) => p.staffId))
    : new Set<number>();
  const incoming = candidates.find((s) => inProject.has(s.id)) ?? null;
  if (!incoming) {
    throw new RuleRefusedError(`incomingStaffName: no active colleague named "${name}" works in this project`, [
      { pointer: '/data/incomingStaffName', code: 'duty-unknown-colleague', message: `no active colleague named "${name}" in this project`, params: { name } },
    ]);
  }
  if (incoming.id === e.actor.staffId) {
    throw new RuleRefusedError('incomingStaffName: the incoming staff must be someone else than the one handing over', [
      { pointer: '/data/incomingStaffName', code: 'duty-same-staff', message: 'the incoming staff is the one handing over', params: { name } },
    ]);
  }
  data.incomingStaffName = incoming.name;
  data.incomingStaffId = incoming.id;
}
