import type { MikroORM } from '@mikro-orm/postgresql';
import type { DueDate } from '../../workflows/contracts/deadline.js';
import { monthEndDue } from './month-end-due.js';
import { CalendarStore } from './calendar-store.js';
import type { WorkingDayCalendar } from './working-day-calendar.js';

/** Computes due dates; the worker uses the PostgreSQL calendar, tests may inject a short one. */
export interface DeadlineCalendar {
  addWorkingDays(receivedAt: Date, workingDays: number): Promise<DueDate>;
  /** At most N working days added after an existing due date (an extension). */
  extend(due: DueDate, workingDays: number): Promise<DueDate>;
  /** Working days left of a period when its clock stops (at least one). */
  workingDaysLeft(at: Date, due: DueDate): Promise<number>;
  /** The instant from which only the last `workingDays` working days of a period are left (its 预警 point). */
  warningFrom(due: DueDate, workingDays: number): Promise<Date>;
  /** 24:00 at the end of a month of the year `from` falls in (a calendar date, not working days). */
  monthEnd(from: Date, month: number): Promise<DueDate>;
  /** The calendar as it is now, for several answers from one reading of it (a step's plan). */
  pinned?(): Promise<DeadlineCalendar>;
  /** Which revision of each year a reading answers from, when it was read from PostgreSQL (`calendarVersionOf`). */
  readonly version?: string;
}

/** Answers from one loaded calendar. */
class LoadedDeadlineCalendar implements DeadlineCalendar {
  constructor(private readonly calendar: WorkingDayCalendar) {}

  get version(): string | undefined {
    return this.calendar.version;
  }

  async addWorkingDays(receivedAt: Date, workingDays: number): Promise<DueDate> {
    return this.calendar.addWorkingDays(receivedAt, workingDays);
  }

  async extend(due: DueDate, workingDays: number): Promise<DueDate> {
    return this.calendar.countFrom(due.dueDate, workingDays);
  }

  async workingDaysLeft(at: Date, due: DueDate): Promise<number> {
    return this.calendar.workingDaysLeft(at, due.dueDate);
  }

  async warningFrom(due: DueDate, workingDays: number): Promise<Date> {
    return this.calendar.lastWorkingDaysFrom(due.dueDate, workingDays);
  }

  async monthEnd(from: Date, month: number): Promise<DueDate> {
    return monthEndDue(from, month);
  }
}

/** Answers from the calendar `current` gives at each call; `pinned` holds one reading of it for several answers. */
export class CurrentDeadlineCalendar implements DeadlineCalendar {
  constructor(private readonly current: () => Promise<WorkingDayCalendar>) {}

  async addWorkingDays(receivedAt: Date, workingDays: number): Promise<DueDate> {
    return (await this.pinned()).addWorkingDays(receivedAt, workingDays);
  }

  async extend(due: DueDate, workingDays: number): Promise<DueDate> {
    return (await this.pinned()).extend(due, workingDays);
  }

  async workingDaysLeft(at: Date, due: DueDate): Promise<number> {
    return (await this.pinned()).workingDaysLeft(at, due);
  }

  async warningFrom(due: DueDate, workingDays: number): Promise<Date> {
    return (await this.pinned()).warningFrom(due, workingDays);
  }

  async monthEnd(from: Date, month: number): Promise<DueDate> {
    return monthEndDue(from, month);
  }

  /** The calendar as it is now: its answers cost no further reading. */
  async pinned(): Promise<DeadlineCalendar> {
    return new LoadedDeadlineCalendar(await this.current());
  }
}

/**
 * The PostgreSQL calendar, kept in memory between calls and reloaded when a
 * year is loaded or replaced (checked with one small query per call).
 */
export class PostgresDeadlineCalendar extends CurrentDeadlineCalendar {
  constructor(orm: MikroORM) {
    let cached: WorkingDayCalendar | undefined;
    super(async () => {
      const store = new CalendarStore(orm.em.fork());
      const version = await store.version();
      if (cached?.version !== version) cached = await store.loadCalendar();
      return cached;
    });
  }
}
