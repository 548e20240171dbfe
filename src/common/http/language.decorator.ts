import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { pickLanguage, type Language } from '../errors/localized-text.js';

/** Simplified Chinese unless the request asks for English (Accept-Language: en). */
export const RequestLanguage = createParamDecorator((_: unknown, context: ExecutionContext): Language => {
  return pickLanguage(context.switchToHttp().getRequest<Request>().headers['accept-language']);
});
