import type { EntityManager } from '@mikro-orm/postgresql';
import { CalendarStore } from './calendar-store.js';
import { STATE_COUNCIL_SCHEDULES } from './data/state-council-notices.js';

/** Loads the bundled State Council years that the database does not have yet. */
export async function seedCalendar(em: EntityManager): Promise<string[]> {
  const store = new CalendarStore(em);
  const present = new Set((await store.listYears()).map((s) => s.year));
  const seeded: string[] = [];
  for (const schedule of STATE_COUNCIL_SCHEDULES) {
    if (present.has(schedule.year)) continue;
    await store.replaceYear(schedule, 'seed');
    seeded.push(`holiday year ${schedule.year}`);
  }
  return seeded;
}
