/**
 * The unread count, live: one EventSource per page on /api/notifications/stream (the session
 * cookie authenticates it; the browser reconnects by itself, after the `retry` the server sends).
 * Listeners (the bell, the 通知 page) are told each new count.
 */
export type UnreadListener = (unread: number) => void;

let source: EventSource | null = null;
let current = 0;
const listeners = new Set<UnreadListener>();

function open(): void {
  if (source) return;
  source = new EventSource('/api/notifications/stream', { withCredentials: true });
  source.addEventListener('unread', (e) => {
    const unread = Number((JSON.parse((e as MessageEvent<string>).data) as { unread: unknown }).unread);
    if (!Number.isFinite(unread)) return;
    current = unread;
    for (const l of listeners) l(unread);
  });
}

/** Starts listening (opening the stream on first use); returns the unsubscribe. */
export function onUnread(listener: UnreadListener): () => void {
  listeners.add(listener);
  open();
  listener(current);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) closeUnreadFeed();
  };
}

/** A count learned from an API answer (after marking read) before the stream says it. */
export function setUnread(unread: number): void {
  current = unread;
  for (const l of listeners) l(unread);
}

export function closeUnreadFeed(): void {
  source?.close();
  source = null;
  current = 0;
}
