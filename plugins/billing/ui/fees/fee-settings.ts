/**
 * The billing plugin's settings (plugins/billing/plugin.json `config`) as the fee-table page edits
 * them (a draft may hold what the generated BillingSettings would refuse, such as null for "none"), the checks the page makes before the server does (so an obvious mistake shows at once, on
 * its control), and exact decimal-string helpers (‰ and % views of the stored shares).
 */
import type { ConfigIssue as Issue, Text } from '../../../../ui/src/plugin-admin-api.js';
import { pointer } from '../../../../ui/src/plugin-admin-api.js';
import type { BillingSettings } from '../../generated/settings.js';

// the settings' enumerations come from billing's generated types (plugin.json is their source)
export type CycleKey = BillingSettings['cycle'];
export const CYCLES: readonly CycleKey[] = ['month', 'quarter', 'halfYear'];
export type FeeKind = NonNullable<BillingSettings['feeItems'][string]>['kind'];
export const FEE_KINDS: readonly FeeKind[] = ['area', 'fixed', 'metered', 'oneOff'];
export const METERS = ['water', 'electricity', 'gas'] as const;
export type RoundingMode = BillingSettings['rounding']['mode'];
export const ROUNDING_MODES: readonly RoundingMode[] = ['halfUp', 'halfEven', 'down', 'up'];

export interface Term { months?: number; days?: number }

export interface CycleRule {
  months: number;
  firstMonth: number;
  notice: { monthsBefore: number; day: number };
  paymentTerm: Term;
  reminder: { monthsAfterStart: number; day: number; term: Term };
  finalNotice: { afterReminderDays: number; term: Term };
}

export interface Rate {
  from: string;
  byUnitType?: Record<string, string>;
  price?: string;
}

export interface FeeItem {
  title: Text;
  kind: FeeKind;
  meter?: string;
  rates: Rate[];
  entrusted?: boolean;
  vacancyDiscount?: boolean;
  active?: boolean;
}

export interface DunningStep {
  code: string;
  title: Text;
  afterMonthsUnpaid: number;
}

export interface FeeSettings {
  cycle: CycleKey;
  cycles: Record<CycleKey, CycleRule>;
  feeItems: Record<string, FeeItem>;
  entrustedFactor: string;
  vacancyFactor: string | null;
  rounding: { places: number; mode: RoundingMode };
  lateFee: {
    enabled: boolean;
    ratePerDay: string;
    startsOn: 'periodStart' | 'dayAfterDue';
    chargeableAfter: 'due' | 'reminderDue' | 'finalDue';
    capOfPrincipal: string | null;
    rounding: { places: number; mode: RoundingMode };
  };
  overpayment: 'credit' | 'refuse';
  receiptPrefix: string;
  dunning: DunningStep[];
  collectionTargets: { thisMonth: string; lastMonth: string; monthBefore: string };
}

/** The plugin's decimal strings (rates, shares): non-negative, up to 6 + 6 digits. */
export const DECIMAL = /^\d{1,6}(\.\d{1,6})?$/;
export const DATE = /^\d{4}-\d{2}-\d{2}$/;
export const IDENT = /^[a-z][a-zA-Z0-9]{0,31}$/;
export const UNIT_TYPE = /^[a-zA-Z][a-zA-Z0-9_-]{0,31}$/;

/** A real calendar day written YYYY-MM-DD. */
export function isDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/**
 * Moves the decimal point of a non-negative decimal string: `shiftDecimal('0.003', 3)` = '3',
 * `shiftDecimal('3', -3)` = '0.003'. Exact (no floating point); trailing zeros trimmed.
 */
export function shiftDecimal(value: string, places: number): string {
  const m = /^(\d+)(?:\.(\d+))?$/.exec(value.trim());
  if (!m) return value;
  let digits = `${m[1]}${m[2] ?? ''}`;
  let point = m[1]!.length + places;
  if (point <= 0) {
    digits = '0'.repeat(1 - point) + digits;
    point = 1;
  }
  if (point > digits.length) digits += '0'.repeat(point - digits.length);
  let int = digits.slice(0, point).replace(/^0+(?=\d)/, '');
  const frac = digits.slice(point).replace(/0+$/, '');
  if (!int) int = '0';
  return frac ? `${int}.${frac}` : int;
}

/** Whether two decimal strings are the same number ('0.80' and '0.8'). */
export function sameDecimal(a: string | null | undefined, b: string | null | undefined): boolean {
  if (a == null || b == null) return a == b;
  return shiftDecimal(a, 0) === shiftDecimal(b, 0);
}

