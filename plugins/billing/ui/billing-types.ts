/**
 * Shapes of the billing plugin's answers, as the server builds them (plugins/billing/api-types.ts,
 * derived from the ledger's view functions): imported as types only, nothing of the server is
 * bundled. Money as yuan strings, dates YYYY-MM-DD.
 */
export type {
  AccountView, ArrearsItem, ArrearsTotals, BillDetail, BillSummary, CollectionRate, DailyCash, DepositView, KeysetPage,
  LedgerEntryView, NoticeView, PaymentPreview, PaymentView, PeriodView, RunView,
  BillLineView as BillLine, BillDetailsAnswer as BillAnswer, PaymentAllocation as Allocation,
} from '../api-types.js';
