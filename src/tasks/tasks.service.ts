import { Injectable, Logger } from '@nestjs/common';
import type { Actor } from '../../workflows/contracts/actor.js';
import {
  decideUpdate,
  pauseClockUpdate,
  requestExtensionUpdate,
  requestSupplementUpdate,
  resumeClockUpdate,
  delegateTaskUpdate,
  taskReadSignal,
  transferTaskUpdate,
} from '../../workflows/contracts/case-messages.js';
import type { CaseStatus } from '../../workflows/contracts/case-status.js';
import { findDecisionProblem } from '../../workflows/contracts/decisions.js';
import { CalendarService } from '../calendar/calendar.service.js';
import { Clock } from '../common/clock.js';
import type { PageQueryDto } from '../common/http/page-query.dto.js';
import { DomainError } from '../common/errors/domain-error.js';
import { decodeCursor, pageOf, type Page } from '../common/http/keyset-cursor.js';
import { SHANGHAI_OFFSET_MS } from '../calendar/plain-date.js';
import { CaseEngine } from '../engine/case-engine.js';
import { CasesService } from '../cases/cases.service.js';
import { BreachRepository, type DepartmentSummaryRow } from '../supervision/breach.repository.js';
import type {
  CompleteTaskDto,
  DelegateTaskDto,
  ListTasksQueryDto,
  RequestExtensionDto,
  TransferTaskDto,
} from './dto/task.dto.js';
import { DecisionRecorder } from './decision-recorder.js';
import type { Row } from '../database/list-rows.js';
import type { InboxTask } from './inbox-task.entity.js';
import { InboxTaskRepository, type TaskFilter } from './inbox-task.repository.js';
import { isSameDecision } from './repeated-decision.js';
import { decisionRefused, taskClaimedByOther, taskClosed, taskNotFound } from './task-errors.js';

/** The inbox: tasks of the caller's role and department; decisions go to the case workflow. */
@Injectable()
export class TasksService {
  constructor(
    private readonly inbox: InboxTaskRepository,
    private readonly engine: CaseEngine,
    private readonly decisions: DecisionRecorder,
    private readonly breaches: BreachRepository,
    private readonly time: Clock,
    private readonly calendar: CalendarService,
    private readonly cases: CasesService,
  ) {}

  private readonly logger = new Logger(TasksService.name);

  /**
   * Chongqing Art. 47: a department reports on the year before by the end of January. Its figures for that year
   * (steps, decisions, on-time rate, warnings, breaches, working days taken) pre-fill the report task.
   */
  async reportFigures(task: InboxTask): Promise<DepartmentSummaryRow | undefined> {
    if (task.procedure !== 'annual-report' || task.kind !== 'decision' || task.stepId !== 'department-report') return;
    const opened = new Date(task.createdAt.getTime() + SHANGHAI_OFFSET_MS);
    const year = String(opened.getUTCFullYear() - 1);
    const [figures] = await this.breaches.summary({ department: task.department, year });
    return (
      figures ?? {
        department: task.department,
        steps: 0,
        decided: 0,
        decidedOnTime: 0,
        breached: 0,
        warned: 0,
        urges: 0,
        onTimeRate: null,
        averageWorkingDays: null,
      }
    );
  }

  async list(actor: Actor, query: ListTasksQueryDto): Promise<Page<Row<InboxTask>>> {
    const filter: TaskFilter = {
      role: actor.role,
      department: actor.department,
      procedure: query.procedure,
      pack: query.pack,
      kind: query.kind,
      overdue: query.overdue,
      dueBefore: query.dueBefore ? new Date(query.dueBefore) : undefined,
      limit: query.limit ?? 20,
    };
    const cursor = decodeCursor(query.cursor);
    if (cursor) filter.after = { dueAt: new Date(cursor.sortKey), id: cursor.id };
    return pageOf(await this.inbox.openPage(filter), filter.limit, (row) => row.dueAt);
  }

  /** The working days left of each open task (by id), counted on one load of the calendar. */
  async workingDaysLeft(tasks: ReadonlyArray<Row<InboxTask>>): Promise<Map<string, number>> {
    const open = tasks.filter((t) => t.status === 'open');
    if (open.length === 0) return new Map();
    const calendar = await this.calendar.current();
    const now = this.time.now();
    return new Map(open.map((t) => [t.id, calendar.workingDaysUntilDue(now, t.dueAt, t.dueDate)]));
  }

