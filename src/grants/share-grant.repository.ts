import { Inject, Injectable } from '@nestjs/common';
import { LockMode, MikroORM } from '@mikro-orm/postgresql';
import type { Actor } from '../../workflows/contracts/actor.js';
import type { GrantArgs } from '../../workflows/contracts/activities.js';
import { inTransaction, query } from '../database/unit-of-work.js';
import { ShareGrant } from './share-grant.entity.js';

/** Grants (share_grant) with their change log (grant_event): a status change and its event are written together. */
@Injectable()
export class ShareGrantRepository {
  constructor(@Inject(MikroORM) private readonly orm: MikroORM) {}

  /** Idempotent by grant id. */
  async record(g: GrantArgs): Promise<void> {
    await this.orm.em
      .fork()
      .createQueryBuilder(ShareGrant)
      .insert({
        id: g.grantId,
        caseId: g.caseId,
        resourceId: g.resourceId,
        items: g.items,
        purpose: g.purpose,
        scenario: g.scenario,
        manner: g.manner,
        medium: g.medium ?? null,
        users: g.users ?? [],
        granteeDepartment: g.granteeDepartment,
        approverId: g.approver.id,
        approverName: g.approver.name,
        pack: g.pack,
        citation: g.citation,
        grantedAt: new Date(g.grantedAt),
        status: 'active',
      })
      .onConflict('id')
      .ignore()
      .execute();
  }

  /** Newest first, at most 200. */
  list(caseId?: string): Promise<ShareGrant[]> {
    return this.orm.em
      .fork()
      .find(ShareGrant, caseId ? { caseId } : {}, { orderBy: { grantedAt: 'desc' }, limit: 200 });
  }

  /**
   * Locks the grant, lets `decide` check it and name the new status (or throw),
   * then writes the status and the event in one transaction.
   */
  changeStatus(
    grantId: string,
    change: { action: string; reason: string; actor: Actor },
    decide: (grant: ShareGrant) => Promise<string>,
  ): Promise<ShareGrant | null> {
    return inTransaction(this.orm, async (em) => {
      const grant = await em.findOne(ShareGrant, { id: grantId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!grant) return null;
      grant.status = await decide(grant);
      await query(
        em,
        'insert into grant_event (grant_id, action, reason, actor_id, actor_name, at) values (?, ?, ?, ?, ?, now())',
        [grantId, change.action, change.reason, change.actor.id, change.actor.name],
      );
      return grant;
    });
  }
}
