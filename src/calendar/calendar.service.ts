import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { MikroORM, UniqueConstraintViolationException } from '@mikro-orm/postgresql';
import type { Actor } from '../../workflows/contracts/actor.js';
import { invalidRequest } from '../common/http/validation.pipe.js';
import { ReferenceChanges } from '../database/reference-changes.js';
import { concurrentYearLoad, yearNotLoaded } from './calendar-errors.js';
import { CalendarStore, type StoredHolidaySchedule } from './calendar-store.js';
import { DeadlineRecompute } from './deadline-recompute.service.js';
import type { RecomputedStepDto } from './dto/holiday-year-response.dto.js';
import { recomputedSteps } from './recomputed-steps.js';
import type { HolidaySchedule } from './holiday-schedule.js';
import { findScheduleProblems } from './holiday-schedule-rules.js';
import type { DueDate, WorkingDayCalendar } from './working-day-calendar.js';

@Injectable()
export class CalendarService implements OnModuleInit {
  /**
   * The calendar as last loaded, kept while the database's change notices are heard and dropped when a year is
   * loaded or replaced (by this process or another): the inbox counts every task's working days left on it.
   */
  private kept?: Promise<WorkingDayCalendar>;

  constructor(
    @Inject(MikroORM) private readonly orm: MikroORM,
    private readonly recompute: DeadlineRecompute,
    private readonly changes: ReferenceChanges,
  ) {}

  onModuleInit(): void {
    this.changes.subscribe({
      changed: (table) => {
        if (table === 'holiday_year') this.kept = undefined;
      },
      reset: () => (this.kept = undefined),
    });
  }

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
    } finally {
      this.kept = undefined;
    }
    return { ...stored, recompute: await this.recompute.start(stored) };
  }

  /** The open cases' steps whose due dates loading the year moved. */
  recomputedSteps(year: number): Promise<RecomputedStepDto[]> {
    return recomputedSteps(this.orm.em.fork(), year);
  }

  /** The working day an instant counts for (the next one after a weekend or holiday). */
  async workingDayOf(at: Date): Promise<string> {
    return (await this.current()).workingDayOf(at);
  }

  /** The calendar as loaded now, for many counts in one request. */
  current(): Promise<WorkingDayCalendar> {
    if (this.kept) return this.kept;
    const loading = this.store().loadCalendar();
    // A notice that arrives while loading drops this load too: it may have read the rows before the change.
    if (this.changes.listening) {
      this.kept = loading;
      loading.catch(() => {
        if (this.kept === loading) this.kept = undefined;
      });
    }
    return loading;
  }

  async dueDate(receivedAt: Date, workingDays: number): Promise<DueDate> {
    return (await this.current()).addWorkingDays(receivedAt, workingDays);
  }
}
