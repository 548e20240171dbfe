import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { complete, eventually, requestShare, sql } from '../support/case-helpers.js';
import { startTestSystem, type TestSystem } from '../support/test-system.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const request = {
  resourceId: 'cq-psb-household',
  items: ['id-no'],
  purpose: '医保关系转移',
  scenario: '跨区参保人员核验',
};

/** The production worker entry point (built by ./scripts/test), as its own process. */
function startWorkerProcess(system: TestSystem): ChildProcess {
  return spawn(process.execPath, [path.join(root, 'dist', 'src', 'worker.js')], {
    env: { ...process.env, TEMPORAL_TASK_QUEUE: system.config.TEMPORAL_TASK_QUEUE, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

async function kill(worker: ChildProcess): Promise<void> {
  const exited = once(worker, 'exit');
  worker.kill('SIGKILL');
  await exited;
}

describe('a worker killed in the middle of a case', () => {
  let system: TestSystem;
  let worker: ChildProcess | undefined;
  beforeAll(async () => {
    system = await startTestSystem({ withoutWorker: true });
  });
  afterAll(async () => {
    if (worker && worker.exitCode === null) await kill(worker);
    await system.close();
  });

  it('loses no case and duplicates no task across a SIGKILL and restart', async () => {
    worker = startWorkerProcess(system);
    const first = await requestShare(system, 'cq-health-liu', request).expect(201);
    expect(first.body.state).toBe('under-review');
    const firstTask = first.body.steps[0].taskId;

    await kill(worker);
    // Accepted while no worker runs: the case waits in Temporal, shown as received.
    const second = await requestShare(system, 'cq-health-liu', request).expect(202);
    expect(second.body.state).toBe('received');
    // Its applicant reads it as received from its row, without waiting on a query no worker can answer.
    const read = await system.http
      .get(`/cases/${second.body.caseId}`)
      .set(system.as('cq-health-liu'))
      .timeout(5000)
      .expect(200);
    expect(read.body).toMatchObject({ caseId: second.body.caseId, state: 'received', steps: [] });

    worker = startWorkerProcess(system);
    await eventually(async () => {
      const rows = await sql(system, 'select id from inbox_task where case_id = ?', [second.body.caseId]);
      expect(rows).toHaveLength(1);
    });
    await complete(system, 'cq-psb-sun', firstTask, { decision: 'approve' }).expect(200);

    for (const caseId of [first.body.caseId, second.body.caseId]) {
      expect(
        await sql(system, "select step_id, kind from inbox_task where case_id = ? and kind = 'decision'", [caseId]),
      ).toEqual([{ step_id: 'provider-review', kind: 'decision' }]);
    }
    expect(
      await sql(system, 'select count(*)::int as n from share_grant where case_id = ?', [first.body.caseId]),
    ).toEqual([{ n: 1 }]);
  });
});
