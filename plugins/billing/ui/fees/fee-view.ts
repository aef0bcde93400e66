/**
 * What the fee-table elements share: the billing settings of the draft in the current scope, one
 * way to edit them, and problems on controls — the page's own checks (at once, while typing) and
 * the server's (after check / propose), both keyed by the same document pointers.
 */
import { html, nothing } from 'lit';
import { draft, type Scope } from '../../../../ui/src/plugin-admin-api.js';
import { checkFeeSettings, type FeeIssue, type FeeSettings } from './fee-settings.js';
import { ft } from './fee-i18n.js';
import { ctl, issueId, issueNote } from '../../../../ui/src/plugin-admin-api.js';
import { clone, pointer } from '../../../../ui/src/plugin-admin-api.js';

export const BILLING = 'billing';

/** The document pointer of the billing settings in a scope. */
export function settingsBase(scope: Scope = draft.scope): string {
  return scope ? pointer('document', 'projects', scope, 'plugins', BILLING, 'config') : pointer('document', 'plugins', BILLING, 'config');
}

/** The pointer of one setting: `fp('feeItems', 'management', 'rates', 1, 'from')`. */
export function fp(...path: (string | number)[]): string {
  return settingsBase() + pointer(...path);
}

export function feeSettings(scope: Scope = draft.scope): FeeSettings | undefined {
  return draft.settings<FeeSettings>(BILLING, scope);
}

/** Edits a copy of the scope's settings and stores it in the draft. */
export function editFees(edit: (s: FeeSettings) => void, scope: Scope = draft.scope): void {
  const current = feeSettings(scope);
  if (!current) return;
  const next = clone(current);
  edit(next);
  draft.setSettings(BILLING, next as unknown as Record<string, unknown>, scope);
}

let memo: { key: string; issues: FeeIssue[] } = { key: '', issues: [] };

/** The page's own checks of the scope's settings (memoised on the settings). */
export function localIssues(scope: Scope = draft.scope): FeeIssue[] {
  const s = feeSettings(scope);
  if (!s) return [];
  const key = `${scope ?? ''}|${JSON.stringify(s)}`;
  if (memo.key !== key) memo = { key, issues: checkFeeSettings(s, settingsBase(scope)) };
  return memo.issues;
}

function localAt(ptr: string): FeeIssue[] {
  return localIssues().filter((i) => i.pointer === ptr);
}

/** Registers a control (see issue-view's `ctl`). */
export const fctl = ctl;

export function finvalid(ptr: string): 'true' | 'false' {
  return localAt(ptr).length || draft.issuesAt(ptr).length ? 'true' : 'false';
}

/** The problems of a control: the page's check first; the server's when the page found none. */
export function fnote(ptr: string) {
  const local = localAt(ptr);
  if (!local.length) return issueNote(ptr);
  return html`<span class="issue" role="alert" id=${issueId(ptr)} data-issue-for=${ptr} data-local="true">${local.map((i) => html`<span>${ft(`check_${i.code.replace(/-/g, '_')}`)}</span> `)}</span>`;
}

/** aria-describedby for a control that may carry a note. */
export function fdescribed(ptr: string): string | typeof nothing {
  return finvalid(ptr) === 'true' ? issueId(ptr) : nothing;
}
