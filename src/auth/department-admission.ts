import { Injectable } from '@nestjs/common';
import type { Actor, Role } from '../../workflows/contracts/actor.js';
import { DepartmentRepository } from '../catalog/department.repository.js';
import { invalidToken } from './auth-errors.js';

/** Which roles a department of each kind can give its staff (the public only applies). */
export const ROLES_BY_DEPARTMENT_KIND: Record<string, readonly Role[]> = {
  public: ['applicant'],
  government: ['applicant', 'reviewer', 'principal', 'disclosure-head'],
  'district-government': ['applicant', 'reviewer', 'principal', 'disclosure-head'],
  authority: ['applicant', 'reviewer', 'principal', 'disclosure-head', 'authority'],
  'city-authority': ['reviewer', 'principal', 'authority'],
  'service-unit': ['service-unit'],
  oversight: ['auditor', 'supervisor', 'admin'],
};

/** Departments change only with the seed: their kinds are kept for a minute. */
const CACHE_MS = 60_000;

/** A token's department must be registered, and its role one that department's kind gives. */
@Injectable()
export class DepartmentAdmission {
  private kinds?: { at: number; byId: Map<string, string> };

  constructor(private readonly departments: DepartmentRepository) {}

  private async kindOf(id: string, now: number): Promise<string | undefined> {
    if (!this.kinds || now - this.kinds.at > CACHE_MS || !this.kinds.byId.has(id)) {
      const all = await this.departments.list();
      this.kinds = { at: now, byId: new Map(all.map((d) => [d.id, d.kind])) };
    }
    return this.kinds.byId.get(id);
  }

  async admit(actor: Actor): Promise<void> {
    const kind = await this.kindOf(actor.department, Date.now());
    if (!kind) throw invalidToken('department not registered');
    if (!(ROLES_BY_DEPARTMENT_KIND[kind] ?? []).includes(actor.role)) {
      throw invalidToken(`role ${actor.role} does not fit a ${kind} department`);
    }
  }
}
