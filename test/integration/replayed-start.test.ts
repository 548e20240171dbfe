import { complete, HUARONG_SHARE, requestShare } from '../support/case-helpers.js';
import { startTestSystem, type TestSystem } from '../support/test-system.js';

const body = HUARONG_SHARE;
const REPLAYS = 2_500;
const CONCURRENCY = 10;

describe('a start replayed with its Idempotency-Key', () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startTestSystem();
  });
  afterAll(() => system.close());

  it(`answers ${REPLAYS} replays with the same case, sends the case no update, and the case is still decided`, async () => {
    const headers = { 'Idempotency-Key': `replayed-start-${Date.now()}` };
    const first = await requestShare(system, 'hr-civil-xu', body, headers).expect(201);
    const { caseId } = first.body;
    const answers = new Map<string, number>();
    let sent = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (sent < REPLAYS) {
          sent += 1;
          const replay = await requestShare(system, 'hr-civil-xu', body, headers);
          const key = `${replay.status} ${replay.body.caseId}`;
          answers.set(key, (answers.get(key) ?? 0) + 1);
        }
      }),
    );
    expect([...answers.entries()]).toEqual([[`200 ${caseId}`, sent]]);

    // Only the first start's update (its first step) is in the history: replays are answered without one.
    const history = await system.client.workflow.getHandle(caseId).fetchHistory();
    const updates = (history.events ?? []).filter((e) => e.workflowExecutionUpdateAcceptedEventAttributes);
    expect(updates).toHaveLength(1);

    const decided = await complete(system, 'hr-land-ma', first.body.steps[0].taskId, { decision: 'approve' }).expect(
      200,
    );
    expect(decided.body).toMatchObject({ caseId, state: 'granted', closed: true });
  }, 300_000);
});
