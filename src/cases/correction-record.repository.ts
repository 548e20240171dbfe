import { Inject, Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import type { CorrectionArgs } from '../../workflows/contracts/activities.js';
import { query } from '../database/unit-of-work.js';

/** What a P2 case corrected (correction_record), one per case. */
@Injectable()
export class CorrectionRecordRepository {
  constructor(@Inject(MikroORM) private readonly orm: MikroORM) {}

  async record(c: CorrectionArgs): Promise<void> {
    await query(
      this.orm.em.fork(),
      `insert into correction_record (case_id, resource_id, items, description, what_changed, corrected_at, corrected_by, citation)
       values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (case_id) do nothing`,
      [
        c.caseId,
        c.resourceId,
        JSON.stringify(c.items),
        c.description,
        c.whatChanged,
        c.correctedAt,
        c.correctedBy.id,
        JSON.stringify(c.citation),
      ],
    );
  }
}
