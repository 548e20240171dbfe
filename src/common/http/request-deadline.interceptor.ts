import { Logger, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { Request } from 'express';
import type { IncomingMessage } from 'node:http';
import { Observable, TimeoutError, catchError, throwError, timeout } from 'rxjs';
import { DomainError } from '../errors/domain-error.js';
import { settleWithin } from '../settle-within.js';
import { arrivalOf } from './request-arrival.js';

export const requestTimedOut = (limitMs: number) => {
  const seconds = Math.round(limitMs / 1000);
  return new DomainError('unavailable', 'REQUEST_TIMEOUT', {
    zh: `系统未能在${seconds}秒内答复（数据库或流程引擎无响应）；请求可能仍会生效，请稍后查询状态，或以同一 Idempotency-Key 重试`,
    en:
      `No answer within ${seconds} s (the database or the workflow engine is not answering); the request may still ` +
      'take effect: read the status shortly, or retry with the same Idempotency-Key',
  });
};

/** What is left of a request's time, from its arrival (at least 1 ms). */
function timeLeft(request: IncomingMessage, limitMs: number): number {
  return Math.max(1, limitMs - (performance.now() - arrivalOf(request)));
}

/**
 * `work`'s outcome, or REQUEST_TIMEOUT once the request's time is up (`limitMs` from its arrival; 0: no limit). The
 * work itself is not cut off. For what runs before the interceptor below does (the guards).
 */
export function withinRequestTime<T>(work: Promise<T>, request: IncomingMessage, limitMs: number): Promise<T> {
  if (limitMs <= 0) return work;
  return settleWithin(work, timeLeft(request, limitMs), () => requestTimedOut(limitMs));
}

/**
 * Answers every request within `limitMs` of its arrival: a database or an engine that stops answering (paused, a
 * network that drops packets) leaves no request hanging. Past the limit the caller gets 503 + Retry-After; the work
 * itself is not cut off, so it completes or fails as it would have (a start keeps its row and its workflow together),
 * and a retry finds what it did, as after a lost reply.
 */
export class RequestDeadlineInterceptor implements NestInterceptor {
  private readonly logger = new Logger(RequestDeadlineInterceptor.name);

  constructor(private readonly limitMs: number) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (this.limitMs <= 0 || context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<Request>();
    return next.handle().pipe(
      timeout({ first: timeLeft(request, this.limitMs) }),
      catchError((error: unknown) => {
        if (!(error instanceof TimeoutError)) return throwError(() => error);
        this.logger.warn({ method: request.method, route: request.route?.path }, 'no answer within the request limit');
        return throwError(() => requestTimedOut(this.limitMs));
      }),
    );
  }
}
