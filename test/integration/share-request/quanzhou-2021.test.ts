import { complete, requestShare, sql, recordHistory } from '../../support/case-helpers.js';
import { ShortCalendar } from '../../support/short-calendar.js';
import { startTestSystem, type TestSystem } from '../../support/test-system.js';

const conditional = {
  resourceId: 'qz-market-annual-reports',
  items: ['uscc', 'employees'],
  purpose: '道路运输企业资质核验',
  scenario: '经营许可审批时核验企业规模',
  users: ['qz-transport-lin'],
};
const notShared = {
  resourceId: 'qz-market-credit-risk',
  items: ['uscc', 'risk-level'],
  purpose: '重点监管对象筛查',
  scenario: '运输企业信用比对',
  users: ['qz-transport-lin'],
};

describe('P1 Quanzhou-2021: the agency decides after consulting the producer', () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startTestSystem({ calendar: new ShortCalendar(3_600_000) });
  });
  afterAll(() => system.close());

  async function consulted(opinion: 'approve' | 'refuse', body: Record<string, unknown> = conditional) {
    const started = await requestShare(system, 'qz-transport-lin', body).expect(201);
    expect(started.body).toMatchObject({
      state: 'in-consultation',
      steps: [
        expect.objectContaining({
          stepId: 'producer-consultation',
          actorDepartment: 'qz-market',
          due: expect.objectContaining({ basis: 'administrative' }),
        }),
      ],
    });
    const reasons = opinion === 'refuse' ? { reasons: '涉及商业秘密' } : {};
    const after = await complete(system, 'qz-market-huang', started.body.steps[0].taskId, {
      decision: opinion,
      ...reasons,
    }).expect(200);
    const decision = after.body.steps.find((s: any) => s.stepId === 'agency-decision');
    expect(decision).toMatchObject({
      actorRole: 'authority',
      actorDepartment: 'qz-data-agency',
      due: { basis: 'administrative', citation: { pack: 'quanzhou-2021', article: '二', clause: '（二）' } },
    });
    return { caseId: started.body.caseId as string, taskId: decision.taskId as string };
  }

  it('requires the manner with an approval and records it in the grant', async () => {
    const { caseId, taskId } = await consulted('approve');
    expect((await complete(system, 'qz-bigdata-chen', taskId, { decision: 'approve' }).expect(400)).body.code).toBe(
      'MANNER_REQUIRED',
    );
    await complete(system, 'qz-bigdata-chen', taskId, { decision: 'approve', details: { manner: 'interface' } }).expect(
      200,
    );
    expect(await sql(system, 'select manner, approver_id from share_grant where case_id = ?', [caseId])).toEqual([
      { manner: 'interface', approver_id: 'qz-bigdata-chen' },
    ]);
  });

  it('allows batch exchange only with a stated reason (五（三）)', async () => {
    const { caseId, taskId } = await consulted('approve');
    const bare = await complete(system, 'qz-bigdata-chen', taskId, {
      decision: 'approve',
      details: { manner: 'batch-exchange' },
    }).expect(422);
    expect(bare.body.code).toBe('BATCH_NEEDS_REASON');
    await complete(system, 'qz-bigdata-chen', taskId, {
      decision: 'approve',
      details: { manner: 'batch-exchange', mannerReason: '需全量比对历史年报' },
    }).expect(200);
    expect(await sql(system, 'select manner from share_grant where case_id = ?', [caseId])).toEqual([
      { manner: 'batch-exchange' },
    ]);
    await recordHistory(system, caseId, 'share-request.quanzhou-2021.batch-exchange');
  });

  it('cannot approve when the producer did not agree in consultation', async () => {
    const { caseId, taskId } = await consulted('refuse');
    const approved = await complete(system, 'qz-bigdata-chen', taskId, {
      decision: 'approve',
      details: { manner: 'interface' },
    }).expect(422);
    expect(approved.body.code).toBe('CONSULTATION_NOT_AGREED');
    const refused = await complete(system, 'qz-bigdata-chen', taskId, {
      decision: 'refuse',
      reasons: '会商未同意',
    }).expect(200);
    expect(refused.body).toMatchObject({ state: 'refused', closed: true });
    expect(await sql(system, 'select 1 from share_grant where case_id = ?', [caseId])).toEqual([]);
    await recordHistory(system, caseId, 'share-request.quanzhou-2021.consultation-refused');
  });

  it('serves 暂不共享 data only through usable-not-visible interfaces (五（四）)', async () => {
    expect((await requestShare(system, 'qz-transport-lin', notShared).expect(422)).body.code).toBe(
      'USABLE_NOT_VISIBLE_ONLY',
    );
    expect(
      (await requestShare(system, 'qz-transport-lin', { ...notShared, manner: 'interface' }).expect(422)).body.code,
    ).toBe('USABLE_NOT_VISIBLE_ONLY');
    const { caseId, taskId } = await consulted('approve', { ...notShared, manner: 'comparison' });
    expect(
      (
        await complete(system, 'qz-bigdata-chen', taskId, {
          decision: 'approve',
          details: { manner: 'batch-exchange', mannerReason: 'x' },
        }).expect(400)
      ).body.code,
    ).toBe('MANNER_REQUIRED');
    await complete(system, 'qz-bigdata-chen', taskId, {
      decision: 'approve',
      details: { manner: 'comparison' },
    }).expect(200);
    expect(await sql(system, 'select manner from share_grant where case_id = ?', [caseId])).toEqual([
      { manner: 'comparison' },
    ]);
    await recordHistory(system, caseId, 'share-request.quanzhou-2021.usable-not-visible');
  });

  it('rejects a batch-exchange request without a reason at the door', async () => {
    const response = await requestShare(system, 'qz-transport-lin', {
      ...conditional,
      manner: 'batch-exchange',
    }).expect(422);
    expect(response.body).toMatchObject({ code: 'BATCH_NEEDS_REASON', message: expect.stringContaining('五（三）') });
  });

  it('asks who will use the data (使用人员, 八（二）) before anything starts', async () => {
    const response = await requestShare(system, 'qz-transport-lin', { ...conditional, users: undefined }).expect(422);
    expect(response.body).toMatchObject({ code: 'USERS_REQUIRED', message: expect.stringContaining('八（二）') });
  });

  it('lets the agency suspend, reinstate and revoke a grant with a reason (五（十）)', async () => {
    const { caseId, taskId } = await consulted('approve');
    await complete(system, 'qz-bigdata-chen', taskId, {
      decision: 'approve',
      details: { manner: 'cross-verification' },
    }).expect(200);
    const [grant] = (await system.http.get('/grants').query({ caseId }).set(system.as('qz-transport-lin')).expect(200))
      .body;
    expect(grant).toMatchObject({
      status: 'active',
      manner: 'cross-verification',
      medium: 'online-interface',
      users: ['qz-transport-lin'],
      purpose: conditional.purpose,
      approver: { id: 'qz-bigdata-chen' },
    });
    await system.http
      .post(`/grants/${grant.id}/suspend`)
      .set(system.as('qz-market-huang'))
      .send({ reason: '超范围使用' })
      .expect(403);
    await system.http
      .post(`/grants/${grant.id}/suspend`)
      .set(system.as('jm-data-zhao'))
      .send({ reason: '超范围使用' })
      .expect(404);
    await system.http.post(`/grants/${grant.id}/suspend`).set(system.as('qz-bigdata-chen')).send({}).expect(400);
    expect(
      (
        await system.http
          .post(`/grants/${grant.id}/suspend`)
          .set(system.as('qz-bigdata-chen'))
          .send({ reason: '发现超范围使用' })
          .expect(200)
      ).body.status,
    ).toBe('suspended');
    await system.http
      .post(`/grants/${grant.id}/suspend`)
      .set(system.as('qz-bigdata-chen'))
      .send({ reason: '再次暂停' })
      .expect(409);
    expect(
      (
        await system.http
          .post(`/grants/${grant.id}/reinstate`)
          .set(system.as('qz-bigdata-chen'))
          .send({ reason: '整改完成' })
          .expect(200)
      ).body.status,
    ).toBe('active');
    expect(
      (
        await system.http
          .post(`/grants/${grant.id}/revoke`)
          .set(system.as('qz-bigdata-chen'))
          .send({ reason: '再次违规' })
          .expect(200)
      ).body.status,
    ).toBe('revoked');
    expect(
      await sql(system, 'select action, reason, actor_id from grant_event where grant_id = ? order by id', [grant.id]),
    ).toEqual([
      { action: 'suspend', reason: '发现超范围使用', actor_id: 'qz-bigdata-chen' },
      { action: 'reinstate', reason: '整改完成', actor_id: 'qz-bigdata-chen' },
      { action: 'revoke', reason: '再次违规', actor_id: 'qz-bigdata-chen' },
    ]);
  });
});
