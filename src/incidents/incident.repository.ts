import { Inject, Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import type { OpenIncidentArgs, SettleIncidentArgs } from '../../workflows/contracts/incident.js';
import { inTransaction, query } from '../database/unit-of-work.js';
import { InboxTaskRepository } from '../tasks/inbox-task.repository.js';
import { Incident } from './incident.entity.js';

export interface IncidentFilter {
  state?: string;
  caseId?: string;
  /** Keyset: the opening instant and id of the last row of the previous page. */
  before?: { openedAt: Date; id: string };
  limit: number;
}

/** Incidents (incident): opened with the operator's task and the case's state in one transaction, settled once each way. */
@Injectable()
export class IncidentRepository {
  constructor(
    @Inject(MikroORM) private readonly orm: MikroORM,
    private readonly inbox: InboxTaskRepository,
  ) {}

  open(args: OpenIncidentArgs): Promise<void> {
    const { incident } = args;
    return inTransaction(this.orm, async (em) => {
      await em
        .createQueryBuilder(Incident)
        .insert({
          id: incident.incidentId,
          caseId: args.caseId,
          procedure: args.procedure,
          pack: args.pack,
          stepId: incident.stepId,
          activity: incident.activity,
          errorType: incident.error.type,
          message: incident.error.message,
          state: 'open',
          openedAt: new Date(incident.openedAt),
        })
        .onConflict('id')
        .ignore()
        .execute();
      await this.inbox.open(args.task, em);
      // Only the state and the incidents change in the stored status: the rest may be what PostgreSQL refused.
      await query(
        em,
        `update case_record
            set state = 'incident', updated_at = greatest(updated_at, ?::timestamptz),
                status = coalesce(status, '{}'::jsonb)
                  || jsonb_build_object('state', 'incident', 'stateText', ?::jsonb, 'incidents', ?::jsonb)
          where id = ?`,
        [incident.openedAt, JSON.stringify(args.stateText), JSON.stringify(args.incidents), args.caseId],
      );
    });
  }

  /** Moves an incident on; a retry of the same step changes nothing more. */
  async settle(args: SettleIncidentArgs): Promise<void> {
    const from = args.state === 'retrying' ? ['open'] : ['open', 'retrying'];
    const at = new Date(args.at);
    await this.orm.em
      .fork()
      .nativeUpdate(
        Incident,
        { id: args.incidentId, state: { $in: from } },
        args.state === 'retrying'
          ? { state: args.state, retriedBy: args.retriedBy ?? null, retriedAt: at }
          : { state: args.state, settledAt: at },
      );
  }

  findById(id: string): Promise<Incident | null> {
    return this.orm.em.fork().findOne(Incident, { id });
  }

  /** Newest first; one more row than the page to tell whether another follows. */
  page(filter: IncidentFilter): Promise<Incident[]> {
    const where: Record<string, unknown> = {};
    if (filter.state) where.state = filter.state;
    if (filter.caseId) where.caseId = filter.caseId;
    if (filter.before) {
      const { openedAt, id } = filter.before;
      where.$or = [{ openedAt: { $lt: openedAt } }, { openedAt, id: { $lt: id } }];
    }
    return this.orm.em
      .fork()
      .find(Incident, where, { orderBy: { openedAt: 'desc', id: 'desc' }, limit: filter.limit + 1 });
  }
}
