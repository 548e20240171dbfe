import { caseStatus, eventually, HUARONG_SHARE, recordHistory, requestShare, sql } from '../../support/case-helpers.js';
import { STATE_COUNCIL_SCHEDULES } from '../../../src/calendar/data/state-council-notices.js';
import { WorkingDayCalendar } from '../../../src/calendar/working-day-calendar.js';
import { ShortCalendar } from '../../support/short-calendar.js';
import { startTestSystem, type TestSystem } from '../../support/test-system.js';

describe("A step's decision is answered once recorded; the case moves on right after", () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startTestSystem({ calendar: new ShortCalendar(3_600_000) });
  });
  afterAll(() => system.close());

  const decide = (taskId: string, body: Record<string, unknown>, query = '') =>
    system.http
      .post(`/tasks/${encodeURIComponent(taskId)}/complete${query}`)
      .set(system.as('hr-land-ma'))
      .send(body);

  it('replies with the decision recorded (settling), and what anyone reads next already shows it', async () => {
    const started = await requestShare(system, 'hr-civil-xu', HUARONG_SHARE).expect(201);
    const { caseId } = started.body;
    const taskId = started.body.steps[0].taskId;
    // The inbox counts the working days left on the holiday calendar the database holds (the State Council's).
    const task = (await system.http.get(`/tasks/${taskId}`).set(system.as('hr-land-ma')).expect(200)).body;
    const calendar = new WorkingDayCalendar(STATE_COUNCIL_SCHEDULES);
    expect(task.workingDaysLeft).toBe(calendar.workingDaysUntilDue(new Date(), new Date(task.dueAt), task.dueDate));

    const reply = await decide(taskId, { decision: 'approve' }).expect(200);
    expect(reply.body).toMatchObject({ caseId, settling: true, closed: false });
    expect(reply.body.steps[0]).toMatchObject({
      state: 'done',
      decision: { decision: 'approve', actor: { id: 'hr-land-ma' } },
    });
    expect(reply.body.waitingFor).toEqual([]);

    // Read at once: the task is closed (the API wrote it with the reply), and a read of the case waits the moment it
    // takes to move on, so whoever decided sees where it went.
    const closedTask = (await system.http.get(`/tasks/${taskId}`).set(system.as('hr-land-ma')).expect(200)).body;
    expect(closedTask).toMatchObject({ status: 'completed', workingDaysLeft: null });
    expect(await sql(system, 'select status, completed_by, decision from inbox_task where id = ?', [taskId])).toEqual([
      { status: 'completed', completed_by: 'hr-land-ma', decision: 'approve' },
    ]);
    const again = await decide(taskId, { decision: 'refuse', reasons: '重复提交' }).expect(409);
    expect(again.body.code).toBe('TASK_CLOSED');
    const seen = await caseStatus(system, 'hr-civil-xu', caseId).expect(200);
    expect(seen.body).toMatchObject({ state: 'granted', closed: true });
    expect(seen.body.steps[0].decision).toMatchObject({ decision: 'approve' });
    expect(seen.body.settling).toBeUndefined();
    expect(await sql(system, 'select count(*)::int as n from share_grant where case_id = ?', [caseId])).toEqual([
      { n: 1 },
    ]);
    // The API's copy of the reply and the workflow's writes notify the decision once.
    const notifications = await eventually(async () => {
      const rows = await sql<{ event: string }>(
        system,
        "select event from notification where case_id = ? and recipient = 'user:hr-civil-xu'",
        [caseId],
      );
      expect(rows.map((r) => r.event)).toContain('case-closed');
      return rows.map((r) => r.event);
    });
    expect(notifications.filter((k) => k === 'decision-made')).toHaveLength(1);
    await recordHistory(system, caseId, 'share-request.huarong-2021.reply-when-recorded-untraced');
  });

  it('with settled=true replies once the case waits again (here: closed)', async () => {
    const started = await requestShare(system, 'hr-civil-xu', HUARONG_SHARE).expect(201);
    const reply = await decide(started.body.steps[0].taskId, { decision: 'approve' }, '?settled=true').expect(200);
    expect(reply.body).toMatchObject({ state: 'granted', closed: true });
    expect(reply.body.settling).toBeUndefined();
  });

  it('refuses a settled flag that is not true or false, and decides nothing', async () => {
    const started = await requestShare(system, 'hr-civil-xu', HUARONG_SHARE).expect(201);
    const taskId = started.body.steps[0].taskId;
    const refused = await decide(taskId, { decision: 'approve' }, '?settled=yes').expect(400);
    expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'settled' })]);
    expect(await sql(system, 'select status from inbox_task where id = ?', [taskId])).toEqual([{ status: 'open' }]);
  });
});
