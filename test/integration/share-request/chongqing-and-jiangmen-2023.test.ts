import { caseStatus, complete, requestShare, recordHistory } from '../../support/case-helpers.js';
import { ShortCalendar } from '../../support/short-calendar.js';
import { startTestSystem, type TestSystem } from '../../support/test-system.js';

describe('P1 Chongqing-2019 and Jiangmen-2023: administrative targets', () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startTestSystem({ calendar: new ShortCalendar(3_600_000) });
  });
  afterAll(() => system.close());

  it('Chongqing: review on an administrative target; an objection is coordinated by the authority with the provider (Art. 27)', async () => {
    const started = await requestShare(system, 'cq-health-liu', {
      resourceId: 'cq-psb-household',
      items: ['id-no', 'moved-to'],
      purpose: '医保关系转移',
      scenario: '跨区参保人员核验',
    }).expect(201);
    expect(started.body).toMatchObject({
      pack: 'chongqing-2019',
      steps: [
        expect.objectContaining({
          actorDepartment: 'cq-public-security',
          due: expect.objectContaining({ basis: 'administrative', workingDays: 10 }),
        }),
      ],
    });
    await complete(system, 'cq-psb-sun', started.body.steps[0].taskId, {
      decision: 'refuse',
      reasons: '超出共享条件',
    }).expect(200);
    const objected = await system.http
      .post(`/cases/${started.body.caseId}/disputes`)
      .set(system.as('cq-health-liu'))
      .send({ reason: '医保业务属于共享条件范围' })
      .expect(200);
    const coordination = objected.body.steps.find((s: any) => s.stepId === 'authority-coordination');
    expect(coordination).toMatchObject({
      actorDepartment: 'cq-big-data',
      due: { citation: { article: '第二十七条' } },
    });
    const kept = await complete(system, 'cq-bigdata-he', coordination.taskId, {
      decision: 'refuse',
      reasons: '维持提供部门意见',
    }).expect(200);
    expect(kept.body).toMatchObject({ state: 'refused', closed: true, outcome: { reasons: '维持提供部门意见' } });
    await recordHistory(system, started.body.caseId, 'share-request.chongqing-2019.objection-refused');
  });

  it('Jiangmen after 2023-08-15: the 2023 pack governs, with its use limits and an administrative target', async () => {
    const started = await requestShare(system, 'jm-hrss-li', {
      resourceId: 'jm-market-enterprise-detail',
      items: ['uscc'],
      purpose: '社保稽核',
      scenario: '稽核比对',
    }).expect(201);
    expect(started.body).toMatchObject({
      pack: 'jiangmen-2023',
      steps: [
        expect.objectContaining({
          due: expect.objectContaining({
            basis: 'administrative',
            citation: expect.objectContaining({ pack: 'jiangmen-2023', article: '第十一条' }),
          }),
        }),
      ],
      notices: [
        expect.objectContaining({ citation: expect.objectContaining({ pack: 'jiangmen-2023', article: '第十一条' }) }),
      ],
    });
    const english = await caseStatus(system, 'jm-hrss-li', started.body.caseId)
      .set('Accept-Language', 'en')
      .expect(200);
    expect(english.body.stateText).toBe('Under review');
    expect(english.body.steps[0].title).toBe('Provider reviews the share request');
    await recordHistory(system, started.body.caseId, 'share-request.jiangmen-2023.open');
  });
});