  /** 已办: what the caller completed, newest first, keyset-paginated on (completed_at, id). */
  async done(actor: Actor, query: PageQueryDto): Promise<Page<Row<InboxTask>>> {
    const limit = query.limit ?? 20;
    const cursor = decodeCursor(query.cursor);
    const before = cursor ? { completedAt: new Date(cursor.sortKey), id: cursor.id } : undefined;
    return pageOf(await this.inbox.donePage(actor.id, limit, before), limit, (row) => row.completedAt!);
  }

  /** A task the caller may act on; 404 otherwise (do not reveal others' tasks). */
  async visibleTask(actor: Actor, taskId: string): Promise<InboxTask> {
    const task = await this.inbox.findById(taskId);
    if (!task || task.role !== actor.role || task.department !== actor.department) throw taskNotFound();
    return task;
  }

  /**
   * 已阅: the first time a reviewer who may decide an open step task opens it. The inbox row keeps it at once;
   * the case (and so the applicant's view and the history) hears of it by a signal.
   */
  async markRead(actor: Actor, task: InboxTask): Promise<void> {
    if (task.status !== 'open' || task.kind !== 'decision' || task.readAt) return;
    if (task.claimedBy && task.claimedBy !== actor.id) return;
    const at = this.time.now();
    if (!(await this.inbox.markRead(task.id, actor.id, at))) return;
    Object.assign(task, { readBy: actor.id, readAt: at });
    try {
      await this.engine.signal(task.caseId, taskReadSignal, { taskId: task.id, reader: actor, at: at.toISOString() });
    } catch (error) {
      this.logger.warn(
        { err: error, taskId: task.id },
        'the case did not hear of the read receipt; the inbox keeps it',
      );
    }
  }

  async claim(actor: Actor, taskId: string): Promise<InboxTask> {
    const task = await this.visibleTask(actor, taskId);
    if (!(await this.inbox.claim(taskId, actor.id))) throw await this.whyNotActionable(taskId);
    return Object.assign(task, { claimedBy: actor.id });
  }

  async release(actor: Actor, taskId: string): Promise<InboxTask> {
    const task = await this.visibleTask(actor, taskId);
    if (!(await this.inbox.release(taskId, actor.id))) throw await this.whyNotActionable(taskId);
    return Object.assign(task, { claimedBy: null });
  }

  async complete(actor: Actor, taskId: string, dto: CompleteTaskDto, settled = false): Promise<CaseStatus> {
    const task = await this.visibleTask(actor, taskId);
    if (task.status !== 'open') return this.repeatedDecision(actor, task, dto);
    this.checkHolder(actor, task);
    // The step's own schema, the same the workflow's validator applies: a bad decision never reaches the engine.
    const problem = task.decisionSchema ? findDecisionProblem(task.decisionSchema, dto) : undefined;
    if (problem) throw decisionRefused(problem);
    const args = {
      taskId,
      actor,
      decision: dto.decision,
      reasons: dto.reasons,
      workingDays: dto.workingDays,
      details: dto.details,
      settle: settled,
    };
    const status = await this.engine.update(task.caseId, decideUpdate, args).catch(async (error: unknown) => {
      // Sent twice at once, the second finds the step decided by the first, or the case closed by it.
      const decided = error instanceof DomainError && error.code === 'TASK_ALREADY_DECIDED';
      if (task.kind === 'decision' && (decided || (await this.closedMeanwhile(taskId, error))))
        return this.repeatedDecision(actor, task, dto);
      return this.explain(taskId, error);
    });
    await this.decisions.recordReply(taskId, status);
    return status;
  }

