import { ApplicationFailure, WorkflowNotFoundError } from '@temporalio/common';
import { ServiceError, WorkflowUpdateFailedError } from '@temporalio/client';
import { REJECTION_TYPES } from '../../workflows/contracts/case-messages.js';
import type { RejectionDetails } from '../../workflows/steps/rejection.js';
import { causeChain } from '../common/errors/cause-chain.js';
import { DomainError, type DomainErrorKind } from '../common/errors/domain-error.js';

const KIND_BY_TYPE: Record<string, DomainErrorKind> = {
  [REJECTION_TYPES.conflict]: 'conflict',
  [REJECTION_TYPES.notAllowed]: 'not-allowed-by-law',
  [REJECTION_TYPES.forbidden]: 'forbidden',
  [REJECTION_TYPES.invalid]: 'invalid',
};

export const caseNotFound = () =>
  new DomainError('not-found', 'CASE_NOT_FOUND', {
    zh: '案件不存在或您无权查看',
    en: 'No such case, or you may not see it',
  });

export const engineUnavailable = () =>
  new DomainError('unavailable', 'ENGINE_UNAVAILABLE', {
    zh: '流程引擎暂时不可用，请稍后重试',
    en: 'The workflow engine is unavailable; try again shortly',
  });

/** The gRPC status code of an engine error, on it or on a cause it wraps (the client's ServiceError). */
function grpcCodeOf(error: unknown): number | undefined {
  const code = causeChain(error, 4).find((e) => typeof e.code === 'number')?.code;
  return code as number | undefined;
}

/** Turns what Temporal answered into an error a person can act on. */
export function fromEngineError(error: unknown): Error {
  if (error instanceof DomainError) return error;
  if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure) {
    const kind = KIND_BY_TYPE[error.cause.type ?? ''];
    const details = error.cause.details?.[0] as RejectionDetails | undefined;
    if (kind && details) {
      const fields = details.field ? [{ field: details.field, code: details.code, text: details.text }] : [];
      return new DomainError(kind, details.code, details.text, fields);
    }
  }
  if (error instanceof WorkflowNotFoundError) return caseNotFound();
  const code = grpcCodeOf(error);
  // gRPC NOT_FOUND (5): a raw service call (a history read) about a workflow the engine no longer has.
  if (code === 5) return caseNotFound();
  // gRPC UNAVAILABLE (14) or DEADLINE_EXCEEDED (4), or the client's own ServiceError: the engine is not answering.
  if (code === 14 || code === 4 || error instanceof ServiceError) return engineUnavailable();
  return error as Error;
}
