/**
 * Issues on their controls. Every control that edits a place of the document renders with
 * `data-pointer=${ctl(p)}` (which registers p in the pointer → control map),
 * `aria-invalid=${invalid(p)}` and, right after it, `${issueNote(p)}`. A server issue belongs to
 * the registered control with the longest pointer containing the issue's pointer; issues no
 * control owns stay in the list of the admin shell.
 */
import { html, nothing } from 'lit';
import { draft } from './draft-store.js';
import { issueDetail, issueMessage } from './admin-i18n.js';
import { tokensOf } from './patch.js';

let pending = false;

export function ctl(ptr: string): string {
  if (draft.register(ptr) && draft.issues.length && !pending) {
    // ownership moved to a newly drawn control: draw once more so the issue shows on it
    pending = true;
    queueMicrotask(() => {
      pending = false;
      draft.dispatchEvent(new CustomEvent('change', { detail: { edited: false } }));
    });
  }
  return ptr;
}

export function invalid(ptr: string): 'true' | 'false' {
  return draft.issuesAt(ptr).length ? 'true' : 'false';
}

/** An id usable in aria-describedby for the issue note of a pointer. */
export function issueId(ptr: string): string {
  return `issue-${tokensOf(ptr).join('-').replace(/[^a-zA-Z0-9_-]/g, '_')}`;
}

export function issueNote(ptr: string) {
  const found = draft.issuesAt(ptr);
  if (!found.length) return nothing;
  return html`<span class="issue" role="alert" id=${issueId(ptr)} data-issue-for=${ptr}>${found.map((i) => html`<span title=${issueDetail(i) ?? nothing}>${issueMessage(i)}</span> `)}</span>`;
}

/** Looks for an element through open shadow roots (the focus target of an issue link). */
export function deepQuery(root: ParentNode, selector: string): HTMLElement | null {
  const hit = root.querySelector<HTMLElement>(selector);
  if (hit) return hit;
  for (const el of root.querySelectorAll<HTMLElement>('*')) {
    if (el.shadowRoot) {
      const inner = deepQuery(el.shadowRoot, selector);
      if (inner) return inner;
    }
  }
  return null;
}

/** Scrolls to and focuses the control owning `ptr`; true when found. */
export function focusPointer(root: ParentNode, ptr: string): boolean {
  const owner = draft.ownerOf(ptr) ?? ptr;
  const el = deepQuery(root, `[data-pointer="${CSS.escape(owner)}"]`);
  if (!el) return false;
  el.scrollIntoView({ block: 'center' });
  el.focus({ preventScroll: true });
  return true;
}
