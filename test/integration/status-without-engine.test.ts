import {
  caseStatus,
  complete,
  HUARONG_SHARE,
  recordHistory,
  reportError,
  requestExtension,
  requestShare,
  sql,
} from '../support/case-helpers.js';
import { presentCase } from '../../src/cases/case-presenter.js';
import { caseStatusQuery } from '../../workflows/contracts/case-messages.js';
import { jest } from '@jest/globals';
import { CaseEngine } from '../../src/engine/case-engine.js';
import { startTestSystem, type TestSystem } from '../support/test-system.js';

const body = HUARONG_SHARE;

describe('a closed case read without the engine', () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startTestSystem();
  });
  afterAll(() => system.close());

  it('keeps the status the workflow last showed in its row, and answers from it once the engine has dropped the case', async () => {
    const key = { 'Idempotency-Key': `outlives-${Date.now()}` };
    const started = await requestShare(system, 'hr-civil-xu', body, key).expect(201);
    const { caseId } = started.body;
    const [open] = await sql(system, 'select status from case_record where id = ?', [caseId]);
    expect(open.status).toMatchObject({
      caseId,
      state: 'under-review',
      closed: false,
      steps: [expect.objectContaining({ state: 'open' })],
    });

    const decided = await complete(system, 'hr-land-ma', started.body.steps[0].taskId, { decision: 'approve' }).expect(
      200,
    );
    const before = (await caseStatus(system, 'hr-civil-xu', caseId).expect(200)).body;
    expect(before).toMatchObject({ state: 'granted', closed: true, outcome: { kind: 'granted' } });
    expect(before).toEqual(decided.body);

    // What the engine's retention does to a closed workflow.
    await system.client.workflowService.deleteWorkflowExecution({
      namespace: system.config.TEMPORAL_NAMESPACE,
      workflowExecution: { workflowId: caseId },
    });
    // The engine deletes in the background, sooner or later; whenever it does, a closed case is never asked of it.
    const engine = system.app.get(CaseEngine);
    const asked = jest.spyOn(engine, 'status');
    const settled = jest.spyOn(engine, 'settledStatus');

    expect((await caseStatus(system, 'hr-civil-xu', caseId).expect(200)).body).toEqual(before);
    const english = await caseStatus(system, 'hr-civil-xu', caseId).set('Accept-Language', 'en').expect(200);
    expect(english.body.stateText).toBe('Granted');
    // A replay of the start answers the same case from its row.
    const replay = await requestShare(system, 'hr-civil-xu', body, key).expect(200);
    expect(replay.body).toEqual(before);
    await caseStatus(system, 'hr-land-ma', caseId).expect(200);
    await caseStatus(system, 'cq-health-liu', caseId).expect(404);
    expect(asked).not.toHaveBeenCalled();
    expect(settled).not.toHaveBeenCalled();
    asked.mockRestore();
    settled.mockRestore();
  }, 150_000);

  it('reads an open case from its row too, written before every reply and every wait: the same as the workflow shows', async () => {
    const report = {
      resourceId: 'cq-psb-household',
      items: ['moved-to'],
      description: '迁入地登记为渝中区，实际为江北区',
    };
    const started = await reportError(system, 'citizen-zhang', report).expect(201);
    const { caseId } = started.body;
    const step = started.body.steps[0];
    const [row] = await sql(system, 'select status_current from case_record where id = ?', [caseId]);
    expect(row!.status_current).toBe(true);

    const engine = system.app.get(CaseEngine);
    const asked = jest.spyOn(engine, 'status');
    // An extension request changes the step, not the case's state: the row has it when the reply comes.
    const requested = await requestExtension(system, 'cq-psb-sun', step.taskId, {
      workingDays: 5,
      reason: '需调取档案',
    }).expect(200);
    const read = await caseStatus(system, 'citizen-zhang', caseId).expect(200);
    expect(asked).not.toHaveBeenCalled();
    asked.mockRestore();
    expect(read.body.steps[0].extension).toMatchObject({ state: 'requested', requestedWorkingDays: 5 });
    expect(read.body).toEqual(requested.body);
    const live = await system.client.workflow.getHandle(caseId).query(caseStatusQuery);
    expect(read.body).toEqual(presentCase(live, 'zh'));
    await recordHistory(system, caseId, 'correction.chongqing-2019.status-synced-on-every-change');
  });
});
