import { caseStatus, complete, eventually, recordHistory, requestShare, sql } from '../../support/case-helpers.js';
import { ShortCalendar } from '../../support/short-calendar.js';
import { startTestSystem, type TestSystem } from '../../support/test-system.js';

/** The P3 case a decision started, once the engine has started it. */
async function linkedCase(system: TestSystem, user: string, caseId: string) {
  return eventually(async () => (await caseStatus(system, user, caseId).expect(200)).body);
}

describe('P3 cases started by the decisions that need them, linked to their origin', () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startTestSystem({ calendar: new ShortCalendar(3_600_000) });
  });
  afterAll(() => system.close());

  it('Chongqing P5: an agreed objection starts a P3 case for the city authority; its approval changes the open catalog and the objection shows it', async () => {
    const objection = await system.http
      .post('/cases/open-catalog-objections')
      .set(system.as('citizen-zhang'))
      .send({
        resourceId: 'cq-psb-traffic-flow',
        requestedOpenType: 'open',
        reason: '车流量统计不涉及个人信息，应当开放',
      })
      .expect(201);
    const originId = objection.body.caseId;
    const agreed = await complete(system, 'cq-psb-sun', objection.body.steps[0].taskId, { decision: 'approve' }).expect(
      200,
    );
    const linkedId = `catalog-update-for-${originId}`;
    expect(agreed.body).toMatchObject({ state: 'agreed', outcome: { catalogUpdateCaseId: linkedId } });
    const pending = await caseStatus(system, 'citizen-zhang', originId).expect(200);
    expect(pending.body.linkedCatalogChange).toMatchObject({
      status: 'pending',
      catalogUpdateCaseId: linkedId,
      settledAt: null,
    });

    const linked = await linkedCase(system, 'cq-bigdata-he', linkedId);
    expect(linked).toMatchObject({
      procedure: 'catalog-update',
      state: 'authority-review',
      applicant: { department: 'cq-public-security' },
      catalogUpdate: {
        origin: { caseId: originId, procedure: 'open-catalog-objection' },
        trigger: { kind: 'open-catalog-objection' },
        changes: [{ entryId: 'cq-psb-traffic-flow', change: { openType: 'open' } }],
        application: { late: false },
      },
      steps: [{ actorDepartment: 'cq-big-data', due: { workingDays: 5, citation: { article: '第十四条' } } }],
    });
    // The provider sees the case made in its name; the citizen follows it through the objection.
    await caseStatus(system, 'cq-psb-sun', linkedId).expect(200);
    await caseStatus(system, 'citizen-zhang', linkedId).expect(404);

    const approved = await complete(system, 'cq-bigdata-he', linked.steps[0].taskId, { decision: 'approve' }).expect(
      200,
    );
    expect(approved.body).toMatchObject({ state: 'catalog-updated', closed: true });
    expect(await sql(system, "select open_type, version from catalog_entry where id = 'cq-psb-traffic-flow'")).toEqual([
      { open_type: 'open', version: 2 },
    ]);
    const settled = await caseStatus(system, 'citizen-zhang', originId).expect(200);
    expect(settled.body.linkedCatalogChange).toMatchObject({
      status: 'applied',
      catalogUpdateCaseId: linkedId,
      settledAt: expect.any(String),
    });
    await recordHistory(system, originId, 'open-catalog-objection.chongqing-2019.agreed-linked');
    await recordHistory(system, linkedId, 'catalog-update.chongqing-2019.linked-objection');
  });

  it('Huarong P1 reclassification: the county authority states the new share conditions when it approves; a refusal shows on the origin', async () => {
    const reclassify = async (resourceId: string, items: string[]) => {
      const started = await requestShare(system, 'hr-civil-xu', {
        resourceId,
        items,
        purpose: '矿山地质灾害防治',
        scenario: '隐患点排查',
      }).expect(201);
      const county = await complete(system, 'hr-approval-hu', started.body.steps[0].taskId, {
        decision: 'approve',
        reasons: '经论证确有使用需求',
      }).expect(200);
      const city = county.body.steps.find((s: any) => s.stepId === 'city-consent');
      const consented = await complete(system, 'yy-data-guo', city.taskId, { decision: 'approve' }).expect(200);
      expect(consented.body.outcome.catalogUpdateCaseId).toBe(`catalog-update-for-${started.body.caseId}`);
      return {
        originId: started.body.caseId as string,
        linked: await linkedCase(system, 'hr-approval-hu', consented.body.outcome.catalogUpdateCaseId),
      };
    };

    const first = await reclassify('hr-land-mineral-rights', ['licence', 'holder']);
    expect(first.linked).toMatchObject({
      pack: 'huarong-2021',
      catalogUpdate: { trigger: { kind: 'reclassification' } },
      steps: [
        { actorDepartment: 'hr-approval-bureau', due: { basis: 'administrative', citation: { article: '第八条' } } },
      ],
    });
    expect(first.linked.catalogUpdate.application).toBeUndefined();
    const taskId = first.linked.steps[0].taskId;
    expect((await complete(system, 'hr-approval-hu', taskId, { decision: 'approve' }).expect(422)).body.code).toBe(
      'SHARE_CONDITIONS_REQUIRED',
    );
    const approved = await complete(system, 'hr-approval-hu', taskId, {
      decision: 'approve',
      details: { shareConditions: '仅限地质灾害防治业务使用', legalBasis: '《地质灾害防治条例》第十五条' },
    }).expect(200);
    expect(approved.body).toMatchObject({
      state: 'catalog-updated',
      outcome: { catalogVersions: [{ entryId: 'hr-land-mineral-rights', version: 2 }] },
    });
    const [version] = await sql(
      system,
      "select diff, changed_by_id from catalog_version where entry_id = 'hr-land-mineral-rights' and version = 2",
    );
    expect(version).toEqual({
      changed_by_id: 'hr-approval-hu',
      diff: [
        { field: 'shareType', before: 'none', after: 'conditional' },
        { field: 'shareConditions', before: '涉及国家秘密', after: '仅限地质灾害防治业务使用' },
        { field: 'legalBasis', before: '《中华人民共和国保守国家秘密法》', after: '《地质灾害防治条例》第十五条' },
      ],
    });
    expect((await caseStatus(system, 'hr-civil-xu', first.originId).expect(200)).body.linkedCatalogChange.status).toBe(
      'applied',
    );
    await recordHistory(system, first.linked.caseId, 'catalog-update.huarong-2021.linked-reclassification');
    await recordHistory(system, first.originId, 'share-request.huarong-2021.reclassification-linked');

    const second = await reclassify('hr-land-survey-raw', ['parcel']);
    await complete(system, 'hr-approval-hu', second.linked.steps[0].taskId, {
      decision: 'refuse',
      reasons: '涉密测绘成果暂不调整共享属性',
    }).expect(200);
    expect(await sql(system, "select share_type from catalog_entry where id = 'hr-land-survey-raw'")).toEqual([
      { share_type: 'none' },
    ]);
    expect(
      (await caseStatus(system, 'hr-civil-xu', second.originId).expect(200)).body.linkedCatalogChange,
    ).toMatchObject({ status: 'refused' });
  });
});
