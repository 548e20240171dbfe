import { Inject, Injectable } from '@nestjs/common';
import { MikroORM, type EntityManager } from '@mikro-orm/postgresql';
import type { DueDate } from '../../workflows/contracts/deadline.js';
import type { InboxTaskInput } from '../../workflows/contracts/inbox.js';
import { selectRows, type Row } from '../database/list-rows.js';
import { query } from '../database/unit-of-work.js';
import { InboxTask } from './inbox-task.entity.js';

export interface TaskFilter {
  role: string;
  department: string;
  procedure?: string;
  pack?: string;
  kind?: string;
  overdue?: boolean;
  dueBefore?: Date;
  /** Keyset: the due date and id of the last row of the previous page. */
  after?: { dueAt: Date; id: string };
  limit: number;
}

/**
 * The inbox (inbox_task): the only place that reads or writes it. Every write
 * is idempotent (the same task id is the same row; a closed task stays closed),
 * so activity retries are safe.
 */
@Injectable()
export class InboxTaskRepository {
  constructor(@Inject(MikroORM) private readonly orm: MikroORM) {}

  private em(em?: EntityManager): EntityManager {
    return em ?? this.orm.em.fork();
  }

  async exists(taskId: string, em?: EntityManager): Promise<boolean> {
    return (await this.em(em).count(InboxTask, { id: taskId })) > 0;
  }

  async open(task: InboxTaskInput, em?: EntityManager): Promise<void> {
    await this.em(em)
      .createQueryBuilder(InboxTask)
      .insert({
        id: task.id,
        caseId: task.caseId,
        procedure: task.procedure,
        pack: task.pack,
        stepId: task.stepId,
        kind: task.kind,
        titleZh: task.title.zh,
        titleEn: task.title.en,
        role: task.role,
        department: task.department,
        dueAt: new Date(task.dueAt),
        dueDate: task.dueDate,
        dueBasis: task.dueBasis,
        citation: task.citation,
        provisional: task.provisional,
        overdue: false,
        status: 'open',
        createdAt: new Date(task.createdAt),
        decisionSchema: task.decisionSchema ?? null,
        claimedBy: task.assignee ?? null,
      })
      .onConflict('id')
      .ignore()
      .execute();
  }

  async complete(taskId: string, by: { actorId: string; decision: string; at: string }): Promise<void> {
    await this.em().nativeUpdate(
      InboxTask,
      { id: taskId, status: 'open' },
      { status: 'completed', completedBy: by.actorId, decision: by.decision, completedAt: new Date(by.at) },
    );
  }

  async cancel(taskId: string, at: string): Promise<void> {
    await this.em().nativeUpdate(
      InboxTask,
      { id: taskId, status: 'open' },
      { status: 'cancelled', completedAt: new Date(at) },
    );
  }

  async moveDue(taskId: string, due: DueDate): Promise<void> {
    await this.em().nativeUpdate(
      InboxTask,
      { id: taskId },
      { dueAt: new Date(due.dueAt), dueDate: due.dueDate, provisional: due.provisional },
    );
  }

  async markOverdue(taskId: string, em?: EntityManager): Promise<void> {
    await this.em(em).nativeUpdate(InboxTask, { id: taskId }, { overdue: true });
  }

  async markWarned(taskId: string, at: Date, em?: EntityManager): Promise<void> {
    await this.em(em).nativeUpdate(InboxTask, { id: taskId, warnedAt: null }, { warnedAt: at });
  }

  /** 催办: kept once per urge (a retried write changes nothing); the task's count follows the urges kept. */
  async recordUrge(urge: {
    id: string;
    taskId: string;
    caseId: string;
    actorId: string;
    actorRole: string;
    at: string;
    note?: string;
  }): Promise<void> {
    await this.em()
      .getConnection()
      .execute(
        `with task as (select department from inbox_task where id = ?),
            kept as (insert into task_urge (id, task_id, case_id, department, actor_id, actor_role, at, note)
                     select ?, ?, ?, task.department, ?, ?, ?, ? from task on conflict (id) do nothing returning task_id)
       update inbox_task set urge_count = urge_count + (select count(*) from kept), last_urged_at = greatest(last_urged_at, ?::timestamptz)
       where id = ?`,
        [
          urge.taskId,
          urge.id,
          urge.taskId,
          urge.caseId,
          urge.actorId,
          urge.actorRole,
          urge.at,
          urge.note ?? null,
          urge.at,
          urge.taskId,
        ],
      );
  }

