import type { PlainDate } from './plain-date.js';

/** 放假 (a day off, also on a weekday) or 调休上班 (a make-up workday, also on a weekend). */
export type HolidayDayKind = 'off' | 'workday';

export interface HolidayNotice {
  title: string;
  url: string;
  publishedOn: PlainDate;
}

export interface HolidayDay {
  date: PlainDate;
  kind: HolidayDayKind;
  name: string;
}

/** One year's arrangement as declared by the State Council's notice(s) for that year. */
export interface HolidaySchedule {
  year: number;
  notices: HolidayNotice[];
  days: HolidayDay[];
}
