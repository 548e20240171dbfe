import { createCalendarActivities } from '../../activities/calendar.activities.js';
import { createInboxActivities } from '../../activities/inbox.activities.js';
import { CalendarStore } from '../../src/calendar/calendar-store.js';
import { calendarVersionOf } from '../../src/calendar/calendar-version.js';
import { PostgresDeadlineCalendar } from '../../src/calendar/deadline-calendar.js';
import { repositoriesOf } from '../../src/database/repositories.js';
import type { StepPlan, StepPlanRequest } from '../../workflows/contracts/deadline.js';
import {
  caseStatus,
  eventually,
  HUARONG_SHARE,
  localActivityTypes,
  readableHistory,
  recordHistory,
  requestShare,
  startInput,
} from '../support/case-helpers.js';
import { ShiftedClock } from '../support/short-calendar.js';
import { lockCalendar } from '../support/table-lock.js';
import { startTestSystem, type TestSystem } from '../support/test-system.js';

const NOTICE = {
  title: '国务院办公厅关于2037年部分节假日安排的通知（测试数据）',
  url: 'https://www.gov.cn/test-2037',
  publishedOn: '2036-11-10',
};

/**
 * A year loaded after a step's dates were planned but before its task is written: the year's recompute lists the
 * open tasks, and may list them before this one exists. The step's task opens only on the calendar its dates were
 * counted on; otherwise the step plans again.
 */
