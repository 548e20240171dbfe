import { complete, recordHistory, requestExtension, sql } from '../../support/case-helpers.js';
import { ShortCalendar } from '../../support/short-calendar.js';
import { startTestSystem, type TestSystem } from '../../support/test-system.js';

const HOUR = 3_600_000;

describe('P5 Chongqing-2019 Art. 32 open-catalog objection and P6 Quanzhou-2021 二（三） interface provision', () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startTestSystem({ calendar: new ShortCalendar(HOUR) });
  });
  afterAll(() => system.close());

  const object = (user: string, body: Record<string, unknown>) =>
    system.http.post('/cases/open-catalog-objections').set(system.as(user)).send(body);
  const askInterfaces = (user: string, body: Record<string, unknown>) =>
    system.http.post('/cases/interface-requests').set(system.as(user)).send(body);

  it('P5: a 10 WD answer with a principal-approved extension; agreement records a pending catalog change', async () => {
    const started = await object('citizen-zhang', {
      resourceId: 'cq-psb-household',
      requestedOpenType: 'conditional',
      reason: '迁移统计数据不涉及个人隐私',
    }).expect(201);
    const step = started.body.steps[0];
    expect(step).toMatchObject({
      actorDepartment: 'cq-public-security',
      due: { basis: 'statutory', workingDays: 10, citation: { article: '第三十二条', clause: '第三款' } },
    });
    const requested = await requestExtension(system, 'cq-psb-sun', step.taskId, {
      workingDays: 10,
      reason: '需征求市主管部门意见',
    }).expect(200);
    await complete(system, 'cq-psb-head', requested.body.steps[0].extension.approvalTaskId, {
      decision: 'approve',
    }).expect(200);
    const agreed = await complete(system, 'cq-psb-sun', step.taskId, { decision: 'approve' }).expect(200);
    expect(agreed.body).toMatchObject({
      state: 'agreed',
      closed: true,
      outcome: { pendingCatalogChangeId: `change-${started.body.caseId}` },
    });
    expect(
      await sql(system, 'select entry_id, change from pending_catalog_change where origin_case_id = ?', [
        started.body.caseId,
      ]),
    ).toEqual([{ entry_id: 'cq-psb-household', change: { openType: 'conditional' } }]);
    await recordHistory(system, started.body.caseId, 'open-catalog-objection.chongqing-2019.agreed');
  });

  it('P5: a refusal needs reasons and their basis', async () => {
    const started = await object('citizen-zhang', {
      resourceId: 'cq-psb-household',
      requestedOpenType: 'open',
      reason: '应当开放',
    }).expect(201);
    const taskId = started.body.steps[0].taskId;
    expect(
      (await complete(system, 'cq-psb-sun', taskId, { decision: 'refuse', reasons: '涉及个人信息' }).expect(422)).body
        .code,
    ).toBe('BASIS_REQUIRED');
    const refused = await complete(system, 'cq-psb-sun', taskId, {
      decision: 'refuse',
      reasons: '涉及个人信息',
      details: { basis: '《个人信息保护法》第十三条' },
    }).expect(200);
    expect(refused.body).toMatchObject({
      state: 'refused',
      outcome: { reasons: expect.stringContaining('《个人信息保护法》第十三条') },
    });
  });

  it('P5: only where the pack has it, and only for a real change', async () => {
    expect(
      (
        await object('citizen-zhang', {
          resourceId: 'jm-market-enterprise-detail',
          requestedOpenType: 'open',
          reason: '应当开放',
        }).expect(422)
      ).body.code,
    ).toBe('PROCEDURE_NOT_IN_PACK');
    expect(
      (
        await object('citizen-zhang', {
          resourceId: 'cq-psb-household',
          requestedOpenType: 'closed',
          reason: '应当开放',
        }).expect(422)
      ).body.code,
    ).toBe('NO_CHANGE_REQUESTED');
    expect(
      (
        await object('citizen-zhang', {
          resourceId: 'cq-psb-household',
          requestedOpenType: 'public',
          reason: 'x',
        }).expect(400)
      ).body.errors[0].field,
    ).toBe('requestedOpenType');
  });

  it('P6: 10 WD to provide; a written extension approved by the agency, at most 5 WD', async () => {
    const started = await askInterfaces('qz-bigdata-chen', {
      providerDepartmentId: 'qz-market',
      interfaces: '企业年报报送状态核验接口',
      scenario: '道路运输经营许可审批',
    }).expect(201);
    const step = started.body.steps[0];
    expect(step).toMatchObject({
      actorDepartment: 'qz-market',
      due: {
        basis: 'statutory',
        workingDays: 10,
        citation: { pack: 'quanzhou-2021', article: '二', clause: '（三）' },
      },
    });
    expect(
      (
        await requestExtension(system, 'qz-market-huang', step.taskId, {
          workingDays: 6,
          reason: '接口需重新封装',
        }).expect(422)
      ).body.code,
    ).toBe('EXTENSION_TOO_LONG');
    const requested = await requestExtension(system, 'qz-market-huang', step.taskId, {
      workingDays: 5,
      reason: '接口需重新封装',
    }).expect(200);
    const approvalTaskId = requested.body.steps[0].extension.approvalTaskId;
    await complete(system, 'qz-market-head', approvalTaskId, { decision: 'approve' }).expect(404);
    const approved = await complete(system, 'qz-bigdata-chen', approvalTaskId, { decision: 'approve' }).expect(200);
    expect(Date.parse(approved.body.steps[0].due.dueAt)).toBe(Date.parse(step.due.dueAt) + 5 * HOUR);
    expect(
      (await complete(system, 'qz-market-huang', step.taskId, { decision: 'provided' }).expect(400)).body.code,
    ).toBe('INTERFACES_REQUIRED');
    const provided = await complete(system, 'qz-market-huang', step.taskId, {
      decision: 'provided',
      details: { interfaces: 'GET /annual-report/status?uscc=…，调用说明已上传' },
    }).expect(200);
    expect(provided.body).toMatchObject({ state: 'provided', closed: true });
    await recordHistory(system, started.body.caseId, 'interface-provision.quanzhou-2021.extended');
  });

  it('P6: only an agency whose pack has it, asking a department of its own jurisdiction', async () => {
    await askInterfaces('qz-market-huang', {
      providerDepartmentId: 'qz-market',
      interfaces: '接口',
      scenario: '场景',
    }).expect(403);
    expect(
      (
        await askInterfaces('cq-bigdata-he', {
          providerDepartmentId: 'cq-public-security',
          interfaces: '接口',
          scenario: '场景',
        }).expect(422)
      ).body.code,
    ).toBe('PROCEDURE_NOT_IN_PACK');
    expect(
      (
        await askInterfaces('qz-bigdata-chen', {
          providerDepartmentId: 'cq-public-security',
          interfaces: '接口',
          scenario: '场景',
        }).expect(400)
      ).body.errors[0].field,
    ).toBe('providerDepartmentId');
  });
});
