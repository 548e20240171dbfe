import { applyDecorators } from '@nestjs/common';
import { ApiExtension, ApiResponse } from '@nestjs/swagger';
import type { Role } from '../../../workflows/contracts/actor.js';
import { Roles } from '../../auth/access.decorators.js';
import { ErrorBodyDto } from './dto/shared-response.dto.js';

/** The OpenAPI extension naming the roles an operation requires. */
export const ROLES_EXTENSION = 'x-required-roles';

const ERROR_MEANINGS = {
  400: 'Invalid request: every field error is listed in `errors`',
  401: 'No valid bearer token',
  403: 'Your role (or department) may not do this',
  404: 'No such thing, or you may not see it',
  409: 'Conflicts with the current state (already decided, claimed by another, key reused)',
  422: 'Well-formed, but the regulation does not allow it (the message names the article)',
  500: 'Internal error; nothing was changed by this request',
  503: 'The workflow engine or the database cannot be reached, or did not answer in time (`REQUEST_TIMEOUT`: the request may still take effect); try again shortly, after `Retry-After`',
} as const;

export type ErrorStatus = keyof typeof ERROR_MEANINGS;

/** The error answers an operation can give, each with the one error envelope. */
export function ApiErrors(...statuses: ErrorStatus[]) {
  return applyDecorators(
    ...statuses.map((status) => ApiResponse({ status, description: ERROR_MEANINGS[status], type: ErrorBodyDto })),
  );
}

/** Only these roles may call the operation: enforced by the auth guard and stated in the document. */
export function Allowed(...roles: Role[]) {
  return applyDecorators(Roles(...roles), ApiExtension(ROLES_EXTENSION, roles), ApiErrors(403));
}

export { ERROR_MEANINGS };
