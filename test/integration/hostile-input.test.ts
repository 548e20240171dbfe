import { request as httpRequest } from 'node:http';
import { complete, reportError, requestShare, sql } from '../support/case-helpers.js';
import { startTestSystem, type TestSystem } from '../support/test-system.js';

const valid = {
  resourceId: 'cq-psb-household',
  items: ['id-no'],
  purpose: '医保关系转移',
  scenario: '跨区参保人员核验',
};

async function caseCount(system: TestSystem): Promise<number> {
  const [row] = await sql<{ n: number }>(system, 'select count(*)::int as n from case_record');
  return row.n;
}

/** A raw request with an oversized header, past what the HTTP parser takes. */
function withHugeHeader(port: number): Promise<{ status: number; type: string; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port, path: '/health', headers: { 'x-padding': 'a'.repeat(40_000) } },
      (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), body }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

describe('hostile input: refused with a JSON 4xx, nothing changed', () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startTestSystem();
  });
  afterAll(() => system.close());

  it('refuses control characters in text, paths and queries', async () => {
    const before = await caseCount(system);
    const nul = await requestShare(system, 'cq-health-liu', { ...valid, purpose: '医保\u0000转移' }).expect(400);
    expect(nul.body.errors).toContainEqual({ field: 'purpose', code: 'matches', message: 'purpose 不能包含控制字符' });
    const inPath = await system.http.get('/cases/share-%00-x').set(system.as('cq-health-liu')).expect(400);
    expect(inPath.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      errors: [{ field: 'url', code: 'noControlCharacters' }],
    });
    await system.http.get('/catalog').query({ department: 'a\u0000b' }).set(system.as('cq-health-liu')).expect(400);
    expect(await caseCount(system)).toBe(before);
  });

  it('refuses a decision whose details carry a control character before it reaches the case', async () => {
    const started = await reportError(system, 'citizen-zhang', {
      resourceId: 'cq-psb-household',
      items: ['moved-to'],
      description: '迁入地登记有误',
    }).expect(201);
    const taskId = started.body.steps[0].taskId;
    const refused = await complete(system, 'cq-psb-sun', taskId, {
      decision: 'confirm',
      details: { whatChanged: '已\u0000更正' },
    }).expect(400);
    expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'details', code: 'isTextMap' })]);
    const status = await system.http.get(`/cases/${started.body.caseId}`).set(system.as('citizen-zhang')).expect(200);
    expect(status.body).toMatchObject({ state: 'under-verification', closed: false });
  });

  it('trims text before checking its length: blanks are empty', async () => {
    const blank = await requestShare(system, 'cq-health-liu', { ...valid, purpose: '   ', scenario: ' \n ' }).expect(
      400,
    );
    expect(blank.body.errors.map((e: any) => [e.field, e.code])).toEqual(
      expect.arrayContaining([
        ['purpose', 'minLength'],
        ['scenario', 'minLength'],
      ]),
    );
  });

  it('refuses bodies nested too deep and keys that reach the prototype', async () => {
    const before = await caseCount(system);
    const deep = `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`;
    const nested = await system.http
      .post('/cases/share-requests')
      .set(system.as('cq-health-liu'))
      .set('content-type', 'application/json')
      .send(deep)
      .expect(400);
    expect(nested.body.errors[0]).toMatchObject({ code: 'maxDepth' });
    for (const key of ['constructor', '__proto__', 'prototype']) {
      const body = `{${JSON.stringify(key)}:{"x":1},${JSON.stringify(valid).slice(1)}`;
      const response = await system.http
        .post('/cases/share-requests')
        .set(system.as('cq-health-liu'))
        .set('content-type', 'application/json')
        .send(body)
        .expect(400);
      expect(response.body.errors).toEqual([expect.objectContaining({ field: key, code: 'whitelistValidation' })]);
    }
    expect(await caseCount(system)).toBe(before);
  });

  it('refuses crafted cursors, far dates and instants without an offset', async () => {
    const crafted = 'WyJnYXJiYWdlIiwieCJd'; // ["garbage","x"]
    expect(
      (await system.http.get('/tasks').query({ cursor: crafted }).set(system.as('cq-psb-sun')).expect(400)).body.code,
    ).toBe('CURSOR_INVALID');
    expect(
      (await system.http.get('/cases').query({ cursor: crafted }).set(system.as('cq-health-liu')).expect(400)).body
        .code,
    ).toBe('CURSOR_INVALID');
    const far = await system.http
      .get('/calendar/due-date')
      .query({ receivedAt: '9999-12-31T10:00:00Z', workingDays: 3 })
      .set(system.as('admin'))
      .expect(400);
    expect(far.body.errors).toEqual([expect.objectContaining({ field: 'receivedAt', code: 'isInstantInRange' })]);
    await system.http
      .get('/calendar/due-date')
      .query({ receivedAt: '2026-03-02T23:30:00', workingDays: 3 })
      .set(system.as('admin'))
      .expect(400);
    await system.http.get('/catalog').query({ asOf: '9999-12-31' }).set(system.as('admin')).expect(400);
    await system.http
      .post('/engine/probe')
      .set(system.as('admin'))
      .send({ receivedAt: '9999-12-31T10:00:00Z', workingDays: 3 })
      .expect(400);
  });

  it('answers headers too large for the parser with a JSON 431', async () => {
    const address = system.app.getHttpServer().address() as { port: number };
    const response = await withHugeHeader(address.port);
    expect(response.status).toBe(431);
    expect(response.type).toContain('application/json');
    expect(JSON.parse(response.body)).toMatchObject({ statusCode: 431, code: 'HEADERS_TOO_LARGE' });
  });

  it('admits a token only for a registered department whose kind gives that role', async () => {
    const staffOfThePublic = await system.auth({ id: 'x1', name: '冒充者', role: 'reviewer', department: 'public' });
    const asPublicStaff = await system.http.get('/cases').set(staffOfThePublic).expect(401);
    expect(asPublicStaff.body).toMatchObject({
      code: 'AUTH_TOKEN_INVALID',
      message: expect.stringContaining('public'),
    });
    const nowhere = await system.auth({ id: 'x2', name: '无名', role: 'applicant', department: 'no-such-department' });
    await system.http.get('/cases').set(nowhere).expect(401);
    const auditorInADepartment = await system.auth({
      id: 'x3',
      name: '某人',
      role: 'auditor',
      department: 'cq-health',
    });
    await system.http.get('/cases').set(auditorInADepartment).expect(401);
    await system.http.get('/cases').set(system.as('citizen-zhang')).expect(200);
  });

  it('sends security headers and no X-Powered-By, on the API and on /docs', async () => {
    for (const path of ['/health', '/docs']) {
      const response = await system.http.get(path);
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(response.headers['content-security-policy']).toContain("default-src 'self'");
      expect(response.headers['x-powered-by']).toBeUndefined();
    }
  });
});
