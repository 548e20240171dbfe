import { Inject, Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import type { Actor } from '../../workflows/contracts/actor.js';
import { decideUpdate, pauseClockUpdate, requestExtensionUpdate, requestSupplementUpdate, resumeClockUpdate } from '../../workflows/contracts/case-messages.js';
import type { CaseStatus } from '../../workflows/contracts/case-status.js';
import { DomainError } from '../common/errors/domain-error.js';
import { decodeCursor, encodeCursor, type Page } from '../common/http/keyset-cursor.js';
import { CaseEngine } from '../engine/case-engine.js';
import type { CompleteTaskDto, ListTasksQueryDto, RequestExtensionDto } from './dto/task.dto.js';
import { InboxTask } from './inbox-task.entity.js';
import { detailsNotText, taskClaimedByOther, taskClosed, taskNotFound } from './task-errors.js';

/** The inbox: tasks of the caller's role and department; decisions go to the case workflow. */
@Injectable()
export class TasksService {
  constructor(
    @Inject(MikroORM) private readonly orm: MikroORM,
    private readonly engine: CaseEngine,
  ) {}

  async list(actor: Actor, query: ListTasksQueryDto): Promise<Page<InboxTask>> {
    const where: Record<string, unknown> = { status: 'open', role: actor.role, department: actor.department };
    if (query.procedure) where.procedure = query.procedure;
    if (query.pack) where.pack = query.pack;
    if (query.kind) where.kind = query.kind;
    if (query.overdue !== undefined) where.overdue = query.overdue;
    const dueConditions: unknown[] = [];
    if (query.dueBefore) dueConditions.push({ dueAt: { $lt: new Date(query.dueBefore) } });
    const cursor = decodeCursor(query.cursor);
    if (cursor) dueConditions.push({ $or: [{ dueAt: { $gt: new Date(cursor.sortKey) } }, { dueAt: new Date(cursor.sortKey), id: { $gt: cursor.id } }] });
    if (dueConditions.length) where.$and = dueConditions;
    const limit = query.limit ?? 20;
    const rows = await this.orm.em.fork().find(InboxTask, where, { orderBy: { dueAt: 'asc', id: 'asc' }, limit: limit + 1 });
    const items = rows.slice(0, limit);
    const last = items.at(-1);
    return { items, nextCursor: rows.length > limit && last ? encodeCursor(last.dueAt.toISOString(), last.id) : null };
  }

  /** A task the caller may act on; 404 otherwise (do not reveal others' tasks). */
  async visibleTask(actor: Actor, taskId: string): Promise<InboxTask> {
    const task = await this.orm.em.fork().findOne(InboxTask, { id: taskId });
    if (!task || task.role !== actor.role || task.department !== actor.department) throw taskNotFound();
    return task;
  }

  async claim(actor: Actor, taskId: string): Promise<InboxTask> {
    const task = await this.visibleTask(actor, taskId);
    const updated = await this.orm.em.fork().getConnection().execute(
      `update inbox_task set claimed_by = ? where id = ? and status = 'open' and (claimed_by is null or claimed_by = ?) returning id`,
      [actor.id, taskId, actor.id],
    );
    if (updated.length === 0) throw await this.whyNotActionable(taskId);
    return { ...task, claimedBy: actor.id } as InboxTask;
  }

  async release(actor: Actor, taskId: string): Promise<InboxTask> {
    const task = await this.visibleTask(actor, taskId);
    const updated = await this.orm.em.fork().getConnection().execute(
      `update inbox_task set claimed_by = null where id = ? and status = 'open' and claimed_by = ? returning id`,
      [taskId, actor.id],
    );
    if (updated.length === 0) throw await this.whyNotActionable(taskId);
    return { ...task, claimedBy: null } as InboxTask;
  }

  async complete(actor: Actor, taskId: string, dto: CompleteTaskDto): Promise<CaseStatus> {
    const task = await this.actionable(actor, taskId);
    if (dto.details && Object.values(dto.details).some((v) => typeof v !== 'string' || v.length > 2000)) throw detailsNotText();
    const args = { taskId, actor, decision: dto.decision, reasons: dto.reasons, workingDays: dto.workingDays, details: dto.details };
    return this.engine.update(task.caseId, decideUpdate, args).catch((error: unknown) => this.explain(taskId, error));
  }

  async requestExtension(actor: Actor, taskId: string, dto: RequestExtensionDto): Promise<CaseStatus> {
    const task = await this.actionable(actor, taskId);
    const args = { taskId, actor, workingDays: dto.workingDays, reason: dto.reason };
    return this.engine.update(task.caseId, requestExtensionUpdate, args).catch((error: unknown) => this.explain(taskId, error));
  }

  /** Stop or restart a step's clock, or ask for a supplement, where the step's text provides it. */
  async clock(actor: Actor, taskId: string, action: 'pause' | 'resume' | 'supplement', reason?: string): Promise<CaseStatus> {
    const task = await this.actionable(actor, taskId);
    const update = { pause: pauseClockUpdate, resume: resumeClockUpdate, supplement: requestSupplementUpdate }[action];
    return this.engine.update(task.caseId, update, { taskId, actor, reason }).catch((error: unknown) => this.explain(taskId, error));
  }

  private async actionable(actor: Actor, taskId: string): Promise<InboxTask> {
    const task = await this.visibleTask(actor, taskId);
    if (task.status !== 'open') throw taskClosed();
    if (task.claimedBy && task.claimedBy !== actor.id) throw taskClaimedByOther(task.claimedBy);
    return task;
  }

  /** A decision that lost a race may find the case already closed: that is a conflict, not a missing case. */
  private async explain(taskId: string, error: unknown): Promise<never> {
    if (error instanceof DomainError && error.kind === 'not-found') {
      const task = await this.orm.em.fork().findOne(InboxTask, { id: taskId });
      if (task && task.status !== 'open') throw taskClosed();
    }
    throw error;
  }

  private async whyNotActionable(taskId: string): Promise<Error> {
    const task = await this.orm.em.fork().findOne(InboxTask, { id: taskId });
    if (!task) return taskNotFound();
    if (task.status !== 'open') return taskClosed();
    return taskClaimedByOther(task.claimedBy ?? 'another user');
  }
}
