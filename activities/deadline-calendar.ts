import type { MikroORM } from '@mikro-orm/postgresql';
import type { DueDate } from '../workflows/contracts/deadline.js';
import { CalendarStore } from '../src/calendar/calendar-store.js';

/** Computes due dates; the worker uses the PostgreSQL calendar, tests may inject a short one. */
export interface DeadlineCalendar {
  addWorkingDays(receivedAt: Date, workingDays: number): Promise<DueDate>;
}

export class PostgresDeadlineCalendar implements DeadlineCalendar {
  constructor(private readonly orm: MikroORM) {}

  async addWorkingDays(receivedAt: Date, workingDays: number): Promise<DueDate> {
    const calendar = await new CalendarStore(this.orm.em.fork()).loadCalendar();
    return calendar.addWorkingDays(receivedAt, workingDays);
  }
}
