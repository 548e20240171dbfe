import {
  makeWorkflowExporter,
  OpenTelemetryActivityInboundInterceptor,
  OpenTelemetryActivityOutboundInterceptor,
} from '@temporalio/interceptors-opentelemetry';
import { NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import { NO_TRACE_EXPORT, type TraceExport } from '../tracing/tracing.js';
import type { Activities } from '../../workflows/contracts/activities.js';
import type { AppConfig } from '../config/app-config.js';
import { dataConverterOf } from './data-converter.js';
import { workflowSource } from './workflow-source.js';

export interface WorkerSetup {
  connection: NativeConnection;
  /** Namespace, task queue and payload keys: the same the API's client uses. */
  config: AppConfig;
  activities: Activities;
  /** Where workflow spans go; nowhere by default (see startTracing). */
  traceExport?: TraceExport;
  /** Overrides for tests (e.g. a prebuilt bundle shared by a test run). */
  options?: Partial<WorkerOptions>;
}

/** One place that decides how a worker of this system is built. */
export function createWorker({ connection, config, activities, traceExport, options }: WorkerSetup): Promise<Worker> {
  const { resource, spanProcessor } = traceExport ?? NO_TRACE_EXPORT;
  // A bundle given by the caller (tests) was built with the interceptor modules, like the production one.
  const { workflowBundle, ...overrides } = options ?? {};
  const source: Partial<WorkerOptions> = workflowBundle ? { workflowBundle } : workflowSource();
  return Worker.create({
    connection,
    namespace: config.TEMPORAL_NAMESPACE,
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    dataConverter: dataConverterOf(config),
    activities,
    ...source,
    // Spans of activities join the workflow's trace, which joins the API request's (the client carries it).
    interceptors: {
      ...source.interceptors,
      activity: [
        (ctx) => ({
          inbound: new OpenTelemetryActivityInboundInterceptor(ctx),
          outbound: new OpenTelemetryActivityOutboundInterceptor(ctx),
        }),
      ],
    },
    sinks: { exporter: makeWorkflowExporter(spanProcessor, resource) },
    // Activities are idempotent, so one cut off by a shutdown is safely retried by the next worker; a shutdown
    // must not wait on an activity stuck behind an unreachable database.
    shutdownGraceTime: '10s',
    shutdownForceTime: '30s',
    ...overrides,
  });
}
