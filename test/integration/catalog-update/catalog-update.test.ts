import { caseStatus, complete, eventually, recordHistory, sql } from '../../support/case-helpers.js';
import { ShiftedClock } from '../../support/short-calendar.js';
import { startTestSystem, type TestSystem } from '../../support/test-system.js';

const HOUR = 3_600_000;
const ENTRY = 'cq-psb-checkpoint-stats';
const today = () => new Date(Date.now() + 8 * HOUR).toISOString().slice(0, 10);
const daysAgo = (n: number) => new Date(Date.now() + 8 * HOUR - n * 24 * HOUR).toISOString().slice(0, 10);

describe('P3 catalog update: Chongqing-2019 Art. 14 (10 WD to apply, 5 WD to review), versions and as-of reads', () => {
  let system: TestSystem;
  beforeAll(async () => {
    // The real calendar: whether an application is late is counted from a trigger day in the past.
    system = await startTestSystem();
  });
  afterAll(() => system.close());

  const update = (user: string, body: Record<string, unknown>, headers: Record<string, string> = {}) =>
    system.http.post('/cases/catalog-updates').set(system.as(user)).set(headers).send(body);
  const lawRevision = (date: string) => ({
    kind: 'law-revision',
    date,
    description: '《重庆市公共安全技术防范管理条例》修订，卡口统计口径调整',
  });

  it('an on-time application, approved: one new version with its diff, the responsibility list follows, the old version stays readable', async () => {
    const before = (await system.http.get(`/catalog/${ENTRY}`).set(system.as('cq-psb-sun')).expect(200)).body;
    const newItems = [...before.dataItems, { key: 'trucks', name: '货车通行数' }];
    const started = await update('cq-psb-sun', {
      trigger: lawRevision(today()),
      changes: [{ entryId: ENTRY, change: { dataItems: newItems, updateFrequency: '每小时' } }],
    }).expect(201);
    const { caseId } = started.body;
    expect(started.body).toMatchObject({
      procedure: 'catalog-update',
      pack: 'chongqing-2019',
      state: 'authority-review',
      catalogUpdate: {
        trigger: { kind: 'law-revision' },
        application: { late: false, citation: { article: '第十四条', clause: '第一款' } },
      },
      steps: [
        {
          stepId: 'authority-catalog-review',
          actorDepartment: 'cq-big-data',
          due: { basis: 'statutory', workingDays: 5, citation: { article: '第十四条', clause: '第二款' } },
        },
      ],
    });
    const beforeApproval = new Date().toISOString();
    // The applicant's own department cannot approve; the authority can, and the reply is the closed case.
    await complete(system, 'cq-psb-sun', started.body.steps[0].taskId, { decision: 'approve' }).expect(404);
    const approved = await complete(system, 'cq-bigdata-he', started.body.steps[0].taskId, {
      decision: 'approve',
    }).expect(200);
    expect(approved.body).toMatchObject({
      state: 'catalog-updated',
      closed: true,
      outcome: {
        catalogVersions: [{ entryId: ENTRY, version: before.version + 1 }],
        citation: { article: '第十三条' },
      },
    });

    const now = (await system.http.get(`/catalog/${ENTRY}`).set(system.as('cq-psb-sun')).expect(200)).body;
    expect(now).toMatchObject({
      version: before.version + 1,
      updateFrequency: '每小时',
      dataItems: newItems,
      shareType: 'conditional',
    });
    const versions = (await system.http.get(`/catalog/${ENTRY}/versions`).set(system.as('auditor')).expect(200)).body;
    expect(versions.at(-1)).toMatchObject({
      version: before.version + 1,
      caseId,
      changedBy: { id: 'cq-bigdata-he' },
      diff: [
        { field: 'dataItems', before: before.dataItems, after: newItems },
        { field: 'updateFrequency', before: before.updateFrequency, after: '每小时' },
      ],
    });
    const asOfBefore = (
      await system.http.get(`/catalog/${ENTRY}`).query({ asOf: beforeApproval }).set(system.as('auditor')).expect(200)
    ).body;
    expect(asOfBefore).toMatchObject({
      version: before.version,
      updateFrequency: before.updateFrequency,
      dataItems: before.dataItems,
    });
    const asOfToday = (
      await system.http
        .get('/catalog')
        .query({ asOf: today(), jurisdiction: 'chongqing' })
        .set(system.as('auditor'))
        .expect(200)
    ).body;
    expect(asOfToday.find((e: any) => e.id === ENTRY)).toMatchObject({
      version: before.version + 1,
      updateFrequency: '每小时',
    });
    const asOf2018 = (
      await system.http.get('/catalog').query({ asOf: '2018-12-31' }).set(system.as('auditor')).expect(200)
    ).body;
    expect(asOf2018).toEqual([]);

    const list = (
      await system.http
        .get('/catalog/responsibility-list')
        .query({ department: 'cq-public-security' })
        .set(system.as('cq-bigdata-he'))
        .expect(200)
    ).body;
    expect(list.find((r: any) => r.entryId === ENTRY)).toMatchObject({
      catalogVersion: before.version + 1,
      caseId,
      dataItems: newItems,
      updateFrequency: '每小时',
    });
    await recordHistory(system, caseId, 'catalog-update.chongqing-2019.approved');
  });

  it('a late application is accepted and recorded as a breach (Art. 50(8)); a refusal needs reasons and changes nothing', async () => {
    const before = (await system.http.get(`/catalog/${ENTRY}`).set(system.as('cq-psb-sun')).expect(200)).body;
    // Art. 31 ¶1: a new conditional (or closed) open type comes with its own basis.
    const withoutBasis = await update('cq-psb-sun', {
      trigger: { ...lawRevision(daysAgo(40)), kind: 'function-change' },
      changes: [{ entryId: ENTRY, change: { openType: 'conditional' } }],
    }).expect(422);
    expect(withoutBasis.body).toMatchObject({
      code: 'OPEN_BASIS_REQUIRED',
      message: expect.stringContaining('第三十一条'),
    });
    const started = await update('cq-psb-sun', {
      trigger: { ...lawRevision(daysAgo(40)), kind: 'function-change' },
      changes: [
        {
          entryId: ENTRY,
          change: { openType: 'conditional', openBasis: '《重庆市公共安全技术防范管理条例》第十二条' },
        },
      ],
    }).expect(201);
    const { caseId } = started.body;
    expect(started.body.catalogUpdate.application).toMatchObject({
      late: true,
      breachCitation: { article: '第五十条', clause: '第（八）项' },
    });
    expect(started.body.notices).toEqual(
      expect.arrayContaining([expect.objectContaining({ citation: expect.objectContaining({ article: '第五十条' }) })]),
    );
    const breaches = (
      await system.http
        .get('/breaches')
        .query({ kind: 'late-application', department: 'cq-public-security' })
        .set(system.as('supervisor'))
        .expect(200)
    ).body;
    expect(breaches.find((b: any) => b.caseId === caseId)).toMatchObject({
      procedure: 'catalog-update',
      pack: 'chongqing-2019',
      citation: { article: '第五十条' },
    });
    await system.http.get('/breaches').set(system.as('cq-psb-sun')).expect(403);

    const taskId = started.body.steps[0].taskId;
    expect((await complete(system, 'cq-bigdata-he', taskId, { decision: 'refuse' }).expect(422)).body.code).toBe(
      'REASONS_REQUIRED',
    );
    const refused = await complete(system, 'cq-bigdata-he', taskId, {
      decision: 'refuse',
      reasons: '开放属性变更须先经保密审查',
    }).expect(200);
    expect(refused.body).toMatchObject({
      state: 'refused',
      closed: true,
      outcome: { reasons: '开放属性变更须先经保密审查' },
    });
    const after = (await system.http.get(`/catalog/${ENTRY}`).set(system.as('cq-psb-sun')).expect(200)).body;
    expect(after).toEqual(before);
    expect(await sql(system, 'select count(*)::int as n from catalog_version where case_id = ?', [caseId])).toEqual([
      { n: 0 },
    ]);
    await recordHistory(system, caseId, 'catalog-update.chongqing-2019.late-refused');
  });

  it('the same Idempotency-Key gives the same case', async () => {
    const body = {
      trigger: lawRevision(today()),
      changes: [{ entryId: ENTRY, change: { title: '治安卡口通行统计（汇总）' } }],
    };
    const first = await update('cq-psb-sun', body, { 'Idempotency-Key': 'p3-once' }).expect(201);
    const again = await update('cq-psb-sun', body, { 'Idempotency-Key': 'p3-once' }).expect(200);
    expect(again.body.caseId).toBe(first.body.caseId);
    await complete(system, 'cq-bigdata-he', first.body.steps[0].taskId, {
      decision: 'refuse',
      reasons: '标题无需调整',
    }).expect(200);
  });

  it('bad input gets a clear error and creates nothing', async () => {
    const count = async () =>
      (await sql(system, "select count(*)::int as n from case_record where procedure = 'catalog-update'"))[0].n;
    const n = await count();
    const valid = { trigger: lawRevision(today()), changes: [{ entryId: ENTRY, change: { updateFrequency: '每周' } }] };
    await update('cq-health-liu', valid).expect(403);
    expect((await update('jm-market-wang', valid).expect(403)).body.code).toBe('NOT_YOUR_CATALOG');
    expect(
      (
        await update('cq-psb-sun', {
          ...valid,
          changes: [{ entryId: 'cq-no-such', change: { updateFrequency: '每周' } }],
        }).expect(404)
      ).body.code,
    ).toBe('CATALOG_ENTRY_NOT_FOUND');
    // Chongqing's measures took effect on 2019-07-31: a trigger before that is no breach of them.
    for (const date of ['2019-01-02', '2019-07-30']) {
      const early = await update('cq-psb-sun', { ...valid, trigger: lawRevision(date) }).expect(422);
      expect(early.body).toMatchObject({ code: 'TRIGGER_BEFORE_PACK', message: expect.stringContaining('2019-07-31') });
    }
    expect(
      (
        await update('cq-psb-sun', {
          ...valid,
          changes: [{ entryId: ENTRY, change: { shareType: 'conditional' } }],
        }).expect(422)
      ).body.code,
    ).toBe('NO_CHANGE_REQUESTED');
    expect(
      (
        await update('cq-psb-sun', {
          ...valid,
          changes: [{ entryId: 'cq-psb-traffic-flow', change: { shareType: 'none' } }],
        }).expect(422)
      ).body.code,
    ).toBe('SHARE_CONDITIONS_REQUIRED');
    expect(
      (await update('cq-psb-sun', { ...valid, trigger: lawRevision('2099-01-01') }).expect(400)).body.errors[0].field,
    ).toBe('trigger.date');
    expect(
      (await update('cq-psb-sun', { ...valid, trigger: lawRevision('2026-02-30') }).expect(400)).body.errors[0].field,
    ).toBe('trigger.date');
    expect(
      (await update('cq-psb-sun', { changes: valid.changes }).expect(400)).body.errors.map((e: any) => e.field),
    ).toContain('trigger');
    expect(
      (
        await update('cq-psb-sun', {
          ...valid,
          changes: [{ entryId: ENTRY, change: { shareType: 'sometimes' } }],
        }).expect(400)
      ).body.errors[0].field,
    ).toContain('shareType');
    expect(
      (await update('cq-psb-sun', { ...valid, changes: [valid.changes[0], valid.changes[0]] }).expect(400)).body
        .errors[0].field,
    ).toBe('changes');
    expect(
      (
        await update('cq-psb-sun', {
          ...valid,
          changes: [{ entryId: ENTRY, change: { providerDepartmentId: 'jm-market' } }],
        }).expect(400)
      ).body.errors[0].field,
    ).toBe('changes.0.change.providerDepartmentId');
    await system.http.get('/catalog').query({ asOf: 'yesterday' }).set(system.as('auditor')).expect(400);
    await system.http.get('/catalog').query({ asOf: '2026-13-01' }).set(system.as('auditor')).expect(400);
    expect(await count()).toBe(n);
  });
});

