import { caseStatus, complete, eventually, HUARONG_SHARE, inbox, requestShare } from '../../support/case-helpers.js';
import { lockTable } from '../../support/table-lock.js';
import { startTestSystem, type TestSystem } from '../../support/test-system.js';

describe('A case answered before its first step shows that step once its task is in the inbox', () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startTestSystem();
  });
  afterAll(() => system.close());

  it('does not show the step while its task is still being written, and shows it, decidable, after', async () => {
    // The first step's task (and the case row with it) waits to be written until the lock is released.
    const lock = await lockTable(system, 'inbox_task', 'exclusive');
    try {
      const started = await requestShare(system, 'hr-civil-xu', HUARONG_SHARE).set('Prefer', 'respond-async');
      expect(started.status).toBe(202);
      const { caseId } = started.body;
      await eventually(async () => expect(await lock.waiting()).toBeGreaterThan(0));

      // The workflow has planned the step and is writing its task (the workflow task holds until it is written): the
      // applicant sees the case as received, with no step whose task id would lead nowhere yet.
      const meanwhile = await caseStatus(system, 'hr-civil-xu', caseId).expect(200);
      expect([meanwhile.body.state, meanwhile.body.steps]).toEqual(['received', []]);
      expect(await inbox(system, 'hr-land-ma')).not.toContainEqual(expect.objectContaining({ caseId }));

      await lock.release();
      const shown = await eventually(async () => {
        const status = await caseStatus(system, 'hr-civil-xu', caseId).expect(200);
        expect(status.body.steps).toHaveLength(1);
        return status.body;
      });
      const decided = await complete(system, 'hr-land-ma', shown.steps[0].taskId, { decision: 'approve' });
      expect([decided.status, decided.body.state]).toEqual([200, 'granted']);
    } finally {
      await lock.release();
    }
  });
});
