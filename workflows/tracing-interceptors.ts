import { interceptors as openTelemetryInterceptors } from '@temporalio/interceptors-opentelemetry/lib/workflow-interceptors.js';
import { patched, type WorkflowInterceptors } from '@temporalio/workflow';

const TRACING_PATCH = 'opentelemetry-tracing';

/**
 * Whether this run is traced: decided once, when the workflow starts executing (patches cannot be asked about
 * earlier). Cases that started before tracing replay without it: the interceptors would give their histories
 * yields they never had.
 */
class TracingGate {
  private decided?: boolean;

  decideAtStart(): boolean {
    this.decided ??= patched(TRACING_PATCH);
    return this.decided;
  }

  get enabled(): boolean {
    return this.decided === true;
  }
}

type Interceptor = object;
type Method = (input: unknown, next: (input: unknown) => unknown) => unknown;

/** Calls go to the OpenTelemetry interceptor when the run is traced, straight on otherwise. */
function gated<T extends Interceptor>(target: T, gate: TracingGate, decidesAt?: string): T {
  return new Proxy(target, {
    get(object, name, receiver) {
      const member: unknown = Reflect.get(object, name, receiver);
      if (typeof member !== 'function') return member;
      const method = member as Method;
      return (input: unknown, next: (input: unknown) => unknown) => {
        const traced = name === decidesAt ? gate.decideAtStart() : gate.enabled;
        return traced ? method.call(object, input, next) : next(input);
      };
    },
  });
}

/** OpenTelemetry spans for the workflow run, its updates and the activities it schedules (new runs only). */
export const interceptors = (): WorkflowInterceptors => {
  const gate = new TracingGate();
  const otel = openTelemetryInterceptors();
  return {
    inbound: (otel.inbound ?? []).map((i) => gated(i, gate, 'execute')),
    outbound: (otel.outbound ?? []).map((i) => gated(i, gate)),
    internals: (otel.internals ?? []).map((i) => gated(i, gate)),
  };
};
