import type { EntityManager } from '@mikro-orm/postgresql';
import { query } from '../database/unit-of-work.js';

/**
 * Which revision of each year a calendar was read at (`2025:1,2026:2`): two readings with the same version count the
 * same days. A step's dates carry it to the transaction that opens the step's task.
 */
export function calendarVersionOf(years: ReadonlyArray<{ year: number; revision: number }>): string {
  return [...years]
    .sort((a, b) => a.year - b.year)
    .map(({ year, revision }) => `${year}:${revision}`)
    .join(',');
}

/** A fixed key: held shared by each transaction that opens a task on planned dates, and alone by a year's load. */
export const CALENDAR_LOCK = 2_026_120_701;

/**
 * Whether the calendar is still at `version`, for a transaction about to write dates planned on it. The lock, held
 * shared until the transaction ends, makes a year's load (which holds it alone) wait for the write, so that its
 * recompute, which lists the open tasks after the load, finds this task; a transaction after the load sees its
 * version. One round trip: the lock and the version come from `calendar_version_for_task` (a migration).
 */
export async function calendarStillAt(em: EntityManager, version: string): Promise<boolean> {
  const [row] = await query<{ version: string }>(em, `select calendar_version_for_task(${CALENDAR_LOCK}) as version`);
  return row.version === version;
}

/** A year's load: waits for the tasks being opened on the calendar as it was, and holds new ones until it commits. */
export async function lockCalendarForLoad(em: EntityManager): Promise<void> {
  await query(em, `select pg_advisory_xact_lock(${CALENDAR_LOCK})`);
}
