/**
 * The embedded database's fast path for transitions, like sqlite-case-store.ts for creation: the
 * read (case, open clocks, whether another case waits on it) and the write (the case claimed at its
 * version, clocks stopped / paused / resumed / started, events, follow-up) are prepared once per
 * connection and run synchronously on the ORM's own connection, borrowed from its pool so they
 * never interleave with an ORM transaction. The write is one transaction; rows are written as
 * MikroORM writes them (dates as epoch milliseconds, JSON as text, booleans as 0/1).
 */
import type { MikroORM } from '@mikro-orm/core';
import type { AbstractSqlConnection } from '@mikro-orm/knex';
import type { Database } from 'better-sqlite3';
import { CASE_COLUMNS, caseFromColumns, clockFromColumns } from './case-row.js';
import type { StoredCase, TransitionStore, TransitionWrite } from './transition-store.js';

interface KnexClient {
  acquireConnection(): Promise<Database>;
  releaseConnection(connection: Database): Promise<void>;
}

interface Prepared {
  read(companyId: number, caseType: string, id: number): StoredCase | null;
  write(w: TransitionWrite): boolean;
}

export class SqliteTransitionStore implements TransitionStore {
  private readonly prepared = new WeakMap<Database, Prepared>();

  constructor(private readonly orm: MikroORM) {}

  readCase(companyId: number, caseType: string, id: number): Promise<StoredCase | null> {
    return this.on((p) => p.read(companyId, caseType, id));
  }

  writeTransition(write: TransitionWrite): Promise<boolean> {
    return this.on((p) => p.write(write));
  }

  private async on<T>(work: (p: Prepared) => T): Promise<T> {
    const client = (this.orm.em.getConnection() as AbstractSqlConnection).getKnex().client as unknown as KnexClient;
    const db = await client.acquireConnection();
    try {
      return work(this.preparedFor(db));
    } finally {
      await client.releaseConnection(db);
    }
  }

  private preparedFor(db: Database): Prepared {
    const known = this.prepared.get(db);
    if (known) return known;
    const readCase = db.prepare(`select ${CASE_COLUMNS} from work_case where id = ? and company_id = ? and case_type = ?`);
    const readClocks = db.prepare('select id, key, status, due_at, paused_at from case_deadline where case_id = ? and company_id = ? and met_at is null order by id');
    const waitedOn = db.prepare("select 1 from case_link where company_id = ? and from_case_id = ? and kind = 'handedFrom' and resolved_at is null limit 1");
    const claim = db.prepare(`update work_case set state = ?, data = ?, severity = ?, title = ?, assignee_role = ?, assignee_id = ?, closed_at = ?,
      next_due_at = ?, overdue = ?, updated_at = ?, version = version + 1 where id = ? and company_id = ? and version = ?`);
    const stop = db.prepare(`update case_deadline set met_at = ?, status = case when status in ('running', 'paused') then 'met' else status end, paused_at = null
      where id = ? and company_id = ? and met_at is null`);
    const pause = db.prepare("update case_deadline set status = 'paused', paused_at = ? where id = ? and company_id = ? and status = 'running'");
    const resume = db.prepare("update case_deadline set status = 'running', paused_at = null, due_at = ? where id = ? and company_id = ? and status = 'paused'");
    const startClock = db.prepare(`insert into case_deadline (company_id, case_id, key, started_at, due_at, duration, status, met_at, overdue_at, escalated_to_role, calendar_gap_years)
      values (?, ?, ?, ?, ?, ?, 'running', null, null, null, ?)`);
    const insertEvent = db.prepare(`insert into case_event (company_id, case_id, type, transition, from_state, to_state, actor_id, actor_role, data, created_at)
      values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    const insertFollowUp = db.prepare(`insert into follow_up (company_id, case_id, case_type, project_id, due_at, method, roles, status, satisfied, on_site, result, done_at, done_by, created_at)
      values (?, ?, ?, ?, ?, ?, ?, 'due', null, null, null, null, null, ?)`);

    const write = db.transaction((w: TransitionWrite): boolean => {
      const at = w.at.getTime();
      const r = w.row;
      const claimed = claim.run(r.state, JSON.stringify(r.data), r.severity, r.title, r.assigneeRole, r.assigneeId, r.closedAt?.getTime() ?? null,
        r.nextDueAt?.getTime() ?? null, r.overdue ? 1 : 0, at, w.caseId, w.companyId, w.fromVersion).changes;
      if (claimed === 0) return false;
      for (const id of w.stop) stop.run(at, id, w.companyId);
      for (const id of w.pause) pause.run(at, id, w.companyId);
      for (const c of w.resume) resume.run(c.dueAt.getTime(), c.id, w.companyId);
      for (const c of w.start) {
        startClock.run(w.companyId, w.caseId, c.key, c.startedAt.getTime(), c.dueAt.getTime(), JSON.stringify(c.duration), c.calendarGapYears ? JSON.stringify(c.calendarGapYears) : null);
      }
      for (const e of w.events) insertEvent.run(w.companyId, w.caseId, e.type, e.transition, e.fromState, e.toState, e.actorId, e.actorRole, JSON.stringify(e.data), at);
      const f = w.followUp;
      if (f) insertFollowUp.run(w.companyId, w.caseId, f.caseType, f.projectId, f.dueAt.getTime(), f.method, JSON.stringify(f.roles), at);
      return true;
    });

    const prepared: Prepared = {
      read: (companyId, caseType, id) => {
        const row = readCase.get(id, companyId, caseType) as Record<string, unknown> | undefined;
        if (!row) return null;
        return {
          row: caseFromColumns(row),
          openClocks: (readClocks.all(id, companyId) as Record<string, unknown>[]).map(clockFromColumns),
          waitedOn: waitedOn.get(companyId, id) !== undefined,
        };
      },
      write,
    };
    this.prepared.set(db, prepared);
    return prepared;
  }
}
