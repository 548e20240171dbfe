import type { MikroORM } from '@mikro-orm/postgresql';
import type { Activities } from '../workflows/contracts/activities.js';
import { createCalendarActivities } from './calendar.activities.js';
import { PostgresDeadlineCalendar, type DeadlineCalendar } from './deadline-calendar.js';
import { createCatalogActivities } from './catalog.activities.js';
import { createGrantActivities } from './grant.activities.js';
import { createInboxActivities } from './inbox.activities.js';
import { createScheduleActivities } from './schedule.activities.js';

export interface ActivityDependencies {
  orm: MikroORM;
  /** Defaults to the PostgreSQL working-day calendar. */
  calendar?: DeadlineCalendar;
}

/** Builds every activity from its dependencies; the worker registers the result. */
export function createActivities({ orm, calendar = new PostgresDeadlineCalendar(orm) }: ActivityDependencies): Activities {
  return { ...createCalendarActivities(calendar), ...createInboxActivities(orm), ...createGrantActivities(orm), ...createCatalogActivities(orm), ...createScheduleActivities(orm) };
}
