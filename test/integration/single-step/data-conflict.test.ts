import { caseStatus, complete, recordHistory, sql } from '../../support/case-helpers.js';
import { ShiftedClock, ShortCalendar } from '../../support/short-calendar.js';
import { startTestSystem, type TestSystem } from '../../support/test-system.js';

const HOUR = 3_600_000;

describe('P8 data conflict (Jiangmen-2019 Art. 15 ¶3): departments that cannot agree go to the authority', () => {
  let system: TestSystem;
  beforeAll(async () => {
    // Jiangmen-2019 governs receipts until 2023-08-14.
    system = await startTestSystem({
      clock: new ShiftedClock('2023-06-01T10:00:00+08:00'),
      calendar: new ShortCalendar(HOUR),
    });
  });
  afterAll(() => system.close());

  const report = (headers: Record<string, string>, body: Record<string, unknown>) =>
    system.http.post('/cases/data-conflicts').set(headers).send(body);
  const hrssReviewer = () =>
    system.auth({ id: 'jm-hrss-zhou', name: '周敏（市人社局）', role: 'reviewer', department: 'jm-hrss' });
  const body = {
    resourceId: 'jm-market-enterprise-detail',
    description: '参保单位登记的住所与市场监管局登记的不一致，双方协商未形成一致意见',
  };

  it('opens a coordination step for the authority on an administrative target, and records its outcome', async () => {
    const started = await report(await hrssReviewer(), body).expect(201);
    expect(started.body).toMatchObject({ procedure: 'data-conflict', pack: 'jiangmen-2019', state: 'in-coordination' });
    const step = started.body.steps[0];
    expect(step).toMatchObject({
      actorRole: 'authority',
      actorDepartment: 'jm-data-authority',
      due: { basis: 'administrative', citation: { article: '第十五条', clause: '第三款' } },
    });
    // The other department takes part: it sees the case.
    const listed = await system.http
      .get('/cases')
      .query({ procedure: 'data-conflict', limit: 100 })
      .set(system.as('jm-market-wang'))
      .expect(200);
    expect(listed.body.items.map((c: { caseId: string }) => c.caseId)).toContain(started.body.caseId);

    const bare = await complete(system, 'jm-data-zhao', step.taskId, { decision: 'resolved' }).expect(400);
    expect(bare.body.code).toBe('OUTCOME_REQUIRED');
    await complete(system, 'jm-data-zhao', step.taskId, {
      decision: 'resolved',
      details: { outcome: '以市场监管局登记信息为准，人社局于5个工作日内更正' },
    }).expect(200);
    const closed = await caseStatus(system, 'jm-data-zhao', started.body.caseId).expect(200);
    expect(closed.body).toMatchObject({
      state: 'coordinated',
      closed: true,
      outcome: { reasons: '以市场监管局登记信息为准，人社局于5个工作日内更正', citation: { article: '第十五条' } },
    });
    await recordHistory(system, started.body.caseId, 'data-conflict.jiangmen-2019.coordinated');
  });

  it('refuses a conflict with one’s own data, and packs without the procedure, creating nothing', async () => {
    const before = await sql(system, "select count(*)::int as n from case_record where procedure = 'data-conflict'");
    expect((await report(system.as('jm-market-wang'), body).expect(422)).body.code).toBe('OWN_RESOURCE');
    const huarong = await system.auth({
      id: 'hr-civil-zhao',
      name: '赵明',
      role: 'reviewer',
      department: 'hr-civil-affairs',
    });
    const elsewhere = await report(huarong, { ...body, resourceId: 'hr-land-registration' }).expect(422);
    expect(elsewhere.body.code).toBe('PROCEDURE_NOT_IN_PACK');
    await report(system.as('jm-hrss-li'), body).expect(403);
    expect(await sql(system, "select count(*)::int as n from case_record where procedure = 'data-conflict'")).toEqual(
      before,
    );
  });
});
