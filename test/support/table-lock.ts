import pg from 'pg';
import { CALENDAR_LOCK } from '../../src/calendar/calendar-version.js';
import type { TestSystem } from './test-system.js';

export interface TableLock {
  /** How many of the system's statements wait on the lock now. */
  waiting(): Promise<number>;
  /** A statement in the lock's transaction: it commits with the release. */
  run(sql: string, params?: unknown[]): Promise<void>;
  /** Ends the lock's transaction: what waited goes on. Safe to call more than once. */
  release(): Promise<void>;
}

/** Takes a lock in a transaction of a connection of the test's own; `waitingSql` counts who waits on it. */
async function holdLock(
  system: TestSystem,
  lockSql: string,
  waitingSql: string,
  params: unknown[],
): Promise<TableLock> {
  const db = new pg.Client({ connectionString: system.config.DATABASE_URL });
  await db.connect();
  await db.query('begin');
  await db.query(lockSql);
  let released: Promise<void> | undefined;
  return {
    async waiting() {
      const { rows } = await db.query<{ n: number }>(waitingSql, params);
      return rows[0].n;
    },
    async run(sql, statementParams = []) {
      await db.query(sql, statementParams);
    },
    release() {
      released ??= db.query('commit').then(() => db.end());
      return released;
    },
  };
}

/**
 * Holds `mode` on `table` from a connection of the test's own, until `release()`: the system's statements that
 * conflict with it wait meanwhile, as they would behind a long transaction.
 */
export function lockTable(system: TestSystem, table: string, mode: string): Promise<TableLock> {
  return holdLock(
    system,
    `lock table ${table} in ${mode} mode`,
    'select count(*)::int as n from pg_locks where relation = $1::regclass and not granted',
    [table],
  );
}

/**
 * Holds the calendar's lock: `shared`, as a task being opened on planned dates holds it (a year's load waits
 * meanwhile); `alone`, as a year's load holds it (tasks being opened wait).
 */
export function lockCalendar(system: TestSystem, mode: 'shared' | 'alone'): Promise<TableLock> {
  return holdLock(
    system,
    `select pg_advisory_xact_lock${mode === 'shared' ? '_shared' : ''}(${CALENDAR_LOCK})`,
    "select count(*)::int as n from pg_locks where locktype = 'advisory' and not granted",
    [],
  );
}
