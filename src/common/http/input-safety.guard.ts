import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { DomainError, fieldError, type FieldError } from '../errors/domain-error.js';
import { hasControlCharacters } from './dto/fields.js';

/** Deeper than any request of this API nests; deeper still would overflow the transformers' recursion. */
export const MAX_JSON_DEPTH = 32;
/** Keys that reach an object's prototype: refused wherever they appear, like any key a DTO does not declare. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function bodyProblems(body: unknown): FieldError[] {
  const stack: Array<{ value: unknown; path: string; depth: number }> = [{ value: body, path: '', depth: 0 }];
  while (stack.length > 0) {
    const { value, path, depth } = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (depth >= MAX_JSON_DEPTH) {
      return [
        fieldError(
          path || 'body',
          'maxDepth',
          `请求内容嵌套超过${MAX_JSON_DEPTH}层`,
          `The body nests deeper than ${MAX_JSON_DEPTH} levels`,
        ),
      ];
    }
    for (const key of Object.keys(value)) {
      const at = path ? `${path}.${key}` : key;
      if (FORBIDDEN_KEYS.has(key))
        return [fieldError(at, 'whitelistValidation', `不允许的字段 ${at}`, `property ${at} should not exist`)];
      stack.push({ value: (value as Record<string, unknown>)[key], path: at, depth: depth + 1 });
    }
  }
  return [];
}

/**
 * Refuses what no endpoint can take before anything parses it further: a
 * control character in the path or query (PostgreSQL refuses NUL in text), a
 * body nested too deep, or keys that reach an object's prototype.
 */
@Injectable()
export class InputSafetyGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Request>();
    let url: string;
    try {
      url = decodeURIComponent(request.originalUrl);
    } catch {
      url = '\u0000';
    }
    if (hasControlCharacters(url)) {
      throw new DomainError(
        'invalid',
        'VALIDATION_FAILED',
        { zh: '地址中含有控制字符', en: 'The address contains control characters' },
        [
          fieldError(
            'url',
            'noControlCharacters',
            '地址和查询参数不能包含控制字符',
            'the path and query must not contain control characters',
          ),
        ],
      );
    }
    const problems = bodyProblems(request.body);
    if (problems.length > 0) {
      throw new DomainError(
        'invalid',
        'VALIDATION_FAILED',
        { zh: '请求内容有误', en: 'Invalid request body' },
        problems,
      );
    }
    return true;
  }
}
