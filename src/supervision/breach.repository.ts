import { Inject, Injectable } from '@nestjs/common';
import { MikroORM, type EntityManager } from '@mikro-orm/postgresql';
import type {
  BreachArgs,
  LateApplicationArgs,
  StepDeadlineRecord,
  WarningArgs,
} from '../../workflows/contracts/activities.js';
import { CalendarStore } from '../calendar/calendar-store.js';
import { inTransaction } from '../database/unit-of-work.js';
import { InboxTaskRepository } from '../tasks/inbox-task.repository.js';
import { Breach } from './breach.entity.js';

export interface BreachFilter {
  department?: string;
  procedure?: string;
  pack?: string;
  kind?: string;
  /** The step's article or a further one it breaches (e.g. 第五十条). */
  article?: string;
  /** YYYY-MM: recorded in that month (Asia/Shanghai). */
  month?: string;
  /** YYYY: (summary) steps opened in that year (Asia/Shanghai). */
  year?: string;
}

/** A breach row's columns for a step's warning or breach. */
function stepRow(args: StepDeadlineRecord, id: string, kind: 'step-overdue' | 'warning') {
  return {
    taskId: id,
    kind,
    caseId: args.caseId,
    procedure: args.procedure,
    pack: args.pack,
    stepId: args.stepId,
    department: args.department,
    citation: args.citation,
    dueAt: new Date(args.dueAt),
    recordedAt: new Date(args.recordedAt),
  };
}

/** The id of a step's warning row: one per task. */
export const warningIdOf = (taskId: string) => `warning:${taskId}`;

/** Breaches (breach): recorded once each, listed for supervisors and auditors. */
@Injectable()
export class BreachRepository {
  constructor(
    @Inject(MikroORM) private readonly orm: MikroORM,
    private readonly inbox: InboxTaskRepository,
  ) {}

  private async insertIfAbsent(
    em: EntityManager,
    breach: Omit<Breach, 'alsoUnder' | 'workingDaysLeft'> & Partial<Pick<Breach, 'alsoUnder' | 'workingDaysLeft'>>,
  ): Promise<void> {
    const row: Omit<Breach, never> = { alsoUnder: [], workingDaysLeft: null, ...breach } as Omit<Breach, never>;
    await em.createQueryBuilder(Breach).insert(row).onConflict('taskId').ignore().execute();
  }

  /** A step's breach, the task marked overdue and the authority's escalation task: all three, or none. */
  recordStepBreach(args: BreachArgs): Promise<void> {
    return inTransaction(this.orm, async (em) => {
      await this.insertIfAbsent(em, {
        ...stepRow(args, args.taskId, 'step-overdue'),
        alsoUnder: args.alsoUnder ?? [],
      });
      await this.inbox.markOverdue(args.taskId, em);
      if (args.escalation) await this.inbox.open(args.escalation, em);
    });
  }

