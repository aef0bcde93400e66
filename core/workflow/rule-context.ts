/** The one shape of context every rule sees (see core/declarations/rule-vars.ts). */
import type { WorkCase } from '../db/entities/index.js';

export interface RuleActor {
  staffId: number;
  roles: string[];
}

export function ruleContext(c: Pick<WorkCase, 'id' | 'serial' | 'caseType' | 'state' | 'projectId' | 'unitId' | 'personId' | 'assigneeRole' | 'assigneeId' | 'createdAt' | 'severity'>, data: Record<string, unknown>, actor: RuleActor | null, config: Record<string, unknown>) {
  return {
    data,
    case: {
      id: c.id, serial: c.serial, caseType: c.caseType, state: c.state, projectId: c.projectId, unitId: c.unitId ?? null,
      personId: c.personId ?? null, assigneeRole: c.assigneeRole ?? null, assigneeId: c.assigneeId ?? null,
      createdAt: c.createdAt?.toISOString?.() ?? null, severity: c.severity ?? null,
    },
    actor: actor ? { staffId: actor.staffId, roles: actor.roles } : { staffId: null, roles: [] },
    config,
  };
}
