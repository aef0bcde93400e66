/**
 * Lookups shared by the pickers and the services handed to `<wy-form>` widgets (unit picker,
 * person picker, attachment upload).
 */
import { api } from './api.js';
import { appState, buildingsOf } from './app-state.js';
import type { AttachmentInfo, PersonRow, UnitRow } from './types.js';

export interface Option {
  id: number;
  label: string;
}

export async function unitLabel(unit: Pick<UnitRow, 'projectId' | 'buildingId' | 'number'>): Promise<string> {
  const buildings = await buildingsOf(unit.projectId).catch(() => []);
  const b = buildings.find((x) => x.id === unit.buildingId);
  return b ? `${b.name} ${unit.number}` : unit.number;
}

/** Units whose number starts with `q` in a project (and building). */
export async function searchUnitRows(projectId: number, q: string, buildingId?: number | null): Promise<UnitRow[]> {
  const res = await api.get<{ items: UnitRow[] }>('/api/units', { projectId, buildingId: buildingId ?? undefined, q: q.trim() || undefined, limit: 20 });
  return res.items;
}

export async function searchPeopleRows(q: string): Promise<PersonRow[]> {
  if (!q.trim()) return [];
  return (await api.get<{ items: PersonRow[] }>('/api/people', { q: q.trim(), limit: 20 })).items;
}

export function personLabel(p: Pick<PersonRow, 'name' | 'phone'>): string {
  return p.phone ? `${p.name}（${p.phone}）` : p.name;
}

export async function uploadAttachment(file: File): Promise<AttachmentInfo> {
  const form = new FormData();
  form.append('file', file, file.name);
  return api.upload<AttachmentInfo>('/api/attachments', form);
}

/** The `services` property of `<wy-form>`; unit search is limited to the case's project when known. */
export function formServices(projectId: () => number | null) {
  return {
    async searchUnits(q: string): Promise<Option[]> {
      const pid = projectId() ?? appState().projects[0]?.id;
      if (!pid) return [];
      const rows = await searchUnitRows(pid, q);
      return Promise.all(rows.map(async (u) => ({ id: u.id, label: await unitLabel(u) })));
    },
    async searchPeople(q: string): Promise<Option[]> {
      return (await searchPeopleRows(q)).map((p) => ({ id: p.id, label: personLabel(p) }));
    },
    uploadAttachment,
  };
}
