import { Inject, Injectable } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { CALENDAR_RECOMPUTE_WORKFLOW, calendarRecomputeId, type CalendarChange } from '../../workflows/contracts/calendar-change.js';
import { AppConfig } from '../config/app-config.js';
import { fromEngineError } from '../engine/engine-errors.js';
import type { StoredHolidaySchedule } from './calendar-store.js';

/**
 * After a year is loaded or replaced, a workflow (one per year and revision)
 * tells every open case whose due dates the year can touch; each case
 * recomputes its own steps, moves its timers and records the notice.
 */
@Injectable()
export class DeadlineRecompute {
  constructor(
    @Inject(Client) private readonly client: Client,
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
    try {
      await this.client.workflow.start(CALENDAR_RECOMPUTE_WORKFLOW, {
        workflowId,
        taskQueue: this.config.TEMPORAL_TASK_QUEUE,
        args: [change],
        workflowIdConflictPolicy: 'USE_EXISTING',
      });
    } catch (error) {
      throw fromEngineError(error);
    }
    return { workflowId };
  }
}
