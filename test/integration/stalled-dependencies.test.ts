import { complete, eventually, HUARONG_SHARE, requestShare, sql } from '../support/case-helpers.js';
import { proxiedDatabase, TcpProxy } from '../support/tcp-proxy.js';
import { startTestSystem, type TestSystem } from '../support/test-system.js';

const LIMIT_MS = 3_000;
// The answer's own time on top of the limit (a loaded CI machine included); far below "hanging".
const SLACK_MS = 2_500;
const env = { REQUEST_TIMEOUT_MS: String(LIMIT_MS) };

/** A request's answer and how long it took. */
async function timed<T>(request: PromiseLike<T>): Promise<{ response: T; ms: number }> {
  const t0 = Date.now();
  const response = await request;
  return { response, ms: Date.now() - t0 };
}

function expectAnsweredUnavailable(answer: { response: { status: number; body: any; headers: any }; ms: number }) {
  expect(answer.response.status).toBe(503);
  expect(['REQUEST_TIMEOUT', 'DATABASE_UNAVAILABLE', 'ENGINE_UNAVAILABLE']).toContain(answer.response.body.code);
  expect(answer.response.body.message).toEqual(expect.any(String));
  expect(answer.response.headers['retry-after']).toBeDefined();
  expect(answer.ms).toBeLessThan(LIMIT_MS + SLACK_MS);
}

async function keyedCases(system: TestSystem, key: string) {
  return sql<{ id: string; open: number }>(
    system,
    `select c.id, (select count(*)::int from inbox_task t where t.case_id = c.id and t.status = 'open') as open
       from case_record c where c.idempotency_key = ?`,
    [key],
  );
}

describe('PostgreSQL paused: nothing passes, nothing is dropped', () => {
  let proxy: TcpProxy;
  let system: TestSystem;
  beforeAll(async () => {
    let databaseUrl: string;
    ({ proxy, databaseUrl } = await proxiedDatabase());
    // The API and the worker reach the database only through the proxy.
    system = await startTestSystem({ databaseUrl, env });
  });
  afterAll(async () => {
    proxy.resume();
    await system.close();
    await proxy.close();
  }, 120_000);

  it('answers 503 within the request limit meanwhile, and a start retried afterwards makes one case', async () => {
    await requestShare(system, 'hr-civil-xu', HUARONG_SHARE).expect(201);
    // A department the API has not seen makes the token's check ask the database, before any handler runs.
    const stranger = await system.auth({
      id: 'stranger',
      name: '未登记',
      role: 'applicant',
      department: 'no-such-dept',
    });
    proxy.stall();
    const key = `stalled-db-${Date.now()}`;
    const [list, started, checked] = await Promise.all([
      timed(system.http.get('/cases').set(system.as('hr-civil-xu'))),
      timed(requestShare(system, 'hr-civil-xu', HUARONG_SHARE, { 'Idempotency-Key': key })),
      timed(system.http.get('/cases').set(stranger)),
    ]);
    expectAnsweredUnavailable(list);
    expectAnsweredUnavailable(started);
    expectAnsweredUnavailable(checked);
    proxy.resume();
    await system.http.get('/cases').set(stranger).expect(401);

    await system.http.get('/cases').set(system.as('hr-civil-xu')).expect(200);
    const retried = await requestShare(system, 'hr-civil-xu', HUARONG_SHARE, { 'Idempotency-Key': key });
    expect([200, 201, 202]).toContain(retried.status);
    await eventually(async () => expect(await keyedCases(system, key)).toEqual([{ id: retried.body.caseId, open: 1 }]));
  }, 120_000);
});

describe('the engine paused: nothing passes, nothing is dropped', () => {
  let proxy: TcpProxy;
  let system: TestSystem;
  beforeAll(async () => {
    const [host, port] = process.env.TEMPORAL_ADDRESS!.split(':');
    proxy = new TcpProxy(host!, Number(port));
    await proxy.start();
    // The API and the worker reach the engine only through the proxy.
    system = await startTestSystem({ temporalAddress: `127.0.0.1:${proxy.port}`, env });
  });
  afterAll(async () => {
    proxy.resume();
    await system.close();
    await proxy.close();
  }, 120_000);

  it('answers a decision and a start 503 within the request limit, and both retried afterwards take effect once', async () => {
    const open = await requestShare(system, 'hr-civil-xu', HUARONG_SHARE).expect(201);
    const taskId: string = open.body.steps[0].taskId;
    proxy.stall();
    const key = `stalled-engine-${Date.now()}`;
    const [decided, started] = await Promise.all([
      timed(complete(system, 'hr-land-ma', taskId, { decision: 'approve' })),
      timed(requestShare(system, 'hr-civil-xu', HUARONG_SHARE, { 'Idempotency-Key': key })),
    ]);
    expectAnsweredUnavailable(decided);
    expectAnsweredUnavailable(started);
    proxy.resume();

    // Whether or not the first reached the case, the same decision sent again is answered with the case granted.
    const again = await complete(system, 'hr-land-ma', taskId, { decision: 'approve' }).expect(200);
    expect(again.body).toMatchObject({ state: 'granted', closed: true });
    const grants = await sql(system, 'select 1 from share_grant where case_id = ?', [open.body.caseId]);
    expect(grants).toHaveLength(1);

    const retried = await requestShare(system, 'hr-civil-xu', HUARONG_SHARE, { 'Idempotency-Key': key });
    expect([200, 201, 202]).toContain(retried.status);
    await eventually(async () => expect(await keyedCases(system, key)).toEqual([{ id: retried.body.caseId, open: 1 }]));
  }, 120_000);
});
