import { ApplicationFailure } from '@temporalio/common';
import type { CalendarActivities } from '../workflows/contracts/activities.js';
import type { DeadlineCalendar } from '../src/calendar/deadline-calendar.js';
import { planStepOn } from '../src/calendar/step-plan.js';

/** A RangeError from the calendar is a bad request, not a passing fault: no retry. */
async function nonRetryableOnRangeError<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof RangeError) throw ApplicationFailure.nonRetryable(error.message, 'InvalidDueDateRequest');
    throw error;
  }
}

function instantOf(field: string, value: string): Date {
  const instant = new Date(value);
  if (Number.isNaN(instant.getTime())) {
    throw ApplicationFailure.nonRetryable(`${field} is not an instant: ${value}`, 'InvalidDueDateRequest');
  }
  return instant;
}

export function createCalendarActivities(calendar: DeadlineCalendar): CalendarActivities {
  return {
    async computeDueDate({ receivedAt, workingDays }) {
      const instant = instantOf('receivedAt', receivedAt);
      return nonRetryableOnRangeError(() => calendar.addWorkingDays(instant, workingDays));
    },
    async planStep(request) {
      instantOf('from', request.from);
      return nonRetryableOnRangeError(() => planStepOn(calendar, request));
    },
    async extendDueDate({ due, workingDays }) {
      return nonRetryableOnRangeError(() => calendar.extend(due, workingDays));
    },
    async workingDaysLeft({ at, due }) {
      return calendar.workingDaysLeft(new Date(at), due);
    },
    async computeWarningFrom({ due, workingDays }) {
      return nonRetryableOnRangeError(async () => (await calendar.warningFrom(due, workingDays)).toISOString());
    },
    async computeMonthEnd({ from, month }) {
      return nonRetryableOnRangeError(() => calendar.monthEnd(new Date(from), month));
    },
  };
}
