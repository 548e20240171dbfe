import type { WorkflowInterceptors } from '@temporalio/workflow';

type OpenTelemetryWorkflowModule = typeof import('@temporalio/interceptors-opentelemetry/lib/workflow-interceptors.js');

/**
 * The OpenTelemetry workflow interceptors, loaded when a traced run first needs them. CommonJS on purpose: webpack
 * bundles a `require` made inside a function but evaluates the module only when it is called. The sandbox evaluates
 * a run's modules afresh for every run, and these (a tracer provider, a span processor, an AsyncLocalStorage whose
 * promise hook then runs for every promise) cost an untraced run more than its own code.
 */
export function loadOpenTelemetryInterceptors(): WorkflowInterceptors {
  const otel: OpenTelemetryWorkflowModule =
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- see above: evaluated on first use only
    require('@temporalio/interceptors-opentelemetry/lib/workflow-interceptors.js');
  return otel.interceptors();
}
