import { Logger, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { Request } from 'express';
import { Observable, TimeoutError, catchError, throwError, timeout } from 'rxjs';
import { DomainError } from '../errors/domain-error.js';
import { arrivalOf } from './request-arrival.js';

export const requestTimedOut = (seconds: number) =>
  new DomainError('unavailable', 'REQUEST_TIMEOUT', {
    zh: `系统未能在${seconds}秒内答复（数据库或流程引擎无响应）；请求可能仍会生效，请稍后查询状态，或以同一 Idempotency-Key 重试`,
    en:
      `No answer within ${seconds} s (the database or the workflow engine is not answering); the request may still ` +
      'take effect: read the status shortly, or retry with the same Idempotency-Key',
  });

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
    const left = Math.max(1, this.limitMs - (performance.now() - arrivalOf(request)));
    return next.handle().pipe(
      timeout({ first: left }),
      catchError((error: unknown) => {
        if (!(error instanceof TimeoutError)) return throwError(() => error);
        this.logger.warn({ method: request.method, route: request.route?.path }, 'no answer within the request limit');
        return throwError(() => requestTimedOut(Math.round(this.limitMs / 1000)));
      }),
    );
  }
}
