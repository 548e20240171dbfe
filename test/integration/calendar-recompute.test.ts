import { setTimeout as sleep } from 'node:timers/promises';
import { isWeekend } from '../../src/calendar/plain-date.js';
import { caseStatus, eventually, recordHistory } from '../support/case-helpers.js';
import { ScheduledShortCalendar, ShiftedClock } from '../support/short-calendar.js';
import { startTestSystem, type TestSystem } from '../support/test-system.js';

const notice = (year: number) => ({
  title: `国务院办公厅关于${year}年部分节假日安排的通知（测试数据）`,
  url: `https://www.gov.cn/test-${year}`,
  publishedOn: `${year - 1}-11-10`,
});
const loadYear = (
  system: TestSystem,
  year: number,
  days: Array<{ date: string; kind: 'off' | 'workday'; name: string }>,
) =>
  system.http
    .put(`/calendar/years/${year}`)
    .set(system.as('admin'))
    .send({ notices: [notice(year)], days })
    .expect(200);
const object = (system: TestSystem) =>
  system.http
    .post('/cases/open-catalog-objections')
    .set(system.as('citizen-zhang'))
    .send({ resourceId: 'cq-psb-household', requestedOpenType: 'conditional', reason: '统计口径数据可有条件开放' })
    .expect(201);

describe('loading a year recomputes provisional due dates (real calendar)', () => {
  let system: TestSystem;
  beforeAll(async () => {
    // Received on Thursday 2029-12-27: Chongqing Art. 32's 10 WD run into 2030.
    system = await startTestSystem({ clock: new ShiftedClock('2029-12-27T10:00:00+08:00') });
  });
  afterAll(() => system.close());

  it('a step counted into an unloaded year is provisional; loading the year moves its due date, its task and records the notice', async () => {
    await loadYear(system, 2029, [{ date: '2029-01-01', kind: 'off', name: '元旦' }]);
    const started = await object(system);
    const step = started.body.steps[0];
    // Weekends only in 2030: 12-28, 12-31, 1-1, 1-2, 1-3, 1-4, 1-7, 1-8, 1-9, 1-10.
    expect(step.due).toMatchObject({ dueDate: '2030-01-10', provisional: true, provisionalYears: [2030] });

    const loaded = await loadYear(system, 2030, [{ date: '2030-01-01', kind: 'off', name: '元旦' }]);
    expect(loaded.body.recompute.workflowId).toBe(`calendar-recompute-2030-r${loaded.body.revision}`);
    const moved = await eventually(async () => {
      const seen = await caseStatus(system, 'citizen-zhang', started.body.caseId).expect(200);
      expect(seen.body.steps[0].due).toMatchObject({ dueDate: '2030-01-11', provisional: false });
      return seen.body.steps[0];
    });
    expect(moved.due.changes).toEqual([
      expect.objectContaining({
        previousDueAt: step.due.dueAt,
        previousProvisional: true,
        provisional: false,
        year: 2030,
        notices: [{ title: notice(2030).title, url: notice(2030).url }],
      }),
    ]);
    const task = await system.http
      .get(`/tasks/${encodeURIComponent(step.taskId)}`)
      .set(system.as('cq-psb-sun'))
      .expect(200);
    expect(task.body).toMatchObject({ dueDate: '2030-01-11', provisional: false });
    const history = await system.http
      .get(`/cases/${started.body.caseId}/history`)
      .set(system.as('auditor'))
      .expect(200);
    expect(history.body.entries).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ action: 'signal:calendarChanged', details: expect.objectContaining({ year: 2030 }) }),
        expect.objectContaining({
          action: 'deadline-recomputed:holiday-schedule',
          details: expect.objectContaining({
            dueDate: '2030-01-11',
            year: 2030,
            notices: [expect.objectContaining({ url: notice(2030).url })],
          }),
        }),
      ]),
    );
    await recordHistory(system, started.body.caseId, 'open-catalog-objection.chongqing-2019.calendar-recomputed');
    await recordHistory(system, loaded.body.recompute.workflowId, 'calendar-recompute.2030');
  });
});

