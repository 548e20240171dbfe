import { Inject, Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import type { OpenDataAccessArgs } from '../../workflows/contracts/activities.js';
import { query } from '../database/unit-of-work.js';

/** Open-data access records (open_data_access), idempotent by id. */
@Injectable()
export class OpenDataAccessRepository {
  constructor(@Inject(MikroORM) private readonly orm: MikroORM) {}

  async record(a: OpenDataAccessArgs): Promise<void> {
    await query(
      this.orm.em.fork(),
      `insert into open_data_access (id, case_id, resource_id, applicant_id, scope, purpose, manner, approver_id, approver_name, citation, granted_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (id) do nothing`,
      [
        a.accessId,
        a.caseId,
        a.resourceId,
        a.applicantId,
        a.scope,
        a.purpose,
        a.manner,
        a.approver.id,
        a.approver.name,
        JSON.stringify(a.citation),
        a.grantedAt,
      ],
    );
  }
}