  /** A step's warning (预警) and the task marked warned: both, or neither. */
  recordWarning(args: WarningArgs): Promise<void> {
    return inTransaction(this.orm, async (em) => {
      await this.insertIfAbsent(em, {
        ...stepRow(args, warningIdOf(args.taskId), 'warning'),
        workingDaysLeft: args.workingDaysLeft,
      });
      await this.inbox.markWarned(args.taskId, new Date(args.recordedAt), em);
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
    const qb = this.filtered(filter);
    return qb.orderBy({ recordedAt: 'desc', taskId: 'asc' }).limit(500).getResultList();
  }

  /**
   * Per department (and procedure): steps warned and breached, decided on time, and the average working days
   * the decided steps took, over the same filter. The on-time rate counts decided steps without a breach.
   */
  async summary(filter: BreachFilter): Promise<DepartmentSummaryRow[]> {
    const where: string[] = ['t.kind = ?'];
    const params: unknown[] = ['decision'];
    for (const key of ['department', 'procedure', 'pack'] as const) {
      if (filter[key]) {
        where.push(`t.${key} = ?`);
        params.push(filter[key]);
      }
    }
    if (filter.month) {
      where.push(`to_char(t.created_at at time zone 'Asia/Shanghai', 'YYYY-MM') = ?`);
      params.push(filter.month);
    }
    if (filter.year) {
      where.push(`to_char(t.created_at at time zone 'Asia/Shanghai', 'YYYY') = ?`);
      params.push(filter.year);
    }
    if (filter.article) {
      where.push(`t.citation->>'article' = ?`);
      params.push(filter.article);
    }
    const rows = await this.orm.em.getConnection().execute<RawSummaryRow[]>(
      `select t.department,
              count(*)::int as steps,
              count(*) filter (where t.status = 'completed')::int as decided,
              count(*) filter (where t.status = 'completed' and not t.overdue)::int as decided_on_time,
              count(*) filter (where t.overdue)::int as breached,
              count(*) filter (where t.warned_at is not null)::int as warned,
              coalesce(sum(t.urge_count), 0)::int as urges
         from inbox_task t
        where ${where.join(' and ')}
        group by t.department
        order by t.department`,
      params,
    );
    const taken = await this.workingDaysTaken(where, params);
    return rows.map((r) => ({
      department: r.department,
      steps: r.steps,
      decided: r.decided,
      decidedOnTime: r.decided_on_time,
      breached: r.breached,
      warned: r.warned,
      urges: r.urges,
      onTimeRate: r.decided > 0 ? r.decided_on_time / r.decided : null,
      averageWorkingDays: average(taken.get(r.department)),
    }));
  }

  /** Working days each decided step took, from its opening to its decision, on the loaded holiday calendar. */
  private async workingDaysTaken(where: string[], params: unknown[]): Promise<Map<string, number[]>> {
    const em = this.orm.em.fork();
    const calendar = await new CalendarStore(em).loadCalendar();
    const rows = await em
      .getConnection()
      .execute<Array<{ department: string; created_at: string; completed_at: string }>>(
        `select t.department, t.created_at, t.completed_at from inbox_task t
        where ${where.join(' and ')} and t.status = 'completed' and t.completed_at is not null`,
        params,
      );
    const taken = new Map<string, number[]>();
    for (const r of rows) {
      const days = calendar.workingDaysBetween(new Date(r.created_at), new Date(r.completed_at));
      taken.set(r.department, [...(taken.get(r.department) ?? []), days]);
    }
    return taken;
  }

  private filtered(filter: BreachFilter) {
    const qb = this.orm.em.fork().createQueryBuilder(Breach, 'b');
    for (const key of ['department', 'procedure', 'pack', 'kind'] as const) {
      if (filter[key]) qb.andWhere({ [key]: filter[key] });
    }
    if (filter.article) {
      qb.andWhere(`(b.citation->>'article' = ? or b.also_under @> ?::jsonb)`, [
        filter.article,
        JSON.stringify([{ article: filter.article }]),
      ]);
    }
    if (filter.month) {
      qb.andWhere(`to_char(b.recorded_at at time zone 'Asia/Shanghai', 'YYYY-MM') = ?`, [filter.month]);
    }
    if (filter.year) {
      qb.andWhere(`to_char(b.recorded_at at time zone 'Asia/Shanghai', 'YYYY') = ?`, [filter.year]);
    }
    return qb;
  }
}

interface RawSummaryRow {
  department: string;
  steps: number;
  decided: number;
  decided_on_time: number;
  breached: number;
  warned: number;
  urges: number;
}

function average(values: number[] | undefined): number | null {
  if (!values?.length) return null;
  return Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10;
}

export interface DepartmentSummaryRow {
  department: string;
  steps: number;
  decided: number;
  decidedOnTime: number;
  breached: number;
  warned: number;
  /** 催办: urges on these steps' tasks. */
  urges: number;
  onTimeRate: number | null;
  averageWorkingDays: number | null;
}
