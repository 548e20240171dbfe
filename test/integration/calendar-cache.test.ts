import { jest } from '@jest/globals';
import { createCalendarActivities } from '../../activities/calendar.activities.js';
import { CalendarService } from '../../src/calendar/calendar.service.js';
import { CalendarStore } from '../../src/calendar/calendar-store.js';
import { PostgresDeadlineCalendar } from '../../src/calendar/deadline-calendar.js';
import { ReferenceChanges } from '../../src/database/reference-changes.js';
import { eventually, sql } from '../support/case-helpers.js';
import { startTestSystem, type TestSystem } from '../support/test-system.js';

/** Rewrites the earliest loaded year as it is: a write, but not a change to any date. */
const TOUCH_A_YEAR = 'update holiday_year set revision = revision where year = (select min(year) from holiday_year)';

describe('the working-day calendar the API keeps in memory', () => {
  let system: TestSystem;
  let calendar: CalendarService;
  beforeAll(async () => {
    system = await startTestSystem();
    calendar = system.app.get(CalendarService);
    await eventually(async () => expect(system.app.get(ReferenceChanges).listening).toBe(true));
  });
  afterAll(() => system.close());

  it('is read once and kept until a holiday year is written, by this process or any other', async () => {
    // Tried again until one is kept: the notices of the setup's own writes may still be arriving.
    const kept = await eventually(async () => {
      const first = await calendar.current();
      expect(await calendar.current()).toBe(first);
      return first;
    }, 5_000);
    // Not announced (replica mode): nothing tells the API, so it keeps its calendar.
    await sql(system, `begin; set local session_replication_role = replica; ${TOUCH_A_YEAR}; commit`);
    expect(await calendar.current()).toBe(kept);

    await sql(system, TOUCH_A_YEAR);
    await eventually(async () => expect(await calendar.current()).not.toBe(kept), 5_000);
    const reloaded = await calendar.current();
    expect(await calendar.current()).toBe(reloaded);
  });

  it('keeps nothing while the change notices cannot be heard', async () => {
    const changes = system.app.get(ReferenceChanges);
    await changes.onApplicationShutdown();
    try {
      expect(changes.listening).toBe(false);
      expect(await calendar.current()).not.toBe(await calendar.current());
    } finally {
      changes.start();
    }
    await eventually(async () => expect(changes.listening).toBe(true), 5_000);
    await eventually(async () => expect(await calendar.current()).toBe(await calendar.current()), 5_000);
  });
});

describe('the working-day calendar the worker reads', () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startTestSystem();
  });
  afterAll(() => system.close());

  it('checks the calendar’s version on every answer, and once for a whole step’s plan', async () => {
    const calendar = new PostgresDeadlineCalendar(system.orm);
    const from = new Date('2026-12-04T10:00:00+08:00');
    const versionChecks = jest.spyOn(CalendarStore.prototype, 'version');
    try {
      const due = await calendar.addWorkingDays(from, 5);
      const warningAt = await calendar.warningFrom(due, 2);
      const supplementBy = await calendar.addWorkingDays(from, 3);
      expect(versionChecks).toHaveBeenCalledTimes(3);

      versionChecks.mockClear();
      const plan = await createCalendarActivities(calendar).planStep({
        from: from.toISOString(),
        workingDays: 5,
        warningWorkingDays: 2,
        supplementWorkingDays: 3,
      });
      expect(versionChecks).toHaveBeenCalledTimes(1);
      // With the version of the calendar it was counted on: the years loaded and the revision of each.
      const store = new CalendarStore(system.orm.em.fork());
      const years = await store.listYears();
      const calendarVersion = years.map((y) => `${y.year}:${y.revision}`).join(',');
      expect(plan).toEqual({ due, warningAt: warningAt.toISOString(), supplementBy, calendarVersion });
      // The cache's key is the same version, read without the days.
      versionChecks.mockRestore();
      expect(await store.version()).toBe(calendarVersion);
      // Friday 4 December 2026: five working days on is Friday the 11th, the last two of them from Thursday the 10th.
      expect(due.dueDate).toBe('2026-12-11');
      expect(warningAt.toISOString()).toBe('2026-12-09T16:00:00.000Z');
    } finally {
      versionChecks.mockRestore();
    }
  });
});
