/**
 * Live delivery: the open server-sent-event streams of this instance, by staff member. When the
 * bus says a staff member's notifications changed (written here or on another instance), each of
 * their streams gets the new unread count. A comment line every HEARTBEAT_MS keeps proxies from
 * closing an idle stream and notices a session that has ended (logout, revoked): that stream ends.
 * Closing the app ends every stream first, so open streams never hold up a graceful shutdown.
 */
import type { ServerResponse } from 'node:http';
import type { Principal } from '../../auth/sessions.js';
import type { ClusterBus } from '../../cluster/bus.js';
import { STAFF_NOTIFICATIONS_TOPIC } from './kinds.js';
import { parseChanged } from './live-topic.js';

export const HEARTBEAT_MS = 25_000;

interface Stream {
  principal: Principal;
  res: ServerResponse;
  /** whether the session behind the stream is still valid */
  stillSignedIn: () => Promise<boolean>;
}

export class LiveHub {
  private readonly byStaff = new Map<number, Set<Stream>>();
  private readonly heartbeat: NodeJS.Timeout;

  constructor(bus: ClusterBus, private readonly unreadCount: (principal: Principal) => Promise<number>) {
    bus.subscribe(STAFF_NOTIFICATIONS_TOPIC, (payload) => {
      const changed = parseChanged(payload);
      if (changed) for (const id of changed.staffIds) this.push(changed.companyId, id);
    });
    // missed messages while the bus reconnected: everyone gets their count again
    bus.onResync(() => { for (const streams of this.byStaff.values()) for (const s of streams) void this.send(s); });
    this.heartbeat = setInterval(() => this.beat(), HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  get openStreams(): number {
    let n = 0;
    for (const s of this.byStaff.values()) n += s.size;
    return n;
  }

  /** Adopts a stream whose headers are written; sends the count now. */
  add(principal: Principal, res: ServerResponse, stillSignedIn: () => Promise<boolean>): void {
    const stream: Stream = { principal, res, stillSignedIn };
    const set = this.byStaff.get(principal.staffId) ?? new Set();
    set.add(stream);
    this.byStaff.set(principal.staffId, set);
    res.on('close', () => this.remove(stream));
    void this.send(stream);
  }

  private remove(stream: Stream): void {
    const set = this.byStaff.get(stream.principal.staffId);
    set?.delete(stream);
    if (set && set.size === 0) this.byStaff.delete(stream.principal.staffId);
  }

  private push(companyId: number, staffId: number): void {
    for (const s of this.byStaff.get(staffId) ?? []) if (s.principal.companyId === companyId) void this.send(s);
  }

  private async send(stream: Stream): Promise<void> {
    try {
      const unread = await this.unreadCount(stream.principal);
      if (!stream.res.writableEnded) stream.res.write(`event: unread\ndata: ${JSON.stringify({ unread })}\n\n`);
    } catch {
      // the database may be closing; the next change or heartbeat tries again
    }
  }

  private beat(): void {
    for (const set of this.byStaff.values()) {
      for (const s of set) {
        void s.stillSignedIn().then((ok) => {
          if (!ok) s.res.end();
          else if (!s.res.writableEnded) s.res.write(': keep-alive\n\n');
        }, () => undefined);
      }
    }
  }

  /** Ends every stream (the app is closing). */
  close(): void {
    clearInterval(this.heartbeat);
    for (const set of this.byStaff.values()) for (const s of set) s.res.end();
    this.byStaff.clear();
  }
}
