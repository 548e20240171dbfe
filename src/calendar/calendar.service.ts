import { Inject, Injectable } from '@nestjs/common';
import { MikroORM, UniqueConstraintViolationException } from '@mikro-orm/postgresql';
import type { Actor } from '../../workflows/contracts/actor.js';
import { invalidRequest } from '../common/http/validation.pipe.js';
import { concurrentYearLoad, yearNotLoaded } from './calendar-errors.js';
import { CalendarStore, type StoredHolidaySchedule } from './calendar-store.js';
import { DeadlineRecompute } from './deadline-recompute.service.js';
import type { RecomputedStepDto } from './dto/holiday-year-response.dto.js';
import { recomputedSteps } from './recomputed-steps.js';
import type { HolidaySchedule } from './holiday-schedule.js';
import { findScheduleProblems } from './holiday-schedule-rules.js';
import type { DueDate, WorkingDayCalendar } from './working-day-calendar.js';

@Injectable()
export class CalendarService {
  constructor(
    @Inject(MikroORM) private readonly orm: MikroORM,
    private readonly recompute: DeadlineRecompute,
  ) {}

  private store(): CalendarStore {
    return new CalendarStore(this.orm.em.fork());
  }

  listYears(): Promise<StoredHolidaySchedule[]> {
    return this.store().listYears();
  }

  async getYear(year: number): Promise<StoredHolidaySchedule> {
    const schedule = await this.store().getYear(year);
    if (!schedule) throw yearNotLoaded(year);
    return schedule;
  }

  /** Stores the year, then has the open cases' due dates recomputed on it (SPEC §2). */
  async replaceYear(
    schedule: HolidaySchedule,
    actor: Actor,
  ): Promise<StoredHolidaySchedule & { recompute: { workflowId: string } }> {
    const problems = findScheduleProblems(schedule.year, schedule.days);
    if (problems.length > 0) throw invalidRequest(problems);
    let stored: StoredHolidaySchedule;
    try {
      stored = await this.store().replaceYear(schedule, actor.id);
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) throw concurrentYearLoad(schedule.year);
      throw error;
    }
    return { ...stored, recompute: await this.recompute.start(stored) };
  }

  /** The open cases' steps whose due dates loading the year moved. */
  recomputedSteps(year: number): Promise<RecomputedStepDto[]> {
    return recomputedSteps(this.orm.em.fork(), year);
  }

  /** The working day an instant counts for (the next one after a weekend or holiday). */
  async workingDayOf(at: Date): Promise<string> {
    return (await this.store().loadCalendar()).workingDayOf(at);
  }

  /** The calendar as loaded now, for many counts in one request. */
  current(): Promise<WorkingDayCalendar> {
    return this.store().loadCalendar();
  }

  async dueDate(receivedAt: Date, workingDays: number): Promise<DueDate> {
    return (await this.store().loadCalendar()).addWorkingDays(receivedAt, workingDays);
  }
}
