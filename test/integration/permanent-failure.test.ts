import type { Repositories } from '../../src/database/repositories.js';
import {
  caseStatus,
  complete,
  HUARONG_SHARE,
  inbox,
  recordHistory,
  requestShare,
  sql,
} from '../support/case-helpers.js';
import { RefusingGrants } from '../support/refusing-grants.js';
import { startTestSystem, type TestSystem } from '../support/test-system.js';

const body = HUARONG_SHARE;

describe('a permanent failure in an activity', () => {
  let system: TestSystem;
  let grants: RefusingGrants;
  beforeAll(async () => {
    const overrides: Partial<Repositories> = {};
    system = await startTestSystem({ repositoryOverrides: overrides, withoutWorker: true });
    // The worker's grants write to the same database; only their writes are made to fail.
    grants = new RefusingGrants(system.orm);
    overrides.grants = grants;
    await system.startWorker();
  });
  afterAll(() => system.close());

  it('holds the case as an incident for the operators, and a retry after the fix carries it on', async () => {
    const started = await requestShare(system, 'hr-civil-xu', body).expect(201);
    const { caseId } = started.body;
    const stepTask = started.body.steps[0].taskId;

    // The decision is taken; writing the grant fails for good: the decision's reply shows the incident.
    const decided = await complete(system, 'hr-land-ma', stepTask, { decision: 'approve' }).expect(200);
    expect(decided.body).toMatchObject({ caseId, state: 'incident', closed: false });
    const [incident] = decided.body.incidents;
    expect(incident).toMatchObject({
      incidentId: `${caseId}.incident-1`,
      taskId: `${caseId}.incident-1`,
      state: 'open',
      stepId: 'provider-review',
      activity: 'recordGrant',
      error: { type: 'PermanentDataError' },
    });
    // The driver's message, not the statement the ORM quotes with the applicant's data.
    expect(incident.error.message).toMatch(
      /^recordGrant: PostgreSQL refused the data \(SQLSTATE 22021\): invalid byte/,
    );
    expect(incident.error.message).not.toContain('社会救助');
    expect(decided.body.waitingFor).toEqual([
      expect.objectContaining({ taskId: incident.taskId, kind: 'incident', role: 'admin' }),
    ]);

    // The engine keeps the run open (not Failed, not retrying): it waits for the operator.
    const described = await system.client.workflow.getHandle(caseId).describe();
    expect(described.status.name).toBe('RUNNING');

    // The applicant sees the case held; the row shows it too.
    const seen = await caseStatus(system, 'hr-civil-xu', caseId).expect(200);
    expect(seen.body.state).toBe('incident');
    const [row] = await sql(system, 'select state from case_record where id = ?', [caseId]);
    expect(row.state).toBe('incident');

    // The operator's inbox and the incident list.
    const operatorTasks = await inbox(system, 'admin', { kind: 'incident' });
    expect(operatorTasks.map((t) => t.id)).toContain(incident.taskId);
    const task = operatorTasks.find((t) => t.id === incident.taskId)!;
    expect(task).toMatchObject({ caseId, kind: 'incident', role: 'admin', department: 'platform-operations' });
    expect(task.decisionSchema.options.map((o: { decision: string }) => o.decision)).toEqual(['retry']);
    const listed = await system.http
      .get('/incidents')
      .query({ state: 'open', caseId })
      .set(system.as('admin'))
      .expect(200);
    expect(listed.body.items).toEqual([
      expect.objectContaining({ incidentId: incident.incidentId, state: 'open', activity: 'recordGrant', caseId }),
    ]);
    await system.http.get('/incidents').set(system.as('supervisor')).expect(200);

    // Only operators retry.
    const notOperator = await system.http
      .post(`/incidents/${encodeURIComponent(incident.incidentId)}/retry`)
      .set(system.as('hr-land-ma'))
      .expect(403);
    expect(notOperator.body.message).toBeTruthy();

    // A retry before the cause is fixed fails again, and a new incident takes its place.
    const again = await system.http
      .post(`/incidents/${encodeURIComponent(incident.incidentId)}/retry`)
      .set(system.as('admin'))
      .expect(200);
    expect(again.body.state).toBe('incident');
    expect(again.body.incidents.map((i: { state: string }) => i.state)).toEqual(['failed-again', 'open']);
    const second = again.body.incidents[1];
    const stale = await system.http
      .post(`/incidents/${encodeURIComponent(incident.incidentId)}/retry`)
      .set(system.as('admin'))
      .expect(409);
    expect(stale.body.code).toBe('INCIDENT_NOT_OPEN');

    // Fixed: the retry writes the grant, and the case goes on to its end.
    grants.refusing = false;
    const retried = await system.http
      .post(`/incidents/${encodeURIComponent(second.incidentId)}/retry`)
      .set(system.as('admin'))
      .expect(200);
    expect(retried.body.incidents.map((i: { state: string }) => i.state)).toEqual(['failed-again', 'resolved']);
    expect(retried.body.incidents[1]).toMatchObject({ retriedBy: 'admin' });
    const settled = await system.client.workflow.getHandle(caseId).result();
    expect(settled).toMatchObject({ state: 'granted', closed: true });
    await recordHistory(system, caseId, 'share-request.huarong-2021.incident-retried');
    const grantRows = await sql(system, 'select id from share_grant where case_id = ?', [caseId]);
    expect(grantRows).toHaveLength(1);
    const stored = await sql(system, 'select id, state, retried_by from incident where case_id = ? order by id', [
      caseId,
    ]);
    expect(stored).toEqual([
      { id: incident.incidentId, state: 'failed-again', retried_by: 'admin' },
      { id: second.incidentId, state: 'resolved', retried_by: 'admin' },
    ]);
    expect(await inbox(system, 'admin', { kind: 'incident' })).not.toContainEqual(expect.objectContaining({ caseId }));
  });
});
