import { ApplicationFailure } from '@temporalio/common';
import type { CalendarActivities } from '../workflows/contracts/activities.js';
import type { DeadlineCalendar } from './deadline-calendar.js';

export function createCalendarActivities(calendar: DeadlineCalendar): CalendarActivities {
  return {
    async computeDueDate({ receivedAt, workingDays }) {
      const instant = new Date(receivedAt);
      if (Number.isNaN(instant.getTime())) {
        throw ApplicationFailure.nonRetryable(`receivedAt is not an instant: ${receivedAt}`, 'InvalidDueDateRequest');
      }
      try {
        return await calendar.addWorkingDays(instant, workingDays);
      } catch (error) {
        if (error instanceof RangeError) throw ApplicationFailure.nonRetryable(error.message, 'InvalidDueDateRequest');
        throw error;
      }
    },
  };
}
