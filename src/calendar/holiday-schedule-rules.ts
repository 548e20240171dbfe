import type { HolidayDay } from './holiday-schedule.js';
import { isPlainDate, yearOf } from './plain-date.js';

export interface FieldProblem {
  field: string;
  message: string;
}

/** Cross-field rules for a year's schedule that a DTO decorator cannot express. */
export function findScheduleProblems(year: number, days: readonly HolidayDay[]): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const seen = new Map<string, number>();
  days.forEach((day, index) => {
    const field = `days[${index}].date`;
    if (!isPlainDate(day.date)) {
      problems.push({ field, message: `${day.date} is not a calendar date (YYYY-MM-DD)` });
      return;
    }
    if (yearOf(day.date) !== year) {
      problems.push({ field, message: `${day.date} is outside ${year}` });
    }
    const first = seen.get(day.date);
    if (first !== undefined) {
      problems.push({ field, message: `${day.date} is listed twice (also at days[${first}])` });
    } else {
      seen.set(day.date, index);
    }
  });
  return problems;
}
