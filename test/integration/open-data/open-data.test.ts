import {
  applyOpenData,
  caseStatus,
  complete,
  eventually,
  recordHistory,
  requestExtension,
  sql,
  taskAction,
} from '../../support/case-helpers.js';
import { ShiftedClock, ShortCalendar } from '../../support/short-calendar.js';
import { startTestSystem, type TestSystem } from '../../support/test-system.js';

const HOUR = 3_600_000;

describe('P4 open-data application', () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startTestSystem({ calendar: new ShortCalendar(HOUR) });
  });
  afterAll(() => system.close());

  it('gives open data at once, and refuses closed data pointing to the objection procedure', async () => {
    const open = await applyOpenData(system, 'citizen-zhang', {
      resourceId: 'cq-psb-station-addresses',
      scope: '全部',
      purpose: '便民地图',
    }).expect(201);
    expect(open.body).toMatchObject({ state: 'granted', closed: true, steps: [] });
    expect(
      await sql(system, 'select manner, approver_id from open_data_access where case_id = ?', [open.body.caseId]),
    ).toEqual([{ manner: 'platform', approver_id: 'platform' }]);
    const closed = await applyOpenData(system, 'citizen-zhang', {
      resourceId: 'cq-psb-household',
      scope: '全部',
      purpose: '研究',
    }).expect(422);
    expect(closed.body).toMatchObject({
      code: 'RESOURCE_NOT_OPEN',
      message: expect.stringContaining('/cases/open-catalog-objections'),
    });
  });

  it('answers bad input with 400 and field errors; a government officer may not use a citizen procedure as someone else', async () => {
    const response = await applyOpenData(system, 'citizen-zhang', {
      resourceId: 'cq-psb-migration-stats',
      scope: '',
      organisationType: 'foreign',
    }).expect(400);
    expect([...new Set(response.body.errors.map((e: any) => e.field))].sort()).toEqual([
      'organisationType',
      'purpose',
      'scope',
    ]);
    await applyOpenData(system, 'cq-psb-sun', {
      resourceId: 'cq-psb-migration-stats',
      scope: '全部',
      purpose: '研究',
    }).expect(403);
  });

  // Chongqing Art. 33 and every other text: 「公民、法人和其他组织」 apply for open data; a department shares (P1).
  it('refuses a department applying for open data and points it to a share request', async () => {
    const before = await sql<{ n: number }>(system, `select count(*)::int as n from case_record`);
    const response = await applyOpenData(system, 'cq-health-liu', {
      resourceId: 'cq-psb-migration-stats',
      scope: '2024年全年',
      purpose: '公共卫生研究',
    }).expect(422);
    expect(response.body).toMatchObject({ code: 'APPLICANT_NOT_ALLOWED' });
    expect(response.body.message).toContain('第三十三条');
    expect(response.body.message).toContain('/cases/share-requests');
    expect(await sql<{ n: number }>(system, `select count(*)::int as n from case_record`)).toEqual(before);
  });

  it('Chongqing Art. 33: 10 WD, principal extension ≤ 10 WD, refusal with reasons and basis', async () => {
    const started = await applyOpenData(system, 'citizen-zhang', {
      resourceId: 'cq-psb-migration-stats',
      scope: '2025年各区县汇总',
      purpose: '人口流动研究',
    }).expect(201);
    const step = started.body.steps[0];
    expect(step).toMatchObject({
      actorDepartment: 'cq-public-security',
      due: { basis: 'statutory', workingDays: 10, citation: { article: '第三十三条', clause: '第二款' } },
      clock: { state: 'running' },
    });
    expect(
      (await requestExtension(system, 'cq-psb-sun', step.taskId, { workingDays: 11, reason: '数据量大' }).expect(422))
        .body.code,
    ).toBe('EXTENSION_TOO_LONG');
    expect(
      (await taskAction(system, 'cq-psb-sun', step.taskId, 'clock/pause', { reason: '征求意见' }).expect(422)).body
        .code,
    ).toBe('CLOCK_CANNOT_STOP');
    expect(
      (await complete(system, 'cq-psb-sun', step.taskId, { decision: 'refuse', reasons: '涉及个人信息' }).expect(422))
        .body.code,
    ).toBe('BASIS_REQUIRED');
    const refused = await complete(system, 'cq-psb-sun', step.taskId, {
      decision: 'refuse',
      reasons: '涉及个人信息',
      details: { basis: '《个人信息保护法》第十三条' },
    }).expect(200);
    expect(refused.body).toMatchObject({ state: 'refused', outcome: { reasons: expect.stringContaining('依据') } });
  });

  it('Huarong Art. 25, 28: review, then a re-review by the county authority whose answer stands', async () => {
    const started = await applyOpenData(system, 'citizen-zhang', {
      resourceId: 'hr-land-use-plans',
      scope: '城区用途分区',
      purpose: '商铺选址',
    }).expect(201);
    await complete(system, 'hr-land-ma', started.body.steps[0].taskId, {
      decision: 'refuse',
      reasons: '规划成果未公开',
    }).expect(200);
    const asked = await system.http
      .post(`/cases/${started.body.caseId}/disputes`)
      .set(system.as('citizen-zhang'))
      .send({ reason: '规划已批准应当公开' })
      .expect(200);
    const reReview = asked.body.steps.find((s: any) => s.stepId === 'authority-coordination');
    expect(reReview).toMatchObject({
      actorDepartment: 'hr-approval-bureau',
      due: { citation: { article: '第二十八条', clause: '第二款' } },
    });
    const granted = await complete(system, 'hr-approval-hu', reReview.taskId, {
      decision: 'approve',
      reasons: '经复核，应予开放',
    }).expect(200);
    expect(granted.body).toMatchObject({ state: 'granted', closed: true });
    await recordHistory(system, started.body.caseId, 'open-data.huarong-2021.re-review');
  });

  it('Huarong Art. 28 ¶2: data outside the open scope is reviewed and, meeting the standard, joins it', async () => {
    const started = await applyOpenData(system, 'citizen-zhang', {
      resourceId: 'hr-land-registration',
      scope: '抵押情况统计',
      purpose: '金融研究',
    }).expect(201);
    expect(started.body.steps[0]).toMatchObject({
      title: '提供部门审核开放范围外数据是否列入开放范围',
      due: { citation: { article: '第二十八条' } },
    });
    const added = await complete(system, 'hr-land-ma', started.body.steps[0].taskId, { decision: 'approve' }).expect(
      200,
    );
    expect(added.body).toMatchObject({
      state: 'added-to-open-scope',
      outcome: { pendingCatalogChangeId: `change-${started.body.caseId}` },
    });
    expect(
      await sql(system, 'select change from pending_catalog_change where origin_case_id = ?', [started.body.caseId]),
    ).toEqual([{ change: { openType: 'open' } }]);
    await recordHistory(system, started.body.caseId, 'open-data.huarong-2021.outside-scope');
  });

  it('Jiangmen after 2023-08-15: conditional opening on an administrative target (Art. 16)', async () => {
    const started = await applyOpenData(system, 'citizen-zhang', {
      resourceId: 'jm-market-enterprise-detail',
      scope: '住所',
      purpose: '地址核验',
    }).expect(201);
    expect(started.body).toMatchObject({
      pack: 'jiangmen-2023',
      steps: [
        expect.objectContaining({
          due: expect.objectContaining({
            basis: 'administrative',
            citation: expect.objectContaining({ article: '第十六条' }),
          }),
        }),
      ],
    });
    await complete(system, 'jm-market-head', started.body.steps[0].taskId, { decision: 'approve' }).expect(404);
    await complete(system, 'jm-market-wang', started.body.steps[0].taskId, { decision: 'approve' }).expect(200);
  });

  it('Quanzhou 六（四）（五）: eligibility, assessment by the service unit, confirmation by the agency, re-application after negotiation', async () => {
    const body = { resourceId: 'qz-market-annual-reports', scope: '从业人数字段', purpose: '产业研究' };
    expect((await applyOpenData(system, 'citizen-zhang', body).expect(422)).body.code).toBe('NOT_ELIGIBLE');
    expect(
      (await applyOpenData(system, 'citizen-zhang', { ...body, organisationType: 'university' }).expect(422)).body.code,
    ).toBe('NON_COMMERCIAL_ONLY');
    const first = await applyOpenData(system, 'citizen-zhang', {
      ...body,
      organisationType: 'university',
      commercialUse: false,
    }).expect(201);
    expect(first.body.steps[0]).toMatchObject({
      stepId: 'service-unit-assessment',
      actorDepartment: 'qz-tech-service',
    });
    // 六（四）: the limits of use are shown to the applicant from the start.
    expect(first.body.notices).toContainEqual(
      expect.objectContaining({
        text: expect.stringContaining('不得提供给第三方'),
        citation: expect.objectContaining({ article: '六', clause: '（四）' }),
      }),
    );
    const limits = first.body.notices.find((n: { citation?: { article: string } }) => n.citation?.article === '六');
    expect(limits.text).toContain('不得用于或变相用于商业用途');
    const negotiate = await complete(system, 'qz-service-yang', first.body.steps[0].taskId, {
      decision: 'unreasonable',
      reasons: '申请字段超出研究所需',
    }).expect(200);
    expect(negotiate.body).toMatchObject({ state: 'to-negotiate', closed: true });

    expect(
      (
        await applyOpenData(system, 'citizen-zhang', {
          ...body,
          organisationType: 'university',
          commercialUse: false,
          previousCaseId: 'open-data-nope',
        }).expect(422)
      ).body.code,
    ).toBe('PREVIOUS_CASE_INVALID');
    const again = await applyOpenData(system, 'citizen-zhang', {
      ...body,
      scope: '从业人数区间',
      organisationType: 'university',
      commercialUse: false,
      previousCaseId: first.body.caseId,
    }).expect(201);
    const assessed = await complete(system, 'qz-service-yang', again.body.steps[0].taskId, {
      decision: 'reasonable',
    }).expect(200);
    const confirm = assessed.body.steps[1];
    expect(confirm).toMatchObject({ stepId: 'agency-confirmation', actorDepartment: 'qz-data-agency' });
    await complete(system, 'qz-bigdata-chen', confirm.taskId, { decision: 'approve' }).expect(200);
    expect(await sql(system, 'select manner from open_data_access where case_id = ?', [again.body.caseId])).toEqual([
      { manner: 'interface' },
    ]);
    await recordHistory(system, again.body.caseId, 'open-data.quanzhou-2021.re-application');
  });
});

