import { defineSignal } from '@temporalio/workflow';

export const CALENDAR_RECOMPUTE_WORKFLOW = 'calendarRecompute';

/** A year's schedule was loaded or replaced (SPEC §2): open steps recompute their due dates. */
export interface CalendarChange {
  year: number;
  revision: number;
  notices: Array<{ title: string; url: string; publishedOn: string }>;
  loadedBy: string;
  loadedAt: string;
}

export const calendarChangedSignal = defineSignal<[CalendarChange]>('calendarChanged');

export const calendarRecomputeId = (year: number, revision: number) => `calendar-recompute-${year}-r${revision}`;