describe('a recompute tells the cases a batch at a time, continuing as new', () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startTestSystem({
      // Years no other test loads: the cases' due dates are provisional until 2034 is.
      clock: new ShiftedClock('2033-12-27T10:00:00+08:00'),
      // One case per batch, two batches per run: three cases take two runs.
      env: { RECOMPUTE_BATCH_SIZE: '1', RECOMPUTE_BATCHES_PER_RUN: '2', RECOMPUTE_PAUSE_MS: '0' },
    });
  });
  afterAll(() => system.close());

  it('every case is told, however the list is cut', async () => {
    await loadYear(system, 2033, [{ date: '2033-01-03', kind: 'off', name: '元旦' }]);
    const started = [await object(system), await object(system), await object(system)];
    for (const s of started) expect(s.body.steps[0].due).toMatchObject({ provisional: true, provisionalYears: [2034] });
    const loaded = await loadYear(system, 2034, [{ date: '2034-01-02', kind: 'off', name: '元旦' }]);
    const handle = system.client.workflow.getHandle(loaded.body.recompute.workflowId);
    const result = await handle.result();
    // Other open cases of the database may be told too; these three are among them.
    expect(result.signalled + result.closed).toBeGreaterThanOrEqual(3);
    expect(result.runs).toBeGreaterThanOrEqual(2);
    await recordHistory(system, loaded.body.recompute.workflowId, 'calendar-recompute.batched-2034');
    for (const s of started) {
      await eventually(async () => {
        const seen = await caseStatus(system, 'citizen-zhang', s.body.caseId).expect(200);
        expect(seen.body.steps[0].due.provisional).toBe(false);
        expect(seen.body.steps[0].due.changes).toEqual([expect.objectContaining({ year: 2034, provisional: false })]);
      });
    }
  });
});

describe('the deadline timer follows the recomputed due date', () => {
  const MS = 400;
  let system: TestSystem;
  beforeAll(async () => {
    system = await startTestSystem({ calendar: (orm) => new ScheduledShortCalendar(orm, MS, 2099) });
  });
  afterAll(() => system.close());

  it('fires at the new time, not the old one', async () => {
    const started = await object(system);
    const step = started.body.steps[0];
    const from = Date.parse(step.due.from);
    expect(Date.parse(step.due.dueAt)).toBe(from + 10 * MS);
    expect(step.due.provisional).toBe(true);

    // Ten weekdays off in 2099: the same 10 WD now end ten working days later.
    const days: Array<{ date: string; kind: 'off'; name: string }> = [];
    for (let d = 1; days.length < 10; d += 1) {
      const date = `2099-03-${String(d).padStart(2, '0')}`;
      if (!isWeekend(date)) days.push({ date, kind: 'off', name: '测试假日' });
    }
    await loadYear(system, 2099, days);
    const moved = await eventually(async () => {
      const seen = await caseStatus(system, 'citizen-zhang', started.body.caseId).expect(200);
      expect(seen.body.steps[0].due.provisional).toBe(false);
      return seen.body.steps[0];
    }, 3_000);
    expect(Date.parse(moved.due.dueAt)).toBe(from + 20 * MS);

    // Past the old due time: no breach.
    await sleep(Math.max(0, from + 10 * MS + 1_000 - Date.now()));
    const afterOld = await caseStatus(system, 'citizen-zhang', started.body.caseId).expect(200);
    expect(afterOld.body.steps[0]).toMatchObject({ overdue: false, state: 'open' });
    // Past the new one: the breach, recorded no earlier than the new due time.
    const breached = await eventually(async () => {
      const seen = await caseStatus(system, 'citizen-zhang', started.body.caseId).expect(200);
      expect(seen.body.steps[0].overdue).toBe(true);
      return seen.body.steps[0];
    }, 15_000);
    expect(Date.parse(breached.breach.recordedAt)).toBeGreaterThanOrEqual(from + 20 * MS);
    expect(breached.breach.dueAt).toBe(moved.due.dueAt);

    // The operator's list of what the year moved (the console's operator page shows it); not for applicants.
    const recomputed = await system.http
      .get('/calendar/years/2099/recomputed-steps')
      .set(system.as('admin'))
      .expect(200);
    expect(recomputed.body.items).toContainEqual({
      caseId: started.body.caseId,
      procedure: started.body.procedure,
      state: expect.any(String),
      stepId: step.stepId,
      previousDueAt: step.due.dueAt,
      dueAt: moved.due.dueAt,
      provisional: false,
      at: moved.due.changes[0].at,
    });
    await system.http.get('/calendar/years/2099/recomputed-steps').set(system.as('citizen-zhang')).expect(403);
  });
});