describe('P4 Jiangmen-2019 via the Disclosure Regulations: 20 WD, 补正 within 7 WD restarts, consultation time not counted', () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startTestSystem({
      clock: new ShiftedClock('2023-06-01T10:00:00+08:00'),
      calendar: new ShortCalendar(HOUR),
    });
  });
  afterAll(() => system.close());

  it('restarts the period from the supplement and pauses it during a consultation', async () => {
    const started = await applyOpenData(system, 'citizen-zhang', {
      resourceId: 'jm-market-enterprise-detail',
      scope: '股东信息',
      purpose: '尽职调查',
    }).expect(201);
    const step = started.body.steps[0];
    expect(step).toMatchObject({
      due: { basis: 'statutory', workingDays: 20 },
      supplement: { citation: { clause: expect.stringContaining('第三十条') } },
    });

    await taskAction(system, 'jm-market-wang', step.taskId, 'supplement-requests', {}).expect(400);
    const asked = await taskAction(system, 'jm-market-wang', step.taskId, 'supplement-requests', {
      reason: '请明确需要的企业范围',
    }).expect(200);
    expect(asked.body.steps[0].clock).toMatchObject({ state: 'awaiting-supplement', reason: '请明确需要的企业范围' });
    expect(
      (await taskAction(system, 'jm-market-wang', step.taskId, 'supplement-requests', { reason: '再次' }).expect(409))
        .body.code,
    ).toBe('CLOCK_ALREADY_STOPPED');
    await system.http
      .post(`/cases/${started.body.caseId}/supplements`)
      .set(system.as('jm-hrss-li'))
      .send({ content: 'x y' })
      .expect(404);
    const supplemented = await system.http
      .post(`/cases/${started.body.caseId}/supplements`)
      .set(system.as('citizen-zhang'))
      .send({ content: '仅需蓬江区2022年设立的企业' })
      .expect(200);
    const restarted = supplemented.body.steps[0];
    expect(restarted.clock.state).toBe('running');
    expect(restarted.due.from).toBe(restarted.supplement.receivedAt);
    // The short calendar counts from when the activity runs, a few milliseconds after the supplement arrived.
    expect(Date.parse(restarted.due.dueAt) - Date.parse(restarted.due.from)).toBeGreaterThanOrEqual(20 * HOUR);
    expect(Date.parse(restarted.due.dueAt) - Date.parse(restarted.due.from)).toBeLessThan(20 * HOUR + 5_000);

    const paused = await taskAction(system, 'jm-market-wang', step.taskId, 'clock/pause', {
      reason: '征求相关企业意见',
    }).expect(200);
    expect(paused.body.steps[0].clock).toMatchObject({
      state: 'paused',
      citation: { clause: expect.stringContaining('第三十三条第二款') },
      workingDaysLeft: 20,
    });
    await taskAction(system, 'jm-market-wang', step.taskId, 'clock/pause', { reason: '再次' }).expect(409);
    const resumed = await taskAction(system, 'jm-market-wang', step.taskId, 'clock/resume').expect(200);
    expect(resumed.body.steps[0].clock.state).toBe('running');
    const resumedSpan = Date.parse(resumed.body.steps[0].due.dueAt) - Date.parse(resumed.body.steps[0].due.from);
    expect(resumedSpan).toBeGreaterThanOrEqual(20 * HOUR);
    expect(resumedSpan).toBeLessThan(20 * HOUR + 5_000);
    const [task] = await sql(system, 'select due_at from inbox_task where id = ?', [step.taskId]);
    expect(new Date(task.due_at).toISOString()).toBe(resumed.body.steps[0].due.dueAt);

    await complete(system, 'jm-market-wang', step.taskId, { decision: 'approve' }).expect(200);
    expect((await caseStatus(system, 'citizen-zhang', started.body.caseId).expect(200)).body.state).toBe('granted');
    await recordHistory(system, started.body.caseId, 'open-data.jiangmen-2019.supplement-and-pause');
  });

  // 条例 第三十三条第一款: 「经政府信息公开工作机构负责人同意」 — not the department's principal leader.
  it('routes an extension to the head of the disclosure office, not the principal', async () => {
    const started = await applyOpenData(system, 'citizen-zhang', {
      resourceId: 'jm-market-enterprise-detail',
      scope: '股东信息',
      purpose: '学术研究',
    }).expect(201);
    const step = started.body.steps[0];
    const requested = await requestExtension(system, 'jm-market-wang', step.taskId, {
      workingDays: 20,
      reason: '涉及企业较多，需逐一核查',
    }).expect(200);
    const approvalTaskId = requested.body.steps[0].extension.approvalTaskId;
    const [approval] = await sql(system, 'select role, department from inbox_task where id = ?', [approvalTaskId]);
    expect(approval).toEqual({ role: 'disclosure-head', department: 'jm-market' });
    const byPrincipal = await complete(system, 'jm-market-head', approvalTaskId, { decision: 'approve' });
    expect([403, 404]).toContain(byPrincipal.status);
    await complete(system, 'jm-market-gk', approvalTaskId, { decision: 'approve' }).expect(200);
    const extended = await caseStatus(system, 'citizen-zhang', started.body.caseId).expect(200);
    expect(extended.body.steps[0].extension).toMatchObject({
      state: 'approved',
      decidedBy: { id: 'jm-market-gk', role: 'disclosure-head' },
    });
  });
});

