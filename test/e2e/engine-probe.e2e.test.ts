import { startTestSystem, type TestSystem } from '../support/test-system.js';

describe('HTTP → API → Temporal → worker → activity → PostgreSQL', () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startTestSystem();
  });
  afterAll(() => system.close());

  it('computes a due date through a workflow whose activity reads the calendar from PostgreSQL', async () => {
    const response = await system.http
      .post('/engine/probe')
      .set(await system.auth('admin'))
      .send({ receivedAt: '2026-02-12T10:00:00+08:00', workingDays: 3 })
      .expect(200);
    // 2-13 (Fri), 2-14 (Sat, make-up workday), then the Spring Festival until 2-23: 2-24.
    expect(response.body).toMatchObject({
      dueDate: '2026-02-24',
      dueAt: '2026-02-24T16:00:00.000Z',
      provisional: false,
    });
    const history = await system.client.workflow.getHandle(response.body.workflowId).fetchHistory();
    const scheduled = history.events?.filter((e) => e.activityTaskScheduledEventAttributes) ?? [];
    expect(scheduled.map((e) => e.activityTaskScheduledEventAttributes?.activityType?.name)).toEqual([
      'computeDueDate',
    ]);
  });

  it('follows a calendar year loaded through the admin API', async () => {
    const admin = await system.auth('admin');
    const before = await system.http
      .post('/engine/probe')
      .set(admin)
      .send({ receivedAt: '2027-02-04T10:00:00+08:00', workingDays: 3 })
      .expect(200);
    // No 2027 schedule: weekends only, provisional. 2-05 (Fri), 2-08, 2-09.
    expect(before.body).toMatchObject({ dueDate: '2027-02-09', provisional: true, provisionalYears: [2027] });

    const loaded = await system.http
      .put('/calendar/years/2027')
      .set(admin)
      .send({
        notices: [
          { title: '2027年部分节假日安排（测试数据）', url: 'https://www.gov.cn/test-2027', publishedOn: '2026-11-10' },
        ],
        days: ['2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11', '2027-02-12']
          .map((date) => ({ date, kind: 'off', name: '春节' }))
          .concat([{ date: '2027-02-13', kind: 'workday', name: '春节调休上班' }]),
      })
      .expect(200);
    // The year's recompute runs on this system's queue; the last test expects nothing running there.
    await system.client.workflow.getHandle(loaded.body.recompute.workflowId).result();

    const after = await system.http
      .post('/engine/probe')
      .set(admin)
      .send({ receivedAt: '2027-02-04T10:00:00+08:00', workingDays: 3 })
      .expect(200);
    // 2-05 (Fri), holiday until 2-12, 2-13 (Sat, make-up), 2-15 (Mon).
    expect(after.body).toMatchObject({ dueDate: '2027-02-15', provisional: false });
  });

  it('answers a bad probe with 400 and starts no workflow', async () => {
    const response = await system.http
      .post('/engine/probe')
      .set(await system.auth('admin'))
      .send({ receivedAt: 'yesterday', workingDays: 3 })
      .expect(400);
    expect(response.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'receivedAt' }] });
    const started = system.client.workflow.list({
      query: `TaskQueue = '${system.config.TEMPORAL_TASK_QUEUE}' AND ExecutionStatus = 'Running'`,
    });
    for await (const execution of started) throw new Error(`unexpected running workflow ${execution.workflowId}`);
  });
});
