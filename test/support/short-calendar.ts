import type { DeadlineCalendar } from '../../activities/deadline-calendar.js';
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

  private after(fromMs: number, workingDays: number): DueDate {
    const dueAt = new Date(fromMs + workingDays * this.msPerWorkingDay);
    return { dueDate: dueAt.toISOString().slice(0, 10), dueAt: dueAt.toISOString(), provisional: false, provisionalYears: [] };
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
