import type { DueDate } from '../../workflows/contracts/deadline.js';
import type { HolidaySchedule } from './holiday-schedule.js';
import { addDays, isWeekend, shanghaiDateOf, shanghaiMidnight, yearOf, type PlainDate } from './plain-date.js';

export type { DueDate };

/** Working days per SPEC §2: Monday–Friday, minus declared days off, plus make-up workdays. */
export class WorkingDayCalendar {
  private readonly daysOff = new Set<PlainDate>();
  private readonly makeUpWorkdays = new Set<PlainDate>();
  private readonly loadedYears = new Set<number>();

  /** `version`: which revision of each year it was read at, when it was read from PostgreSQL (`calendarVersionOf`). */
  constructor(
    schedules: readonly HolidaySchedule[],
    readonly version?: string,
  ) {
    for (const schedule of schedules) {
      this.loadedYears.add(schedule.year);
      for (const day of schedule.days) {
        (day.kind === 'off' ? this.daysOff : this.makeUpWorkdays).add(day.date);
      }
    }
  }

  hasSchedule(year: number): boolean {
    return this.loadedYears.has(year);
  }

  isWorkingDay(date: PlainDate): boolean {
    if (this.makeUpWorkdays.has(date)) return true;
    if (this.daysOff.has(date)) return false;
    return !isWeekend(date);
  }

  /** The working day an instant counts for: its Asia/Shanghai date, or the next working day after a day off. */
  workingDayOf(at: Date): PlainDate {
    let date = shanghaiDateOf(at);
    while (!this.isWorkingDay(date)) date = addDays(date, 1);
    return date;
  }

  /**
   * "自收到…之日起N个工作日内": the receipt day is not counted (民法典 第二百零一条);
   * the period ends at 24:00 of the Nth working day after it (第二百零三条).
   */
  addWorkingDays(receivedAt: Date, workingDays: number): DueDate {
    return this.countFrom(shanghaiDateOf(receivedAt), workingDays);
  }

  /**
   * Working days left of a period at an instant: those after its Asia/Shanghai
   * date up to the due date. A clock stopped on its last day keeps one day.
   */
  workingDaysLeft(at: Date, dueDate: PlainDate): number {
    let left = 0;
    for (let date = addDays(shanghaiDateOf(at), 1); date <= dueDate; date = addDays(date, 1)) {
      if (this.isWorkingDay(date)) left += 1;
    }
    return Math.max(left, 1);
  }

  /**
   * What an inbox shows a reviewer: the working days still theirs, today (when it is one) through the due date;
   * 1 on the last day, 0 once the period is over.
   */
  workingDaysUntilDue(at: Date, dueAt: Date, dueDate: PlainDate): number {
    if (at.getTime() >= dueAt.getTime()) return 0;
    let days = 0;
    for (let date = shanghaiDateOf(at); date <= dueDate; date = addDays(date, 1)) {
      if (this.isWorkingDay(date)) days += 1;
    }
    return days;
  }

  /** Working days after `from`'s date up to and including `to`'s (Asia/Shanghai): the days a step took. */
  workingDaysBetween(from: Date, to: Date): number {
    let days = 0;
    const last = shanghaiDateOf(to);
    for (let date = addDays(shanghaiDateOf(from), 1); date <= last; date = addDays(date, 1)) {
      if (this.isWorkingDay(date)) days += 1;
    }
    return days;
  }

  /**
   * 00:00 Asia/Shanghai of the first of the last `workingDays` working days up to the due date: from then on
   * only that many are left (the 预警 point).
   */
  lastWorkingDaysFrom(dueDate: PlainDate, workingDays: number): Date {
    if (!Number.isInteger(workingDays) || workingDays < 1) {
      throw new RangeError(`working days must be a positive whole number, got ${workingDays}`);
    }
    let date = dueDate;
    let counted = this.isWorkingDay(date) ? 1 : 0;
    while (counted < workingDays) {
      date = addDays(date, -1);
      if (this.isWorkingDay(date)) counted += 1;
    }
    return shanghaiMidnight(date);
  }

  /** Counts `workingDays` working days after the date `start` (which itself is not counted). */
  countFrom(start: PlainDate, workingDays: number): DueDate {
    if (!Number.isInteger(workingDays) || workingDays < 1) {
      throw new RangeError(`working days must be a positive whole number, got ${workingDays}`);
    }
    const provisionalYears = new Set<number>();
    let date = start;
    let counted = 0;
    while (counted < workingDays) {
      date = addDays(date, 1);
      if (!this.hasSchedule(yearOf(date))) provisionalYears.add(yearOf(date));
      if (this.isWorkingDay(date)) counted += 1;
    }
    return {
      dueDate: date,
      dueAt: shanghaiMidnight(addDays(date, 1)).toISOString(),
      provisional: provisionalYears.size > 0,
      provisionalYears: [...provisionalYears].sort(),
    };
  }
}