/** The rate row that applies on `day` (the latest `from` not after it), as the billing run picks it. */
export function rateOn(rates: readonly Rate[], day: string): Rate | undefined {
  let best: Rate | undefined;
  for (const r of rates) if (r.from <= day && (!best || r.from > best.from)) best = r;
  return best;
}

/** Unit types named in any rate of any fee item. */
export function unitTypesInRates(items: Record<string, FeeItem>): string[] {
  const out = new Set<string>();
  for (const item of Object.values(items)) for (const r of item?.rates ?? []) for (const k of Object.keys(r.byUnitType ?? {})) out.add(k);
  return [...out];
}

export type FeeCheckCode = 'date-format' | 'duplicate-from' | 'rate-negative' | 'rate-format' | 'rate-missing' | 'meter-required'
  | 'title-required' | 'decimal-format' | 'share-range' | 'code-format' | 'duplicate-code' | 'day-range' | 'no-rates';

export interface FeeIssue extends Issue {
  code: FeeCheckCode;
}

/**
 * What the page can tell before asking the server. `base` is the settings' document pointer
 * (`/document/plugins/billing/config` or the project's), so these issues sit on the same controls
 * as the server's.
 */
export function checkFeeSettings(s: FeeSettings, base: string): FeeIssue[] {
  const issues: FeeIssue[] = [];
  const add = (code: FeeCheckCode, ...path: (string | number)[]) => issues.push({ pointer: base + pointer(...path), code, message: code });
  const decimal = (value: string | null | undefined, ...path: (string | number)[]) => {
    if (value == null) return;
    if (!DECIMAL.test(value)) add('decimal-format', ...path);
  };

  for (const [code, item] of Object.entries(s.feeItems ?? {})) {
    if (!item) continue;
    if (!item.title?.['zh-CN']?.trim()) add('title-required', 'feeItems', code, 'title', 'zh-CN');
    if (item.kind === 'metered' && !item.meter) add('meter-required', 'feeItems', code, 'meter');
    if (!item.rates?.length) add('no-rates', 'feeItems', code, 'rates');
    const seen = new Map<string, number>();
    (item.rates ?? []).forEach((r, i) => {
      if (!isDate(r.from ?? '')) add('date-format', 'feeItems', code, 'rates', i, 'from');
      else if (seen.has(r.from)) add('duplicate-from', 'feeItems', code, 'rates', i, 'from');
      else seen.set(r.from, i);
      if (item.kind === 'metered') {
        if (r.price === undefined || r.price === '') add('rate-missing', 'feeItems', code, 'rates', i, 'price');
        else if (/^\s*-/.test(r.price)) add('rate-negative', 'feeItems', code, 'rates', i, 'price');
        else if (!DECIMAL.test(r.price)) add('rate-format', 'feeItems', code, 'rates', i, 'price');
      } else {
        const entries = Object.entries(r.byUnitType ?? {});
        if (!entries.length) add('rate-missing', 'feeItems', code, 'rates', i, 'byUnitType');
        for (const [type, value] of entries) {
          if (/^\s*-/.test(value)) add('rate-negative', 'feeItems', code, 'rates', i, 'byUnitType', type);
          else if (!DECIMAL.test(value)) add('rate-format', 'feeItems', code, 'rates', i, 'byUnitType', type);
        }
      }
    });
  }
  decimal(s.entrustedFactor, 'entrustedFactor');
  decimal(s.vacancyFactor, 'vacancyFactor');
  decimal(s.lateFee?.ratePerDay, 'lateFee', 'ratePerDay');
  decimal(s.lateFee?.capOfPrincipal, 'lateFee', 'capOfPrincipal');
  for (const k of ['thisMonth', 'lastMonth', 'monthBefore'] as const) decimal(s.collectionTargets?.[k], 'collectionTargets', k);
  for (const [k, v] of [['entrustedFactor', s.entrustedFactor], ['vacancyFactor', s.vacancyFactor]] as const) {
    if (v != null && DECIMAL.test(v) && Number(v) > 1) add('share-range', k);
  }
  const codes = new Set<string>();
  (s.dunning ?? []).forEach((step, i) => {
    if (!IDENT.test(step.code ?? '')) add('code-format', 'dunning', i, 'code');
    else if (codes.has(step.code)) add('duplicate-code', 'dunning', i, 'code');
    codes.add(step.code);
    if (!step.title?.['zh-CN']?.trim()) add('title-required', 'dunning', i, 'title', 'zh-CN');
  });
  return issues;
}
