/**
 * One list of messages to residents, shared by the household's log and the undelivered list:
 * when, which message, to whom, its status in words, the text as the resident read it.
 */
import { css, html, nothing } from 'lit';
import { formatDateTime } from '../format.js';
import { href } from '../router.js';
import { rmt } from './resident-messages-i18n.js';
import { failureWords, statusWord, templateTitle, type MessageTemplateInfo, type ResidentMessage } from './message-words.js';

export const messageListStyles = css`
  ul.messages { list-style: none; margin: 8px 0 0; padding: 0; }
  ul.messages li { padding: 8px 0; border-top: 1px solid var(--wy-border); display: grid; grid-template-columns: 1fr auto; gap: 2px 12px; }
  .m-head { font-weight: 600; overflow-wrap: anywhere; }
  .m-meta { grid-column: 1 / 3; color: var(--wy-muted); font-size: 12px; display: flex; flex-wrap: wrap; gap: 4px 12px; }
  .m-text { grid-column: 1 / 3; font-size: 13px; overflow-wrap: anywhere; }
  .m-status { font-size: 12px; padding: 1px 8px; border-radius: 10px; white-space: nowrap; align-self: start; background: var(--wy-primary-light); color: var(--wy-primary-dark); }
  .m-status.sent { background: var(--wy-ok-light); color: var(--wy-ok); }
  .m-status.failed { background: var(--wy-danger-light); color: var(--wy-danger); }
  .m-status.suppressed, .m-status.deferred { background: #f1f1f1; color: var(--wy-muted); }
  .m-why { color: var(--wy-danger); }
`;

export function messageList(items: ResidentMessage[], titles: Map<string, MessageTemplateInfo> | null, showUnit = false) {
  return html`<ul class="messages" data-testid="message-list">${items.map((m) => html`<li data-message=${m.id}>
    <span class="m-head">${templateTitle(titles, m.template)}${m.personName ? html` · ${rmt('to', { name: m.personName })}` : nothing}</span>
    <span class="m-status ${m.status}" data-status=${m.status}>${statusWord(m)}</span>
    <span class="m-meta">
      <span>${rmt(`channel_${m.channel}`)}</span>
      <time datetime=${m.createdAt}>${formatDateTime(m.createdAt)}</time>
      ${m.sentAt ? html`<span>${rmt('sentAt', { at: formatDateTime(m.sentAt) })}</span>` : nothing}
      ${m.nextAttemptAt ? html`<span>${rmt('nextAttempt', { at: formatDateTime(m.nextAttemptAt) })}</span>` : nothing}
      ${m.attempts > 1 || m.status === 'failed' ? html`<span>${rmt('attempts', { n: m.attempts })}</span>` : nothing}
      ${(m.status === 'failed' || m.status === 'queued') && m.reason ? html`<span class="m-why" title=${m.reason}>${rmt('failedWhy', { why: failureWords(m.reason) })}</span>` : nothing}
      ${showUnit && m.unitId ? html`<a href=${href(`/units/${m.unitId}`)}>${rmt('household')}</a>` : nothing}
    </span>
    <span class="m-text">${m.text}</span>
  </li>`)}</ul>`;
}
