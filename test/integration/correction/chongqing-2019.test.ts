import {
  caseStatus,
  complete,
  eventually,
  inbox,
  recordHistory,
  reportError,
  requestExtension,
  sql,
} from '../../support/case-helpers.js';
import { ShortCalendar } from '../../support/short-calendar.js';
import { startTestSystem, type TestSystem } from '../../support/test-system.js';

const report = { resourceId: 'cq-psb-household', items: ['moved-to'], description: '迁入地登记为渝中区，实际为江北区' };
const HOUR = 3_600_000;

describe('P2 Chongqing-2019 Art. 19: verification within 10 WD, principal-approved extension ≤ 10 WD', () => {
  let system: TestSystem;
  beforeAll(async () => {
    // One working day lasts an hour: nothing falls due during these tests.
    system = await startTestSystem({ calendar: new ShortCalendar(HOUR) });
  });
  afterAll(() => system.close());

  it('accepts a citizen’s report and tells him in plain words that his business goes on', async () => {
    const started = await reportError(system, 'citizen-zhang', report).expect(201);
    expect(started.body).toMatchObject({
      procedure: 'correction',
      pack: 'chongqing-2019',
      state: 'under-verification',
      steps: [
        expect.objectContaining({
          actorDepartment: 'cq-public-security',
          due: expect.objectContaining({
            basis: 'statutory',
            workingDays: 10,
            citation: expect.objectContaining({ article: '第十九条', clause: '第二款' }),
          }),
        }),
      ],
    });
    expect(started.body.notices).toContainEqual({
      text: expect.stringContaining('受理单位应当照常办理'),
      citation: expect.objectContaining({ article: '第十九条', clause: '第三款' }),
    });
  });

  it('moves the deadline when the principal approves an extension, and the reporter sees the new date', async () => {
    const started = await reportError(system, 'citizen-zhang', report).expect(201);
    const step = started.body.steps[0];
    const originalDue = Date.parse(step.due.dueAt);

    expect(
      (await requestExtension(system, 'cq-psb-sun', step.taskId, { workingDays: 11, reason: '需调取档案' }).expect(422))
        .body.code,
    ).toBe('EXTENSION_TOO_LONG');
    await requestExtension(system, 'cq-psb-head', step.taskId, { workingDays: 5, reason: '需调取档案' }).expect(403);
    await requestExtension(system, 'hr-land-ma', step.taskId, { workingDays: 5, reason: '需调取档案' }).expect(404);
    expect(
      (await requestExtension(system, 'cq-psb-sun', step.taskId, { workingDays: 5 }).expect(400)).body.errors[0].field,
    ).toBe('reason');
    const requested = await requestExtension(system, 'cq-psb-sun', step.taskId, {
      workingDays: 5,
      reason: '需调取户籍档案核对',
    }).expect(200);
    const extension = requested.body.steps[0].extension;
    expect(extension).toMatchObject({
      state: 'requested',
      requestedWorkingDays: 5,
      maxWorkingDays: 10,
      citation: { article: '第十九条' },
    });
    expect(
      (await requestExtension(system, 'cq-psb-sun', step.taskId, { workingDays: 2, reason: '再次' }).expect(422)).body
        .code,
    ).toBe('EXTENSION_ALREADY_REQUESTED');

    expect(await inbox(system, 'cq-psb-head')).toContainEqual(
      expect.objectContaining({ id: extension.approvalTaskId, kind: 'extension-approval' }),
    );
    await complete(system, 'cq-psb-sun', extension.approvalTaskId, { decision: 'approve' }).expect(404);
    expect(
      (
        await complete(system, 'cq-psb-head', extension.approvalTaskId, {
          decision: 'approve',
          workingDays: 12,
        }).expect(422)
      ).body.code,
    ).toBe('EXTENSION_TOO_LONG');
    // No more than was asked for (5), even within the legal maximum (10).
    const beyond = await complete(system, 'cq-psb-head', extension.approvalTaskId, {
      decision: 'approve',
      workingDays: 6,
    });
    expect(beyond.status).toBe(422);
    expect(beyond.body.code).toBe('EXTENSION_BEYOND_REQUEST');
    const approved = await complete(system, 'cq-psb-head', extension.approvalTaskId, {
      decision: 'approve',
      workingDays: 4,
    }).expect(200);
    expect(approved.body.steps[0].extension).toMatchObject({
      state: 'approved',
      approvedWorkingDays: 4,
      decidedBy: { id: 'cq-psb-head' },
    });
    expect(Date.parse(approved.body.steps[0].due.dueAt)).toBe(originalDue + 4 * HOUR);

    const seen = await caseStatus(system, 'citizen-zhang', started.body.caseId).expect(200);
    expect(seen.body.steps[0].due.dueAt).toBe(approved.body.steps[0].due.dueAt);
    const [task] = await sql(system, 'select due_at from inbox_task where id = ?', [step.taskId]);
    expect(new Date(task.due_at).getTime()).toBe(originalDue + 4 * HOUR);

    const verified = await complete(system, 'cq-psb-sun', step.taskId, {
      decision: 'confirm',
      details: { whatChanged: '迁入地更正为江北区' },
    }).expect(200);
    expect(verified.body.steps[0].clock).toMatchObject({
      state: 'stopped',
      since: verified.body.steps[0].decision.decidedAt,
    });
    expect(verified.body).toMatchObject({
      state: 'corrected',
      closed: true,
      outcome: { correction: { whatChanged: '迁入地更正为江北区' } },
    });
    expect(
      await sql(system, 'select what_changed, corrected_by from correction_record where case_id = ?', [
        started.body.caseId,
      ]),
    ).toEqual([{ what_changed: '迁入地更正为江北区', corrected_by: 'cq-psb-sun' }]);
    await recordHistory(system, started.body.caseId, 'correction.chongqing-2019.extension-approved');
  });

  it('keeps the deadline when the principal refuses the extension (with reasons)', async () => {
    const started = await reportError(system, 'citizen-zhang', report).expect(201);
    const step = started.body.steps[0];
    const requested = await requestExtension(system, 'cq-psb-sun', step.taskId, {
      workingDays: 3,
      reason: '人手不足',
    }).expect(200);
    const approvalTaskId = requested.body.steps[0].extension.approvalTaskId;
    expect((await complete(system, 'cq-psb-head', approvalTaskId, { decision: 'refuse' }).expect(400)).body.code).toBe(
      'EXTENSION_REFUSAL_REASONS_REQUIRED',
    );
    const refused = await complete(system, 'cq-psb-head', approvalTaskId, {
      decision: 'refuse',
      reasons: '理由不充分',
    }).expect(200);
    expect(refused.body.steps[0]).toMatchObject({
      due: { dueAt: step.due.dueAt },
      extension: { state: 'refused', decisionReasons: '理由不充分' },
    });
    const verdict = await complete(system, 'cq-psb-sun', step.taskId, {
      decision: 'not-an-error',
      reasons: '经核对户籍档案，登记无误',
    }).expect(200);
    expect(verdict.body).toMatchObject({
      state: 'not-an-error',
      closed: true,
      outcome: { reasons: '经核对户籍档案，登记无误' },
    });
    await recordHistory(system, started.body.caseId, 'correction.chongqing-2019.extension-refused');
  });

  it('answers bad input with 400 and field errors, and starts nothing', async () => {
    const before = await sql(system, 'select count(*)::int as n from case_record');
    const response = await reportError(system, 'citizen-zhang', {
      resourceId: 'cq-psb-household',
      items: [],
      description: 'x'.repeat(501),
    }).expect(400);
    expect([...new Set(response.body.errors.map((e: any) => e.field))].sort()).toEqual(['description', 'items']);
    expect(await sql(system, 'select count(*)::int as n from case_record')).toEqual(before);
  });

  it('requires what changed with a confirmation (no correction step in this pack)', async () => {
    const started = await reportError(system, 'cq-health-liu', report).expect(201);
    expect(
      (await complete(system, 'cq-psb-sun', started.body.steps[0].taskId, { decision: 'confirm' }).expect(400)).body
        .code,
    ).toBe('WHAT_CHANGED_REQUIRED');
    expect(
      (await complete(system, 'cq-psb-sun', started.body.steps[0].taskId, { decision: 'approve' }).expect(400)).body
        .code,
    ).toBe('DECISION_NOT_ALLOWED');
  });
});

