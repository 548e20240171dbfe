import { context, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { NextFunction, Request, Response } from 'express';
import { routeTemplateOf } from '../common/http/route-template.js';

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
    const route = routeTemplateOf(req);
    span.updateName(`${req.method} ${route}`);
    span.setAttributes({ 'http.route': route, 'http.response.status_code': res.statusCode });
    if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
    span.end();
  });
  context.with(trace.setSpan(context.active(), span), next);
}
