import {
  complete,
  caseStatus,
  eventually,
  inbox,
  requestShare,
  sql,
  recordHistory,
} from '../../support/case-helpers.js';
import { ShiftedClock, ShortCalendar } from '../../support/short-calendar.js';

/** Jiangmen-2019 governs cases received before 2023-08-15. */
const BEFORE_2023_PACK = '2023-06-01T10:00:00+08:00';
import { startTestSystem, type TestSystem } from '../../support/test-system.js';

const request = {
  resourceId: 'jm-market-enterprise-detail',
  items: ['uscc', 'legal-rep'],
  purpose: '社会保险登记核验',
  scenario: '新参保单位登记时核验单位登记信息',
};

describe('P1 Jiangmen-2019: provider review within 5 working days (Art. 21)', () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startTestSystem({
      clock: new ShiftedClock(BEFORE_2023_PACK),
      calendar: new ShortCalendar(3_600_000),
    });
  });
  afterAll(() => system.close());

  it('approves: the task reaches the provider, the approval records a grant and closes the case', async () => {
    const started = await requestShare(system, 'jm-hrss-li', request).expect(201);
    expect(started.body).toMatchObject({ pack: 'jiangmen-2019', state: 'under-review', stateText: '审核中' });
    const [step] = started.body.steps;
    expect(step).toMatchObject({
      stepId: 'provider-review',
      actorRole: 'reviewer',
      actorDepartment: 'jm-market',
      due: { basis: 'statutory', workingDays: 5, citation: { pack: 'jiangmen-2019', article: '第二十一条' } },
    });
    expect(started.body.waitingFor).toEqual([
      expect.objectContaining({ taskId: step.taskId, role: 'reviewer', department: 'jm-market' }),
    ]);

    const tasks = await inbox(system, 'jm-market-wang');
    expect(tasks.map((t) => t.id)).toContain(step.taskId);
    expect(tasks.find((t) => t.id === step.taskId)).toMatchObject({
      dueBasis: 'statutory',
      citation: { article: '第二十一条' },
      title: '提供部门审核有条件共享申请',
    });

    const decided = await complete(system, 'jm-market-wang', step.taskId, { decision: 'approve' }).expect(200);
    expect(decided.body).toMatchObject({ state: 'granted', closed: true, outcome: { kind: 'granted' } });
    const grants = await sql(system, 'select * from share_grant where case_id = ?', [started.body.caseId]);
    expect(grants).toEqual([
      expect.objectContaining({
        resource_id: request.resourceId,
        grantee_department: 'jm-hrss',
        approver_id: 'jm-market-wang',
        purpose: request.purpose,
        status: 'active',
      }),
    ]);
    expect(await inbox(system, 'jm-market-wang')).not.toContainEqual(expect.objectContaining({ id: step.taskId }));
    await recordHistory(system, started.body.caseId, 'share-request.jiangmen-2019.approve');
  });

  it('refuses only with reasons and their legal basis (Art. 18 ¶1), and the applicant sees both', async () => {
    const started = await requestShare(system, 'jm-hrss-li', request).expect(201);
    const taskId = started.body.steps[0].taskId;
    const task = await system.http.get(`/tasks/${taskId}`).set(system.as('jm-market-wang')).expect(200);
    expect(task.body.decisionSchema.options).toContainEqual(
      expect.objectContaining({
        decision: 'refuse',
        details: [expect.objectContaining({ key: 'legalBasis', required: true })],
      }),
    );
    const bare = await complete(system, 'jm-market-wang', taskId, { decision: 'refuse' }).expect(422);
    expect(bare.body).toMatchObject({ code: 'REASONS_REQUIRED' });
    const reasonsOnly = await complete(system, 'jm-market-wang', taskId, {
      decision: 'refuse',
      reasons: '申请用途不符合共享条件',
    }).expect(400);
    expect(reasonsOnly.body).toMatchObject({
      code: 'LEGAL_BASIS_REQUIRED',
      message: expect.stringContaining('第十八条'),
    });
    await complete(system, 'jm-market-wang', taskId, {
      decision: 'refuse',
      reasons: '申请用途不符合共享条件',
      details: { legalBasis: '《中华人民共和国个人信息保护法》第三十四条' },
    }).expect(200);
    const seen = await caseStatus(system, 'jm-hrss-li', started.body.caseId).expect(200);
    expect(seen.body).toMatchObject({
      state: 'refused',
      closed: true,
      outcome: {
        kind: 'refused',
        reasons: '申请用途不符合共享条件（依据：《中华人民共和国个人信息保护法》第三十四条）',
      },
    });
    expect(await sql(system, 'select 1 from share_grant where case_id = ?', [started.body.caseId])).toEqual([]);
    await recordHistory(system, started.body.caseId, 'share-request.jiangmen-2019.refuse');
  });

  it('grants an unconditional resource at once, without a task', async () => {
    const started = await requestShare(system, 'jm-hrss-li', {
      ...request,
      resourceId: 'jm-market-enterprise-basic',
      items: ['uscc'],
    }).expect(201);
    expect(started.body).toMatchObject({ state: 'granted', closed: true, steps: [] });
    expect(await sql(system, 'select approver_id from share_grant where case_id = ?', [started.body.caseId])).toEqual([
      { approver_id: 'platform' },
    ]);
    expect(await sql(system, 'select 1 from inbox_task where case_id = ?', [started.body.caseId])).toEqual([]);
    await recordHistory(system, started.body.caseId, 'share-request.jiangmen-2019.unconditional');
  });

  it('refuses a not-shared resource with 422 and starts nothing', async () => {
    const before = await sql(system, 'select count(*)::int as n from case_record');
    const response = await requestShare(system, 'jm-hrss-li', {
      ...request,
      resourceId: 'jm-market-inspection-files',
      items: ['case-no'],
    }).expect(422);
    expect(response.body).toMatchObject({ code: 'RESOURCE_NOT_SHARED', message: expect.stringContaining('第二十条') });
    expect(await sql(system, 'select count(*)::int as n from case_record')).toEqual(before);
  });
});

