import { ApplicationFailure } from '@temporalio/common';
import type { CalendarActivities } from '../workflows/contracts/activities.js';
import type { DeadlineCalendar } from '../src/calendar/deadline-calendar.js';

/** A RangeError from the calendar is a bad request, not a passing fault: no retry. */
async function nonRetryableOnRangeError<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof RangeError) throw ApplicationFailure.nonRetryable(error.message, 'InvalidDueDateRequest');
    throw error;
  }
}

export function createCalendarActivities(calendar: DeadlineCalendar): CalendarActivities {
  return {
    async computeDueDate({ receivedAt, workingDays }) {
      const instant = new Date(receivedAt);
      if (Number.isNaN(instant.getTime())) {
        throw ApplicationFailure.nonRetryable(`receivedAt is not an instant: ${receivedAt}`, 'InvalidDueDateRequest');
      }
      return nonRetryableOnRangeError(() => calendar.addWorkingDays(instant, workingDays));
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
