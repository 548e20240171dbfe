import { defineSignal } from '@temporalio/workflow';

/** Runs started before batching; kept so that they finish as they began. */
export const CALENDAR_RECOMPUTE_WORKFLOW = 'calendarRecompute';
export const BATCHED_CALENDAR_RECOMPUTE_WORKFLOW = 'calendarRecomputeInBatches';

/**
 * How fast a recompute tells the open cases: `batchSize` at once, then a pause, so that 100,000 cases move without
 * starving the requests of the day; a run continues as new after `batchesPerRun` batches, to keep its history short.
 */
export interface RecomputePace {
  batchSize: number;
  pauseMs: number;
  batchesPerRun: number;
}

/** Where a continued run picks up: after this case id, with what was counted so far. */
export interface RecomputeProgress {
  after?: string;
  signalled: number;
  closed: number;
  runs: number;
}

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
