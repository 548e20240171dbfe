import { complete, reportError } from '../support/case-helpers.js';
import { ShortCalendar } from '../support/short-calendar.js';
import { startTestSystem, type TestSystem } from '../support/test-system.js';

const report = { resourceId: 'cq-psb-household', items: ['moved-to'], description: '迁入地登记为渝中区，实际为江北区' };

describe('typed decisions: the task keeps its schema and the API applies it before the engine', () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startTestSystem({ calendar: new ShortCalendar(3_600_000) });
  });
  afterAll(() => system.close());

  it('shows the decisions a task accepts and what each needs', async () => {
    const started = await reportError(system, 'citizen-zhang', report).expect(201);
    const task = await system.http
      .get(`/tasks/${encodeURIComponent(started.body.steps[0].taskId)}`)
      .set(system.as('cq-psb-sun'))
      .expect(200);
    expect(task.body.decisionSchema.options.map((o: any) => o.decision)).toEqual(['confirm', 'not-an-error']);
    const confirm = task.body.decisionSchema.options[0];
    expect(confirm.details).toEqual([
      expect.objectContaining({
        key: 'whatChanged',
        required: true,
        missing: expect.objectContaining({ code: 'WHAT_CHANGED_REQUIRED' }),
      }),
    ]);
  });

  it('refuses a bad decision with field errors while no worker runs (so the engine was never asked), then takes a good one', async () => {
    const started = await reportError(system, 'citizen-zhang', report).expect(201);
    const taskId = started.body.steps[0].taskId;
    await system.stopWorker();
    try {
      const missing = await complete(system, 'cq-psb-sun', taskId, { decision: 'confirm' }).expect(400);
      expect(missing.body).toMatchObject({
        code: 'WHAT_CHANGED_REQUIRED',
        errors: [
          {
            field: 'details.whatChanged',
            code: 'WHAT_CHANGED_REQUIRED',
            message: '请在 details.whatChanged 中说明更正内容',
          },
        ],
      });
      const wrong = await complete(system, 'cq-psb-sun', taskId, { decision: 'approve' }).expect(400);
      expect(wrong.body).toMatchObject({ code: 'DECISION_NOT_ALLOWED', errors: [{ field: 'decision' }] });
      const extra = await complete(system, 'cq-psb-sun', taskId, {
        decision: 'confirm',
        details: { whatChanged: '已更正', manner: 'x' },
      })
        .set('Accept-Language', 'en')
        .expect(400);
      expect(extra.body).toMatchObject({
        code: 'UNKNOWN_DETAIL',
        errors: [{ field: 'details.manner', message: expect.stringContaining('whatChanged') }],
      });
    } finally {
      await system.startWorker();
    }
    const decided = await complete(system, 'cq-psb-sun', taskId, {
      decision: 'confirm',
      details: { whatChanged: '迁入地更正为江北区' },
    }).expect(200);
    expect(decided.body).toMatchObject({
      state: 'corrected',
      closed: true,
      outcome: { correction: { whatChanged: '迁入地更正为江北区' } },
    });
  });
});
