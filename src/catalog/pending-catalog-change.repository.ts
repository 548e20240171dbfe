import { Inject, Injectable } from '@nestjs/common';
import { MikroORM, type EntityManager } from '@mikro-orm/postgresql';
import type { PendingChangeArgs, SettlePendingChangeArgs } from '../../workflows/contracts/activities.js';
import type { CaseStatus } from '../../workflows/contracts/case-status.js';
import { query } from '../database/unit-of-work.js';

type LinkedChange = NonNullable<CaseStatus['linkedCatalogChange']>;

/** Catalog changes a decision asked for (pending_catalog_change), until their P3 case settles them. */
@Injectable()
export class PendingCatalogChangeRepository {
  constructor(@Inject(MikroORM) private readonly orm: MikroORM) {}

  /** Idempotent by id; with the P3 case that will settle it where one is opened with it. */
  async record(
    c: PendingChangeArgs & { catalogCaseId?: string },
    em: EntityManager = this.orm.em.fork(),
  ): Promise<void> {
    await query(
      em,
      `insert into pending_catalog_change (id, origin_case_id, entry_id, change, citation, created_at, catalog_case_id)
       values (?, ?, ?, ?, ?, ?, ?) on conflict (id) do nothing`,
      [
        c.changeId,
        c.originCaseId,
        c.entryId,
        JSON.stringify(c.change),
        JSON.stringify(c.citation),
        c.createdAt,
        c.catalogCaseId ?? null,
      ],
    );
  }

  /** Settles a pending change once; a later call changes nothing. */
  async settle(args: SettlePendingChangeArgs): Promise<void> {
    await query(
      this.orm.em.fork(),
      "update pending_catalog_change set status = ?, catalog_case_id = ?, settled_at = ? where id = ? and status = 'pending'",
      [args.status, args.catalogCaseId, args.at, args.changeId],
    );
  }

  /** The change a case asked for, as settled so far. */
  async ofOrigin(originCaseId: string): Promise<LinkedChange | undefined> {
    const [row] = await query<{
      id: string;
      status: LinkedChange['status'];
      catalog_case_id: string | null;
      settled_at: Date | null;
    }>(
      this.orm.em.fork(),
      'select id, status, catalog_case_id, settled_at from pending_catalog_change where origin_case_id = ?',
      [originCaseId],
    );
    return (
      row && {
        changeId: row.id,
        status: row.status,
        catalogUpdateCaseId: row.catalog_case_id,
        settledAt: row.settled_at ? new Date(row.settled_at).toISOString() : null,
      }
    );
  }
}
