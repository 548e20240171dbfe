import type { MikroORM } from '@mikro-orm/postgresql';
import type { DeadlineCalendar } from '../../src/calendar/deadline-calendar.js';
import { CalendarStore } from '../../src/calendar/calendar-store.js';
import { isWeekend } from '../../src/calendar/plain-date.js';
import type { DueDate } from '../../workflows/contracts/deadline.js';

/**
 * A calendar on which a working day lasts `msPerWorkingDay` milliseconds,
 * counted from when the deadline is computed, so that deadline timers fire
 * within a test whatever day the API clock says the case was received.
 * Injected into the test worker in place of the PostgreSQL calendar; the real
 * calendar has its own tests.
 */
export class ShortCalendar implements DeadlineCalendar {
  constructor(private readonly msPerWorkingDay: number) {}

  async addWorkingDays(_receivedAt: Date, workingDays: number): Promise<DueDate> {
    return this.after(Date.now(), workingDays);
  }

  async extend(due: DueDate, workingDays: number): Promise<DueDate> {
    return this.after(Date.parse(due.dueAt), workingDays);
  }

  async workingDaysLeft(at: Date, due: DueDate): Promise<number> {
    return Math.max(1, Math.ceil((Date.parse(due.dueAt) - at.getTime()) / this.msPerWorkingDay));
  }

  async warningFrom(due: DueDate, workingDays: number): Promise<Date> {
    return new Date(Date.parse(due.dueAt) - workingDays * this.msPerWorkingDay);
  }

  /** A month's end is that many working days away: January one, February two. */
  async monthEnd(_from: Date, month: number): Promise<DueDate> {
    return this.after(Date.now(), month);
  }

  private after(fromMs: number, workingDays: number): DueDate {
    const dueAt = new Date(fromMs + workingDays * this.msPerWorkingDay);
    return {
      dueDate: dueAt.toISOString().slice(0, 10),
      dueAt: dueAt.toISOString(),
      provisional: false,
      provisionalYears: [],
    };
  }
}

/**
 * A short calendar that still hangs on one year's holiday schedule in
 * PostgreSQL, to test what loading a year does to running timers: a working
 * day lasts `msPerWorkingDay` from the instant the period runs from; until the
 * year is loaded every due date is provisional, and once it is, each weekday
 * off in it adds one working day.
 */
export class ScheduledShortCalendar implements DeadlineCalendar {
  constructor(
    private readonly orm: MikroORM,
    private readonly msPerWorkingDay: number,
    private readonly year: number,
  ) {}

  async addWorkingDays(receivedAt: Date, workingDays: number): Promise<DueDate> {
    const offDays = await this.weekdaysOff();
    const dueAt = new Date(receivedAt.getTime() + (workingDays + (offDays ?? 0)) * this.msPerWorkingDay);
    const provisional = offDays === undefined;
    return {
      dueDate: dueAt.toISOString().slice(0, 10),
      dueAt: dueAt.toISOString(),
      provisional,
      provisionalYears: provisional ? [this.year] : [],
    };
  }

  async extend(due: DueDate, workingDays: number): Promise<DueDate> {
    const dueAt = new Date(Date.parse(due.dueAt) + workingDays * this.msPerWorkingDay);
    return { ...due, dueDate: dueAt.toISOString().slice(0, 10), dueAt: dueAt.toISOString() };
  }

  async workingDaysLeft(at: Date, due: DueDate): Promise<number> {
    return Math.max(1, Math.ceil((Date.parse(due.dueAt) - at.getTime()) / this.msPerWorkingDay));
  }

  async warningFrom(due: DueDate, workingDays: number): Promise<Date> {
    return new Date(Date.parse(due.dueAt) - workingDays * this.msPerWorkingDay);
  }

  async monthEnd(_from: Date, month: number): Promise<DueDate> {
    return this.addWorkingDays(new Date(), month);
  }

  private async weekdaysOff(): Promise<number | undefined> {
    const schedule = await new CalendarStore(this.orm.em.fork()).getYear(this.year);
    return schedule?.days.filter((d) => d.kind === 'off' && !isWeekend(d.date)).length;
  }
}

/** The API clock moved to another day (to receive cases under an older pack), running on from there. */
export class ShiftedClock {
  private readonly offsetMs: number;

  constructor(startsAt: string) {
    this.offsetMs = Date.parse(startsAt) - Date.now();
  }

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
}
