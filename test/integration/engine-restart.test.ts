import { Client, Connection } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import { caseStatus, complete, eventually, HUARONG_SHARE, inbox, requestShare, sql } from '../support/case-helpers.js';
import { startOwnEngine, type OwnEngine } from '../support/own-engine.js';
import { ShortCalendar } from '../support/short-calendar.js';
import { startTestSystem, type TestSystem } from '../support/test-system.js';

const PORT = 7590;
// Apart from PORT's: a real server takes the ports up to about 60 above its own.
const SUPERVISED_PORT = 7700;
const body = HUARONG_SHARE;

describe('the engine killed and started again with open cases', () => {
  let engine: OwnEngine;
  let system: TestSystem;
  beforeAll(async () => {
    engine = await startOwnEngine('engine-restart', PORT, true);
    // One working day lasts 2 s: the 5-day review falls due while the engine is down or just after.
    system = await startTestSystem({ temporalAddress: engine.address, calendar: new ShortCalendar(2_000) });
  }, 180_000);
  afterAll(async () => {
    await system.close();
    await engine.stop();
  });

  it('resumes every case: status reads go on and decisions answer 503 meanwhile, then the timers fire and decisions go through', async () => {
    const caseIds: string[] = [];
    for (let i = 0; i < 3; i += 1)
      caseIds.push((await requestShare(system, 'hr-civil-xu', body).expect(201)).body.caseId);

    const before = (await caseStatus(system, 'hr-civil-xu', caseIds[0]!).expect(200)).body;
    await engine.kill();
    // The case row answers status reads meanwhile; what needs the engine answers 503.
    expect((await caseStatus(system, 'hr-civil-xu', caseIds[0]!).expect(200)).body).toEqual(before);
    const down = await complete(system, 'hr-land-ma', `${caseIds[0]}.provider-review`, { decision: 'approve' });
    expect(down.status).toBe(503);
    expect(down.body).toMatchObject({ code: 'ENGINE_UNAVAILABLE' });

    engine = await startOwnEngine('engine-restart', PORT, false);
    // The deadlines passed while the engine was down or soon after: every timer fires, once.
    for (const caseId of caseIds) {
      await eventually(async () => {
        const status = await caseStatus(system, 'hr-civil-xu', caseId).expect(200);
        expect(status.body.steps[0]).toMatchObject({ state: 'open', overdue: true });
      }, 60_000);
    }
    await eventually(async () => {
      const breaches = await sql(system, 'select case_id from breach where case_id in (?, ?, ?)', caseIds);
      expect(breaches).toHaveLength(3);
    });
    const tasks = (await inbox(system, 'hr-land-ma')).filter((t) => caseIds.includes(t.caseId));
    expect(tasks.map((t) => t.caseId).sort()).toEqual([...caseIds].sort());

    for (const caseId of caseIds) {
      const decided = await complete(system, 'hr-land-ma', `${caseId}.provider-review`, { decision: 'approve' }).expect(
        200,
      );
      expect(decided.body).toMatchObject({ state: 'granted', closed: true });
    }
    const grants = await sql(system, 'select case_id from share_grant where case_id in (?, ?, ?)', caseIds);
    expect(grants).toHaveLength(3);
  }, 240_000);

  it('comes back by itself when supervised, as ./scripts/start runs it, with a run started before the kill', async () => {
    const lines: string[] = [];
    const kept = await startOwnEngine('engine-supervised', SUPERVISED_PORT, true, {
      log: (line) => lines.push(line),
      onGiveUp: () => undefined,
    });
    const statusOf = async (workflowId: string) => {
      const connection = await Connection.connect({ address: kept.address, connectTimeout: 1000 });
      try {
        return (await new Client({ connection }).workflow.getHandle(workflowId).describe()).status.name;
      } finally {
        await connection.close();
      }
    };
    try {
      const workflowId = `kept-${randomUUID()}`;
      const connection = await Connection.connect({ address: kept.address });
      // No worker needed: the started run is in the engine's state, which is what must survive.
      await new Client({ connection }).workflow.start('anyWorkflow', { taskQueue: 'nobody', workflowId });
      await connection.close();
      await kept.kill();
      await eventually(async () =>
        expect(lines[0]).toMatch(/^temporal(-server)? exited \(SIGKILL\); starting it again in 1000 ms$/),
      );
      await eventually(async () => expect(await statusOf(workflowId)).toBe('RUNNING'), 90_000);
    } finally {
      await kept.stop();
    }
  }, 180_000);
});
