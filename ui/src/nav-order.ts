/**
 * Which case types the navigation lists, and in what order: those the staff member's roles can
 * register or act on (a technician does not see the satisfaction survey), the ones they open most
 * first. Use is counted per staff member in this browser (localStorage): no server round trip,
 * and a shared front-desk computer learns each login's habits separately.
 */
import { appState } from './app-state.js';
import type { CaseTypeInfo } from './types.js';

const KEY = 'wuye.navUse';

type Counts = Record<string, number>;

function read(userId: number): Counts {
  try {
    const all = JSON.parse(localStorage.getItem(KEY) ?? '{}') as Record<string, Counts>;
    return all[String(userId)] ?? {};
  } catch {
    return {};
  }
}

/** One more visit of a case type's pages by this staff member. */
export function noteCaseTypeVisit(userId: number, caseType: string): void {
  try {
    const all = JSON.parse(localStorage.getItem(KEY) ?? '{}') as Record<string, Counts>;
    const mine = (all[String(userId)] ??= {});
    mine[caseType] = Math.min((mine[caseType] ?? 0) + 1, 1_000_000);
    localStorage.setItem(KEY, JSON.stringify(all));
  } catch {
    // private mode or a full store: the order simply does not learn
  }
}

/** Whether the roles can register a case of the type or take one of its (non-system) steps. */
export function rolesActOn(caseType: Pick<CaseTypeInfo, 'canCreate' | 'transitions'>, roles: readonly string[], permissions: readonly string[]): boolean {
  if (caseType.canCreate || permissions.includes('*')) return true;
  return Object.values(caseType.transitions).some((tr) => !tr.system && tr.roles.some((r) => roles.includes(r)));
}

/** Most-used first, then those the staff member can register, then the declared order. */
export function orderCaseTypes<T extends Pick<CaseTypeInfo, 'caseType' | 'canCreate'>>(types: readonly T[], use: Counts): T[] {
  return types
    .map((c, i) => ({ c, i }))
    .sort((a, b) => (use[b.c.caseType] ?? 0) - (use[a.c.caseType] ?? 0) || Number(b.c.canCreate) - Number(a.c.canCreate) || a.i - b.i)
    .map((x) => x.c);
}

export function caseTypesForNav(): CaseTypeInfo[] {
  const { caseTypes, me, permissions } = appState();
  return orderCaseTypes(caseTypes.filter((c) => rolesActOn(c, me.roles, permissions)), read(me.id));
}
