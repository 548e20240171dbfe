import type { Provider } from '@nestjs/common';
import { CalendarService } from './calendar.service.js';
import { CurrentDeadlineCalendar, type DeadlineCalendar } from './deadline-calendar.js';

/** The calendar the API counts due dates on; tests inject a short one into the API and the worker alike. */
export const DEADLINE_CALENDAR = Symbol('DeadlineCalendar');

/** The API's: the calendar it keeps in memory, dropped when a year is written (no query per count). */
export const deadlineCalendarProvider: Provider = {
  provide: DEADLINE_CALENDAR,
  useFactory: (calendars: CalendarService): DeadlineCalendar => new CurrentDeadlineCalendar(() => calendars.current()),
  inject: [CalendarService],
};
