/**
 * A case's own house and resident: those the registration names (the household picker), else the
 * values of the registration form's declared house / resident fields (workflow `unitField`,
 * `personField`) — so a procedure a company built with a 房屋 field on its form shows that house in
 * the case header, lists, follow-ups and the household archive like a plugin's case.
 */
import type { WorkflowDeclaration } from '../../schemas/generated/workflow.js';
import { ValidationError, type WuyeError } from '../errors.js';
import type { RefProblem } from './case-store.js';

export interface CaseHousehold {
  unitId: number | null;
  personId: number | null;
  /** the form field each came from (null: named by the registration itself) */
  unitFrom: string | null;
  personFrom: string | null;
}

const asId = (v: unknown): number | null => (typeof v === 'number' && Number.isSafeInteger(v) && v > 0 ? v : null);

export function caseHousehold(
  wf: Pick<WorkflowDeclaration, 'unitField' | 'personField'>, data: Record<string, unknown>, named: { unitId?: number | null; personId?: number | null },
): CaseHousehold {
  const namedUnit = named.unitId ?? null;
  const namedPerson = named.personId ?? null;
  const unitFrom = namedUnit === null && wf.unitField && asId(data[wf.unitField]) !== null ? wf.unitField : null;
  const personFrom = namedPerson === null && wf.personField && asId(data[wf.personField]) !== null ? wf.personField : null;
  return {
    unitId: unitFrom ? asId(data[unitFrom]) : namedUnit,
    personId: personFrom ? asId(data[personFrom]) : namedPerson,
    unitFrom, personFrom,
  };
}

/**
 * The refusal naming the form field a refused house or resident came from (`dataPointer`: where
 * the form's data sits in the request); null when the registration named it itself.
 */
export function householdFieldError(problem: RefProblem, h: CaseHousehold, dataPointer: string): WuyeError | null {
  const at = (field: string) => `${dataPointer}/${field}`;
  if (problem === 'unit-not-found' && h.unitFrom) return new ValidationError([{ pointer: at(h.unitFrom), code: 'not-found', message: 'no such house in this project' }]);
  if (problem === 'person-not-found' && h.personFrom) return new ValidationError([{ pointer: at(h.personFrom), code: 'not-found', message: 'no such resident in this project' }]);
  if (problem === 'person-not-linked' && (h.personFrom || h.unitFrom)) {
    return new ValidationError([{ pointer: at((h.personFrom ?? h.unitFrom)!), code: 'not-linked', message: 'the person is not an owner, occupant or agent of the unit' }]);
  }
  return null;
}
