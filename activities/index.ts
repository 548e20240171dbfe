import { PostgresDeadlineCalendar, type DeadlineCalendar } from '../src/calendar/deadline-calendar.js';
import type { Repositories } from '../src/database/repositories.js';
import type { Activities } from '../workflows/contracts/activities.js';
import { createCalendarActivities } from './calendar.activities.js';
import { createCatalogActivities } from './catalog.activities.js';
import { withFailureClassification } from './failure-classification.js';
import { createGrantActivities } from './grant.activities.js';
import { createInboxActivities } from './inbox.activities.js';
import { createIncidentActivities } from './incident.activities.js';
import { createScheduleActivities } from './schedule.activities.js';

export interface ActivityDependencies extends Repositories {
  /** Defaults to the working-day calendar in PostgreSQL; tests inject a short one. */
  calendar?: DeadlineCalendar;
}

/** Builds every activity from the repositories (the same the API uses) and the calendar; the worker registers the result. */
export function createActivities(deps: ActivityDependencies): Activities {
  return withFailureClassification({
    ...createCalendarActivities(deps.calendar ?? new PostgresDeadlineCalendar(deps.orm)),
    ...createInboxActivities(deps),
    ...createGrantActivities(deps),
    ...createCatalogActivities(deps),
    ...createScheduleActivities(deps),
    ...createIncidentActivities(deps.incidents),
  });
}
