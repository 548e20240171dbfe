import { Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import type { CaseStatus } from '../../workflows/contracts/case-status.js';
import { query } from '../database/unit-of-work.js';

/**
 * A step's decision is answered as soon as the workflow recorded it (`settling`); the workflow closes the task and
 * writes the case's row right after. This marks both at once from the reply, in one statement: the task closed (so
 * the inbox no longer offers it) and the case's row flagged as settling (so that a read waits for the workflow's
 * write instead of showing the case as it was). Idempotent, and never over a newer write of the workflow: its own
 * write of the row replaces the status, flag and all, and notifies the decision.
 */
@Injectable()
export class DecisionRecorder {
  constructor(private readonly orm: MikroORM) {}

  async recordReply(taskId: string, status: CaseStatus): Promise<void> {
    const decided = status.steps.find((s) => s.taskId === taskId)?.decision;
    if (!status.settling || !decided) return;
    await query(
      this.orm.em.fork(),
      `with closed as (
         update inbox_task set status = 'completed', completed_by = ?, decision = ?, completed_at = ?
          where id = ? and status = 'open')
       update case_record set status = jsonb_set(status, '{settling}', 'true')
        where id = ? and updated_at < ? and status is not null`,
      [decided.actor.id, decided.decision, decided.decidedAt, taskId, status.caseId, decided.decidedAt],
    );
  }
}
