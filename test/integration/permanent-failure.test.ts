import { ShareGrantRepository } from '../../src/grants/share-grant.repository.js';
import { complete, eventually, requestShare } from '../support/case-helpers.js';
import { startTestSystem, type TestSystem } from '../support/test-system.js';

/** A grant repository whose every write PostgreSQL refuses for good (as a NUL byte in a text would be). */
class RefusingGrants extends ShareGrantRepository {
  override record(): Promise<void> {
    return Promise.reject(
      Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), { code: '22021' }),
    );
  }
}

describe('a permanent failure in an activity', () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startTestSystem({ repositoryOverrides: { grants: new RefusingGrants(undefined as never) } });
  });
  afterAll(() => system.close());

  it('ends the case visibly as failed with the cause, instead of retrying for ever', async () => {
    const body = {
      resourceId: 'hr-land-registration',
      items: ['owner'],
      purpose: '社会救助家庭经济状况核对',
      scenario: '低保申请审核',
    };
    const started = await requestShare(system, 'hr-civil-xu', body).expect(201);
    await complete(system, 'hr-land-ma', started.body.steps[0].taskId, { decision: 'approve' });
    const description = await eventually(async () => {
      const described = await system.client.workflow.getHandle(started.body.caseId).describe();
      expect(described.status.name).toBe('FAILED');
      return described;
    }, 15_000);
    expect(description.status.name).toBe('FAILED');
    const cause = await system.client.workflow
      .getHandle(started.body.caseId)
      .result()
      .then(
        () => 'completed',
        (error: Error & { cause?: Error }) => error.cause?.message,
      );
    expect(cause).toMatch(/^recordGrant: PostgreSQL refused the data \(SQLSTATE 22021\)/);
  });
});
