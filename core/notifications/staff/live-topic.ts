/**
 * The bus message saying whose notifications changed: `companyId:staffId,staffId,…`, split so one
 * message stays well under PostgreSQL's 8000-byte NOTIFY payload.
 */
import type { ClusterBus } from '../../cluster/bus.js';
import { STAFF_NOTIFICATIONS_TOPIC } from './kinds.js';

const IDS_PER_MESSAGE = 500;

export async function publishChanged(bus: ClusterBus, companyId: number, staffIds: number[]): Promise<void> {
  for (let i = 0; i < staffIds.length; i += IDS_PER_MESSAGE) {
    await bus.publish(STAFF_NOTIFICATIONS_TOPIC, `${companyId}:${staffIds.slice(i, i + IDS_PER_MESSAGE).join(',')}`);
  }
}

export function parseChanged(payload: string): { companyId: number; staffIds: number[] } | null {
  const m = /^(\d+):([\d,]+)$/.exec(payload);
  if (!m) return null;
  return { companyId: Number(m[1]), staffIds: m[2]!.split(',').filter(Boolean).map(Number) };
}
