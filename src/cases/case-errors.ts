import type { Citation } from '../../workflows/contracts/citation.js';
import { DomainError, fieldError } from '../common/errors/domain-error.js';

export const resourceNotFound = (id: string) =>
  new DomainError('not-found', 'CATALOG_ENTRY_NOT_FOUND', { zh: `目录中没有资源 ${id}`, en: `No catalog entry ${id}` });

export const unknownItems = (items: string[]) =>
  new DomainError(
    'invalid',
    'VALIDATION_FAILED',
    { zh: `资源中没有这些数据项：${items.join('、')}`, en: `The resource has no such items: ${items.join(', ')}` },
    [
      fieldError(
        'items',
        'unknownItems',
        `资源中没有这些数据项：${items.join('、')}`,
        `unknown data items: ${items.join(', ')}`,
      ),
    ],
  );

export const unknownDepartment = (department: string) =>
  new DomainError('forbidden', 'DEPARTMENT_UNKNOWN', {
    zh: `身份令牌中的部门 ${department} 未登记`,
    en: `Your token's department ${department} is not registered`,
  });

export const notAllowed = (code: string, zh: string, en: string) =>
  new DomainError('not-allowed-by-law', code, { zh, en });

export const cite = (c: Citation) => `${c.pack} ${c.article}${c.clause ?? ''}`;

export const idempotencyKeyReused = () =>
  new DomainError('conflict', 'IDEMPOTENCY_KEY_REUSED', {
    zh: '该 Idempotency-Key 已用于内容不同的申请；请使用新的键',
    en: 'This Idempotency-Key was used for a different request; use a new key',
  });

export const badIdempotencyKey = () =>
  new DomainError(
    'invalid',
    'VALIDATION_FAILED',
    { zh: 'Idempotency-Key 须为1至200个可见字符', en: 'Idempotency-Key must be 1–200 visible characters' },
    [
      fieldError(
        'Idempotency-Key',
        'matches',
        'Idempotency-Key 须为1至200个可见 ASCII 字符',
        'must be 1–200 visible ASCII characters',
      ),
    ],
  );

export const caseClosed = (state: string) =>
  new DomainError('conflict', 'CASE_CLOSED', {
    zh: `案件已办结（${state}），不能再办理该操作`,
    en: `The case is closed (${state}); this operation is no longer possible`,
  });