describe('P3 catalog update: Jiangmen-2019 Art. 11 (the update within 15 WD of the revision)', () => {
  let system: TestSystem;
  beforeAll(async () => {
    // Jiangmen-2019 was in force until 2023-08-14; the real calendar, so the due date is the statutory one.
    system = await startTestSystem({ clock: new ShiftedClock('2022-03-01T10:00:00+08:00') });
  });
  afterAll(() => system.close());

  it('counts the department’s 15 WD from the revision; the authority then aggregates on an administrative target', async () => {
    const started = await system.http
      .post('/cases/catalog-updates')
      .set(system.as('jm-market-wang'))
      .send({
        trigger: { kind: 'function-change', date: '2022-02-10', description: '机构改革，广告监管职能调整' },
        changes: [{ entryId: 'jm-market-ad-licences', change: { updateFrequency: '实时' } }],
      })
      .expect(201);
    const step = started.body.steps[0];
    // Received 2022-03-01: within the 15 WD from 2022-02-10 (due 2022-03-03), so the department was on time.
    expect(started.body).toMatchObject({
      pack: 'jiangmen-2019',
      catalogUpdate: {
        trigger: { date: '2022-02-10' },
        application: { late: false, dueDate: '2022-03-03', citation: { article: '第十一条' } },
      },
    });
    expect(step).toMatchObject({
      actorDepartment: 'jm-data-authority',
      due: { basis: 'administrative', from: started.body.receivedAt, citation: { article: '第十一条' } },
    });
    // The engine's clock is today's, long after the target: the authority's step is overdue at once and stays open.
    const overdue = await eventually(async () => {
      const seen = await caseStatus(system, 'jm-data-zhao', started.body.caseId).expect(200);
      expect(seen.body.steps[0]).toMatchObject({ overdue: true, state: 'open' });
      return seen.body;
    });
    expect(overdue.closed).toBe(false);
    // The step is the authority's own: no escalation to itself; the supervisor sees the breach.
    expect(overdue.steps[0].breach.escalationTaskId).toBeUndefined();
    expect(
      await sql(system, "select count(*)::int as n from inbox_task where case_id = ? and kind = 'escalation'", [
        started.body.caseId,
      ]),
    ).toEqual([{ n: 0 }]);
    const breaches = (
      await system.http
        .get('/breaches')
        .query({ procedure: 'catalog-update', pack: 'jiangmen-2019' })
        .set(system.as('supervisor'))
        .expect(200)
    ).body;
    expect(breaches.filter((b: any) => b.caseId === started.body.caseId)).toEqual([
      expect.objectContaining({ kind: 'step-overdue', department: 'jm-data-authority' }),
    ]);
    const approved = await complete(system, 'jm-data-zhao', step.taskId, { decision: 'approve' }).expect(200);
    expect(approved.body).toMatchObject({
      state: 'catalog-updated',
      outcome: { catalogVersions: [{ entryId: 'jm-market-ad-licences', version: 2 }] },
    });
    await recordHistory(system, started.body.caseId, 'catalog-update.jiangmen-2019.aggregation-overdue');
  });

  it('books a department’s update made after the 15 WD as its own breach of Art. 11', async () => {
    const started = await system.http
      .post('/cases/catalog-updates')
      .set(system.as('jm-market-wang'))
      .send({
        trigger: { kind: 'law-revision', date: '2022-01-04', description: '《广告法》修订' },
        changes: [{ entryId: 'jm-market-ad-licences', change: { updateFrequency: '每周' } }],
      })
      .expect(201);
    // 15 WD from 2022-01-04 end on 2022-01-25 (before the Spring Festival); received 2022-03-01.
    expect(started.body.catalogUpdate.application).toMatchObject({
      late: true,
      dueDate: '2022-01-25',
      breachCitation: { pack: 'jiangmen-2019', article: '第十一条' },
    });
    await eventually(async () => {
      const breaches = (
        await system.http
          .get('/breaches')
          .query({ kind: 'late-application', pack: 'jiangmen-2019' })
          .set(system.as('supervisor'))
          .expect(200)
      ).body;
      expect(breaches).toContainEqual(
        expect.objectContaining({
          caseId: started.body.caseId,
          department: 'jm-market',
          citation: expect.objectContaining({ article: '第十一条' }),
        }),
      );
    });
  });
});
