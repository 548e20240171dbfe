import { defaultPayloadConverter } from '@temporalio/common';
import {
  complete,
  eventually,
  HUARONG_SHARE,
  localActivityTypes,
  readableHistory,
  recordHistory,
  requestShare,
  sql,
  startInput,
} from '../../support/case-helpers.js';
import { ShortCalendar } from '../../support/short-calendar.js';
import { startTestSystem, type TestSystem } from '../../support/test-system.js';

describe('the auditor’s history of a case', () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startTestSystem({ calendar: new ShortCalendar(3_600_000) });
  });
  afterAll(() => system.close());

  /** A Huarong applicant asks for the land registration's owner (Art. 21: the provider reviews in 5 working days). */
  const requestLandRecord = () =>
    requestShare(system, 'hr-civil-xu', {
      resourceId: 'hr-land-registration',
      items: ['owner'],
      purpose: '核对',
      scenario: '低保',
    }).expect(201);

  it('reads the Temporal history as a timeline of actors, decisions, reasons and citations', async () => {
    const started = await requestLandRecord();
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
    // Unknown or repeated query fields are refused with their field, as on the lists.
    const unknown = await system.http
      .get(`/cases/${caseId}/history`)
      .query({ since: '2026-01-01' })
      .set(system.as('auditor'))
      .expect(400);
    expect(unknown.body.errors).toEqual([expect.objectContaining({ field: 'since', code: 'whitelistValidation' })]);
    const repeated = await system.http
      .get(`/cases/${caseId}/history?format=raw&format=raw`)
      .set(system.as('auditor'))
      .expect(400);
    expect(repeated.body.errors).toEqual([expect.objectContaining({ field: 'format' })]);
    await system.http.get(`/cases/${caseId}/history`).set(system.as('hr-land-ma')).expect(403);
  });

  it('opens the first step in one call (its dates planned by the API as the case started, its task with the case row) under one patch marker', async () => {
    const started = await requestLandRecord();
    const { caseId } = started.body;
    const step = started.body.steps[0];
    // Huarong Art. 21: 5 working days, warned at 2 left (the default threshold).
    expect(step.due).toMatchObject({ workingDays: 5, warning: { workingDays: 2, at: expect.any(String) } });
    expect(Date.parse(step.due.warning.at)).toBeLessThan(Date.parse(step.due.dueAt));

    const history = await readableHistory(system, caseId);
    // The plan the API made is in the workflow's input, and it is what the step shows.
    const input = startInput<{ receivedAt: string; firstStepPlan: { request: unknown; plan: unknown } }>(history);
    expect(input.firstStepPlan.request).toEqual({ from: input.receivedAt, workingDays: 5, warningWorkingDays: 2 });
    expect(input.firstStepPlan.plan).toEqual({
      due: { dueDate: step.due.dueDate, dueAt: step.due.dueAt, provisional: false, provisionalYears: [] },
      warningAt: step.due.warning.at,
    });
    // Read before any decision: every local activity so far opened the case's first step.
    expect(localActivityTypes(history)).toEqual(['openStepTask']);
    // One patch marker (and one TemporalChangeVersion upsert) stands for every earlier patch in a new run.
    const patches = history
      .events!.filter((e) => e.markerRecordedEventAttributes?.markerName === 'core_patch')
      .map(
        (e) =>
          defaultPayloadConverter.fromPayload<{ id: string }>(
            e.markerRecordedEventAttributes!.details!['patch-data']!.payloads![0]!,
          ).id,
      );
    expect(patches).toEqual(['runs-since-2026-12']);

    // The task and the case row showing it were written together.
    const [task] = await sql<{ due_at: string; status: string }>(
      system,
      'select due_at, status from inbox_task where id = ?',
      [step.taskId],
    );
    expect(task).toMatchObject({ status: 'open' });
    expect(new Date(task!.due_at).toISOString()).toBe(step.due.dueAt);
    const [row] = await sql<{ current_step: string; status: { steps: Array<{ due: { dueAt: string } }> } }>(
      system,
      'select current_step, status from case_record where id = ?',
      [caseId],
    );
    expect(row).toMatchObject({ current_step: step.stepId });
    expect(row!.status.steps[0]!.due.dueAt).toBe(step.due.dueAt);

    const timeline = (await system.http.get(`/cases/${caseId}/history`).set(system.as('auditor')).expect(200)).body
      .entries;
    const actions = timeline.map((e: any) => e.action);
    expect(actions.slice(0, 3)).toEqual(['case-received', 'deadline-computed', 'task-opened:decision']);
    expect(timeline[1].details).toMatchObject({ dueAt: step.due.dueAt, dueDate: step.due.dueDate });

    await complete(system, 'hr-land-ma', step.taskId, { decision: 'approve' }).expect(200);
    await eventually(async () => {
      const status = await system.http.get(`/cases/${caseId}`).set(system.as('hr-civil-xu')).expect(200);
      expect(status.body.closed).toBe(true);
    });
    await recordHistory(system, caseId, 'share-request.huarong-2021.first-step-planned-ahead');
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
