import { caseStatus, complete, inbox, requestShare, sql, recordHistory } from '../../support/case-helpers.js';
import { ShortCalendar } from '../../support/short-calendar.js';
import { startTestSystem, type TestSystem } from '../../support/test-system.js';

const conditional = {
  resourceId: 'hr-land-registration',
  items: ['unit-no', 'owner'],
  purpose: '社会救助家庭经济状况核对',
  scenario: '低保申请审核',
};
const notShared = {
  resourceId: 'hr-land-survey-raw',
  items: ['parcel'],
  purpose: '救灾选址',
  scenario: '灾后安置点规划',
};

describe('P1 Huarong-2021', () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startTestSystem({ calendar: new ShortCalendar(3_600_000) });
  });
  afterAll(() => system.close());

  it('reviews within 5 working days (Art. 21 ¶1)', async () => {
    const started = await requestShare(system, 'hr-civil-xu', conditional).expect(201);
    expect(started.body.steps[0]).toMatchObject({
      actorDepartment: 'hr-natural-resources',
      due: {
        basis: 'statutory',
        workingDays: 5,
        citation: { pack: 'huarong-2021', article: '第二十一条', clause: '第一款' },
      },
    });
  });

  it('lets the applicant take a refusal to the county authority, whose coordination outcome stands', async () => {
    const started = await requestShare(system, 'hr-civil-xu', conditional).expect(201);
    const { caseId } = started.body;
    const refused = await complete(system, 'hr-land-ma', started.body.steps[0].taskId, {
      decision: 'refuse',
      reasons: '不属于核对范围',
    }).expect(200);
    expect(refused.body).toMatchObject({ state: 'refused', closed: false });
    expect(refused.body.notices.map((n: any) => n.citation.article)).toContain('第二十一条');

    await system.http
      .post(`/cases/${caseId}/disputes`)
      .set(system.as('hr-land-ma'))
      .send({ reason: 'x x' })
      .expect(403);
    const disputed = await system.http
      .post(`/cases/${caseId}/disputes`)
      .set(system.as('hr-civil-xu'))
      .send({ reason: '低保核对属于法定职责' })
      .expect(200);
    expect(disputed.body).toMatchObject({ state: 'in-coordination' });
    const coordination = disputed.body.steps.find((s: any) => s.stepId === 'authority-coordination');
    expect(coordination).toMatchObject({
      actorRole: 'authority',
      actorDepartment: 'hr-approval-bureau',
      due: { basis: 'administrative' },
    });
    expect(await inbox(system, 'hr-approval-hu')).toContainEqual(expect.objectContaining({ id: coordination.taskId }));

    await system.http
      .post(`/cases/${caseId}/disputes`)
      .set(system.as('hr-civil-xu'))
      .send({ reason: '再次申请' })
      .expect(422);
    const decided = await complete(system, 'hr-approval-hu', coordination.taskId, {
      decision: 'approve',
      reasons: '经协调，属于履职需要，予以共享',
    }).expect(200);
    expect(decided.body).toMatchObject({ state: 'granted', closed: true });
    expect(await sql(system, 'select approver_id from share_grant where case_id = ?', [caseId])).toEqual([
      { approver_id: 'hr-approval-hu' },
    ]);
    // Suspending or ending a grant is Quanzhou's power (五（十）); Huarong's text gives the authority none.
    const [grant] = (await system.http.get('/grants').query({ caseId }).set(system.as('hr-approval-hu')).expect(200))
      .body;
    const suspend = await system.http
      .post(`/grants/${grant.id}/suspend`)
      .set(system.as('hr-approval-hu'))
      .send({ reason: '发现超范围使用' })
      .expect(422);
    expect(suspend.body).toMatchObject({ code: 'GRANT_ACTION_NOT_IN_PACK' });
    expect(await sql(system, 'select status from share_grant where id = ?', [grant.id])).toEqual([
      { status: 'active' },
    ]);
    await recordHistory(system, caseId, 'share-request.huarong-2021.dispute-granted');
  });

  it('takes a not-shared resource through county review and city consent to a pending catalog change (Art. 21 ¶2)', async () => {
    const started = await requestShare(system, 'hr-civil-xu', notShared).expect(201);
    const { caseId } = started.body;
    expect(started.body).toMatchObject({
      state: 'reclassification-review',
      steps: [expect.objectContaining({ stepId: 'county-review', actorDepartment: 'hr-approval-bureau' })],
    });
    const county = await complete(system, 'hr-approval-hu', started.body.steps[0].taskId, {
      decision: 'approve',
      reasons: '经论证确有使用需求',
    }).expect(200);
    expect(county.body).toMatchObject({ state: 'awaiting-city-consent' });
    const city = county.body.steps.find((s: any) => s.stepId === 'city-consent');
    expect(city).toMatchObject({ actorDepartment: 'yy-data-authority' });
    await complete(system, 'hr-approval-hu', city.taskId, { decision: 'approve' }).expect(404);
    const consented = await complete(system, 'yy-data-guo', city.taskId, { decision: 'approve' }).expect(200);
    expect(consented.body).toMatchObject({
      state: 'reclassification-approved',
      closed: true,
      outcome: { pendingCatalogChangeId: `change-${caseId}` },
    });
    expect(
      await sql(system, 'select entry_id, change, status from pending_catalog_change where origin_case_id = ?', [
        caseId,
      ]),
    ).toEqual([{ entry_id: 'hr-land-survey-raw', change: { shareType: 'conditional' }, status: 'pending' }]);
    expect(await sql(system, "select share_type from catalog_entry where id = 'hr-land-survey-raw'")).toEqual([
      { share_type: 'none' },
    ]);
    await recordHistory(system, caseId, 'share-request.huarong-2021.reclassification');
  });

  it('ends the reclassification when the county review refuses', async () => {
    const started = await requestShare(system, 'hr-civil-xu', notShared).expect(201);
    await complete(system, 'hr-approval-hu', started.body.steps[0].taskId, {
      decision: 'refuse',
      reasons: '涉密，不宜共享',
    }).expect(200);
    const seen = await caseStatus(system, 'hr-civil-xu', started.body.caseId).expect(200);
    expect(seen.body).toMatchObject({
      state: 'reclassification-refused',
      closed: true,
      outcome: { reasons: '涉密，不宜共享' },
    });
    await recordHistory(system, started.body.caseId, 'share-request.huarong-2021.reclassification-refused');
  });
});
