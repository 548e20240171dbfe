import { Inject, Injectable } from '@nestjs/common';
import { LockMode, MikroORM } from '@mikro-orm/postgresql';
import type { Actor } from '../../workflows/contracts/actor.js';
import { CatalogEntry } from '../catalog/catalog-entry.entity.js';
import { Department } from '../catalog/department.entity.js';
import { DomainError } from '../common/errors/domain-error.js';
import { ShareGrant } from './share-grant.entity.js';

export type GrantAction = 'suspend' | 'revoke' | 'reinstate';

const NEXT_STATUS: Record<GrantAction, { from: string[]; to: string }> = {
  suspend: { from: ['active'], to: 'suspended' },
  reinstate: { from: ['suspended'], to: 'active' },
  revoke: { from: ['active', 'suspended'], to: 'revoked' },
};

const grantNotFound = () => new DomainError('not-found', 'GRANT_NOT_FOUND', { zh: '共享授权不存在或您无权查看', en: 'No such grant, or you may not see it' });

/** Grant records (共享授权) and the authority's power to suspend or revoke them (Quanzhou 五（十）). */
@Injectable()
export class GrantsService {
  constructor(@Inject(MikroORM) private readonly orm: MikroORM) {}

  async list(actor: Actor, caseId?: string): Promise<ShareGrant[]> {
    const where: Record<string, unknown> = caseId ? { caseId } : {};
    const rows = await this.orm.em.fork().find(ShareGrant, where, { orderBy: { grantedAt: 'desc' }, limit: 200 });
    const visible: ShareGrant[] = [];
    for (const grant of rows) if (await this.canSee(actor, grant)) visible.push(grant);
    return visible;
  }

  async change(actor: Actor, grantId: string, action: GrantAction, reason: string): Promise<ShareGrant> {
    return this.orm.em.fork().transactional(async (em) => {
      const grant = await em.findOne(ShareGrant, { id: grantId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!grant || !(await this.isGrantAuthority(actor, grant))) throw grantNotFound();
      const rule = NEXT_STATUS[action];
      if (!rule.from.includes(grant.status)) {
        throw new DomainError('conflict', 'GRANT_STATE_CONFLICT', {
          zh: `授权当前状态为 ${grant.status}，不能执行 ${action}`,
          en: `The grant is ${grant.status}; it cannot be ${action}d`,
        });
      }
      grant.status = rule.to;
      await em.getConnection().execute(
        'insert into grant_event (grant_id, action, reason, actor_id, actor_name, at) values (?, ?, ?, ?, ?, now())',
        [grantId, action, reason.trim(), actor.id, actor.name],
        'run',
        em.getTransactionContext(),
      );
      return grant;
    });
  }

  private async canSee(actor: Actor, grant: ShareGrant): Promise<boolean> {
    if (actor.role === 'auditor' || actor.role === 'supervisor') return true;
    if (actor.department === grant.granteeDepartment) return true;
    return this.isGrantAuthority(actor, grant);
  }

  /** The authority of the jurisdiction the shared resource belongs to. */
  private async isGrantAuthority(actor: Actor, grant: ShareGrant): Promise<boolean> {
    if (actor.role !== 'authority') return false;
    const em = this.orm.em.fork();
    const [resource, department] = await Promise.all([em.findOne(CatalogEntry, { id: grant.resourceId }), em.findOne(Department, { id: actor.department })]);
    return !!resource && department?.kind === 'authority' && department.jurisdiction === resource.jurisdiction;
  }
}
