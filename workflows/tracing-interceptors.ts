import {
  defaultPayloadConverter,
  patched,
  type Headers,
  type WorkflowExecuteInput,
  type WorkflowInterceptors,
} from '@temporalio/workflow';
import { patchedBefore202612 } from './steps/run-patches.js';
import { loadOpenTelemetryInterceptors } from './opentelemetry-loader.cjs';

/** Runs that started with tracing in every run: they replay with the interceptors, as they ran. */
const TRACING_PATCH = 'opentelemetry-tracing';
/** Runs that are traced only when their start carries a trace context. */
const TRACED_WHEN_STARTER_TRACES_PATCH = 'opentelemetry-tracing-when-starter-traces';
/** The header the OpenTelemetry client and workflow interceptors carry a trace context in. */
const TRACE_HEADER = '_tracer-data';

/** Whether whoever started the run was tracing: their propagator wrote a trace context into the start's header. */
function carriesTraceContext(headers: Headers): boolean {
  const payload = headers[TRACE_HEADER];
  if (!payload) return false;
  try {
    const carrier = defaultPayloadConverter.fromPayload<unknown>(payload);
    return typeof carrier === 'object' && carrier !== null && Object.keys(carrier).length > 0;
  } catch {
    // A header no converter reads is no trace context; it must not fail the run's first task (again on every retry).
    return false;
  }
}

/**
 * Whether this run is traced: decided once, when the workflow starts executing (patches cannot be asked about
 * earlier). New runs are traced when their starter was (an API or worker with an OTLP endpoint, or a test's tracer),
 * so that untraced runs, the usual case, never load OpenTelemetry; the start's header is in the history, so a replay
 * decides the same. Older runs replay as they ran: traced from the tracing patch on, untraced before it. Either way
 * the interceptors' extra yields must be there exactly when they were.
 */
class TracingGate {
  private decided?: boolean;
  private loaded?: WorkflowInterceptors;

  decideAtStart(input: WorkflowExecuteInput): boolean {
    this.decided ??= patchedBefore202612(TRACED_WHEN_STARTER_TRACES_PATCH)
      ? carriesTraceContext(input.headers)
      : patched(TRACING_PATCH);
    return this.decided;
  }

  /** The OpenTelemetry interceptors of this run's lane, when the run is traced. */
  interceptorOf(lane: keyof WorkflowInterceptors): object | undefined {
    if (this.decided !== true) return undefined;
    this.loaded ??= loadOpenTelemetryInterceptors();
    return this.loaded[lane]?.[0];
  }
}

type Method = (input: unknown, next: (input: unknown) => unknown) => unknown;

/** The calls the OpenTelemetry workflow interceptors take part in, by lane. */
const TRACED_CALLS = {
  inbound: ['execute', 'handleSignal', 'handleUpdate', 'validateUpdate', 'handleQuery'],
  outbound: [
    'scheduleActivity',
    'scheduleLocalActivity',
    'startNexusOperation',
    'startChildWorkflowExecution',
    'continueAsNew',
    'signalWorkflow',
    'getLogAttributes',
    'getMetricTags',
  ],
  internals: ['dispose'],
} as const satisfies Record<keyof WorkflowInterceptors, readonly string[]>;

/** Calls go to the OpenTelemetry interceptor when the run is traced, straight on otherwise. */
function gated(lane: keyof WorkflowInterceptors, gate: TracingGate): object {
  const calls = TRACED_CALLS[lane].map((name) => {
    const call = (input: unknown, next: (input: unknown) => unknown) => {
      if (name === 'execute') gate.decideAtStart(input as WorkflowExecuteInput);
      const target = gate.interceptorOf(lane) as Record<string, Method | undefined> | undefined;
      const method = target?.[name];
      return method ? method.call(target, input, next) : next(input);
    };
    return [name, call] as const;
  });
  return Object.fromEntries(calls);
}

/** OpenTelemetry spans for a traced run, its updates and the activities it schedules (new runs only). */
export const interceptors = (): WorkflowInterceptors => {
  const gate = new TracingGate();
  return {
    inbound: [gated('inbound', gate)],
    outbound: [gated('outbound', gate)],
    internals: [gated('internals', gate)],
  };
};
