import type { EntityManager } from '@mikro-orm/postgresql';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Repositories } from '../../src/database/repositories.js';
import { InboxTaskRepository } from '../../src/tasks/inbox-task.repository.js';
import type { InboxTaskInput } from '../../workflows/contracts/inbox.js';
import { caseStatus, eventually, HUARONG_SHARE, requestShare } from '../support/case-helpers.js';
import { startTestSystem, type TestSystem } from '../support/test-system.js';

/** The worker's inbox, whose task writes wait until the test lets them go on. */
class HeldInbox extends InboxTaskRepository {
  private gate?: { opened: Promise<void>; open(): void };
  holding = 0;
  /** While true, every write fails as a lost connection does (retried). */
  failing = false;

  hold(): void {
    let open!: () => void;
    const opened = new Promise<void>((resolve) => (open = resolve));
    this.gate = { opened, open };
  }

  letGo(): void {
    this.gate?.open();
    this.gate = undefined;
  }

  override async open(task: InboxTaskInput, em?: EntityManager): Promise<void> {
    if (this.failing) throw new Error('Connection terminated unexpectedly');
    if (this.gate) {
      this.holding += 1;
      await this.gate.opened;
    }
    return super.open(task, em);
  }
}

/**
 * A step the case shows has its task in the inbox: whoever reads the case (the applicant following a case answered
 * 202, before its row shows the step) and acts on the step's task does not meet a task that is not there yet.
 */
describe('a step shown by the case', () => {
  let system: TestSystem;
  let inbox: HeldInbox;
  beforeAll(async () => {
    const overrides: Partial<Repositories> = {};
    system = await startTestSystem({ repositoryOverrides: overrides, withoutWorker: true });
    inbox = new HeldInbox(system.orm);
    overrides.inbox = inbox;
    await system.startWorker();
  });
  afterAll(async () => {
    inbox.letGo();
    await system.close();
  });

  it('is shown only once its task is written', async () => {
    inbox.hold();
    const started = await requestShare(system, 'hr-civil-xu', HUARONG_SHARE).set('Prefer', 'respond-async').expect(202);
    const { caseId } = started.body;
    await eventually(async () => expect(inbox.holding).toBe(1));
    // The task's write is under way: the case, read from the engine meanwhile, shows no step yet.
    for (let read = 0; read < 3; read += 1) {
      const seen = await caseStatus(system, 'hr-civil-xu', caseId).expect(200);
      expect(seen.body.steps).toEqual([]);
      expect(seen.body.waitingFor ?? []).toEqual([]);
      await sleep(200);
    }
    inbox.letGo();
    const step = await eventually(async () => {
      const seen = await caseStatus(system, 'hr-civil-xu', caseId).expect(200);
      expect(seen.body.steps).toHaveLength(1);
      return seen.body.steps[0];
    });
    await system.http
      .get(`/tasks/${encodeURIComponent(step.taskId)}`)
      .set(system.as('hr-land-ma'))
      .expect(200);
  });

  it('is not shown while its task’s write keeps failing and is retried', async () => {
    inbox.failing = true;
    const started = await requestShare(system, 'hr-civil-xu', HUARONG_SHARE).set('Prefer', 'respond-async').expect(202);
    const { caseId } = started.body;
    const shownTooEarly: string[] = [];
    const until = Date.now() + 14_000;
    while (Date.now() < until) {
      const seen = await caseStatus(system, 'hr-civil-xu', caseId).expect(200);
      if (seen.body.steps.length > 0) shownTooEarly.push(`${seen.body.state} ${seen.body.steps[0].taskId}`);
      await sleep(500);
    }
    inbox.failing = false;
    expect(shownTooEarly).toEqual([]);
    const step = await eventually(async () => {
      const seen = await caseStatus(system, 'hr-civil-xu', caseId).expect(200);
      expect(seen.body.steps).toHaveLength(1);
      return seen.body.steps[0];
    }, 40_000);
    await system.http
      .get(`/tasks/${encodeURIComponent(step.taskId)}`)
      .set(system.as('hr-land-ma'))
      .expect(200);
  }, 60_000);
});
