import { setTimeout as sleep } from 'node:timers/promises';
import { eventually, HUARONG_SHARE, requestShare, sql } from '../support/case-helpers.js';
import { lockTable } from '../support/table-lock.js';
import { startTestSystem, type TestSystem } from '../support/test-system.js';

describe('Load shedding: past START_CONCURRENCY starts at once, a start is answered at once with 503', () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startTestSystem({ env: { START_CONCURRENCY: '2' } });
  });
  afterAll(() => system.close());

  it('sheds the excess with 503 + Retry-After, creates nothing for it, and accepts the rest', async () => {
    const keys = Array.from({ length: 12 }, (_, i) => `shed-${Date.now()}-${i}`);
    const answers = await Promise.all(
      keys.map((key) => requestShare(system, 'hr-civil-xu', HUARONG_SHARE, { 'Idempotency-Key': key })),
    );
    const shed = answers.filter((a) => a.status === 503);
    // Taken on: 201 with the first step, or 202 should a slow machine not reach it within twice the latency target.
    const accepted = answers.filter((a) => a.status === 201 || a.status === 202);
    expect(shed.length + accepted.length).toBe(keys.length);
    expect(shed.length).toBeGreaterThan(0);
    expect(accepted.length).toBeGreaterThanOrEqual(2);
    for (const a of shed) {
      expect(a.body).toMatchObject({ code: 'TOO_BUSY' });
      expect(a.headers['retry-after']).toBeDefined();
    }
    const rows = await sql<{ idempotency_key: string }>(
      system,
      `select idempotency_key from case_record where idempotency_key like 'shed-%'`,
    );
    expect(rows.map((r) => r.idempotency_key).sort()).toEqual(keys.filter((_, i) => answers[i].status !== 503).sort());
    // Once the burst is over, a retry of a shed request goes through.
    const again = keys[answers.findIndex((a) => a.status === 503)];
    await requestShare(system, 'hr-civil-xu', HUARONG_SHARE, { 'Idempotency-Key': again }).expect(201);
  });
});

describe('Load shedding by start time: while recent starts take longer than START_LATENCY_TARGET_MS', () => {
  let system: TestSystem;
  beforeAll(async () => {
    // Every real start takes longer than 1 ms: the system counts as saturated from the first one on.
    system = await startTestSystem({
      env: { START_CONCURRENCY: '64', START_LATENCY_TARGET_MS: '1', START_SATURATED_CONCURRENCY: '1' },
    });
  });
  afterAll(() => system.close());

  it('takes on only START_SATURATED_CONCURRENCY starts at once, answered without waiting past the target; sheds the rest with 503 + Retry-After', async () => {
    // The first start is taken on (nothing is known yet), and is itself answered by the 1 ms target once it has run
    // twice that long: 202 unless its first step came quicker than the next check.
    const first = await requestShare(system, 'hr-civil-xu', HUARONG_SHARE);
    expect([201, 202]).toContain(first.status);
    const stamp = `slow-${Date.now()}`;
    const keys = Array.from({ length: 6 }, (_, i) => `${stamp}-${i}`);
    const answers = await Promise.all(
      keys.map((key) => requestShare(system, 'hr-civil-xu', HUARONG_SHARE, { 'Idempotency-Key': key })),
    );
    // Those taken on (one at a time: an early answer frees the place for a later arrival) do not wait for their
    // first step past the 1 ms target: 202, the case received and started. The rest are shed.
    const statuses = answers.map((a) => a.status);
    expect(statuses.every((s) => s === 202 || s === 503)).toBe(true);
    expect(statuses).toContain(202);
    expect(statuses).toContain(503);
    for (const taken of answers.filter((a) => a.status === 202)) {
      expect(taken.body).toMatchObject({ state: 'received', steps: [] });
      await eventually(async () => {
        const status = await system.http.get(`/cases/${taken.body.caseId}`).set(system.as('hr-civil-xu')).expect(200);
        expect(status.body.steps).toHaveLength(1);
      });
    }
    for (const a of answers.filter((x) => x.status === 503)) {
      expect(a.body).toMatchObject({ code: 'TOO_BUSY' });
      expect(a.headers['retry-after']).toBeDefined();
    }
    const rows = await sql<{ idempotency_key: string }>(
      system,
      `select idempotency_key from case_record where idempotency_key like ?`,
      [`${stamp}-%`],
    );
    expect(rows.map((r) => r.idempotency_key).sort()).toEqual(keys.filter((_, i) => answers[i].status === 202).sort());

    // A replay of a case past its first step is a read of its row: answered while new starts in the same burst are
    // shed.
    const taken = answers.find((a) => a.status === 202)!;
    const takenKey = keys[answers.indexOf(taken)];
    const burst = await Promise.all([
      ...Array.from({ length: 6 }, () =>
        requestShare(system, 'hr-civil-xu', HUARONG_SHARE, { 'Idempotency-Key': takenKey }),
      ),
      ...Array.from({ length: 6 }, (_, i) =>
        requestShare(system, 'hr-civil-xu', HUARONG_SHARE, { 'Idempotency-Key': `busy-${stamp}-${i}` }),
      ),
    ]);
    expect(burst.slice(0, 6).map((a) => `${a.status} ${a.body.caseId}`)).toEqual(
      Array(6).fill(`200 ${taken.body.caseId}`),
    );
    expect(burst.slice(6).map((a) => a.status)).toContain(503);
  });
});

describe('The queue limit: START_QUEUE_LIMIT_MS counts the wait before a start has its turn, not its own work', () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startTestSystem({ env: { START_QUEUE_LIMIT_MS: '200' } });
  });
  afterAll(() => system.close());

  it('takes on a start whose own read of its Idempotency-Key waits on the database longer than the limit', async () => {
    // The start's first read (its key) waits until the lock is released.
    const lock = await lockTable(system, 'case_record', 'access exclusive');
    try {
      const key = `own-read-${Date.now()}`;
      const sentAt = performance.now();
      const answer = requestShare(system, 'hr-civil-xu', HUARONG_SHARE, { 'Idempotency-Key': key }).then((r) => r);
      await sleep(600);
      await lock.release();
      const started = await answer;
      expect(performance.now() - sentAt).toBeGreaterThanOrEqual(600);
      expect([started.status, started.body.code]).toEqual([201, undefined]);
      expect(started.body.steps).toHaveLength(1);
    } finally {
      await lock.release();
    }
  });
});
