import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { startProcess } from '../../scripts/lib/child-process.js';
import { startEmbeddedPostgres } from '../../scripts/lib/embedded-postgres.js';
import { SupervisedProcess, type RestartPolicy } from '../../scripts/lib/supervised-process.js';
import { eventually } from '../support/case-helpers.js';
import { TEST_DATA_DIR } from '../support/test-environment.js';

const POLICY: RestartPolicy = { firstDelayMs: 50, maxDelayMs: 200, healthyAfterMs: 2_000, maxQuickExits: 5 };

/** A node child that runs `code`. */
const nodeRunning = (code: string) => () => startProcess('child', process.execPath, ['-e', code], { stdio: 'ignore' });
const RUNS_UNTIL_STOPPED = 'setInterval(() => {}, 1000)';
const POSTGRES_PORT = 54391;

/** The postmaster's pid, from the file it writes in its data folder. */
const postmasterPid = (dir: string) => Number(readFileSync(path.join(dir, 'postmaster.pid'), 'utf8').split('\n')[0]);

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** `./scripts/start` keeps its worker and API running as a process manager would. */
describe('a supervised process', () => {
  let supervised: SupervisedProcess | undefined;
  afterEach(() => supervised?.stop());

  it('is started again when it is killed, and not once it is stopped', async () => {
    const lines: string[] = [];
    const gaveUp: number[] = [];
    supervised = new SupervisedProcess(
      'worker',
      nodeRunning(RUNS_UNTIL_STOPPED),
      { log: (line) => lines.push(line), onGiveUp: (code) => gaveUp.push(code) },
      POLICY,
    );
    const first = supervised.child.pid!;
    process.kill(first, 'SIGKILL');
    await eventually(async () => expect(supervised!.restarts).toBe(1), 5_000);
    const second = supervised.child.pid!;
    expect(second).not.toBe(first);
    expect(lines).toEqual(['worker exited (SIGKILL); starting it again in 50 ms']);

    await supervised.stop();
    await sleep(300);
    expect(supervised.restarts).toBe(1);
    expect(() => process.kill(second, 0)).toThrow();
    expect(gaveUp).toEqual([]);
  });

  it('is not started again when it exits while the system is stopping (Ctrl-C reaches every process)', async () => {
    const lines: string[] = [];
    let stopping = false;
    supervised = new SupervisedProcess(
      'temporal',
      nodeRunning(RUNS_UNTIL_STOPPED),
      { log: (line) => lines.push(line), onGiveUp: () => undefined, stopping: () => stopping },
      POLICY,
    );
    stopping = true;
    process.kill(supervised.child.pid!, 'SIGINT');
    await eventually(async () => expect(supervised!.child.exitCode ?? supervised!.child.signalCode).not.toBeNull());
    await sleep(300);
    expect(supervised.restarts).toBe(0);
    expect(lines).toEqual([]);
  });

  it('waits longer after each exit soon after its start, and gives up after a few in a row', async () => {
    const lines: string[] = [];
    const gaveUp: number[] = [];
    supervised = new SupervisedProcess(
      'api',
      nodeRunning('process.exit(3)'),
      { log: (line) => lines.push(line), onGiveUp: (code) => gaveUp.push(code) },
      POLICY,
    );
    await eventually(async () => expect(gaveUp).toEqual([3]), 5_000);
    expect(lines).toEqual([
      'api exited (code 3); starting it again in 50 ms',
      'api exited (code 3); starting it again in 100 ms',
      'api exited (code 3); starting it again in 200 ms',
      'api exited (code 3); starting it again in 200 ms',
      'api exited 5 times in a row soon after starting; giving up',
    ]);
    expect(supervised.restarts).toBe(4);
  });

  it('keeps the embedded PostgreSQL running: killed, it comes back with its data', async () => {
    const dir = path.join(TEST_DATA_DIR, 'supervised-postgres');
    rmSync(dir, { recursive: true, force: true });
    const lines: string[] = [];
    const gaveUp: number[] = [];
    const postgres = await startEmbeddedPostgres(dir, POSTGRES_PORT, {
      log: (line) => lines.push(line),
      onGiveUp: (code) => gaveUp.push(code),
    });
    const rows = async () => {
      const client = new pg.Client({ connectionString: postgres.urlFor('postgres'), connectionTimeoutMillis: 1000 });
      await client.connect();
      try {
        return (await client.query<{ note: string }>('select note from kept')).rows.map((r) => r.note);
      } finally {
        await client.end();
      }
    };
    let last = 0;
    try {
      const client = new pg.Client({ connectionString: postgres.urlFor('postgres') });
      await client.connect();
      await client.query(`create table kept (note text); insert into kept values ('before the kill')`);
      await client.end();
      const first = postmasterPid(dir);
      process.kill(first, 'SIGKILL');
      await eventually(async () => expect(lines).toContain('PostgreSQL is running again'), 40_000);
      expect(lines[0]).toBe('PostgreSQL exited (SIGKILL); starting it again in 1000 ms');
      expect(await rows()).toEqual(['before the kill']);
      last = postmasterPid(dir);
      expect(last).not.toBe(first);
      expect(gaveUp).toEqual([]);
    } finally {
      await postgres.stop();
    }
    expect(isAlive(last)).toBe(false);
  }, 90_000);

  it('stops an embedded PostgreSQL that was killed, unsupervised, without waiting for ever', async () => {
    const dir = path.join(TEST_DATA_DIR, 'killed-postgres');
    rmSync(dir, { recursive: true, force: true });
    const postgres = await startEmbeddedPostgres(dir, POSTGRES_PORT + 1);
    const pid = postmasterPid(dir);
    process.kill(pid, 'SIGKILL');
    await eventually(async () => expect(isAlive(pid)).toBe(false));
    await sleep(200);
    await postgres.stop();
  }, 60_000);
});
