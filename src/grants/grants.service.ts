import { Injectable } from '@nestjs/common';
import type { Actor } from '../../workflows/contracts/actor.js';
import { CatalogRepository } from '../catalog/catalog.repository.js';
import { DepartmentRepository } from '../catalog/department.repository.js';
import type { PackId } from '../../workflows/contracts/citation.js';
import { packById } from '../../workflows/rules/pack-resolver.js';
import { DomainError } from '../common/errors/domain-error.js';
import type { ShareGrant } from './share-grant.entity.js';
import { ShareGrantRepository } from './share-grant.repository.js';

export type GrantAction = 'suspend' | 'revoke' | 'reinstate';

const NEXT_STATUS: Record<GrantAction, { from: string[]; to: string }> = {
  suspend: { from: ['active'], to: 'suspended' },
  reinstate: { from: ['suspended'], to: 'active' },
  revoke: { from: ['active', 'suspended'], to: 'revoked' },
};

const grantNotFound = () =>
  new DomainError('not-found', 'GRANT_NOT_FOUND', {
    zh: '共享授权不存在或您无权查看',
    en: 'No such grant, or you may not see it',
  });

/** Grant records (共享授权) and the authority's power to suspend or revoke them (Quanzhou 五（十）). */
@Injectable()
export class GrantsService {
  constructor(
    private readonly grants: ShareGrantRepository,
    private readonly catalog: CatalogRepository,
    private readonly departments: DepartmentRepository,
  ) {}

  async list(actor: Actor, caseId?: string): Promise<ShareGrant[]> {
    const visible: ShareGrant[] = [];
    for (const grant of await this.grants.list(caseId)) if (await this.canSee(actor, grant)) visible.push(grant);
    return visible;
  }

  async change(actor: Actor, grantId: string, action: GrantAction, reason: string): Promise<ShareGrant> {
    const changed = await this.grants.changeStatus(grantId, { action, reason: reason.trim(), actor }, async (grant) => {
      if (!(await this.isGrantAuthority(actor, grant))) throw grantNotFound();
      const basis = packById(grant.pack as PackId).shareRequest.grantSuspension;
      if (!basis) {
        throw new DomainError('not-allowed-by-law', 'GRANT_ACTION_NOT_IN_PACK', {
          zh: `${grant.pack} 未赋予主管部门暂停或终止共享服务的权力（该权力见泉州 五（十））`,
          en: `${grant.pack} gives the authority no power to suspend or end a grant (Quanzhou 5(10) does)`,
        });
      }
      const rule = NEXT_STATUS[action];
      if (!rule.from.includes(grant.status)) {
        throw new DomainError('conflict', 'GRANT_STATE_CONFLICT', {
          zh: `授权当前状态为 ${grant.status}，不能执行 ${action}`,
          en: `The grant is ${grant.status}; it cannot be ${action}d`,
        });
      }
      return rule.to;
    });
    if (!changed) throw grantNotFound();
    return changed;
  }

  private async canSee(actor: Actor, grant: ShareGrant): Promise<boolean> {
    if (actor.role === 'auditor' || actor.role === 'supervisor') return true;
    if (actor.department === grant.granteeDepartment) return true;
    return this.isGrantAuthority(actor, grant);
  }

  /** The authority of the jurisdiction the shared resource belongs to. */
  private async isGrantAuthority(actor: Actor, grant: ShareGrant): Promise<boolean> {
    if (actor.role !== 'authority') return false;
    const [resource, department] = await Promise.all([
      this.catalog.findById(grant.resourceId),
      this.departments.findById(actor.department),
    ]);
    return !!resource && department?.kind === 'authority' && department.jurisdiction === resource.jurisdiction;
  }
}
