/**
 * The JSON answers of the billing plugin's routes, as types only, derived from the functions that
 * build them (ledger/*, run/*): the plugin's screens (ui/billing-types.ts) import them with
 * `import type`, so a change on the server shows up as a type error in the screen that reads it,
 * and no server code reaches the browser bundle. Money is yuan strings, dates YYYY-MM-DD.
 *
 * Keep this module type-only: `import type` / `export type` and nothing else.
 */
import type { billDetail, billSummary, ledgerView, lineView, noticeView, paymentView } from './ledger/views.js';
import type { billDetails, unitAccount } from './ledger/account.js';
import type { arrearsReport } from './ledger/arrears.js';
import type { cashDaily } from './ledger/cash.js';
import type { collectionRates } from './ledger/collection-rates.js';
import type { depositView } from './ledger/deposits.js';
import type { previewPayment } from './ledger/payments.js';
import type { chargeView } from './ledger/post-charge.js';
import type { BillingPeriod } from './domain/cycle-calendar.js';

export type { RunView } from './run/billing-run.js';

/** a bill in lists (GET /bills, the account's open bills) */
export type BillSummary = ReturnType<typeof billSummary>;
/** GET /bills/:id → bill (with its period's label) */
export type BillDetail = ReturnType<typeof billDetail> & { periodLabel: string };
export type BillLineView = ReturnType<typeof lineView>;
export type NoticeView = ReturnType<typeof noticeView>;
export type LedgerEntryView = ReturnType<typeof ledgerView>;
export type PaymentView = ReturnType<typeof paymentView>;
export type PaymentAllocation = PaymentView['allocations'][number];
export type DepositView = ReturnType<typeof depositView>;
export type ChargeView = ReturnType<typeof chargeView>;
/** GET /bills/:id */
export type BillDetailsAnswer = Awaited<ReturnType<typeof billDetails>>;
/** GET /units/:unitId/account */
export type AccountView = Awaited<ReturnType<typeof unitAccount>>;
/** POST /payments/preview → preview: what a payment would settle, nothing booked yet */
export type PaymentPreview = Awaited<ReturnType<typeof previewPayment>>;
/** GET /arrears */
export type ArrearsAnswer = Awaited<ReturnType<typeof arrearsReport>>;
export type ArrearsItem = ArrearsAnswer['items'][number];
/** the whole list's figures (first page only) */
export type ArrearsTotals = NonNullable<ArrearsAnswer['totals']>;
/** GET /cash/daily */
export type DailyCash = Awaited<ReturnType<typeof cashDaily>>;
/** GET /collection-rates (items) */
export type CollectionRate = Awaited<ReturnType<typeof collectionRates>>['items'][number];
/** GET /periods → current, next */
export type PeriodView = BillingPeriod;

/** Keyset-paged lists: the cursor is opaque (a string), null on the last page. */
export interface KeysetPage<T> {
  items: T[];
  nextCursor: string | null;
}
