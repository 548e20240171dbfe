import {
  ArgumentsHost,
  Catch,
  HttpException,
  HttpStatus,
  Logger,
  ServiceUnavailableException,
  type ExceptionFilter,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { isDatabaseUnreachable } from '../errors/database-unavailable.js';
import { DomainError, type DomainErrorKind } from '../errors/domain-error.js';
import { pickLanguage, type LocalizedText } from '../errors/localized-text.js';

const STATUS_BY_KIND: Record<DomainErrorKind, number> = {
  invalid: HttpStatus.BAD_REQUEST,
  unauthenticated: HttpStatus.UNAUTHORIZED,
  forbidden: HttpStatus.FORBIDDEN,
  'not-found': HttpStatus.NOT_FOUND,
  conflict: HttpStatus.CONFLICT,
  'not-allowed-by-law': HttpStatus.UNPROCESSABLE_ENTITY,
  unavailable: HttpStatus.SERVICE_UNAVAILABLE,
};

const GENERIC_BY_STATUS: Record<number, { code: string; text: LocalizedText }> = {
  404: { code: 'ROUTE_NOT_FOUND', text: { zh: '请求的地址不存在', en: 'No such endpoint' } },
  405: {
    code: 'METHOD_NOT_ALLOWED',
    text: { zh: '该地址不支持此请求方法', en: 'Method not allowed on this endpoint' },
  },
  413: { code: 'PAYLOAD_TOO_LARGE', text: { zh: '请求内容过大', en: 'Request body too large' } },
  400: { code: 'BAD_REQUEST', text: { zh: '请求格式有误', en: 'Malformed request' } },
  415: { code: 'UNSUPPORTED_MEDIA_TYPE', text: { zh: '请求内容须为 JSON', en: 'The request body must be JSON' } },
};

const isHealthReport = (body: unknown): boolean =>
  typeof body === 'object' && body !== null && 'status' in body && 'details' in body;

export interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  errors?: Array<{ field: string; code: string; message: string }>;
}

/** Every error leaves the API as one JSON shape, in the caller's language. */
@Catch()
export class DomainErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger(DomainErrorFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const language = pickLanguage(request.headers['accept-language']);
    // The health check's own report (a dependency is down) is its 503 answer, as the document says.
    if (exception instanceof ServiceUnavailableException && isHealthReport(exception.getResponse())) {
      response.status(HttpStatus.SERVICE_UNAVAILABLE).json(exception.getResponse());
      return;
    }
    const body = this.toBody(exception, language);
    if (body.statusCode >= 500 && body.statusCode !== 503) this.logger.error(exception);
    // A dependency is out of reach: the client may try again shortly.
    if (body.statusCode === 503) response.setHeader('Retry-After', '5');
    response.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown, language: 'zh' | 'en'): ErrorBody {
    if (exception instanceof DomainError) {
      const body: ErrorBody = {
        statusCode: STATUS_BY_KIND[exception.kind],
        code: exception.code,
        message: exception.text[language],
      };
      if (exception.fieldErrors.length > 0) {
        body.errors = exception.fieldErrors.map(({ field, code, text }) => ({ field, code, message: text[language] }));
      }
      return body;
    }
    if (exception instanceof HttpException && exception.getStatus() < 500) {
      const statusCode = exception.getStatus();
      const generic = GENERIC_BY_STATUS[statusCode] ?? {
        code: 'REQUEST_REJECTED',
        text: { zh: '请求被拒绝', en: exception.message },
      };
      return { statusCode, code: generic.code, message: generic.text[language] };
    }
    if (isDatabaseUnreachable(exception)) {
      const text = { zh: '数据库暂时不可用，请稍后重试', en: 'The database is unavailable; try again shortly' };
      return { statusCode: 503, code: 'DATABASE_UNAVAILABLE', message: text[language] };
    }
    const text = { zh: '服务器内部错误，请稍后重试', en: 'Internal error; please try again later' };
    return { statusCode: 500, code: 'INTERNAL_ERROR', message: text[language] };
  }
}
