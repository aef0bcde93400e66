/**
 * Reads the staff notification stream (/api/notifications/stream, server-sent events) the way the
 * bell does: each call waits for the next `unread` event and answers its count.
 */
export function unreadCounts(res: Response): () => Promise<number> {
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  return async () => {
    for (;;) {
      const m = /event: unread\ndata: (\{[^\n]*\})\n\n/.exec(text);
      if (m) {
        text = text.slice(m.index + m[0].length);
        return (JSON.parse(m[1]!) as { unread: number }).unread;
      }
      const { value, done } = await reader.read();
      if (done) throw new Error('stream ended');
      text += decoder.decode(value);
    }
  };
}
