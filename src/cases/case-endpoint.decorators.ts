import { applyDecorators, createParamDecorator, HttpCode, Post, type ExecutionContext } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiResponse } from '@nestjs/swagger';
import type { Role } from '../../workflows/contracts/actor.js';
import type { AuthenticatedRequest } from '../auth/access.decorators.js';
import { arrivalOf } from '../common/http/request-arrival.js';
import { Allowed, ApiErrors, type ErrorStatus } from '../common/http/api-contract.js';
import { ApiIdempotencyKey, idempotencyKeyOf } from '../common/http/idempotency-key.js';
import type { StartOptions } from './case-starter.service.js';
import { CaseStatusDto } from './dto/case-status.dto.js';

const wantsAsync = (prefer: string | undefined) => /\brespond-async\b/i.test(prefer ?? '');

/** Who starts the case and how: the caller, the Idempotency-Key and `Prefer: respond-async`. */
export const StartRequest = createParamDecorator((_: unknown, context: ExecutionContext): StartOptions => {
  const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
  return {
    actor: request.actor,
    idempotencyKey: idempotencyKeyOf(request),
    respondAsync: wantsAsync(request.headers.prefer as string | undefined),
    arrivedAt: arrivalOf(request),
  };
});

/** A create endpoint of the one start path: route, roles, and every answer it can give. */
export function StartsCase(path: string, roles: Role[], summary: string, description?: string) {
  return applyDecorators(
    Post(path),
    Allowed(...roles),
    ApiOperation({ summary, description }),
    ApiIdempotencyKey(
      'Repeating a request with the same key and body answers with the same case (200); another body is 409',
    ),
    ApiHeader({
      name: 'Prefer',
      required: false,
      description: '`respond-async`: answer 202 as soon as the case is started, without waiting for its first step',
      schema: { type: 'string', enum: ['respond-async'] },
    }),
    ApiResponse({
      status: 201,
      type: CaseStatusDto,
      description: 'Started: the first step, who must act and the deadline with its citation',
    }),
    ApiResponse({
      status: 200,
      type: CaseStatusDto,
      description: 'The same Idempotency-Key and body again: the same case',
    }),
    ApiResponse({
      status: 202,
      type: CaseStatusDto,
      description:
        'Started (state `received`): sent with Prefer: respond-async, or the worker did not reach the first step in time (10 s; while the system is busy, START_LATENCY_TARGET_MS from the request’s arrival)',
    }),
    ApiErrors(400, 404, 409, 422, 503),
  );
}

/** A message to a running case (a decision, a clock action, a dispute…): answers 200 with the case status it leads to. */
export function CaseAction(
  path: string,
  roles: Role[],
  summary: string,
  errors: ErrorStatus[] = [400, 404, 409, 422, 503],
) {
  return applyDecorators(
    Post(path),
    HttpCode(200),
    Allowed(...roles),
    ApiOperation({ summary }),
    ApiOkResponse({ type: CaseStatusDto }),
    ApiErrors(...errors),
  );
}
