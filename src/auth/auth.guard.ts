import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Actor, Role } from '../../workflows/contracts/actor.js';
import { withinRequestTime } from '../common/http/request-deadline.interceptor.js';
import { AppConfig } from '../config/app-config.js';
import { ALLOWED_ROLES, PUBLIC_ROUTE, type AuthenticatedRequest } from './access.decorators.js';
import { missingToken, roleNotAllowed } from './auth-errors.js';
import { DepartmentAdmission } from './department-admission.js';
import { JwtVerifier } from './jwt-verifier.js';

/** Every route needs a valid bearer token unless marked @Public(); @Roles() narrows who may call it. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: JwtVerifier,
    private readonly admission: DepartmentAdmission,
    private readonly config: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
    if (!match) throw missingToken();
    // Guards run before the request deadline's interceptor: the department check may wait on the database.
    request.actor = await withinRequestTime(this.identify(match[1]), request, this.config.REQUEST_TIMEOUT_MS);
    const allowed = this.reflector.getAllAndOverride<Role[] | undefined>(ALLOWED_ROLES, targets);
    if (allowed && !allowed.includes(request.actor.role)) throw roleNotAllowed(request.actor.role, allowed);
    return true;
  }

  private async identify(token: string): Promise<Actor> {
    const actor = await this.verifier.verify(token);
    await this.admission.admit(actor);
    return actor;
  }
}
