/**
 * The bus on PostgreSQL: LISTEN on one channel over a connection of its own (a pooled connection
 * would be handed to someone else between notifications), NOTIFY through the ORM's pool (so a
 * publish works even while the listener reconnects). When the listening connection drops, it
 * reconnects with a growing delay and then asks every subscriber to resync: notifications sent
 * meanwhile were lost, so caches are dropped whole.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { MikroORM } from '@mikro-orm/core';
import type { Knex } from '@mikro-orm/knex';
import { LocalHandlers, type BusHandler, type ClusterBus } from './bus.js';

export const CHANNEL = 'wuye_cluster';
const MAX_RECONNECT_DELAY_MS = 10_000;

interface Message { from: string; topic: string; payload: string }

export interface PgBusLog {
  warn(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
}

export class PgBus implements ClusterBus {
  readonly kind = 'postgresql' as const;
  /** tells this instance's own notifications apart (its handlers already ran) */
  readonly instanceId = randomUUID();
  private readonly handlers = new LocalHandlers();
  private client: pg.Client | null = null;
  private closed = false;
  private reconnectDelay = 250;
  private reconnectTimer: NodeJS.Timeout | undefined;

  constructor(private readonly url: string, private readonly orm: MikroORM, private readonly log: PgBusLog) {}

  get connected(): boolean {
    return this.client !== null;
  }

  /** Connects the listener; resolves once LISTEN is in place. */
  async start(): Promise<void> {
    await this.connect();
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.url, application_name: 'wuye-bus' });
    client.on('notification', (msg) => this.receive(msg.payload));
    client.on('error', (err) => this.lost(client, err));
    client.on('end', () => this.lost(client, new Error('connection ended')));
    await client.connect();
    await client.query(`LISTEN ${CHANNEL}`);
    if (this.closed) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    this.reconnectDelay = 250;
  }

  private lost(client: pg.Client, err: Error): void {
    if (this.client !== client || this.closed) return;
    this.client = null;
    client.end().catch(() => undefined);
    this.log.warn({ err }, 'cluster bus lost its connection; reconnecting');
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (this.closed) return;
    this.reconnectTimer = setTimeout(() => {
      this.connect().then(() => {
        this.log.info({}, 'cluster bus reconnected; dropping cached entries');
        this.handlers.runResync();
      }, (err: unknown) => {
        this.log.warn({ err }, 'cluster bus could not reconnect');
        this.reconnectDelay = Math.min(MAX_RECONNECT_DELAY_MS, this.reconnectDelay * 2);
        this.scheduleReconnect();
      });
    }, this.reconnectDelay);
  }

  /** for tests: drops the listening connection as a network failure would */
  simulateConnectionLoss(): void {
    const client = this.client;
    if (client) this.lost(client, new Error('simulated connection loss'));
  }

  private receive(raw: string | undefined): void {
    if (!raw) return;
    let message: Message;
    try {
      message = JSON.parse(raw) as Message;
    } catch {
      return;
    }
    if (message.from === this.instanceId || typeof message.topic !== 'string') return;
    this.handlers.run(message.topic, String(message.payload ?? ''));
  }

  async publish(topic: string, payload = ''): Promise<void> {
    this.handlers.run(topic, payload);
    const message: Message = { from: this.instanceId, topic, payload };
    const knex = (this.orm.em.getConnection() as unknown as { getKnex(): Knex }).getKnex();
    await knex.raw('select pg_notify(?, ?)', [CHANNEL, JSON.stringify(message)]);
  }

  subscribe(topic: string, handler: BusHandler): void {
    this.handlers.add(topic, handler);
  }

  onResync(handler: () => void): void {
    this.handlers.addResync(handler);
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.reconnectTimer);
    const client = this.client;
    this.client = null;
    if (client) await client.end().catch(() => undefined);
  }
}