describe('P4 Jiangmen-2019: the supplement period and the third party’s 15 WD (条例 第三十条, 第三十二条)', () => {
  const DAY = 300;
  let system: TestSystem;
  beforeAll(async () => {
    system = await startTestSystem({
      clock: new ShiftedClock('2023-06-01T10:00:00+08:00'),
      calendar: new ShortCalendar(DAY),
    });
  });
  afterAll(() => system.close());

  const apply = () =>
    applyOpenData(system, 'citizen-zhang', {
      resourceId: 'jm-market-enterprise-detail',
      scope: '股东信息',
      purpose: '尽职调查',
    }).expect(201);

  it('closes the case as withdrawn when no supplement comes within the period the request gave', async () => {
    const started = await apply();
    const { taskId } = started.body.steps[0];
    const tooLong = await taskAction(system, 'jm-market-wang', taskId, 'supplement-requests', {
      reason: '请明确企业范围',
      workingDays: 61,
    }).expect(400);
    expect(tooLong.body.errors).toContainEqual(expect.objectContaining({ field: 'workingDays' }));
    const asked = await taskAction(system, 'jm-market-wang', taskId, 'supplement-requests', {
      reason: '请明确企业范围',
      workingDays: 2,
    }).expect(200);
    expect(asked.body.steps[0].supplement).toMatchObject({ supplyWithinWorkingDays: 2, supplyBy: expect.any(String) });

    const closed = await eventually(async () => {
      const status = await caseStatus(system, 'citizen-zhang', started.body.caseId).expect(200);
      expect(status.body.closed).toBe(true);
      return status.body;
    });
    expect(closed).toMatchObject({
      state: 'withdrawn',
      outcome: { kind: 'withdrawn', citation: { clause: expect.stringContaining('第三十条') } },
      steps: [expect.objectContaining({ state: 'done', decision: expect.objectContaining({ decision: 'abandoned' }) })],
    });
    expect(await sql(system, 'select status from inbox_task where id = ?', [taskId])).toEqual([
      { status: 'cancelled' },
    ]);
    const late = await system.http
      .post(`/cases/${started.body.caseId}/supplements`)
      .set(system.as('citizen-zhang'))
      .send({ content: '仅需蓬江区企业' });
    expect([404, 409]).toContain(late.status);
    await recordHistory(system, started.body.caseId, 'open-data.jiangmen-2019.supplement-lapsed');
  });

  it('resumes the clock by itself when the third party does not answer within 15 WD, and says so', async () => {
    const started = await apply();
    const { taskId } = started.body.steps[0];
    const paused = await taskAction(system, 'jm-market-wang', taskId, 'clock/pause', {
      reason: '征求相关企业意见',
    }).expect(200);
    expect(paused.body.steps[0].clock).toMatchObject({
      state: 'paused',
      answerBy: expect.any(String),
      answerByCitation: { clause: expect.stringContaining('第三十二条') },
    });
    const answerBy = Date.parse(paused.body.steps[0].clock.answerBy);
    expect(answerBy - Date.parse(paused.body.steps[0].clock.since)).toBeGreaterThanOrEqual(15 * DAY);

    const resumed = await eventually(async () => {
      const status = await caseStatus(system, 'citizen-zhang', started.body.caseId).expect(200);
      expect(status.body.steps[0].clock.state).toBe('running');
      return status.body;
    });
    expect(resumed.steps[0].consultations).toEqual([
      expect.objectContaining({
        reason: '征求相关企业意见',
        outcome: 'lapsed',
        text: expect.stringContaining('15个工作日'),
        citation: expect.objectContaining({ clause: expect.stringContaining('第三十二条') }),
      }),
    ]);
    expect(Date.parse(resumed.steps[0].consultations[0].endedAt)).toBeGreaterThanOrEqual(answerBy);
    await complete(system, 'jm-market-wang', taskId, { decision: 'approve' }).expect(200);
    await recordHistory(system, started.body.caseId, 'open-data.jiangmen-2019.consultation-lapsed');
  });
});
