import type { StepPlan, StepPlanRequest } from '../../workflows/contracts/deadline.js';
import type { DeadlineCalendar } from './deadline-calendar.js';

/** A step's due date, warning point and supplement period, all from one reading of the calendar. */
export async function planStepOn(calendar: DeadlineCalendar, request: StepPlanRequest): Promise<StepPlan> {
  const from = new Date(request.from);
  const reading = (await calendar.pinned?.()) ?? calendar;
  const due = await reading.addWorkingDays(from, request.workingDays);
  const warningAt =
    request.warningWorkingDays === undefined ? undefined : await reading.warningFrom(due, request.warningWorkingDays);
  const supplementBy =
    request.supplementWorkingDays === undefined
      ? undefined
      : await reading.addWorkingDays(from, request.supplementWorkingDays);
  return {
    due,
    ...(reading.version === undefined ? {} : { calendarVersion: reading.version }),
    ...(warningAt ? { warningAt: warningAt.toISOString() } : {}),
    ...(supplementBy ? { supplementBy } : {}),
  };
}
