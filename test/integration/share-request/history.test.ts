import { complete, eventually, HUARONG_SHARE, requestShare } from '../../support/case-helpers.js';
import { ShortCalendar } from '../../support/short-calendar.js';
import { startTestSystem, type TestSystem } from '../../support/test-system.js';

describe('the auditor’s history of a case', () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startTestSystem({ calendar: new ShortCalendar(3_600_000) });
  });
  afterAll(() => system.close());

  it('reads the Temporal history as a timeline of actors, decisions, reasons and citations', async () => {
    const started = await requestShare(system, 'hr-civil-xu', {
      resourceId: 'hr-land-registration',
      items: ['owner'],
      purpose: '核对',
      scenario: '低保',
    }).expect(201);
    const { caseId } = started.body;
    await complete(system, 'hr-land-ma', started.body.steps[0].taskId, {
      decision: 'refuse',
      reasons: '不属于核对范围',
    }).expect(200);
    await system.http
      .post(`/cases/${caseId}/disputes`)
      .set(system.as('hr-civil-xu'))
      .send({ reason: '属于法定职责' })
      .expect(200);

    const timeline = (await system.http.get(`/cases/${caseId}/history`).set(system.as('auditor')).expect(200)).body
      .entries;
    const actions = timeline.map((e: any) => e.action);
    expect(actions[0]).toBe('case-received');
    expect(timeline[0]).toMatchObject({
      actor: { id: 'hr-civil-xu', role: 'applicant' },
      details: { pack: 'huarong-2021', resource: 'hr-land-registration' },
    });
    expect(timeline).toContainEqual(
      expect.objectContaining({
        action: 'task-opened:decision',
        citation: expect.objectContaining({ article: '第二十一条' }),
        details: expect.objectContaining({ department: 'hr-natural-resources', dueBasis: 'statutory' }),
      }),
    );
    expect(timeline).toContainEqual(
      expect.objectContaining({
        action: 'update:decide',
        actor: expect.objectContaining({ id: 'hr-land-ma' }),
        decision: 'refuse',
        reason: '不属于核对范围',
      }),
    );
    expect(timeline).toContainEqual(
      expect.objectContaining({
        action: 'update:raiseDispute',
        actor: expect.objectContaining({ id: 'hr-civil-xu' }),
        reason: '属于法定职责',
      }),
    );
    const times = timeline.map((e: any) => e.time);
    expect([...times].sort()).toEqual(times);

    const raw = (
      await system.http
        .get(`/cases/${caseId}/history`)
        .query({ format: 'raw' })
        .set(system.as('supervisor'))
        .expect(200)
    ).body;
    expect(raw.events[0].eventType).toBe('EVENT_TYPE_WORKFLOW_EXECUTION_STARTED');
    await system.http.get(`/cases/${caseId}/history`).query({ format: 'pdf' }).set(system.as('auditor')).expect(400);
    await system.http.get(`/cases/${caseId}/history`).set(system.as('hr-land-ma')).expect(403);
  });

  it('keeps the CaseState search attribute on the state the case shows, for filtering in the Temporal UI and CLI', async () => {
    const started = await requestShare(system, 'hr-civil-xu', HUARONG_SHARE).expect(201);
    const { caseId } = started.body;
    const stateOf = async () => {
      const query = `WorkflowId = '${caseId}' AND CaseState = '${started.body.state}'`;
      const found: string[] = [];
      for await (const wf of system.client.workflow.list({ query })) found.push(wf.workflowId);
      return found;
    };
    await eventually(async () => expect(await stateOf()).toEqual([caseId]));
    await complete(system, 'hr-land-ma', started.body.steps[0].taskId, { decision: 'approve' }).expect(200);
    await eventually(async () => {
      const described = await system.client.workflow.getHandle(caseId).describe();
      expect(described.searchAttributes.CaseState).toEqual(['granted']);
    });
    // What the auditor filters on: the visibility store, which follows a moment later.
    await eventually(async () => {
      const granted: string[] = [];
      const query = `WorkflowId = '${caseId}' AND CaseState = 'granted'`;
      for await (const wf of system.client.workflow.list({ query })) granted.push(wf.workflowId);
      expect(granted).toEqual([caseId]);
    });
  });
});
