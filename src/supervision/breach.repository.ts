import { Inject, Injectable } from '@nestjs/common';
import { MikroORM, type EntityManager } from '@mikro-orm/postgresql';
import type { BreachArgs, LateApplicationArgs } from '../../workflows/contracts/activities.js';
import { inTransaction } from '../database/unit-of-work.js';
import { InboxTaskRepository } from '../tasks/inbox-task.repository.js';
import { Breach } from './breach.entity.js';

export interface BreachFilter {
  department?: string;
  procedure?: string;
  pack?: string;
  kind?: string;
}

/** Breaches (breach): recorded once each, listed for supervisors and auditors. */
@Injectable()
export class BreachRepository {
  constructor(
    @Inject(MikroORM) private readonly orm: MikroORM,
    private readonly inbox: InboxTaskRepository,
  ) {}

  private async insertIfAbsent(em: EntityManager, breach: Omit<Breach, never>): Promise<void> {
    await em.createQueryBuilder(Breach).insert(breach).onConflict('taskId').ignore().execute();
  }

  /** A step's breach, the task marked overdue and the authority's escalation task: all three, or none. */
  recordStepBreach(args: BreachArgs): Promise<void> {
    return inTransaction(this.orm, async (em) => {
      await this.insertIfAbsent(em, {
        taskId: args.taskId,
        kind: 'step-overdue',
        caseId: args.caseId,
        procedure: args.procedure,
        pack: args.pack,
        stepId: args.stepId,
        department: args.department,
        citation: args.citation,
        dueAt: new Date(args.dueAt),
        recordedAt: new Date(args.recordedAt),
      });
      await this.inbox.markOverdue(args.taskId, em);
      if (args.escalation) await this.inbox.open(args.escalation, em);
    });
  }

  /** Chongqing Art. 50(8): an application made after its period; it has no task of its own. */
  async recordLateApplication(args: LateApplicationArgs): Promise<void> {
    await this.insertIfAbsent(this.orm.em.fork(), {
      taskId: args.breachId,
      kind: 'late-application',
      caseId: args.caseId,
      procedure: args.procedure,
      pack: args.pack,
      stepId: 'application',
      department: args.department,
      citation: args.citation,
      dueAt: new Date(args.dueAt),
      recordedAt: new Date(args.receivedAt),
    });
  }

  /** Newest first, at most 500. */
  list(filter: BreachFilter): Promise<Breach[]> {
    const where: Record<string, string> = {};
    for (const key of ['department', 'procedure', 'pack', 'kind'] as const) if (filter[key]) where[key] = filter[key]!;
    return this.orm.em.fork().find(Breach, where, { orderBy: { recordedAt: 'desc', taskId: 'asc' }, limit: 500 });
  }
}
