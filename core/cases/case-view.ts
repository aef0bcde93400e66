/** The JSON shape of a case in API answers. */
import type { WorkCase } from '../db/entities/index.js';
import type { CompiledCaseType } from '../config/compiled-config.js';

export function caseView(row: WorkCase, type: CompiledCaseType | undefined) {
  return {
    id: row.id,
    serial: row.serial,
    caseType: row.caseType,
    state: row.state,
    stateTitle: type?.workflow.states[row.state]?.title ?? null,
    final: type?.workflow.states[row.state]?.final === true,
    projectId: row.projectId,
    buildingId: row.buildingId ?? null,
    unitId: row.unitId ?? null,
    personId: row.personId ?? null,
    title: row.title ?? null,
    severity: row.severity ?? null,
    data: row.data,
    assigneeRole: row.assigneeRole ?? null,
    assigneeId: row.assigneeId ?? null,
    configVersionId: row.configVersionId ?? null,
    version: row.version,
    nextDueAt: row.nextDueAt?.toISOString() ?? null,
    overdue: row.overdue,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    closedAt: row.closedAt?.toISOString() ?? null,
  };
}