describe('a year loaded between a step’s plan and its task', () => {
  let system: TestSystem;
  beforeAll(async () => {
    // Received in 2037, a year no other test loads.
    system = await startTestSystem({ withoutWorker: true, clock: new ShiftedClock('2037-03-09T10:00:00+08:00') });
  });
  afterAll(() => system.close());

  /** Marks `date` a day off in its year, keeping the year's other days. */
  async function dayOff(date: string): Promise<void> {
    const year = Number(date.slice(0, 4));
    const loaded = await new CalendarStore(system.orm.em.fork()).getYear(year);
    const days = [
      ...(loaded?.days ?? []).filter((d) => d.date !== date),
      { date, kind: 'off' as const, name: '测试假日' },
    ];
    await system.http
      .put(`/calendar/years/${year}`)
      .set(system.as('admin'))
      .send({ notices: [NOTICE], days })
      .expect(200);
  }

  it('plans the first step again when the year changed its dates before the task was written', async () => {
    const started = await requestShare(system, 'hr-civil-xu', HUARONG_SHARE).set('Prefer', 'respond-async').expect(202);
    const { caseId } = started.body;
    const { request, plan } = startInput<{ firstStepPlan: { request: StepPlanRequest; plan: StepPlan } }>(
      await readableHistory(system, caseId),
    ).firstStepPlan;
    expect(plan.calendarVersion).toEqual(expect.any(String));
    // The planned due day becomes a day off, so the step falls due a working day later.
    await dayOff(plan.due.dueDate);
    // Within 5 s of the start: the workflow takes the API's plan, and finds the calendar changed as it opens the task.
    await system.startWorker();
    await eventually(async () => {
      expect(localActivityTypes(await readableHistory(system, caseId))).toEqual([
        'openStepTask',
        'planStep',
        'openStepTask',
      ]);
    });
    await recordHistory(system, caseId, 'share-request.huarong-2021.calendar-changed-before-task');
    const replanned = await createCalendarActivities(new PostgresDeadlineCalendar(system.orm)).planStep(request);
    expect(replanned.due.dueDate > plan.due.dueDate).toBe(true);
    const step = (await caseStatus(system, 'hr-civil-xu', caseId).expect(200)).body.steps[0];
    expect(step.due).toMatchObject({ dueAt: replanned.due.dueAt, dueDate: replanned.due.dueDate });
    expect(step.due.warning).toEqual({ at: replanned.warningAt, workingDays: request.warningWorkingDays });
    const task = await system.http
      .get(`/tasks/${encodeURIComponent(step.taskId)}`)
      .set(system.as('hr-land-ma'))
      .expect(200);
    expect(task.body).toMatchObject({ dueAt: replanned.due.dueAt, dueDate: replanned.due.dueDate });

    const timeline = (await system.http.get(`/cases/${caseId}/history`).set(system.as('auditor')).expect(200)).body
      .entries as Array<{ action: string; details?: Record<string, unknown> }>;
    const actions = timeline.map((e) => e.action);
    const notOpened = actions.indexOf('task-not-opened:calendar-changed');
    expect(notOpened).toBeGreaterThan(actions.indexOf('deadline-computed'));
    expect(timeline[notOpened + 1]).toMatchObject({
      action: 'deadline-computed',
      details: { dueAt: replanned.due.dueAt },
    });
    expect(timeline[notOpened + 2]).toMatchObject({
      action: 'task-opened:decision',
      details: { dueAt: replanned.due.dueAt },
    });
  });

  /** The activity that opens a step's task, and its arguments for a copy of a real case's first task. */
  async function openingOfACopy() {
    const started = await requestShare(system, 'hr-civil-xu', HUARONG_SHARE).expect(201);
    const step = started.body.steps[0];
    const { inbox } = repositoriesOf(system.app);
    const openStepTask = createInboxActivities(repositoriesOf(system.app)).openStepTask;
    const task = (await inbox.findById(step.taskId))!;
    // The row's columns are plain strings; the activity's argument names each one's values.
    const args = {
      task: {
        id: `${step.taskId}.copy`,
        caseId: task.caseId,
        procedure: task.procedure,
        pack: task.pack,
        stepId: task.stepId,
        kind: task.kind,
        title: { zh: task.titleZh, en: task.titleEn },
        role: task.role,
        department: task.department,
        dueAt: task.dueAt.toISOString(),
        dueDate: task.dueDate,
        dueBasis: task.dueBasis,
        citation: task.citation,
        provisional: task.provisional,
        createdAt: task.createdAt.toISOString(),
      },
      caseRow: {
        caseId: task.caseId,
        state: started.body.state,
        currentStep: step.stepId,
        participantDepartments: [task.department],
        // Older than the row: a write that gets through does not replace what the case wrote.
        updatedAt: task.createdAt.toISOString(),
      },
    } as Parameters<typeof openStepTask>[0];
    return { openStepTask, args, inbox, stepTaskId: step.taskId as string };
  }

  it('writes nothing on a calendar that changed, unless the task is there already (a retry of a write that committed)', async () => {
    const { openStepTask, args, inbox, stepTaskId } = await openingOfACopy();
    const stale = { ...args, calendarVersion: 'a version the calendar is not at' };
    await expect(openStepTask(stale)).resolves.toMatchObject({ calendarChanged: true });
    expect(await inbox.findById(args.task.id)).toBeNull();

    const retried = await openStepTask({ ...stale, task: { ...args.task, id: stepTaskId } });
    expect(retried.calendarChanged).toBeUndefined();
  });

  it('a year’s load waits for a task being opened on the calendar as it was', async () => {
    const lock = await lockCalendar(system, 'shared');
    try {
      const loading = dayOff('2037-12-01');
      await eventually(async () => expect(await lock.waiting()).toBe(1), 5_000);
      await lock.release();
      await loading;
    } finally {
      await lock.release();
    }
  });

  it('a task being opened waits for a year’s load under way, and then finds the calendar changed', async () => {
    const { openStepTask, args, inbox } = await openingOfACopy();
    const years = await new CalendarStore(system.orm.em.fork()).listYears();
    const lock = await lockCalendar(system, 'alone');
    let opening: ReturnType<typeof openStepTask> | undefined;
    try {
      opening = openStepTask({ ...args, calendarVersion: calendarVersionOf(years) });
      await eventually(async () => expect(await lock.waiting()).toBe(1), 5_000);
      // As a load does: a new revision of a year, committed before the task's transaction goes on.
      await lock.run('update holiday_year set revision = revision + 1 where year = 2037');
    } finally {
      await lock.release();
    }
    await expect(opening).resolves.toMatchObject({ calendarChanged: true });
    expect(await inbox.findById(args.task.id)).toBeNull();
  });
});
