import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { Resource } from '@opentelemetry/resources';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { BatchSpanProcessor, NoopSpanProcessor, type SpanProcessor } from '@opentelemetry/sdk-trace-base';

/** Where workflow spans go (the worker's exporter sink) and what they are labelled with. */
export interface TraceExport {
  resource: Resource;
  spanProcessor: SpanProcessor;
}

/** Spans are made but go nowhere: no OTLP endpoint configured. */
export const NO_TRACE_EXPORT: TraceExport = { resource: new Resource({}), spanProcessor: new NoopSpanProcessor() };

/**
 * Starts OpenTelemetry for this process when `OTEL_EXPORTER_OTLP_ENDPOINT` is set (the exporter reads it and
 * the other standard OTEL_* variables): spans of HTTP requests, Temporal client calls, workflows and activities,
 * batched to the collector. Off otherwise. Returns what the worker hands to its workflow span sink.
 */
export function startTracing(serviceName: string, env: NodeJS.ProcessEnv = process.env): TraceExport {
  if (!env.OTEL_EXPORTER_OTLP_ENDPOINT) return NO_TRACE_EXPORT;
  const resource = new Resource({ 'service.name': env.OTEL_SERVICE_NAME ?? serviceName });
  const spanProcessor = new BatchSpanProcessor(new OTLPTraceExporter());
  const sdk = new NodeSDK({ resource, spanProcessors: [spanProcessor], instrumentations: [] });
  sdk.start();
  const stop = () => void sdk.shutdown();
  process.once('beforeExit', stop);
  return { resource, spanProcessor };
}
