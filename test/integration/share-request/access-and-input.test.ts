import { caseStatus, complete, inbox, requestShare, sql } from '../../support/case-helpers.js';
import { ShortCalendar } from '../../support/short-calendar.js';
import { startTestSystem, type TestSystem } from '../../support/test-system.js';

const request = {
  resourceId: 'cq-psb-household',
  items: ['id-no'],
  purpose: '医保关系转移',
  scenario: '跨区参保人员核验',
};

async function countCases(system: TestSystem): Promise<number> {
  return (await sql(system, 'select count(*)::int as n from case_record'))[0].n;
}

describe('P1 authorization and bad input', () => {
  let system: TestSystem;
  let caseId: string;
  let taskId: string;
  beforeAll(async () => {
    system = await startTestSystem({ calendar: new ShortCalendar(3_600_000) });
    const started = await requestShare(system, 'cq-health-liu', request).expect(201);
    caseId = started.body.caseId;
    taskId = started.body.steps[0].taskId;
  });
  afterAll(() => system.close());

  it('shows a case to its applicant, the departments in it, auditors and supervisors; to others it does not exist', async () => {
    for (const user of ['cq-health-liu', 'cq-psb-sun', 'cq-psb-head', 'cq-bigdata-he', 'auditor', 'supervisor']) {
      await caseStatus(system, user, caseId).expect(200);
    }
    const otherApplicant = await system.auth({
      id: 'cq-health-other',
      name: '另一申请人',
      role: 'applicant',
      department: 'cq-health',
    });
    for (const headers of [
      otherApplicant,
      system.as('jm-market-wang'),
      system.as('citizen-zhang'),
      system.as('admin'),
    ]) {
      const response = await system.http.get(`/cases/${caseId}`).set(headers).expect(404);
      expect(response.body).toMatchObject({ code: 'CASE_NOT_FOUND' });
    }
    await system.http.get('/cases/share-does-not-exist').set(system.as('auditor')).expect(404);
  });

  it('lets only the task department and role act; others get 404 (not theirs) or 403 (wrong role)', async () => {
    expect((await inbox(system, 'jm-market-wang')).map((t) => t.id)).not.toContain(taskId);
    await complete(system, 'jm-market-wang', taskId, { decision: 'approve' }).expect(404);
    await complete(system, 'cq-psb-head', taskId, { decision: 'approve' }).expect(404);
    const auditor = await complete(system, 'auditor', taskId, { decision: 'approve' }).expect(403);
    expect(auditor.body).toMatchObject({ code: 'AUTH_ROLE_NOT_ALLOWED' });
    await complete(system, 'cq-health-liu', taskId, { decision: 'approve' }).expect(403);
    await system.http.post(`/tasks/${taskId}/complete`).send({ decision: 'approve' }).expect(401);
    expect((await caseStatus(system, 'cq-health-liu', caseId).expect(200)).body.state).toBe('under-review');
  });

  it('answers bad input with 400 and field errors, and starts nothing', async () => {
    const before = await countCases(system);
    const response = await requestShare(system, 'cq-health-liu', {
      resourceId: '',
      items: [],
      purpose: 'x',
      unexpected: true,
    }).expect(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
    expect([...new Set(response.body.errors.map((e: any) => e.field))].sort()).toEqual([
      'items',
      'purpose',
      'resourceId',
      'scenario',
      'unexpected',
    ]);
    const unknownItem = await requestShare(system, 'cq-health-liu', {
      ...request,
      items: ['id-no', 'blood-type'],
    }).expect(400);
    expect(unknownItem.body.errors).toEqual([
      { field: 'items', code: 'unknownItems', message: '资源中没有这些数据项：blood-type' },
    ]);
    const inEnglish = await requestShare(system, 'cq-health-liu', { ...request, items: ['id-no', 'blood-type'] })
      .set('Accept-Language', 'en')
      .expect(400);
    expect(inEnglish.body.errors).toEqual([
      { field: 'items', code: 'unknownItems', message: 'unknown data items: blood-type' },
    ]);
    const missing = await requestShare(system, 'cq-health-liu', { ...request, purpose: undefined }).expect(400);
    expect(missing.body.errors).toContainEqual({ field: 'purpose', code: 'isString', message: 'purpose 必须是文本' });
    expect(missing.body.errors).toContainEqual({
      field: 'purpose',
      code: 'minLength',
      message: 'purpose 长度不能少于 2 个字符',
    });
    await requestShare(system, 'cq-health-liu', { ...request, resourceId: 'no-such-entry' }).expect(404);
    await system.http
      .post('/cases/share-requests')
      .set(system.as('cq-health-liu'))
      .set('content-type', 'application/json')
      .send('{"broken":')
      .expect(400);
    await complete(system, 'cq-psb-sun', taskId, { decision: 'maybe' }).expect(400);
    expect(await countCases(system)).toBe(before);
  });

  it('refuses requests the law does not allow with 422 and a reason', async () => {
    const before = await countCases(system);
    const own = await requestShare(system, 'cq-psb-sun', request).expect(403);
    expect(own.body.code).toBe('AUTH_ROLE_NOT_ALLOWED');
    const citizen = await requestShare(system, 'citizen-zhang', request).expect(422);
    expect(citizen.body.code).toBe('SHARE_REQUEST_DEPARTMENTS_ONLY');
    const ownData = await system.auth({
      id: 'cq-psb-clerk',
      name: '公安局经办人',
      role: 'applicant',
      department: 'cq-public-security',
    });
    expect((await system.http.post('/cases/share-requests').set(ownData).send(request).expect(422)).body.code).toBe(
      'OWN_RESOURCE',
    );
    const none = await requestShare(system, 'cq-health-liu', {
      ...request,
      resourceId: 'cq-psb-investigation',
      items: ['case-no'],
    }).expect(422);
    expect(none.body).toMatchObject({
      code: 'RESOURCE_NOT_SHARED',
      message: expect.stringContaining('chongqing-2019 第二十五条'),
    });
    const english = await requestShare(system, 'cq-health-liu', {
      ...request,
      resourceId: 'cq-psb-investigation',
      items: ['case-no'],
    })
      .set('Accept-Language', 'en')
      .expect(422);
    expect(english.body.message).toMatch(/^This resource is not shared/);
    expect(await countCases(system)).toBe(before);
  });

  it('lists only the caller’s cases, newest first, a page at a time', async () => {
    for (let i = 0; i < 3; i += 1) await requestShare(system, 'cq-health-liu', request).expect(201);
    const first = await system.http.get('/cases').query({ limit: 2 }).set(system.as('cq-health-liu')).expect(200);
    expect(first.body.items).toHaveLength(2);
    const second = await system.http
      .get('/cases')
      .query({ limit: 2, cursor: first.body.nextCursor })
      .set(system.as('cq-health-liu'))
      .expect(200);
    const ids = [...first.body.items, ...second.body.items].map((c: any) => c.caseId);
    expect(new Set(ids).size).toBe(ids.length);
    const times = [...first.body.items, ...second.body.items].map((c: any) => c.receivedAt);
    expect([...times].sort().reverse()).toEqual(times);
    const others = await system.http.get('/cases').set(system.as('jm-hrss-li')).expect(200);
    expect(others.body.items.map((c: any) => c.caseId)).not.toContain(caseId);
    await system.http.get('/cases').query({ cursor: 'garbage' }).set(system.as('cq-health-liu')).expect(400);
  });

  it('lists a department’s cases through its participation, newest first, a page at a time', async () => {
    const mine: string[] = [];
    for (let i = 0; i < 3; i += 1)
      mine.push((await requestShare(system, 'cq-health-liu', request).expect(201)).body.caseId);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: Array<{ caseId: string; receivedAt: string }>; nextCursor: string | null } } =
        await system.http
          .get('/cases')
          .query({ limit: 2, ...(cursor ? { cursor } : {}) })
          .set(system.as('cq-psb-sun'))
          .expect(200);
      seen.push(...page.body.items.map((c) => c.caseId));
      cursor = page.body.nextCursor;
    } while (cursor && !mine.every((id) => seen.includes(id)) && seen.length < 2000);
    expect(new Set(seen).size).toBe(seen.length);
    // The provider's reviewer sees the three, newest first (other tests' cases may sit among them: the database
    // is shared, and some received under a shifted clock); a department that takes no part sees none of them.
    expect(seen.filter((id) => mine.includes(id))).toEqual([...mine].reverse());
    const outsider = await system.http.get('/cases').set(system.as('jm-market-wang')).expect(200);
    expect(outsider.body.items.map((c: { caseId: string }) => c.caseId)).not.toContain(mine[0]);
    const rows = await sql<{ department: string }>(
      system,
      'select department from case_participant where case_id = ? order by department',
      [mine[0]],
    );
    expect(rows.map((r) => r.department)).toEqual(['cq-big-data', 'cq-health', 'cq-public-security']);
  });

  it('lets the auditor search by applicant, department and days of receipt; filters never widen a view', async () => {
    const status = await caseStatus(system, 'auditor', caseId).expect(200);
    const day = new Date(Date.parse(status.body.receivedAt) + 8 * 3_600_000).toISOString().slice(0, 10);
    const dayBefore = new Date(Date.parse(day) - 86_400_000).toISOString().slice(0, 10);
    const list = (user: string, query: Record<string, string | number>) =>
      system.http
        .get('/cases')
        .query({ limit: 100, ...query })
        .set(system.as(user))
        .expect(200);
    const ids = (res: { body: { items: Array<{ caseId: string }> } }) => res.body.items.map((c) => c.caseId);

    const found = await list('auditor', {
      applicant: 'cq-health-liu',
      department: 'cq-public-security',
      receivedFrom: day,
      receivedTo: day,
    });
    expect(ids(found)).toContain(caseId);
    expect(found.body.items.every((c: { applicantId: string }) => c.applicantId === 'cq-health-liu')).toBe(true);
    expect(ids(await list('auditor', { applicant: 'cq-health-liu', receivedTo: dayBefore }))).not.toContain(caseId);
    expect(ids(await list('auditor', { applicant: 'cq-health-liu', department: 'jm-market' }))).not.toContain(caseId);
    expect(ids(await list('supervisor', { department: 'cq-big-data', receivedFrom: day }))).toContain(caseId);

    // A department user names another department, an applicant another applicant: nothing, not someone else's.
    expect(ids(await list('jm-market-wang', { department: 'cq-public-security' }))).toEqual([]);
    expect(ids(await list('jm-hrss-li', { applicant: 'cq-health-liu' }))).toEqual([]);
    expect(ids(await list('cq-psb-sun', { applicant: 'cq-health-liu', receivedFrom: day }))).toContain(caseId);

    const bad = await system.http
      .get('/cases')
      .query({ receivedFrom: '2026-02-30', applicant: 'a b' })
      .set(system.as('auditor'))
      .expect(400);
    expect([...new Set(bad.body.errors.map((e: { field: string }) => e.field))].sort()).toEqual([
      'applicant',
      'receivedFrom',
    ]);
  });

  it('sorts the inbox by due date and pages it', async () => {
    const page = await system.http.get('/tasks').query({ limit: 1 }).set(system.as('cq-psb-sun')).expect(200);
    expect(page.body.items).toHaveLength(1);
    const rest = await system.http
      .get('/tasks')
      .query({ limit: 100, cursor: page.body.nextCursor })
      .set(system.as('cq-psb-sun'))
      .expect(200);
    const due = [...page.body.items, ...rest.body.items].map((t: any) => t.dueAt);
    expect([...due].sort()).toEqual(due);
    expect(rest.body.items.map((t: any) => t.id)).not.toContain(page.body.items[0].id);
  });
});