  /** 转办: an open task claimed by the colleague it was handed to (the same again changes nothing). */
  async assign(taskId: string, assignee: string): Promise<void> {
    await this.em().nativeUpdate(InboxTask, { id: taskId, status: 'open' }, { claimedBy: assignee });
  }

  /** 已阅: records the first reading of an open task; true when this was it. */
  async markRead(taskId: string, readerId: string, at: Date): Promise<boolean> {
    const where = { id: taskId, status: 'open', readAt: null };
    return (await this.em().nativeUpdate(InboxTask, where, { readBy: readerId, readAt: at })) > 0;
  }

  /** Claims an open task unclaimed or already the caller's; false when it is not. */
  async claim(taskId: string, actorId: string): Promise<boolean> {
    const where = { id: taskId, status: 'open', $or: [{ claimedBy: null }, { claimedBy: actorId }] };
    return (await this.em().nativeUpdate(InboxTask, where, { claimedBy: actorId })) > 0;
  }

  async release(taskId: string, actorId: string): Promise<boolean> {
    return (
      (await this.em().nativeUpdate(
        InboxTask,
        { id: taskId, status: 'open', claimedBy: actorId },
        { claimedBy: null },
      )) > 0
    );
  }

  findById(taskId: string): Promise<InboxTask | null> {
    return this.em().findOne(InboxTask, { id: taskId });
  }

  /** 已办: the tasks a person completed, newest first; one more row than the page to tell whether another follows. */
  donePage(actorId: string, limit: number, before?: { completedAt: Date; id: string }): Promise<Array<Row<InboxTask>>> {
    const where: Record<string, unknown> = { status: 'completed', completedBy: actorId };
    if (before) {
      where.$or = [
        { completedAt: { $lt: before.completedAt } },
        { completedAt: before.completedAt, id: { $lt: before.id } },
      ];
    }
    return selectRows(this.em(), InboxTask, where, { orderBy: { completedAt: 'desc', id: 'desc' }, limit: limit + 1 });
  }

  /** Open tasks of one role and department, soonest due first; one more row than the page to tell whether another follows. */
  openPage(filter: TaskFilter): Promise<Array<Row<InboxTask>>> {
    const where: Record<string, unknown> = { status: 'open', role: filter.role, department: filter.department };
    if (filter.procedure) where.procedure = filter.procedure;
    if (filter.pack) where.pack = filter.pack;
    if (filter.kind) where.kind = filter.kind;
    if (filter.overdue !== undefined) where.overdue = filter.overdue;
    const due: unknown[] = [];
    if (filter.dueBefore) due.push({ dueAt: { $lt: filter.dueBefore } });
    if (filter.after) {
      const { dueAt, id } = filter.after;
      due.push({ $or: [{ dueAt: { $gt: dueAt } }, { dueAt, id: { $gt: id } }] });
    }
    if (due.length) where.$and = due;
    return selectRows(this.em(), InboxTask, where, { orderBy: { dueAt: 'asc', id: 'asc' }, limit: filter.limit + 1 });
  }

  /** Cases with an open decision whose due date a new schedule of `year` can move: provisional, or counted through it. */
  async casesWithDueIn(year: number, page?: { after?: string; limit: number }): Promise<string[]> {
    const rows = await query<{ case_id: string }>(
      this.em(),
      `select distinct case_id from inbox_task
       where status = 'open' and kind = 'decision'
         and (provisional or (extract(year from created_at at time zone 'Asia/Shanghai') <= ? and extract(year from due_date) >= ?))
         ${page?.after !== undefined ? 'and case_id > ?' : ''}
       order by case_id
       ${page ? 'limit ?' : ''}`,
      [year, year, ...(page?.after !== undefined ? [page.after] : []), ...(page ? [page.limit] : [])],
    );
    return rows.map((r) => r.case_id);
  }
}
