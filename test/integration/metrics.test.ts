import { createServer } from 'node:net';
import pino from 'pino';
import { installTemporalRuntime } from '../../src/engine/temporal-runtime.js';
import { complete, eventually, HUARONG_SHARE, requestShare } from '../support/case-helpers.js';
import { startTestSystem, type TestSystem } from '../support/test-system.js';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return typeof address === 'object' && address ? address.port : 0;
}

/** The value of one sample line (`name{labels} value`), or undefined when the series is absent. */
function sample(text: string, name: string, labels: Record<string, string>): number | undefined {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  const line = text.split('\n').find((l) => l.startsWith(`${name}{`) && wanted.every((w) => l.includes(w)));
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1));
}

describe('Prometheus metrics: the API at /metrics, the worker from the Temporal SDK exporter', () => {
  let system: TestSystem;
  let workerMetrics: string;
  beforeAll(async () => {
    const port = await freePort();
    workerMetrics = `http://127.0.0.1:${port}/metrics`;
    // The worker process does the same with WORKER_METRICS_ADDRESS (src/worker.ts).
    installTemporalRuntime(pino({ level: 'warn' }), `127.0.0.1:${port}`);
    system = await startTestSystem();
  });
  afterAll(() => system.close());

  it('counts requests by route template and status, cases started, open tasks and breaches, without a token', async () => {
    const started = await requestShare(system, 'hr-civil-xu', HUARONG_SHARE).expect(201);
    await system.http.get(`/cases/${started.body.caseId}`).set(system.as('hr-civil-xu')).expect(200);
    await system.http.get('/cases/no-such-case').set(system.as('hr-civil-xu')).expect(404);

    const scraped = await system.http.get('/metrics').expect(200);
    expect(scraped.headers['content-type']).toMatch(/^text\/plain/);
    const text = scraped.text;
    const route = (r: string, status: string) =>
      sample(text, 'approvals_http_request_duration_seconds_count', { method: 'GET', route: r, status });
    expect(route('/cases/:id', '200')).toBeGreaterThanOrEqual(1);
    expect(route('/cases/:id', '404')).toBeGreaterThanOrEqual(1);
    expect(text).not.toContain(started.body.caseId);
    expect(
      sample(text, 'approvals_cases_started_total', {
        procedure: 'share-request',
        pack: 'huarong-2021',
        status: '201',
      }),
    ).toBe(1);
    expect(
      sample(text, 'approvals_cases', { procedure: 'share-request', pack: 'huarong-2021', closed: 'false' }),
    ).toBeGreaterThanOrEqual(1);
    expect(
      sample(text, 'approvals_open_tasks', {
        department: 'hr-natural-resources',
        procedure: 'share-request',
        kind: 'decision',
      }),
    ).toBeGreaterThanOrEqual(1);
    for (const name of ['approvals_breaches', 'approvals_open_incidents', 'approvals_archive_lag_seconds']) {
      expect(text).toContain(`# TYPE ${name} gauge`);
    }
    expect(text).toContain('approvals_api_process_cpu_seconds_total');

    await complete(system, 'hr-land-ma', started.body.steps[0].taskId, { decision: 'approve' }).expect(200);
    const after = (await system.http.get('/metrics').expect(200)).text;
    expect(
      sample(after, 'approvals_cases', { procedure: 'share-request', pack: 'huarong-2021', closed: 'true' }),
    ).toBeGreaterThanOrEqual(1);
  });

  it('serves the Temporal SDK’s worker metrics (workflow and activity tasks, polls)', async () => {
    await eventually(async () => {
      const response = await fetch(workerMetrics);
      expect(response.status).toBe(200);
      const text = await response.text();
      expect(text).toMatch(/^temporal_workflow_task\w*\{/m);
      expect(text).toMatch(/^temporal_\w*activity\w*\{/m);
    });
  });
});
