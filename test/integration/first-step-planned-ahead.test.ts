import { createCalendarActivities } from '../../activities/calendar.activities.js';
import { PostgresDeadlineCalendar } from '../../src/calendar/deadline-calendar.js';
import { shanghaiDateOf } from '../../src/calendar/plain-date.js';
import type { StepPlan, StepPlanRequest } from '../../workflows/contracts/deadline.js';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  applyOpenData,
  caseStatus,
  complete,
  eventually,
  HUARONG_SHARE,
  localActivityTypes,
  readableHistory,
  reportError,
  requestShare,
  startInput,
} from '../support/case-helpers.js';
import { startTestSystem, type TestSystem } from '../support/test-system.js';

const ENTRY = 'cq-psb-checkpoint-stats';

/**
 * Every procedure the API starts gets its first step's dates planned on the calendar as the case starts: the
 * workflow opens that step from the plan in its input, without asking the calendar (no `planStep` activity).
 */
describe('the first step planned ahead by the API', () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startTestSystem();
  });
  afterAll(() => system.close());

  const post = (path: string, user: string, body: Record<string, unknown>) =>
    system.http.post(path).set(system.as(user)).send(body);

  /** The case's first step came from the plan in its input, and the plan is the calendar's own answer. */
  async function expectPlannedAhead(started: { body: { caseId: string; steps: Array<{ due: any }> } }) {
    const { caseId } = started.body;
    const step = started.body.steps[0]!;
    const history = await readableHistory(system, caseId);
    const input = startInput<{ firstStepPlan?: { request: StepPlanRequest; plan: StepPlan } }>(history);
    expect(input.firstStepPlan).toBeDefined();
    const { request, plan } = input.firstStepPlan!;
    expect(request).toMatchObject({ from: step.due.from, workingDays: step.due.workingDays });
    const calendar = createCalendarActivities(new PostgresDeadlineCalendar(system.orm));
    expect(plan).toEqual(await calendar.planStep(request));
    expect(step.due).toMatchObject({ dueAt: plan.due.dueAt, dueDate: plan.due.dueDate });
    if (plan.warningAt)
      expect(step.due.warning).toEqual({ at: plan.warningAt, workingDays: request.warningWorkingDays });
    expect(localActivityTypes(history)).not.toContain('planStep');
    expect(localActivityTypes(history)).toContain('openStepTask');
  }

  it('P1: the provider’s review (Huarong) and the producer’s consultation (Quanzhou)', async () => {
    await expectPlannedAhead(await requestShare(system, 'hr-civil-xu', HUARONG_SHARE).expect(201));
    const consulted = await requestShare(system, 'qz-transport-lin', {
      resourceId: 'qz-market-annual-reports',
      items: ['uscc', 'employees'],
      purpose: '道路运输企业资质核验',
      scenario: '经营许可审批时核验企业规模',
      users: ['qz-transport-lin'],
    }).expect(201);
    expect(consulted.body.state).toBe('in-consultation');
    await expectPlannedAhead(consulted);
  });

  it('P2 and P4: a correction’s verification and an open-data application’s review (an administrative target)', async () => {
    await expectPlannedAhead(
      await reportError(system, 'citizen-zhang', {
        resourceId: 'cq-psb-household',
        items: ['moved-to'],
        description: '迁入地登记为渝中区，实际为江北区',
      }).expect(201),
    );
    const applied = await applyOpenData(system, 'citizen-zhang', {
      resourceId: 'jm-market-enterprise-detail',
      scope: '住所',
      purpose: '地址核验',
    }).expect(201);
    expect(applied.body.steps[0].due.basis).toBe('administrative');
    await expectPlannedAhead(applied);
  });

  it('P3: the authority’s review, counted from the trigger day', async () => {
    const entry = (await system.http.get(`/catalog/${ENTRY}`).set(system.as('cq-psb-sun')).expect(200)).body;
    // A change it does not have yet, whatever other tests left in the shared database.
    const updateFrequency = entry.updateFrequency === '每周' ? '每日' : '每周';
    const started = await post('/cases/catalog-updates', 'cq-psb-sun', {
      trigger: { kind: 'law-revision', date: shanghaiDateOf(new Date()), description: '条例修订，统计口径调整' },
      changes: [{ entryId: ENTRY, change: { updateFrequency } }],
    }).expect(201);
    await expectPlannedAhead(started);
    // Refused, so that the entry is left as other tests expect it.
    await complete(system, 'cq-bigdata-he', started.body.steps[0].taskId, {
      decision: 'refuse',
      reasons: '测试结束',
    }).expect(200);
  });

  it('the single-step procedures: an objection and an interface request (a data conflict opens its step alike)', async () => {
    await expectPlannedAhead(
      await post('/cases/open-catalog-objections', 'citizen-zhang', {
        resourceId: 'cq-psb-household',
        requestedOpenType: 'conditional',
        reason: '迁移统计数据不涉及个人隐私',
      }).expect(201),
    );
    await expectPlannedAhead(
      await post('/cases/interface-requests', 'qz-bigdata-chen', {
        providerDepartmentId: 'qz-market',
        interfaces: '企业年报报送状态核验接口',
        scenario: '道路运输经营许可审批',
      }).expect(201),
    );
  });
});

describe('a first step opened late', () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startTestSystem({ withoutWorker: true });
  });
  afterAll(() => system.close());

  it('asks the calendar itself when its run started more than 5 s before (a year may have been loaded meanwhile)', async () => {
    const started = await requestShare(system, 'hr-civil-xu', HUARONG_SHARE).set('Prefer', 'respond-async').expect(202);
    const { caseId } = started.body;
    await sleep(5_500);
    await system.startWorker();
    const step = await eventually(async () => {
      const seen = await caseStatus(system, 'hr-civil-xu', caseId).expect(200);
      expect(seen.body.steps).toHaveLength(1);
      return seen.body.steps[0];
    });
    // The row shows the step as its local activity ends; the history has it once the workflow task completes.
    const history = await eventually(async () => {
      const read = await readableHistory(system, caseId);
      expect(localActivityTypes(read)).toEqual(['planStep', 'openStepTask']);
      return read;
    });
    const input = startInput<{ firstStepPlan?: { plan: StepPlan } }>(history);
    expect(input.firstStepPlan).toBeDefined();
    // The calendar has not changed here, so its answer is the plan's.
    expect(step.due).toMatchObject({ dueAt: input.firstStepPlan!.plan.due.dueAt });
    // The auditor reads one computation of the due date, the step's own, not the plan it did not use.
    const timeline = (await system.http.get(`/cases/${caseId}/history`).set(system.as('auditor')).expect(200)).body
      .entries as Array<{ eventId: number; action: string }>;
    const computed = timeline.filter((e) => e.action === 'deadline-computed');
    expect(computed).toHaveLength(1);
    expect(computed[0]!.eventId).toBeGreaterThan(1);
  });
});
