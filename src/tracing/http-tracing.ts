import { context, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { NextFunction, Request, Response } from 'express';

const tracer = trace.getTracer('data-sharing-approvals-api');

/**
 * Express middleware: one server span per request, active while the request is handled, so the Temporal client's
 * interceptor carries it into the workflow (and from there to its activities). Named by route template.
 */
export function traceRequests(req: Request, res: Response, next: NextFunction): void {
  const span = tracer.startSpan(`HTTP ${req.method}`, {
    kind: SpanKind.SERVER,
    attributes: { 'http.request.method': req.method },
  });
  res.once('finish', () => {
    const template = (req.route as { path?: string } | undefined)?.path;
    const route = template ? `${req.baseUrl}${template}` : 'unmatched';
    span.updateName(`${req.method} ${route}`);
    span.setAttributes({ 'http.route': route, 'http.response.status_code': res.statusCode });
    if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
    span.end();
  });
  context.with(trace.setSpan(context.active(), span), next);
}