describe('P2 Chongqing-2019: an extension comes too late after the deadline', () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startTestSystem({ calendar: new ShortCalendar(150) });
  });
  afterAll(() => system.close());

  it('refuses to request or approve an extension once the deadline has passed', async () => {
    const started = await reportError(system, 'citizen-zhang', report).expect(201);
    const step = started.body.steps[0];
    const requested = await requestExtension(system, 'cq-psb-sun', step.taskId, {
      workingDays: 2,
      reason: '需调取档案',
    }).expect(200);
    const approvalTaskId = requested.body.steps[0].extension.approvalTaskId;
    await eventually(async () => {
      expect((await caseStatus(system, 'citizen-zhang', started.body.caseId).expect(200)).body.steps[0].overdue).toBe(
        true,
      );
    });
    const lapsed = await caseStatus(system, 'citizen-zhang', started.body.caseId).expect(200);
    expect(lapsed.body.steps[0].extension.state).toBe('lapsed');
    expect(
      (await complete(system, 'cq-psb-head', approvalTaskId, { decision: 'approve' })).status,
    ).toBeGreaterThanOrEqual(404);

    const second = await reportError(system, 'citizen-zhang', report).expect(201);
    await eventually(async () => {
      expect((await caseStatus(system, 'citizen-zhang', second.body.caseId).expect(200)).body.steps[0].overdue).toBe(
        true,
      );
    });
    const late = await requestExtension(system, 'cq-psb-sun', second.body.steps[0].taskId, {
      workingDays: 2,
      reason: '需调取档案',
    }).expect(422);
    expect(late.body.code).toBe('EXTENSION_TOO_LATE');
    // The breach escalates to the authority with Art. 19's citation, and the step stays open.
    await eventually(async () => {
      expect(await inbox(system, 'cq-bigdata-he', { kind: 'escalation' })).toContainEqual(
        expect.objectContaining({
          caseId: second.body.caseId,
          procedure: 'correction',
          citation: expect.objectContaining({ article: '第十九条' }),
        }),
      );
    });
    const overdue = await caseStatus(system, 'citizen-zhang', second.body.caseId).expect(200);
    expect(overdue.body.state).toBe('under-verification');
    // Art. 50(8): verifying late is a breach of Art. 50 as well as of Art. 19.
    expect(overdue.body.steps[0].breach).toMatchObject({
      citation: { article: '第十九条' },
      alsoUnder: [{ pack: 'chongqing-2019', article: '第五十条', clause: '第（八）项' }],
    });
    await eventually(async () => {
      const listed = await system.http
        .get('/breaches')
        .query({ article: '第五十条', procedure: 'correction', kind: 'step-overdue' })
        .set(system.as('supervisor'))
        .expect(200);
      expect(listed.body).toContainEqual(
        expect.objectContaining({
          caseId: second.body.caseId,
          citation: expect.objectContaining({ article: '第十九条' }),
          alsoUnder: [expect.objectContaining({ article: '第五十条' })],
        }),
      );
    });
  });
});
