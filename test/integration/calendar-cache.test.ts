import { CalendarService } from '../../src/calendar/calendar.service.js';
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
