/**
 * Confidentiality of residents' personal data (保密), as the company configures it (its
 * configuration's `privacy` section, schemas/config.schema.json): per role, phone and ID numbers
 * shown full, masked (138****0001, 4401**********1234) or hidden, and visitor-only roles (来访登记)
 * that see room numbers and nothing of the residents. One module every route that returns people's
 * phones or IDs calls: `privacyFor` gives the caller's policy, `policy.phone(v)` / `policy.idNumber(v)`
 * the value to send, `readLogFor(orm).record(...)` notes who read which household (batched).
 *
 * Defaults follow the manuals' 保密 rules: the supervisor keeps the resident list (整理更新租户名单,
 * 记录资料必须保密) and managers/administrators answer for it — full. The desk roles take residents'
 * calls, call them back and fill contact phones into complaints and work orders (首问责任制, the
 * phone-call intake) — phone in full, ID masked; what they may not do is tell a visitor more than the
 * room number (如遇外来客人询问…只能提供房间号码), which is the visitor-only view. Every other role —
 * technicians, cashiers, departments — sees phones masked and no ID, with a reasoned, logged reveal.
 */
import type { EntityManager, MikroORM } from '@mikro-orm/core';
import type { Principal } from '../auth/sessions.js';
import type { ConfigService } from '../config/config-service.js';
import { PersonalDataRead } from '../db/entities/index.js';

export type Visibility = 'full' | 'masked' | 'hidden';
export interface PrivacyRule { phone: Visibility; idNumber: Visibility; visitorOnly: boolean }
export interface PrivacySection {
  default?: Partial<PrivacyRule>;
  roles?: Record<string, Partial<PrivacyRule> | null>;
}

export const DEFAULT_RULE: PrivacyRule = { phone: 'masked', idNumber: 'hidden', visitorOnly: false };
const FULL: Partial<PrivacyRule> = { phone: 'full', idNumber: 'full' };
const DESK: Partial<PrivacyRule> = { phone: 'full', idNumber: 'masked' };
export const DEFAULT_ROLE_RULES: Record<string, Partial<PrivacyRule>> = {
  supervisor: FULL, manager: FULL, director: FULL, generalManager: FULL, companyAdmin: FULL,
  frontDesk: DESK, buildingConcierge: DESK, assistant: DESK,
};

/** 13800000001 -> 138****0001; short numbers keep their last two digits. */
export function maskPhone(phone: string): string {
  const p = phone.trim();
  if (p.length >= 8) return `${p.slice(0, 3)}${'*'.repeat(p.length - 7)}${p.slice(-4)}`;
  if (p.length <= 2) return '*'.repeat(p.length);
  return `${'*'.repeat(p.length - 2)}${p.slice(-2)}`;
}

/** 440101199001011234 -> 4401**********1234; short ones keep their last two characters. */
export function maskIdNumber(id: string): string {
  const v = id.trim();
  if (v.length >= 10) return `${v.slice(0, 4)}${'*'.repeat(v.length - 8)}${v.slice(-4)}`;
  if (v.length <= 2) return '*'.repeat(v.length);
  return `${'*'.repeat(v.length - 2)}${v.slice(-2)}`;
}

const OPENNESS: Record<Visibility, number> = { hidden: 0, masked: 1, full: 2 };

/** What one staff member sees of residents' personal data. */
export class PrivacyPolicy {
  constructor(readonly rule: PrivacyRule) {}

  get visitorOnly(): boolean {
    return this.rule.visitorOnly;
  }

  /** the phone as this caller may see it (null when hidden or absent) */
  phone(value: string | null | undefined): string | null {
    return this.#show(value, this.rule.phone, maskPhone);
  }

  idNumber(value: string | null | undefined): string | null {
    return this.#show(value, this.rule.idNumber, maskIdNumber);
  }

  /** whether a value of `field` is shown masked, so the reveal is offered */
  masked(field: 'phone' | 'idNumber'): boolean {
    return this.rule[field] === 'masked';
  }

  #show(value: string | null | undefined, visibility: Visibility, mask: (v: string) => string): string | null {
    if (!value || this.rule.visitorOnly) return null;
    if (visibility === 'full') return value;
    if (visibility === 'masked') return mask(value);
    return null;
  }
}

