import { DomainError } from '../common/errors/domain-error.js';
import type { Role } from '../../workflows/contracts/actor.js';

export const missingToken = () =>
  new DomainError('unauthenticated', 'AUTH_TOKEN_MISSING', {
    zh: '缺少身份令牌：请在 Authorization 请求头中提供 Bearer 令牌',
    en: 'Missing token: send "Authorization: Bearer <token>"',
  });

export const invalidToken = (reason: string) =>
  new DomainError('unauthenticated', 'AUTH_TOKEN_INVALID', {
    zh: `身份令牌无效（${reason}），请重新获取令牌`,
    en: `Invalid token (${reason}); obtain a new token`,
  });

export const roleNotAllowed = (role: Role, allowed: readonly Role[]) =>
  new DomainError('forbidden', 'AUTH_ROLE_NOT_ALLOWED', {
    zh: `当前角色（${role}）无权执行此操作，需要角色：${allowed.join('、')}`,
    en: `Your role (${role}) may not do this; it needs one of: ${allowed.join(', ')}`,
  });
