import { fieldError, type FieldError } from '../common/errors/domain-error.js';
import type { HolidayDay } from './holiday-schedule.js';
import { isPlainDate, yearOf } from './plain-date.js';

/** Cross-field rules for a year's schedule that a DTO decorator cannot express. */
export function findScheduleProblems(year: number, days: readonly HolidayDay[]): FieldError[] {
  const problems: FieldError[] = [];
  const seen = new Map<string, number>();
  days.forEach((day, index) => {
    const field = `days[${index}].date`;
    if (!isPlainDate(day.date)) {
      problems.push(
        fieldError(
          field,
          'isCalendarDate',
          `${day.date} 不是有效日期（YYYY-MM-DD）`,
          `${day.date} is not a calendar date (YYYY-MM-DD)`,
        ),
      );
      return;
    }
    if (yearOf(day.date) !== year) {
      problems.push(fieldError(field, 'isInYear', `${day.date} 不在${year}年内`, `${day.date} is outside ${year}`));
    }
    const first = seen.get(day.date);
    if (first !== undefined) {
      problems.push(
        fieldError(
          field,
          'arrayUnique',
          `${day.date} 重复出现（另见 days[${first}]）`,
          `${day.date} is listed twice (also at days[${first}])`,
        ),
      );
    } else {
      seen.set(day.date, index);
    }
  });
  return problems;
}
