import { jest } from '@jest/globals';
import { CaseEngine } from '../../../src/engine/case-engine.js';
import { engineUnavailable } from '../../../src/engine/engine-errors.js';
import { complete, eventually, requestShare, sql } from '../../support/case-helpers.js';
import { ShortCalendar } from '../../support/short-calendar.js';
import { startTestSystem, type TestSystem } from '../../support/test-system.js';

const request = {
  resourceId: 'hr-land-registration',
  items: ['unit-no'],
  purpose: '社会救助核对',
  scenario: '低保审核',
};

describe('P1 idempotent starts and concurrent decisions', () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startTestSystem({ calendar: new ShortCalendar(3_600_000) });
  });
  afterAll(() => system.close());

  it('returns the same case for the same Idempotency-Key and body, and 409 for another body', async () => {
    const key = { 'Idempotency-Key': `key-${Date.now()}` };
    const first = await requestShare(system, 'hr-civil-xu', request, key).expect(201);
    const again = await requestShare(system, 'hr-civil-xu', request, key).expect(200);
    expect(again.body.caseId).toBe(first.body.caseId);
    const other = await requestShare(system, 'hr-civil-xu', { ...request, purpose: '其他用途' }, key).expect(409);
    expect(other.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(
      await sql(system, 'select count(*)::int as n from case_record where idempotency_key = ?', [
        key['Idempotency-Key'],
      ]),
    ).toEqual([{ n: 1 }]);
  });

  it('creates one case for concurrent starts with one key', async () => {
    const key = { 'Idempotency-Key': `race-${Date.now()}` };
    const responses = await Promise.all([1, 2, 3, 4].map(() => requestShare(system, 'hr-civil-xu', request, key)));
    expect(responses.map((r) => r.status).sort()).toEqual([200, 200, 200, 201]);
    expect(new Set(responses.map((r) => r.body.caseId)).size).toBe(1);
    expect(
      await sql(system, 'select count(*)::int as n from inbox_task where case_id = ?', [responses[0].body.caseId]),
    ).toEqual([{ n: 1 }]);
  });

  it('answers a start whose reply from the engine is lost as received, and its retry finds the same case', async () => {
    const engine = system.app.get(CaseEngine);
    const startCase = engine.startCase.bind(engine);
    // The engine starts the workflow, but the API never hears so (a timeout, a connection cut).
    const lost = jest.spyOn(engine, 'startCase').mockImplementationOnce((start, awaitFirstStep) => {
      const attempt = startCase(start, awaitFirstStep);
      const cutOff = <T>(work: Promise<T>): Promise<T> => {
        const failed = work.then(
          () => Promise.reject(engineUnavailable()),
          () => Promise.reject(engineUnavailable()),
        );
        failed.catch(() => undefined);
        return failed;
      };
      return { started: cutOff(attempt.started), firstStep: attempt.firstStep && cutOff(attempt.firstStep) };
    });
    try {
      const key = { 'Idempotency-Key': `lost-reply-${Date.now()}` };
      const first = await requestShare(system, 'hr-civil-xu', request, key).expect(202);
      expect(first.body).toMatchObject({ state: 'received', steps: [] });
      const retried = await eventually(async () => {
        const again = await requestShare(system, 'hr-civil-xu', request, key).expect(200);
        expect(again.body.steps).toHaveLength(1);
        return again.body;
      });
      expect(retried.caseId).toBe(first.body.caseId);
      expect(
        await sql(system, 'select count(*)::int as n from case_record where idempotency_key = ?', [
          key['Idempotency-Key'],
        ]),
      ).toEqual([{ n: 1 }]);
    } finally {
      lost.mockRestore();
    }
  });

  it('leaves nothing behind when the engine refuses a start, and a retry with the same key starts the case', async () => {
    const engine = system.app.get(CaseEngine);
    const refused = jest.spyOn(engine, 'startCase').mockImplementationOnce(() => {
      const failed = Promise.reject(engineUnavailable());
      failed.catch(() => undefined);
      return { started: failed, firstStep: failed };
    });
    try {
      const key = { 'Idempotency-Key': `refused-${Date.now()}` };
      const failed = await requestShare(system, 'hr-civil-xu', request, key).expect(503);
      expect(failed.body.code).toBe('ENGINE_UNAVAILABLE');
      const rows = () =>
        sql(system, 'select count(*)::int as n from case_record where idempotency_key = ?', [key['Idempotency-Key']]);
      expect(await rows()).toEqual([{ n: 0 }]);
      const retried = await requestShare(system, 'hr-civil-xu', request, key).expect(201);
      expect(retried.body.steps).toHaveLength(1);
      expect(await rows()).toEqual([{ n: 1 }]);
    } finally {
      refused.mockRestore();
    }
  });

  it('lets exactly one of two reviewers complete a task; the other gets 409', async () => {
    const started = await requestShare(system, 'hr-civil-xu', request).expect(201);
    const taskId = started.body.steps[0].taskId;
    const colleague = await system.auth({
      id: 'hr-land-deng',
      name: '邓工（县自然资源局）',
      role: 'reviewer',
      department: 'hr-natural-resources',
    });
    const [a, b] = await Promise.all([
      complete(system, 'hr-land-ma', taskId, { decision: 'approve' }),
      system.http.post(`/tasks/${taskId}/complete`).set(colleague).send({ decision: 'refuse', reasons: '不同意' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const tasks = await sql(system, 'select status, completed_by from inbox_task where id = ?', [taskId]);
    expect(tasks).toHaveLength(1);
    expect(tasks[0].status).toBe('completed');
    const winner = a.status === 200 ? 'approve' : 'refuse';
    const grants = await sql(system, 'select 1 from share_grant where case_id = ?', [started.body.caseId]);
    expect(grants).toHaveLength(winner === 'approve' ? 1 : 0);
  });

  it('keeps a claimed task for its claimant until released', async () => {
    const started = await requestShare(system, 'hr-civil-xu', request).expect(201);
    const taskId = started.body.steps[0].taskId;
    const colleague = await system.auth({
      id: 'hr-land-deng',
      name: '邓工（县自然资源局）',
      role: 'reviewer',
      department: 'hr-natural-resources',
    });
    await system.http.post(`/tasks/${taskId}/claim`).set(system.as('hr-land-ma')).expect(200);
    expect((await system.http.post(`/tasks/${taskId}/claim`).set(colleague).expect(409)).body.code).toBe(
      'TASK_CLAIMED',
    );
    expect(
      (await system.http.post(`/tasks/${taskId}/complete`).set(colleague).send({ decision: 'approve' }).expect(409))
        .body.code,
    ).toBe('TASK_CLAIMED');
    await system.http.post(`/tasks/${taskId}/release`).set(colleague).expect(409);
    await system.http.post(`/tasks/${taskId}/release`).set(system.as('hr-land-ma')).expect(200);
    await system.http.post(`/tasks/${taskId}/claim`).set(colleague).expect(200);
    await system.http.post(`/tasks/${taskId}/complete`).set(colleague).send({ decision: 'approve' }).expect(200);
    expect(
      (await system.http.post(`/tasks/${taskId}/complete`).set(system.as('hr-land-ma')).send({ decision: 'approve' }))
        .body.code,
    ).toBe('TASK_CLOSED');
  });

  it('answers a decision sent again as the first (a retry), and any other decision on the decided task with 409', async () => {
    const started = await requestShare(system, 'hr-civil-xu', request).expect(201);
    const taskId = started.body.steps[0].taskId;
    const decision = { decision: 'refuse', reasons: '  不属于核对范围 ', details: undefined };
    const first = await complete(system, 'hr-land-ma', taskId, decision).expect(200);
    const again = await complete(system, 'hr-land-ma', taskId, { ...decision, reasons: '不属于核对范围' }).expect(200);
    expect(again.body.caseId).toBe(first.body.caseId);
    expect(again.body.steps[0].decision).toEqual(first.body.steps[0].decision);
    expect(again.body.steps[0].decision).toMatchObject({ decision: 'refuse', reasons: '不属于核对范围' });

    const otherReasons = await complete(system, 'hr-land-ma', taskId, { decision: 'refuse', reasons: '另一理由' });
    expect([otherReasons.status, otherReasons.body.code]).toEqual([409, 'TASK_CLOSED']);
    const otherDecision = await complete(system, 'hr-land-ma', taskId, { decision: 'approve' });
    expect([otherDecision.status, otherDecision.body.code]).toEqual([409, 'TASK_CLOSED']);
    const history = await system.http.get(`/cases/${first.body.caseId}/history`).set(system.as('auditor')).expect(200);
    const closings = history.body.entries.filter(
      (e: { action: string; details?: { taskId?: string } }) =>
        e.action === 'task-closed' && e.details?.taskId === taskId,
    );
    expect(closings).toHaveLength(1);
  });

  it('records a decision sent twice at once once, and answers both', async () => {
    const started = await requestShare(system, 'hr-civil-xu', request).expect(201);
    const taskId = started.body.steps[0].taskId;
    const both = await Promise.all([1, 2].map(() => complete(system, 'hr-land-ma', taskId, { decision: 'approve' })));
    expect(both.map((r) => [r.status, r.body.code])).toEqual([
      [200, undefined],
      [200, undefined],
    ]);
    expect(both.map((r) => r.body.steps[0].decision.decidedAt)).toEqual(
      both.map(() => both[0].body.steps[0].decision.decidedAt),
    );
    const grants = await sql(system, 'select 1 from share_grant where case_id = ?', [started.body.caseId]);
    expect(grants).toHaveLength(1);
  });
});
