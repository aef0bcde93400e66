/**
 * The cache-invalidation bus between instances. A service that changes something other instances
 * cache (a logout, a configuration activation…) publishes a topic after its transaction commits;
 * every instance's subscribers drop the stale entry. Handlers run in the publishing instance at
 * once, and in the others when the notification arrives (PostgreSQL LISTEN/NOTIFY: well under a
 * second). On SQLite there is one instance per file, so the bus stays in the process.
 */

export type BusHandler = (payload: string) => void;

export interface ClusterBus {
  readonly kind: 'postgresql' | 'in-process';
  /** runs this instance's handlers now and tells every other instance */
  publish(topic: string, payload?: string): Promise<void>;
  subscribe(topic: string, handler: BusHandler): void;
  /**
   * Called when notifications may have been missed (the listening connection dropped and came
   * back): drop every cached entry of the kind.
   */
  onResync(handler: () => void): void;
  /** whether notifications from other instances are arriving now */
  readonly connected: boolean;
  close(): Promise<void>;
}

/** The handlers of one process, by topic. */
export class LocalHandlers {
  private readonly byTopic = new Map<string, BusHandler[]>();
  private readonly resync: (() => void)[] = [];

  add(topic: string, handler: BusHandler): void {
    this.byTopic.set(topic, [...(this.byTopic.get(topic) ?? []), handler]);
  }

  addResync(handler: () => void): void {
    this.resync.push(handler);
  }

  run(topic: string, payload: string): void {
    for (const handler of this.byTopic.get(topic) ?? []) handler(payload);
  }

  runResync(): void {
    for (const handler of this.resync) handler();
  }
}

/** SQLite (and tests): the bus of one process. */
export class InProcessBus implements ClusterBus {
  readonly kind = 'in-process' as const;
  readonly connected = true;
  private readonly handlers = new LocalHandlers();

  async publish(topic: string, payload = ''): Promise<void> {
    this.handlers.run(topic, payload);
  }

  subscribe(topic: string, handler: BusHandler): void {
    this.handlers.add(topic, handler);
  }

  onResync(handler: () => void): void {
    this.handlers.addResync(handler);
  }

  async close(): Promise<void> {}
}
