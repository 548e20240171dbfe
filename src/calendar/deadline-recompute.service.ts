import { Injectable } from '@nestjs/common';
import {
  CALENDAR_RECOMPUTE_WORKFLOW,
  calendarRecomputeId,
  type CalendarChange,
} from '../../workflows/contracts/calendar-change.js';
import { CaseEngine } from '../engine/case-engine.js';
import type { StoredHolidaySchedule } from './calendar-store.js';

/**
 * After a year is loaded or replaced, a workflow (one per year and revision)
 * tells every open case whose due dates the year can touch; each case
 * recomputes its own steps, moves its timers and records the notice.
 */
@Injectable()
export class DeadlineRecompute {
  constructor(private readonly engine: CaseEngine) {}

  async start(schedule: StoredHolidaySchedule): Promise<{ workflowId: string }> {
    const change: CalendarChange = {
      year: schedule.year,
      revision: schedule.revision,
      notices: schedule.notices.map(({ title, url, publishedOn }) => ({ title, url, publishedOn })),
      loadedBy: schedule.loadedBy,
      loadedAt: schedule.loadedAt,
    };
    const workflowId = calendarRecomputeId(schedule.year, schedule.revision);
    await this.engine.startWorkflow({ workflowType: CALENDAR_RECOMPUTE_WORKFLOW, workflowId, args: [change] });
    return { workflowId };
  }
}
