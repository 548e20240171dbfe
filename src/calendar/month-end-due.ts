import type { DueDate } from '../../workflows/contracts/deadline.js';
import { addDays, lastDayOfMonth, shanghaiDateOf, shanghaiMidnight, yearOf } from './plain-date.js';

/**
 * 「某月底前」: 24:00 Asia/Shanghai at the end of the month's last day, in the
 * year the period starts in. A calendar date, so no holiday schedule matters
 * and it is never provisional.
 */
export function monthEndDue(from: Date, month: number): DueDate {
  const dueDate = lastDayOfMonth(yearOf(shanghaiDateOf(from)), month);
  return {
    dueDate,
    dueAt: shanghaiMidnight(addDays(dueDate, 1)).toISOString(),
    provisional: false,
    provisionalYears: [],
  };
}
