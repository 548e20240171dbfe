import { trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { Resource } from '@opentelemetry/resources';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
  type ReadableSpan,
} from '@opentelemetry/sdk-trace-base';
import { Client } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import { dataConverterOf } from '../../src/engine/data-converter.js';
import { ENGINE_PROBE_WORKFLOW, engineProbeWorkflowId } from '../../workflows/contracts/engine-probe.js';
import { complete, eventually, HUARONG_SHARE, recordHistory, requestShare } from '../support/case-helpers.js';
import { startTestSystem, type TestSystem } from '../support/test-system.js';

/** The names of a trace's spans, each with its parent's name. */
const traceOf = (spans: ReadableSpan[], traceId: string) =>
  spans.filter((s) => s.spanContext().traceId === traceId).map((s) => s.name);

describe('OpenTelemetry: one trace from the HTTP request through the workflow to its activities', () => {
  const exporter = new InMemorySpanExporter();
  const spanProcessor = new SimpleSpanProcessor(exporter);
  let system: TestSystem;
  beforeAll(async () => {
    // What startTracing does with an OTLP exporter, with an in-memory one instead.
    const provider = new BasicTracerProvider({ resource: new Resource({ 'service.name': 'test' }) });
    provider.addSpanProcessor(spanProcessor);
    provider.register({ contextManager: new AsyncLocalStorageContextManager().enable() });
    system = await startTestSystem({
      traceExport: { resource: new Resource({ 'service.name': 'test' }), spanProcessor },
    });
  });
  afterAll(() => system.close());

  it('joins the P1 start and decision: request → client call → workflow → activities', async () => {
    const started = await requestShare(system, 'hr-civil-xu', HUARONG_SHARE).expect(201);
    await complete(system, 'hr-land-ma', started.body.steps[0].taskId, { decision: 'approve' }).expect(200);

    const inTraceOf = (request: string) => {
      const spans = exporter.getFinishedSpans();
      const root = spans.find((s) => s.name === request);
      expect(root).toBeDefined();
      // The request span is the root: everything else in the trace hangs under it.
      expect(root!.parentSpanId).toBeUndefined();
      return traceOf(spans, root!.spanContext().traceId);
    };
    await eventually(async () => {
      // The start: the workflow run and the activities it runs (opening the task, later the grant) join it.
      expect(inTraceOf('POST /cases/share-requests')).toEqual(
        expect.arrayContaining(['RunWorkflow:shareRequest', 'RunActivity:openStepTask', 'RunActivity:recordGrant']),
      );
      // The decision: the update, its validator and handler, and the activity the handler runs.
      expect(inTraceOf('POST /tasks/:id/complete')).toEqual(
        expect.arrayContaining([
          'StartWorkflowUpdate:decide',
          'ValidateUpdate:decide',
          'HandleUpdate:decide',
          'StartActivity:completeTask',
          'RunActivity:completeTask',
        ]),
      );
    });
    const decision = exporter.getFinishedSpans().find((s) => s.name === 'POST /tasks/:id/complete')!;
    expect(decision.attributes).toMatchObject({
      'http.route': '/tasks/:id/complete',
      'http.response.status_code': 200,
    });
    await recordHistory(system, started.body.caseId, 'share-request.huarong-2021.traced-when-starter-traces');
  });

  it('traces a run only when its starter traces: one started by a client without tracing makes no workflow spans', async () => {
    const probe = (client: Client, workflowId: string) =>
      client.workflow.execute(ENGINE_PROBE_WORKFLOW, {
        taskQueue: system.config.TEMPORAL_TASK_QUEUE,
        workflowId,
        args: [{ receivedAt: '2026-12-03T02:00:00Z', workingDays: 1 }],
      });
    // A client without the tracing interceptor (the CLI, an API without OTLP): its start carries no trace context,
    // so the run never loads OpenTelemetry.
    const untracedClient = new Client({
      connection: system.client.connection,
      namespace: system.config.TEMPORAL_NAMESPACE,
      dataConverter: dataConverterOf(system.config),
    });
    await probe(untracedClient, engineProbeWorkflowId(`untraced-${randomUUID()}`));
    const traceId = await trace.getTracer('test').startActiveSpan('traced starter', async (span) => {
      await probe(system.client, engineProbeWorkflowId(`traced-${randomUUID()}`));
      span.end();
      return span.spanContext().traceId;
    });
    await eventually(async () => {
      const runs = exporter.getFinishedSpans().filter((s) => s.name === `RunWorkflow:${ENGINE_PROBE_WORKFLOW}`);
      // The traced start's run, and only it: the untraced one (which ran first) left no span.
      expect(runs.map((s) => s.spanContext().traceId)).toEqual([traceId]);
    });
  });

  it('runs a start whose trace header no converter reads, untraced, rather than failing its first task', async () => {
    const garbled = new Client({
      connection: system.client.connection,
      namespace: system.config.TEMPORAL_NAMESPACE,
      dataConverter: dataConverterOf(system.config),
      interceptors: {
        workflow: [
          {
            start: (input, next) =>
              next({
                ...input,
                headers: {
                  ...input.headers,
                  '_tracer-data': {
                    metadata: { encoding: new TextEncoder().encode('binary/unknown') },
                    data: new Uint8Array([1, 2, 3]),
                  },
                },
              }),
          },
        ],
      },
    });
    const result = await garbled.workflow.execute(ENGINE_PROBE_WORKFLOW, {
      taskQueue: system.config.TEMPORAL_TASK_QUEUE,
      workflowId: engineProbeWorkflowId(`garbled-${randomUUID()}`),
      args: [{ receivedAt: '2026-12-03T02:00:00Z', workingDays: 1 }],
      workflowExecutionTimeout: '30 seconds',
    });
    expect(result).toMatchObject({ dueAt: expect.any(String) });
  });
});
