import { setTimeout as sleep } from 'node:timers/promises';
import { startProcess } from '../../scripts/lib/child-process.js';
import { SupervisedProcess, type RestartPolicy } from '../../scripts/lib/supervised-process.js';
import { eventually } from '../support/case-helpers.js';

const POLICY: RestartPolicy = { firstDelayMs: 50, maxDelayMs: 200, healthyAfterMs: 2_000, maxQuickExits: 5 };

/** A node child that runs `code`. */
const nodeRunning = (code: string) => () => startProcess('child', process.execPath, ['-e', code], { stdio: 'ignore' });
const RUNS_UNTIL_STOPPED = 'setInterval(() => {}, 1000)';

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
      (line) => lines.push(line),
      (code) => gaveUp.push(code),
      POLICY,
    );
    const first = supervised.pid!;
    process.kill(first, 'SIGKILL');
    await eventually(async () => expect(supervised!.restarts).toBe(1), 5_000);
    const second = supervised.pid!;
    expect(second).not.toBe(first);
    expect(lines).toEqual(['worker exited (SIGKILL); starting it again in 50 ms']);

    await supervised.stop();
    await sleep(300);
    expect(supervised.restarts).toBe(1);
    expect(() => process.kill(second, 0)).toThrow();
    expect(gaveUp).toEqual([]);
  });

  it('waits longer after each exit soon after its start, and gives up after a few in a row', async () => {
    const lines: string[] = [];
    const gaveUp: number[] = [];
    supervised = new SupervisedProcess(
      'api',
      nodeRunning('process.exit(3)'),
      (line) => lines.push(line),
      (code) => gaveUp.push(code),
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
});
