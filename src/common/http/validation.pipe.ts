import { ValidationPipe } from '@nestjs/common';
import { DomainError, type FieldError } from '../errors/domain-error.js';
import { fieldErrorsOf } from './field-error-messages.js';

export function invalidRequest(fieldErrors: FieldError[]): DomainError {
  const fields = [...new Set(fieldErrors.map((e) => e.field))].join(', ');
  return new DomainError(
    'invalid',
    'VALIDATION_FAILED',
    { zh: `请求内容有误：${fields}`, en: `Invalid request: ${fields}` },
    fieldErrors,
  );
}

/** DTO validation: unknown fields are rejected, and every field error is listed. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => invalidRequest(fieldErrorsOf(errors)),
  });
}
