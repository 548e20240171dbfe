import { caseStatus, complete, eventually, inbox, recordHistory, requestShare, sql } from '../support/case-helpers.js';
import { ShiftedClock, ShortCalendar } from '../support/short-calendar.js';
import { startTestSystem, type TestSystem } from '../support/test-system.js';

/** Jiangmen-2019 governs cases received before 2023-08-15: a 5-working-day provider review (Art. 21). */
const JIANGMEN_2019 = '2023-06-01T10:00:00+08:00';
/** A working day of a second: the review falls due 5 s after the case starts. */
const WORKING_DAY_MS = 1_000;

const request = {
  resourceId: 'jm-market-enterprise-detail',
  items: ['uscc', 'legal-rep'],
  purpose: '社会保险登记核验',
  scenario: '新参保单位登记时核验单位登记信息',
};
const APPLICANT = 'jm-hrss-li';
const REVIEWER = 'jm-market-wang';
const AUTHORITY = 'jm-data-zhao';

describe('Everyday operations: 撤销, 终止, 沟通, 催办, 已阅', () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startTestSystem({
      clock: new ShiftedClock(JIANGMEN_2019),
      calendar: new ShortCalendar(WORKING_DAY_MS),
    });
  });
  afterAll(() => system.close());

  const start = async () => {
    const started = await requestShare(system, APPLICANT, request).expect(201);
    return { caseId: started.body.caseId as string, taskId: started.body.steps[0].taskId as string };
  };
  const post = (user: string, caseId: string, action: string, body: Record<string, unknown>) =>
    system.http.post(`/cases/${caseId}/${action}`).set(system.as(user)).send(body);

  it('撤销: the applicant withdraws before the decision; the task is cancelled and no deadline fires after', async () => {
    const { caseId, taskId } = await start();
    const withdrawn = await post(APPLICANT, caseId, 'withdrawal', { reason: '业务需求已变更' }).expect(200);
    expect(withdrawn.body).toMatchObject({
      state: 'withdrawn',
      stateText: '申请人已撤销申请',
      closed: true,
      waitingFor: [],
      outcome: { kind: 'withdrawn', reasons: '业务需求已变更', stoppedBy: { id: APPLICANT } },
    });
    expect(withdrawn.body.steps[0]).toMatchObject({
      state: 'done',
      decision: { decision: 'withdrawn', actor: { id: APPLICANT }, reasons: '业务需求已变更' },
    });
    expect(await sql(system, 'select status from inbox_task where id = ?', [taskId])).toEqual([
      { status: 'cancelled' },
    ]);
    expect(await inbox(system, REVIEWER)).not.toContainEqual(expect.objectContaining({ id: taskId }));

    // A decided (here: withdrawn) case cannot be withdrawn again, nor decided.
    const again = await post(APPLICANT, caseId, 'withdrawal', { reason: '再次撤销' }).expect(409);
    expect(again.body.message).toEqual(expect.any(String));
    await complete(system, REVIEWER, taskId, { decision: 'approve' }).expect(409);

    // Past the 5-working-day due date: no warning and no breach was recorded for the withdrawn step.
    await new Promise((resolve) => setTimeout(resolve, 6 * WORKING_DAY_MS));
    expect(await sql(system, 'select kind from breach where case_id = ?', [caseId])).toEqual([]);
    const history = await system.http.get(`/cases/${caseId}/history`).set(system.as('auditor')).expect(200);
    expect(JSON.stringify(history.body)).toContain('update:withdraw');
    await recordHistory(system, caseId, 'share-request.jiangmen-2019.withdrawn');
  });

  it('撤销 is the applicant’s alone, needs a reason, and a decided case refuses it (409)', async () => {
    const { caseId, taskId } = await start();
    await post(REVIEWER, caseId, 'withdrawal', { reason: '代为撤销' }).expect(403);
    const stranger = await system.auth({ id: 'jm-hrss-zhou', name: '周立', role: 'applicant', department: 'jm-hrss' });
    await system.http.post(`/cases/${caseId}/withdrawal`).set(stranger).send({ reason: '撤销' }).expect(404);
    const blank = await post(APPLICANT, caseId, 'withdrawal', { reason: '  ' }).expect(400);
    expect(JSON.stringify(blank.body)).toContain('reason');

    await complete(system, REVIEWER, taskId, { decision: 'approve' }).expect(200);
    const late = await post(APPLICANT, caseId, 'withdrawal', { reason: '业务需求已变更' }).expect(409);
    expect(late.body.message).toEqual(expect.any(String));
    expect((await caseStatus(system, APPLICANT, caseId).expect(200)).body).toMatchObject({ state: 'granted' });
  });

  it('终止: the data authority closes a case opened in error, with reason and basis', async () => {
    const { caseId, taskId } = await start();
    await post(REVIEWER, caseId, 'termination', { reason: '重复', basis: '重复申请' }).expect(403);
    await post(AUTHORITY, caseId, 'termination', { reason: '与另一申请重复' }).expect(400);
    const terminated = await post(AUTHORITY, caseId, 'termination', {
      reason: '与另一申请重复',
      basis: '重复立案',
    }).expect(200);
    expect(terminated.body).toMatchObject({
      state: 'terminated',
      closed: true,
      outcome: { kind: 'terminated', reasons: '与另一申请重复', basis: '重复立案', stoppedBy: { id: AUTHORITY } },
    });
    expect(await sql(system, 'select status from inbox_task where id = ?', [taskId])).toEqual([
      { status: 'cancelled' },
    ]);
    const seen = await caseStatus(system, APPLICANT, caseId).expect(200);
    expect(seen.body.outcome).toMatchObject({ kind: 'terminated', basis: '重复立案' });
    await recordHistory(system, caseId, 'share-request.jiangmen-2019.terminated');
  });

  it('沟通: the participants comment, the auditor reads them, and no deadline moves', async () => {
    const { caseId } = await start();
    const before = (await caseStatus(system, APPLICANT, caseId).expect(200)).body.steps[0].due;
    await post(APPLICANT, caseId, 'comments', { text: '请问是否需要补充使用场景说明？' }).expect(200);
    const answered = await post(REVIEWER, caseId, 'comments', { text: '无需补充，正在审核' }).expect(200);
    expect(answered.body.comments).toEqual([
      expect.objectContaining({
        actor: expect.objectContaining({ id: APPLICANT }),
        text: '请问是否需要补充使用场景说明？',
      }),
      expect.objectContaining({ actor: expect.objectContaining({ id: REVIEWER }), text: '无需补充，正在审核' }),
    ]);
    expect(answered.body.steps[0].due).toEqual(before);

    await post('auditor', caseId, 'comments', { text: '审计意见' }).expect(403);
    await post(APPLICANT, caseId, 'comments', { text: ' ' }).expect(400);
    const outsider = await system.auth({
      id: 'cq-health-liu',
      name: '刘洋',
      role: 'applicant',
      department: 'cq-health',
    });
    await system.http.post(`/cases/${caseId}/comments`).set(outsider).send({ text: '你好' }).expect(404);

    const audited = await caseStatus(system, 'auditor', caseId).expect(200);
    expect(audited.body.comments).toHaveLength(2);
    await recordHistory(system, caseId, 'share-request.jiangmen-2019.commented');
  });

  it('沟通 with an Idempotency-Key: a retried comment, or two sent at once, is recorded once', async () => {
    const { caseId } = await start();
    const withKey = (key: string, text: string) =>
      system.http
        .post(`/cases/${caseId}/comments`)
        .set(system.as(APPLICANT))
        .set('Idempotency-Key', key)
        .send({ text });
    const first = await withKey('comment-1', '请问进度如何？').expect(200);
    const retried = await withKey('comment-1', '请问进度如何？').expect(200);
    expect(retried.body.comments).toEqual(first.body.comments);
    const [a, b] = await Promise.all([withKey('comment-2', '补充说明'), withKey('comment-2', '补充说明')]);
    expect([a.status, b.status]).toEqual([200, 200]);
    const reused = await withKey('comment-1', '另一条意见').expect(409);
    expect(reused.body).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
    await withKey('a key with spaces', '意见').expect(400);

    const seen = await caseStatus(system, 'auditor', caseId).expect(200);
    expect(seen.body.comments.map((c: { text: string }) => c.text)).toEqual(['请问进度如何？', '补充说明']);
    // The same key of another participant is a comment of its own.
    await system.http
      .post(`/cases/${caseId}/comments`)
      .set(system.as(REVIEWER))
      .set('Idempotency-Key', 'comment-1')
      .send({ text: '正在审核' })
      .expect(200);
    expect((await caseStatus(system, 'auditor', caseId).expect(200)).body.comments).toHaveLength(3);
  });

  it('沟通 is bounded: past 200 comments a case takes no more, and its decision still goes through', async () => {
    const { caseId, taskId } = await start();
    for (let i = 1; i <= 200; i += 1) await post(APPLICANT, caseId, 'comments', { text: `第${i}条意见` }).expect(200);
    const over = await post(REVIEWER, caseId, 'comments', { text: '再一条' }).expect(409);
    expect(over.body.code).toBe('COMMENT_LIMIT');
    await complete(system, REVIEWER, taskId, { decision: 'approve' }).expect(200);
  }, 120_000);

  it('催办: the applicant urges once per working day, a supervisor too; the task and the report count them', async () => {
    const { caseId, taskId } = await start();
    const urged = await post(APPLICANT, caseId, 'urges', { taskId, note: '业务办理紧迫' }).expect(200);
    expect(urged.body.steps[0].urges).toEqual([
      expect.objectContaining({ actor: expect.objectContaining({ id: APPLICANT }), note: '业务办理紧迫' }),
    ]);
    const twice = await post(APPLICANT, caseId, 'urges', { taskId }).expect(409);
    expect(twice.body.message).toMatch(/工作日|working day/);
    await post('supervisor', caseId, 'urges', { taskId }).expect(200);
    await post(REVIEWER, caseId, 'urges', { taskId }).expect(403);
    await post(APPLICANT, caseId, 'urges', { taskId: `${caseId}:no-such-step` }).expect(409);

    const task = await system.http.get(`/tasks/${taskId}`).set(system.as(REVIEWER)).expect(200);
    expect(task.body).toMatchObject({ urgeCount: 2, lastUrgedAt: expect.any(String) });
    const summary = await system.http
      .get('/breaches/summary')
      .query({ department: 'jm-market' })
      .set(system.as('supervisor'))
      .expect(200);
    const urges = JSON.stringify(summary.body).match(/"urges":(\d+)/);
    expect(Number(urges?.[1])).toBeGreaterThanOrEqual(2);
    await recordHistory(system, caseId, 'share-request.jiangmen-2019.urged');
  });

  it('已阅: the first time the reviewer opens the task is shown to the applicant', async () => {
    const { caseId, taskId } = await start();
    const unread = await caseStatus(system, APPLICANT, caseId).expect(200);
    expect(unread.body.steps[0].read).toBeUndefined();

    const opened = await system.http.get(`/tasks/${taskId}`).set(system.as(REVIEWER)).expect(200);
    expect(opened.body).toMatchObject({ readBy: REVIEWER, readAt: expect.any(String) });
    const firstReadAt = opened.body.readAt;
    await system.http.get(`/tasks/${taskId}`).set(system.as(REVIEWER)).expect(200);
    const [row] = await sql(system, 'select read_by, read_at from inbox_task where id = ?', [taskId]);
    expect(row.read_by).toBe(REVIEWER);
    expect(new Date(row.read_at).toISOString()).toBe(firstReadAt);

    const seen = await eventually(async () => {
      const status = await caseStatus(system, APPLICANT, caseId).expect(200);
      expect(status.body.steps[0].read).toBeDefined();
      return status.body.steps[0].read;
    });
    expect(seen).toEqual({ by: expect.objectContaining({ id: REVIEWER }), at: firstReadAt });
    await recordHistory(system, caseId, 'share-request.jiangmen-2019.read');
  });

  it('转办: the holder hands the task to a colleague; only they (or the principal) act on it, the deadline stays', async () => {
    const { caseId, taskId } = await start();
    const before = (await caseStatus(system, APPLICANT, caseId).expect(200)).body.steps[0].due;
    const colleague = await system.auth({
      id: 'jm-market-sun',
      name: '孙丽',
      role: 'reviewer',
      department: 'jm-market',
    });
    const transfer = (headers: Record<string, string>, body: Record<string, unknown>) =>
      system.http.post(`/tasks/${taskId}/transfer`).set(headers).send(body);

    await transfer(system.as(REVIEWER), { to: 'jm-market-sun' }).expect(400);
    const moved = await transfer(system.as(REVIEWER), {
      to: 'jm-market-sun',
      toName: '孙丽',
      reason: '本人出差',
    }).expect(200);
    expect(moved.body.steps[0]).toMatchObject({
      assignee: { id: 'jm-market-sun', name: '孙丽' },
      transfers: [expect.objectContaining({ from: expect.objectContaining({ id: REVIEWER }), reason: '本人出差' })],
      due: before,
    });
    const theirs = await system.http.get('/tasks').set(colleague).expect(200);
    expect(theirs.body.items).toContainEqual(expect.objectContaining({ id: taskId, claimedBy: 'jm-market-sun' }));

    // The one who handed it on can no longer decide, nor hand it on again; the principal can.
    await complete(system, REVIEWER, taskId, { decision: 'approve' }).expect(409);
    await transfer(system.as(REVIEWER), { to: REVIEWER, reason: '收回' }).expect(409);
    await transfer(system.as('jm-market-head'), { to: REVIEWER, reason: '孙丽休假，改由王芳办理' }).expect(200);
    await transfer(system.as('jm-market-head'), { to: REVIEWER, reason: '再次' }).expect(409);
    const decided = await system.http
      .post(`/tasks/${taskId}/complete?settled=true`)
      .set(system.as(REVIEWER))
      .send({ decision: 'approve' })
      .expect(200);
    expect(decided.body).toMatchObject({ state: 'granted', closed: true });
    // 已办: in the decider's completed tasks, not in the colleague's who only held it for a while.
    const done = await system.http.get('/tasks/done').set(system.as(REVIEWER)).expect(200);
    expect(done.body.items[0]).toMatchObject({ id: taskId, status: 'completed' });
    const notTheirs = await system.http.get('/tasks/done').set(colleague).expect(200);
    expect(notTheirs.body.items).not.toContainEqual(expect.objectContaining({ id: taskId }));
    await recordHistory(system, caseId, 'share-request.jiangmen-2019.transferred');
  });

  it('委派: the authority asks a colleague for an opinion, and decides once it is back', async () => {
    const started = await system.http
      .post('/cases/data-conflicts')
      .set(await system.auth({ id: 'jm-hrss-zhou', name: '周敏', role: 'reviewer', department: 'jm-hrss' }))
      .send({ resourceId: 'jm-market-enterprise-detail', description: '参保单位住所与市场监管局登记不一致，协商未果' })
      .expect(201);
    const { caseId } = started.body;
    const taskId = started.body.steps[0].taskId as string;
    const colleague = await system.auth({
      id: 'jm-data-qian',
      name: '钱进',
      role: 'reviewer',
      department: 'jm-data-authority',
    });
    const other = await system.auth({
      id: 'jm-data-wu',
      name: '吴越',
      role: 'reviewer',
      department: 'jm-data-authority',
    });
    const delegate = (user: string, body: Record<string, unknown>) =>
      system.http.post(`/tasks/${taskId}/delegation`).set(system.as(user)).send(body);

    await delegate(REVIEWER, { to: 'jm-data-qian', toRole: 'reviewer', request: '请核实' }).expect(403);
    await delegate(AUTHORITY, { to: 'jm-data-qian', toRole: 'auditor', request: '请核实' }).expect(400);
    const asked = await delegate(AUTHORITY, {
      to: 'jm-data-qian',
      toName: '钱进',
      toRole: 'reviewer',
      request: '请核实两部门登记时间的先后',
    }).expect(200);
    const [delegation] = asked.body.steps[0].delegations;
    expect(delegation).toMatchObject({ state: 'open', to: { id: 'jm-data-qian', role: 'reviewer' } });
    expect(asked.body.waitingFor).toContainEqual(
      expect.objectContaining({ taskId: delegation.taskId, kind: 'opinion' }),
    );
    await delegate(AUTHORITY, { to: 'jm-data-wu', toRole: 'reviewer', request: '再问' }).expect(409);

    const outcome = { decision: 'resolved', details: { outcome: '以市场监管局登记信息为准' } };
    const early = await complete(system, AUTHORITY, taskId, outcome).expect(409);
    expect(early.body.code).toBe('DELEGATION_OPEN');

    const inboxOfColleague = await system.http.get('/tasks').set(colleague).expect(200);
    expect(inboxOfColleague.body.items).toContainEqual(
      expect.objectContaining({ id: delegation.taskId, kind: 'opinion', claimedBy: 'jm-data-qian' }),
    );
    const opinionTask = `/tasks/${delegation.taskId}/complete`;
    await system.http.post(opinionTask).set(other).send({ decision: 'opinion', reasons: '同意' }).expect(409);
    await system.http.post(opinionTask).set(colleague).send({ decision: 'opinion' }).expect(400);
    const returned = await system.http
      .post(opinionTask)
      .set(colleague)
      .send({ decision: 'opinion', reasons: '市场监管局登记在先，应以其为准' })
      .expect(200);
    expect(returned.body.steps[0].delegations[0]).toMatchObject({
      state: 'returned',
      opinion: '市场监管局登记在先，应以其为准',
    });

    await complete(system, AUTHORITY, taskId, outcome).expect(200);
    const closed = await caseStatus(system, AUTHORITY, caseId).expect(200);
    expect(closed.body).toMatchObject({ state: 'coordinated', closed: true });
    await recordHistory(system, caseId, 'data-conflict.jiangmen-2019.delegated');
  });
});
