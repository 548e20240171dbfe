import type { DueDate, DueDateRequest } from './deadline.js';

/** The activities workflows may call; implemented in activities/, proxied by type only. */
export interface CalendarActivities {
  computeDueDate(request: DueDateRequest): Promise<DueDate>;
}

export type Activities = CalendarActivities;
