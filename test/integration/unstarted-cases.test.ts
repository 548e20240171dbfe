import { jest } from '@jest/globals';
import { UnstartedCaseSweeper } from '../../src/cases/unstarted-case-sweeper.js';
import { CaseEngine, type StartAttempt } from '../../src/engine/case-engine.js';
import { engineUnavailable } from '../../src/engine/engine-errors.js';
import { caseStatus, eventually, HUARONG_SHARE, requestShare, sql } from '../support/case-helpers.js';
import { startTestSystem, type TestSystem } from '../support/test-system.js';

/** The row as the start left it, and the open tasks of its case. */
async function rowOf(system: TestSystem, caseId: string) {
  const [row] = await sql<{ state: string; received_at: string; unstarted: boolean; open: number }>(
    system,
    `select c.state, c.received_at, c.start_input is not null as unstarted,
            (select count(*)::int from inbox_task t where t.case_id = c.id and t.status = 'open') as open
       from case_record c where c.id = ?`,
    [caseId],
  );
  return row;
}

describe('cases registered whose workflow never started', () => {
  let system: TestSystem;
  let engine: CaseEngine;
  let sweeper: UnstartedCaseSweeper;
  beforeAll(async () => {
    // The timer's passes are left out: the test runs each pass itself.
    system = await startTestSystem({ env: { REQUEST_TIMEOUT_MS: '5000', UNSTARTED_SWEEP_SECONDS: '0' } });
    engine = system.app.get(CaseEngine);
    sweeper = system.app.get(UnstartedCaseSweeper);
  });
  afterAll(() => system.close());
  afterEach(() => jest.restoreAllMocks());

  it('starts the workflow of a start cut off after its row (the API stopped there), counting from its receipt', async () => {
    // The process goes no further than the row: the engine never hears of the case.
    const stopped = new Promise<never>(() => undefined);
    jest
      .spyOn(engine, 'startCase')
      .mockImplementationOnce((): StartAttempt => ({ started: stopped, firstStep: stopped }));
    const key = `cut-off-${Date.now()}`;
    const cutOff = await requestShare(system, 'hr-civil-xu', HUARONG_SHARE, { 'Idempotency-Key': key }).expect(503);
    expect(cutOff.body.code).toBe('REQUEST_TIMEOUT');
    const [{ id: caseId }] = await sql<{ id: string }>(system, 'select id from case_record where idempotency_key = ?', [
      key,
    ]);
    expect(await engine.existence(caseId)).toBe('absent');
    const registered = await rowOf(system, caseId);
    expect(registered).toMatchObject({ state: 'received', unstarted: true, open: 0 });

    // Not yet past the grace time: left alone.
    expect((await sweeper.runOnce()).started).toEqual([]);
    const swept = await sweeper.runOnce(0);
    expect(swept.started).toEqual([caseId]);

    await eventually(async () =>
      expect(await rowOf(system, caseId)).toMatchObject({ state: 'under-review', unstarted: false, open: 1 }),
    );
    const status = (await caseStatus(system, 'hr-civil-xu', caseId).expect(200)).body;
    expect(new Date(status.receivedAt).getTime()).toBe(new Date(registered!.received_at).getTime());
    expect(new Date(status.steps[0].due.from).getTime()).toBe(new Date(registered!.received_at).getTime());
    // Started once: a second pass finds nothing left to do.
    expect(await sweeper.runOnce(0)).toEqual({ started: [], confirmed: 0, refused: [] });
  });

  it('answers as received a start the engine could not say anything about, and the sweeper starts it', async () => {
    jest.spyOn(engine, 'startCase').mockImplementationOnce((): StartAttempt => {
      const failed = Promise.reject(engineUnavailable());
      failed.catch(() => undefined);
      return { started: failed, firstStep: failed };
    });
    jest.spyOn(engine, 'existence').mockResolvedValueOnce('unknown');
    const answered = await requestShare(system, 'hr-civil-xu', HUARONG_SHARE).expect(202);
    expect(answered.body).toMatchObject({ state: 'received', steps: [] });
    const caseId: string = answered.body.caseId;
    expect(await rowOf(system, caseId)).toMatchObject({ state: 'received', unstarted: true });
    // Its applicant reads it as its start answered, though the engine has not heard of it yet.
    expect(await engine.existence(caseId)).toBe('absent');
    const read = await caseStatus(system, 'hr-civil-xu', caseId).expect(200);
    expect(read.body).toMatchObject({ caseId, state: 'received', steps: [] });

    expect((await sweeper.runOnce(0)).started).toEqual([caseId]);
    await eventually(async () => expect(await rowOf(system, caseId)).toMatchObject({ unstarted: false, open: 1 }));
  });

  it('leaves alone a case whose workflow runs: its first write drops the start input', async () => {
    const started = await requestShare(system, 'hr-civil-xu', HUARONG_SHARE).expect(201);
    expect(await rowOf(system, started.body.caseId)).toMatchObject({ unstarted: false, open: 1 });
    expect((await sweeper.runOnce(0)).started).not.toContain(started.body.caseId);
  });

  it('stops a pass while the engine does not answer, and starts nothing it could not check', async () => {
    const stopped = new Promise<never>(() => undefined);
    jest
      .spyOn(engine, 'startCase')
      .mockImplementationOnce((): StartAttempt => ({ started: stopped, firstStep: stopped }));
    await requestShare(system, 'hr-civil-xu', HUARONG_SHARE).expect(503);
    const unsure = jest.spyOn(engine, 'existence').mockResolvedValue('unknown');
    const start = jest.spyOn(engine, 'startCase');
    start.mockClear();
    expect(await sweeper.runOnce(0)).toEqual({ started: [], confirmed: 0, refused: [] });
    expect(start).not.toHaveBeenCalled();
    unsure.mockRestore();
    expect((await sweeper.runOnce(0)).started).toHaveLength(1);
  });

  it('goes on past a case the engine refuses to start, and tries it again at the next pass', async () => {
    const stopped = new Promise<never>(() => undefined);
    const cutOff = (): StartAttempt => ({ started: stopped, firstStep: stopped });
    jest.spyOn(engine, 'startCase').mockImplementationOnce(cutOff).mockImplementationOnce(cutOff);
    await Promise.all([1, 2].map(() => requestShare(system, 'hr-civil-xu', HUARONG_SHARE).expect(503)));
    // The older of the two is refused (a permanent error, not the engine out of reach); the newer still starts.
    const refusal = Promise.reject(new Error('INVALID_ARGUMENT: refused by the engine'));
    refusal.catch(() => undefined);
    jest.spyOn(engine, 'startCase').mockImplementationOnce((): StartAttempt => ({ started: refusal }));
    const swept = await sweeper.runOnce(0);
    expect(swept.refused).toHaveLength(1);
    expect(swept.started).toHaveLength(1);
    expect(swept.started[0]).not.toBe(swept.refused[0]);
    expect(await rowOf(system, swept.refused[0]!)).toMatchObject({ state: 'received', unstarted: true });
    expect((await sweeper.runOnce(0)).started).toEqual(swept.refused);
  });
});