  /**
   * A decision sent to a step already decided: the one recorded there, sent again by whoever made it (a retry after
   * a lost reply), is answered with the case as it is now; anything else is 409.
   */
  private async repeatedDecision(actor: Actor, task: InboxTask, dto: CompleteTaskDto): Promise<CaseStatus> {
    if (task.kind !== 'decision') throw taskClosed();
    // Closed in the inbox by someone else's or another decision (or cancelled): no need to ask the case.
    if (task.status !== 'open' && (task.completedBy !== actor.id || task.decision !== dto.decision)) throw taskClosed();
    const decisionIn = (status: CaseStatus) => status.steps.find((step) => step.taskId === task.id)?.decision;
    let status = await this.cases.status(actor, task.caseId);
    // The row may not show yet what the workflow recorded a moment ago (the same decision sent twice at once).
    if (!decisionIn(status) && !status.closed) status = await this.engine.status(task.caseId);
    const recorded = decisionIn(status);
    if (!recorded || !isSameDecision(recorded, actor.id, dto)) throw taskClosed();
    return status;
  }

  async requestExtension(actor: Actor, taskId: string, dto: RequestExtensionDto): Promise<CaseStatus> {
    const task = await this.actionable(actor, taskId);
    const args = { taskId, actor, workingDays: dto.workingDays, reason: dto.reason };
    return this.engine
      .update(task.caseId, requestExtensionUpdate, args)
      .catch((error: unknown) => this.explain(taskId, error));
  }

  /**
   * 转办: by whoever holds the task (its assignee, or anyone of its role while unclaimed), or by the principal of
   * its department; the deadline does not move.
   */
  async transfer(actor: Actor, taskId: string, dto: TransferTaskDto): Promise<CaseStatus> {
    const task = await this.inbox.findById(taskId);
    const principal = !!task && actor.role === 'principal' && task.department === actor.department;
    const holder = principal ? task : await this.actionable(actor, taskId);
    if (holder.status !== 'open') throw taskClosed();
    const args = { taskId, actor, to: { id: dto.to, name: dto.toName }, reason: dto.reason };
    return this.engine
      .update(holder.caseId, transferTaskUpdate, args)
      .catch((error: unknown) => this.explain(taskId, error));
  }

  /** 委派: the principal or authority holding the task asks a colleague for an opinion. */
  async delegate(actor: Actor, taskId: string, dto: DelegateTaskDto): Promise<CaseStatus> {
    const task = await this.actionable(actor, taskId);
    const args = { taskId, actor, to: { id: dto.to, name: dto.toName, role: dto.toRole }, request: dto.request };
    return this.engine
      .update(task.caseId, delegateTaskUpdate, args)
      .catch((error: unknown) => this.explain(taskId, error));
  }

  /** Stop or restart a step's clock, or ask for a supplement, where the step's text provides it. */
  async clock(
    actor: Actor,
    taskId: string,
    action: 'pause' | 'resume' | 'supplement',
    reason?: string,
    workingDays?: number,
  ): Promise<CaseStatus> {
    const task = await this.actionable(actor, taskId);
    const update = { pause: pauseClockUpdate, resume: resumeClockUpdate, supplement: requestSupplementUpdate }[action];
    return this.engine
      .update(task.caseId, update, { taskId, actor, reason, workingDays })
      .catch((error: unknown) => this.explain(taskId, error));
  }

  private async actionable(actor: Actor, taskId: string): Promise<InboxTask> {
    const task = await this.visibleTask(actor, taskId);
    if (task.status !== 'open') throw taskClosed();
    this.checkHolder(actor, task);
    return task;
  }

  /** A claimed task is acted on by its claimant only. */
  private checkHolder(actor: Actor, task: InboxTask): void {
    if (task.claimedBy && task.claimedBy !== actor.id) throw taskClaimedByOther(task.claimedBy);
  }

  /** A message that lost a race may find the case already closed: that is a conflict, not a missing case. */
  private async explain(taskId: string, error: unknown): Promise<never> {
    if (await this.closedMeanwhile(taskId, error)) throw taskClosed();
    throw error;
  }

  /** Whether the engine no longer has the case because the task's step ended it. */
  private async closedMeanwhile(taskId: string, error: unknown): Promise<boolean> {
    if (!(error instanceof DomainError && error.kind === 'not-found')) return false;
    const task = await this.inbox.findById(taskId);
    return !!task && task.status !== 'open';
  }

  private async whyNotActionable(taskId: string): Promise<Error> {
    const task = await this.inbox.findById(taskId);
    if (!task) return taskNotFound();
    if (task.status !== 'open') return taskClosed();
    return taskClaimedByOther(task.claimedBy ?? 'another user');
  }
}
