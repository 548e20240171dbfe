import type { MikroORM } from '@mikro-orm/postgresql';
import type { DueDate } from '../workflows/contracts/deadline.js';
import { CalendarStore } from '../src/calendar/calendar-store.js';

/** Computes due dates; the worker uses the PostgreSQL calendar, tests may inject a short one. */
export interface DeadlineCalendar {
  addWorkingDays(receivedAt: Date, workingDays: number): Promise<DueDate>;
  /** At most N working days added after an existing due date (an extension). */
  extend(due: DueDate, workingDays: number): Promise<DueDate>;
}

export class PostgresDeadlineCalendar implements DeadlineCalendar {
  constructor(private readonly orm: MikroORM) {}

  async addWorkingDays(receivedAt: Date, workingDays: number): Promise<DueDate> {
    return (await this.load()).addWorkingDays(receivedAt, workingDays);
  }

  async extend(due: DueDate, workingDays: number): Promise<DueDate> {
    return (await this.load()).countFrom(due.dueDate, workingDays);
  }

  private load() {
    return new CalendarStore(this.orm.em.fork()).loadCalendar();
  }
}