export const FULL_POLICY = new PrivacyPolicy({ phone: 'full', idNumber: 'full', visitorOnly: false });

/**
 * The rule of a staff member with these roles: each role's rule (the company's `privacy.roles`
 * over the built-in defaults, then `privacy.default`), the most open of them; visitor-only only
 * when every role is.
 */
export function ruleFor(roles: readonly string[], section: PrivacySection | undefined): PrivacyRule {
  const base: PrivacyRule = { ...DEFAULT_RULE, ...(section?.default ?? {}) };
  const ofRole = (role: string): PrivacyRule => {
    const configured = section?.roles && role in section.roles ? section.roles[role] : undefined;
    if (configured === null) return base; // the company removed a built-in rule
    return { ...base, ...(DEFAULT_ROLE_RULES[role] ?? {}), ...(configured ?? {}) };
  };
  const rules = roles.length ? roles.map(ofRole) : [base];
  const open = (field: 'phone' | 'idNumber') => rules.map((r) => r[field]).reduce((a, b) => (OPENNESS[b] > OPENNESS[a] ? b : a));
  return { phone: open('phone'), idNumber: open('idNumber'), visitorOnly: rules.every((r) => r.visitorOnly) };
}

/** The caller's policy under the company's configuration in force now. */
export async function privacyFor(configs: ConfigService, principal: Principal, now: Date, em?: EntityManager): Promise<PrivacyPolicy> {
  const version = await configs.current(principal.companyId, now, em);
  const document = await configs.documentOf(principal.companyId, version.id, em) as { privacy?: PrivacySection };
  return new PrivacyPolicy(ruleFor(principal.roles, document.privacy));
}

export interface ReadEntry {
  companyId: number;
  staffId: number;
  unitId?: number | null;
  personId?: number | null;
  via: string;
}

/**
 * The read log (who read which household's personal data), written in batches so lists do not
 * wait for it: reads are kept in memory (one entry per staff member, household and route within a
 * batch) and written every few seconds, when the batch is large, when the log is read, and when
 * the server stops. Explicit reveals are written at once by the reveal route, not through here.
 */
export class ReadLog {
  #pending = new Map<string, PersonalDataRead>();
  #timer: NodeJS.Timeout | null = null;
  #flushing: Promise<void> = Promise.resolve();

  constructor(private readonly orm: MikroORM, private readonly now: () => Date, private readonly intervalMs = 5000, private readonly maxBatch = 500) {}

  record(entries: readonly ReadEntry[]): void {
    const at = this.now();
    for (const e of entries) {
      const key = `${e.companyId}/${e.staffId}/${e.unitId ?? ''}/${e.unitId ? '' : e.personId ?? ''}/${e.via}`;
      if (this.#pending.has(key)) continue;
      const row = new PersonalDataRead();
      Object.assign(row, { companyId: e.companyId, staffId: e.staffId, unitId: e.unitId ?? null, personId: e.personId ?? null, at, kind: 'read', field: null, reason: null, via: e.via });
      this.#pending.set(key, row);
    }
    if (this.#pending.size >= this.maxBatch) void this.flush();
    else if (this.#pending.size && !this.#timer) {
      this.#timer = setTimeout(() => { this.#timer = null; void this.flush(); }, this.intervalMs);
      this.#timer.unref();
    }
  }

  /** writes what is pending; a failure is logged, never thrown at a reader */
  flush(): Promise<void> {
    if (this.#timer) { clearTimeout(this.#timer); this.#timer = null; }
    const batch = [...this.#pending.values()];
    this.#pending.clear();
    this.#flushing = this.#flushing.then(async () => {
      if (!batch.length) return;
      try {
        const em = this.orm.em.fork();
        for (const row of batch) em.persist(row);
        await em.flush();
      } catch (err) {
        console.warn(`personal data read log: ${batch.length} entries not written: ${(err as Error).message}`);
      }
    });
    return this.#flushing;
  }

  close(): Promise<void> {
    return this.flush();
  }
}

const logs = new WeakMap<MikroORM, ReadLog>();
/** The read log of a database (one per running kernel). */
export function readLogFor(orm: MikroORM, now: () => Date): ReadLog {
  let log = logs.get(orm);
  if (!log) {
    log = new ReadLog(orm, now);
    logs.set(orm, log);
  }
  return log;
}