describe('P1 Jiangmen-2019 breach: a missed deadline escalates and decides nothing', () => {
  let system: TestSystem;
  beforeAll(async () => {
    // One working day lasts 400 ms: the 5-day review is due two seconds after receipt.
    system = await startTestSystem({ clock: new ShiftedClock(BEFORE_2023_PACK), calendar: new ShortCalendar(400) });
  });
  afterAll(() => system.close());

  it('marks the step overdue, records the breach with its article, escalates to the authority, and still accepts the decision', async () => {
    const started = await requestShare(system, 'jm-hrss-li', request).expect(201);
    const { caseId } = started.body;
    const taskId = started.body.steps[0].taskId;

    const overdue = await eventually(async () => {
      const status = await caseStatus(system, 'jm-hrss-li', caseId).expect(200);
      expect(status.body.steps[0].overdue).toBe(true);
      return status.body;
    });
    expect(overdue.state).toBe('under-review');
    expect(overdue.steps[0].breach).toMatchObject({ citation: { pack: 'jiangmen-2019', article: '第二十一条' } });
    // The status flips first; the breach activity writes the record and the escalation right after.
    await eventually(async () => {
      expect(
        await sql(
          system,
          "select step_id, department, citation from breach where case_id = ? and kind = 'step-overdue'",
          [caseId],
        ),
      ).toEqual([
        {
          step_id: 'provider-review',
          department: 'jm-market',
          citation: expect.objectContaining({ article: '第二十一条' }),
        },
      ]);
    });
    const escalations = await inbox(system, 'jm-data-zhao', { kind: 'escalation' });
    expect(escalations).toContainEqual(
      expect.objectContaining({ caseId, kind: 'escalation', department: 'jm-data-authority' }),
    );
    expect(await inbox(system, 'jm-market-wang', { overdue: 'true' })).toContainEqual(
      expect.objectContaining({ id: taskId, overdue: true }),
    );

    // 预警 came first: with 2 of the 5 working days left (max of 2 WD and 20%), with the same article.
    expect(started.body.steps[0].due.warning).toMatchObject({ workingDays: 2 });
    expect(overdue.steps[0].warning).toMatchObject({
      workingDaysLeft: 2,
      citation: { pack: 'jiangmen-2019', article: '第二十一条' },
    });
    expect(Date.parse(overdue.steps[0].warning.recordedAt)).toBeLessThan(
      Date.parse(overdue.steps[0].breach.recordedAt),
    );
    const listed = await system.http
      .get('/breaches')
      .query({ department: 'jm-market', article: '第二十一条' })
      .set(system.as('supervisor'))
      .expect(200);
    const mine = listed.body.filter((b: { caseId: string }) => b.caseId === caseId);
    expect(mine.map((b: { kind: string }) => b.kind)).toEqual(['step-overdue', 'warning']);
    expect(mine[1]).toMatchObject({ workingDaysLeft: 2, step: 'provider-review' });
    // Art. 40: the municipal government's general office deals with a breach; a warning goes to no one.
    expect(mine[0].reportTo).toMatchObject({
      body: { zh: expect.stringContaining('江门市人民政府办公室') },
      citation: { article: '第四十条' },
    });
    expect(mine[1].reportTo).toBeNull();
    const task = await system.http.get(`/tasks/${taskId}`).set(system.as('jm-market-wang')).expect(200);
    expect(task.body.warnedAt).toEqual(expect.any(String));

    await complete(system, 'jm-market-wang', taskId, { decision: 'approve' }).expect(200);
    const closed = await caseStatus(system, 'jm-hrss-li', caseId).expect(200);
    expect(closed.body).toMatchObject({ state: 'granted', steps: [expect.objectContaining({ overdue: true })] });
    const summary = await system.http
      .get('/breaches/summary')
      .query({ department: 'jm-market', procedure: 'share-request' })
      .set(system.as('supervisor'))
      .expect(200);
    expect(summary.body).toEqual([
      expect.objectContaining({ department: 'jm-market', breached: expect.any(Number), warned: expect.any(Number) }),
    ]);
    expect(summary.body[0].breached).toBeGreaterThanOrEqual(1);
    expect(summary.body[0].warned).toBeGreaterThanOrEqual(1);
    expect(summary.body[0].decided).toBeGreaterThanOrEqual(1);
    expect(summary.body[0].onTimeRate).toBeLessThan(1);
    await recordHistory(system, caseId, 'share-request.jiangmen-2019.breach-warned');
  });
});
