import pg from 'pg';
import { CALENDAR_LOCK } from '../../src/calendar/calendar-version.js';
import type { TestSystem } from './test-system.js';

export interface TableLock {
  /** How many of the system's statements wait on the lock now. */
  waiting(): Promise<number>;
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

/** Holds the calendar's lock as a task being opened on planned dates holds it: a year's load waits meanwhile. */
export function lockCalendar(system: TestSystem): Promise<TableLock> {
  return holdLock(
    system,
    `select pg_advisory_xact_lock_shared(${CALENDAR_LOCK})`,
    "select count(*)::int as n from pg_locks where locktype = 'advisory' and not granted",
    [],
  );
}
