import { Injectable } from '@nestjs/common';
import {
  BATCHED_CALENDAR_RECOMPUTE_WORKFLOW,
  calendarRecomputeId,
  type CalendarChange,
  type RecomputePace,
} from '../../workflows/contracts/calendar-change.js';
import { AppConfig } from '../config/app-config.js';
import { CaseEngine } from '../engine/case-engine.js';
import type { StoredHolidaySchedule } from './calendar-store.js';

/**
 * After a year is loaded or replaced, a workflow (one per year and revision)
 * tells every open case whose due dates the year can touch; each case
 * recomputes its own steps, moves its timers and records the notice.
 */
@Injectable()
export class DeadlineRecompute {
  constructor(
    private readonly engine: CaseEngine,
    private readonly config: AppConfig,
  ) {}

  async start(schedule: StoredHolidaySchedule): Promise<{ workflowId: string }> {
    const change: CalendarChange = {
      year: schedule.year,
      revision: schedule.revision,
      notices: schedule.notices.map(({ title, url, publishedOn }) => ({ title, url, publishedOn })),
      loadedBy: schedule.loadedBy,
      loadedAt: schedule.loadedAt,
    };
    const workflowId = calendarRecomputeId(schedule.year, schedule.revision);
    const pace: RecomputePace = {
      batchSize: this.config.RECOMPUTE_BATCH_SIZE,
      pauseMs: this.config.RECOMPUTE_PAUSE_MS,
      batchesPerRun: this.config.RECOMPUTE_BATCHES_PER_RUN,
    };
    await this.engine.startWorkflow({
      workflowType: BATCHED_CALENDAR_RECOMPUTE_WORKFLOW,
      workflowId,
      args: [change, pace],
    });
    return { workflowId };
  }
}
