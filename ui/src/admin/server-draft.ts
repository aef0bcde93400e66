/**
 * Where the editor's draft is kept: on the server (`/api/config/drafts/mine`), so an admin who
 * changes computer finds it again. Saves are sent one at a time, the last edit winning, each with
 * the draft's version the editor last saw; a 409 means another window saved a newer draft, and
 * the editor says so instead of overwriting it.
 */
import { api, ApiError } from '../api.js';
import type { ConfigDeclaration } from './admin-types.js';

export interface StoredDraft {
  baseVersion: number;
  version: number;
  updatedAt: string;
  document: ConfigDeclaration;
  editor: Record<string, unknown>;
}

export type SaveState = 'idle' | 'saving' | 'saved' | 'conflict' | 'error';

interface Pending {
  baseVersion: number;
  document: ConfigDeclaration;
  editor: Record<string, unknown>;
}

export class ServerDraft {
  /** the stored draft's version (0: none stored) */
  version = 0;
  state: SaveState = 'idle';
  #pending: Pending | null | undefined = undefined; // null: delete; undefined: nothing queued
  #running: Promise<void> | null = null;
  #timer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly onState: () => void) {
    // closing the tab within the debounce still saves the last edit (best effort)
    if (typeof window !== 'undefined') window.addEventListener('pagehide', () => this.#sendOnExit());
  }

  async read(): Promise<StoredDraft | null> {
    try {
      const d = await api.get<StoredDraft>('/api/config/drafts/mine');
      this.version = d.version;
      return d;
    } catch (err) {
      if (err instanceof ApiError && err.status === 404) {
        this.version = 0;
        return null;
      }
      throw err;
    }
  }

  /** Queues a save (debounced: typing in a field is one save). */
  save(draft: Pending): void {
    this.#queue(draft);
  }

  /** Throws the stored draft away (at once: nothing to coalesce). */
  remove(): void {
    if (this.version === 0 && !this.#running && this.#pending === undefined) return;
    this.#queue(null);
    void this.flush();
  }

  /** Resolves once everything queued reached the server. */
  async flush(): Promise<void> {
    if (this.#timer) {
      clearTimeout(this.#timer);
      this.#timer = null;
      this.#kick();
    }
    while (this.#running) await this.#running;
  }

  /** Forgets what the editor knew (after reloading the configuration in force). */
  reset(version: number): void {
    this.version = version;
    this.#pending = undefined;
    this.#set('idle');
  }

  #queue(p: Pending | null) {
    if (this.state === 'conflict') return; // a newer draft is stored: the admin decides first
    this.#pending = p;
    this.#set('saving'); // from the edit on: the page shows the draft is not on the server yet
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => { this.#timer = null; this.#kick(); }, 400);
  }

  #kick() {
    if (this.#running || this.#pending === undefined) return;
    this.#running = this.#drain().finally(() => { this.#running = null; if (this.#pending !== undefined) this.#kick(); });
  }

  async #drain() {
    while (this.#pending !== undefined) {
      const p = this.#pending;
      this.#pending = undefined;
      this.#set('saving');
      try {
        if (p === null) {
          if (this.version > 0) await api.del('/api/config/drafts/mine', { version: this.version });
          this.version = 0;
        } else {
          const res = await api.put<{ version: number }>('/api/config/drafts/mine', { version: this.version, ...p });
          this.version = res.version;
        }
        this.#set('saved');
      } catch (err) {
        if (err instanceof ApiError && err.status === 404 && p === null) { this.version = 0; this.#set('saved'); continue; }
        this.#set(err instanceof ApiError && err.status === 409 ? 'conflict' : 'error');
        if (this.state === 'conflict') this.#pending = undefined;
      }
    }
  }

  #sendOnExit() {
    const p = this.#pending;
    if (!p || this.state === 'conflict') return;
    this.#pending = undefined;
    void fetch('/api/config/drafts/mine', {
      method: 'PUT', keepalive: true, credentials: 'same-origin', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ version: this.version, ...p }),
    }).catch(() => undefined);
  }

  #set(state: SaveState) {
    this.state = state;
    this.onState();
  }
}
