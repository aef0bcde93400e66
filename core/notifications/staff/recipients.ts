/**
 * Who may be told about a case: active staff of the company who can see its project (assigned to
 * it, or in a role covering all projects) — and, for a role's queue, who act in that role. The
 * company's configuration in force decides roles and visibility, as it does for reading the case.
 */
import type { EntityManager } from '@mikro-orm/core';
import type { ConfigService } from '../../config/config-service.js';
import type { CompiledConfig } from '../../config/compiled-config.js';
import { ineligibility, loadStaff, type StaffRecord } from '../../assignment/eligibility.js';

/** One fan-out run's view of the companies it touches (staff and configuration read once each). */
export class RecipientDirectory {
  private readonly staff = new Map<number, Promise<StaffRecord[]>>();
  private readonly configs = new Map<number, Promise<CompiledConfig>>();

  constructor(private readonly em: EntityManager, private readonly configService: ConfigService, private readonly at: Date) {}

  /** The company's configuration in force (titles of case types, clocks and roles for the words of a notice). */
  compiled(companyId: number): Promise<CompiledConfig> {
    return this.config(companyId);
  }

  private config(companyId: number): Promise<CompiledConfig> {
    let c = this.configs.get(companyId);
    if (!c) {
      c = this.configService.current(companyId, this.at, this.em).then((v) => this.configService.compiledFor(companyId, v.id, null, this.em));
      this.configs.set(companyId, c);
    }
    return c;
  }

  private staffOf(companyId: number): Promise<StaffRecord[]> {
    let s = this.staff.get(companyId);
    if (!s) {
      s = loadStaff(this.em, companyId);
      this.staff.set(companyId, s);
    }
    return s;
  }

  /** A clock's title as the company's configuration declares it ({ zh-CN, en }), for the list to show. */
  async deadlineTitle(companyId: number, caseType: string, key: string | null): Promise<unknown> {
    if (!key) return null;
    const config = await this.config(companyId);
    return config.caseTypes.get(caseType)?.workflow.deadlines?.[key]?.title ?? null;
  }

  /** The staff acting in `role` who can see the project. */
  async inRole(companyId: number, projectId: number, role: string): Promise<number[]> {
    const [config, staff] = await Promise.all([this.config(companyId), this.staffOf(companyId)]);
    return staff.filter((s) => ineligibility(config, s, projectId, role) === null).map((s) => s.id);
  }

  /** The staff acting in any of `roles` who can see the project. */
  async inAnyRole(companyId: number, projectId: number, roles: readonly string[]): Promise<number[]> {
    const ids = new Set<number>();
    for (const role of roles) for (const id of await this.inRole(companyId, projectId, role)) ids.add(id);
    return [...ids];
  }

  /** The staff member, if they are active and can see the project. */
  async named(companyId: number, projectId: number, staffId: number): Promise<number[]> {
    const [config, staff] = await Promise.all([this.config(companyId), this.staffOf(companyId)]);
    const s = staff.find((x) => x.id === staffId);
    return s && ineligibility(config, s, projectId, null) === null ? [s.id] : [];
  }
}
