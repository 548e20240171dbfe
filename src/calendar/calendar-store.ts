import type { EntityManager } from '@mikro-orm/postgresql';
import type { HolidaySchedule } from './holiday-schedule.js';
import { query } from '../database/unit-of-work.js';
import { calendarVersionOf, lockCalendarForLoad } from './calendar-version.js';
import { HolidayYear } from './holiday-year.entity.js';
import { WorkingDayCalendar } from './working-day-calendar.js';

export interface StoredHolidaySchedule extends HolidaySchedule {
  revision: number;
  loadedAt: string;
  loadedBy: string;
}

function toSchedule(row: HolidayYear): StoredHolidaySchedule {
  return {
    year: row.year,
    notices: row.notices,
    days: row.days,
    revision: row.revision,
    loadedAt: row.loadedAt.toISOString(),
    loadedBy: row.loadedBy,
  };
}

/** The holiday schedules in PostgreSQL; shared by the API and the activities. */
export class CalendarStore {
  constructor(private readonly em: EntityManager) {}

  async listYears(): Promise<StoredHolidaySchedule[]> {
    const rows = await this.em.find(HolidayYear, {}, { orderBy: { year: 'asc' } });
    return rows.map(toSchedule);
  }

  async getYear(year: number): Promise<StoredHolidaySchedule | null> {
    const row = await this.em.findOne(HolidayYear, { year });
    return row ? toSchedule(row) : null;
  }

  /**
   * Loads or replaces a year as one row, so readers see the old or the new schedule, never a mix. The load waits for
   * the tasks being opened on the calendar as it was (see `calendarStillAt`).
   */
  async replaceYear(schedule: HolidaySchedule, loadedBy: string, now = new Date()): Promise<StoredHolidaySchedule> {
    const days = [...schedule.days].sort((a, b) => a.date.localeCompare(b.date));
    const row = await this.em.transactional(async (em) => {
      await lockCalendarForLoad(em);
      const existing = await em.findOne(HolidayYear, { year: schedule.year });
      const written =
        existing ??
        em.create(HolidayYear, { year: schedule.year, notices: [], days: [], revision: 0, loadedAt: now, loadedBy });
      em.assign(written, { notices: schedule.notices, days, revision: written.revision + 1, loadedAt: now, loadedBy });
      return written;
    });
    return toSchedule(row);
  }

  async loadCalendar(): Promise<WorkingDayCalendar> {
    const years = await this.listYears();
    return new WorkingDayCalendar(years, calendarVersionOf(years));
  }

  /** The version the calendar is at now (see `calendarVersionOf`), read without the years' days: a cache's key. */
  async version(): Promise<string> {
    const [row] = await query<{ version: string }>(
      this.em,
      "select coalesce(string_agg(year || ':' || revision, ',' order by year), '') as version from holiday_year",
    );
    return row.version;
  }
}
