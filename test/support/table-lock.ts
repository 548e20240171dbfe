import pg from 'pg';
import type { TestSystem } from './test-system.js';

export interface TableLock {
  /** How many of the system's statements wait on the lock now. */
  waiting(): Promise<number>;
  /** Ends the lock's transaction: what waited goes on. Safe to call more than once. */
  release(): Promise<void>;
}

/**
 * Holds `mode` on `table` from a connection of the test's own, until `release()`: the system's statements that
 * conflict with it wait meanwhile, as they would behind a long transaction.
 */
export async function lockTable(system: TestSystem, table: string, mode: string): Promise<TableLock> {
  const db = new pg.Client({ connectionString: system.config.DATABASE_URL });
  await db.connect();
  await db.query('begin');
  await db.query(`lock table ${table} in ${mode} mode`);
  let released: Promise<void> | undefined;
  return {
    async waiting() {
      const { rows } = await db.query<{ n: number }>(
        'select count(*)::int as n from pg_locks where relation = $1::regclass and not granted',
        [table],
      );
      return rows[0].n;
    },
    release() {
      released ??= db.query('commit').then(() => db.end());
      return released;
    },
  };
}
