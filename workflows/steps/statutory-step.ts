import { condition, patched } from '@temporalio/workflow';
import type { Actor } from '../contracts/actor.js';
import type { DecideArgs, RequestExtensionArgs } from '../contracts/case-messages.js';
import type { CalendarChange } from '../contracts/calendar-change.js';
import type { DecisionRecord, DueChange, StepDue, StepStatus } from '../contracts/case-status.js';
import type { Text } from '../contracts/citation.js';
import { escalationTaskId, extensionTaskId, stepTaskId, type InboxTaskInput } from '../contracts/inbox.js';
import type { StepRule } from '../rules/rule-types.js';
import type { DueDate } from '../contracts/deadline.js';
import { activities } from './activities-proxy.js';
import { reject } from './rejection.js';
import { StepClock } from './step-clock.js';
import type { StepContext } from './step-context.js';
import { workflowNow } from './workflow-time.js';

/** Procedure-specific rules for a step's decision, on top of role, department and reasons. */
export interface DecisionPolicy {
  decisions: string[];
  check?(args: DecideArgs): void;
}

/** What a moved due date is counted from; `counted` is the working days from `from` (a resumed clock counts only those left). */
export interface DueBasis {
  from: string;
  workingDays?: number;
  counted?: number;
  change?: DueChange;
}

const countedDays = (due: StepDue) => due.counted ?? due.workingDays;

const APPROVE_OR_REFUSE: DecisionPolicy = { decisions: ['approve', 'refuse'] };
const ESCALATION_DAYS_KEY = 'escalation';
const NO_SELF_ESCALATION_PATCH = 'no-self-escalation';

/**
 * One statutory step, written once for every procedure: an inbox task, a due
 * date from the calendar, a Temporal timer; on breach the step is marked
 * overdue, the breach recorded with its article and the authority given an
 * escalation task, and the step keeps waiting (nothing is decided by default);
 * an extension where the pack has one.
 */
export class StatutoryStep {
  readonly taskId: string;
  readonly status: StepStatus;
  readonly clock: StepClock;
  private decided?: DecisionRecord;
  private dueVersion = 0;

  private constructor(
    private readonly ctx: StepContext,
    readonly rule: StepRule,
    private readonly policy: DecisionPolicy,
    due: StepDue,
  ) {
    this.taskId = stepTaskId(ctx.caseId, rule.id);
    this.status = {
      stepId: rule.id,
      taskId: this.taskId,
      title: rule.title,
      actorRole: rule.actorRole,
      actorDepartment: ctx.departmentOf(rule.actorDepartment),
      state: 'open',
      openedAt: workflowNow().toISOString(),
      due,
      overdue: false,
      clock: { state: 'running' },
    };
    this.clock = new StepClock(this);
  }

  /** Computes the due date and opens the task; the caller then awaits `decision()`. */
  static async open(ctx: StepContext, rule: StepRule, from: string, policy: DecisionPolicy = APPROVE_OR_REFUSE): Promise<StatutoryStep> {
    const step = new StatutoryStep(ctx, rule, policy, await StatutoryStep.firstDue(ctx, rule, from));
    if (rule.supplement) {
      const requestBefore = await activities.computeDueDate({ receivedAt: from, workingDays: rule.supplement.withinWorkingDays });
      step.status.supplement = { requestBefore: requestBefore.dueAt, citation: rule.supplement.citation };
    }
    await activities.openTask(step.task(step.taskId, 'decision', rule.title, rule.actorRole, step.status.actorDepartment));
    return step;
  }

  private static async firstDue(ctx: StepContext, rule: StepRule, from: string): Promise<StepDue> {
    const deadline = rule.deadline;
    if ('monthEnd' in deadline) {
      const due = await activities.computeMonthEnd({ from, month: deadline.monthEnd });
      return { ...due, basis: deadline.basis, workingDays: 0, from, citation: deadline.citation, monthEnd: deadline.monthEnd };
    }
    const workingDays = deadline.basis === 'statutory' ? deadline.workingDays : ctx.targetDays(deadline.targetKey);
    const due = await activities.computeDueDate({ receivedAt: from, workingDays });
    return { ...due, basis: deadline.basis, workingDays, from, citation: deadline.citation };
  }

  get isOpen(): boolean {
    return !this.decided;
  }

  /** Waits for the decision; the deadline timer moves when the due date does. */
  async decision(): Promise<DecisionRecord> {
    while (!this.decided) {
      const version = this.dueVersion;
      const remaining = Date.parse(this.status.due.dueAt) - workflowNow().getTime();
      if (!this.status.overdue && !this.clock.stopped && remaining <= 0) {
        await this.recordBreach();
        continue;
      }
      this.ctx.markIdle();
      const changed = () => !!this.decided || this.dueVersion !== version;
      if (this.status.overdue || this.clock.stopped) await condition(changed);
      else await condition(changed, remaining);
    }
    return this.decided;
  }

  // --- decisions on the step's own task -----------------------------------

  validateDecision(args: DecideArgs): void {
    if (!this.isOpen) reject('conflict', 'TASK_ALREADY_DECIDED', { zh: '该任务已办结', en: 'This task has already been decided' });
    this.checkActor(args.actor, this.rule.actorRole, this.status.actorDepartment);
    if (!this.policy.decisions.includes(args.decision)) {
      reject('invalid', 'DECISION_NOT_ALLOWED', {
        zh: `该步骤只能作出以下决定：${this.policy.decisions.join('、')}`,
        en: `This step accepts only: ${this.policy.decisions.join(', ')}`,
      });
    }
    if (this.rule.reasonsRequiredFor.includes(args.decision) && !args.reasons?.trim()) {
      reject('notAllowed', 'REASONS_REQUIRED', {
        zh: `${this.rule.citation.article}${this.rule.citation.clause ?? ''}要求说明理由`,
        en: `${this.rule.citation.pack} ${this.rule.citation.article} requires reasons for this decision`,
      });
    }
    this.policy.check?.(args);
  }

  /** Applies a validated decision: recorded at once (a second decision is rejected), the task closed before returning. */
  async applyDecision(args: DecideArgs): Promise<void> {
    const now = workflowNow().toISOString();
    this.decided = { taskId: this.taskId, stepId: this.rule.id, decision: args.decision, reasons: args.reasons?.trim(), actor: args.actor, decidedAt: now, details: args.details };
    this.status.state = 'done';
    this.status.decision = this.decided;
    await activities.completeTask({ taskId: this.taskId, actorId: args.actor.id, decision: args.decision, completedAt: now });
    if (this.status.extension?.state === 'requested') {
      this.status.extension.state = 'lapsed';
      await activities.cancelTask({ taskId: this.status.extension.approvalTaskId, at: now });
    }
  }

  // --- extension -----------------------------------------------------------

  validateExtensionRequest(args: RequestExtensionArgs): void {
    const rule = this.rule.extension;
    if (!rule) {
      reject('notAllowed', 'EXTENSION_NOT_PROVIDED', {
        zh: `${this.rule.deadline.citation.pack} 对该步骤未规定延长期限`,
        en: `${this.rule.deadline.citation.pack} provides no extension for this step`,
      });
    }
    if (!this.isOpen) reject('conflict', 'TASK_ALREADY_DECIDED', { zh: '该任务已办结', en: 'This task has already been decided' });
    this.checkActor(args.actor, this.rule.actorRole, this.status.actorDepartment);
    if (this.status.extension) {
      reject('notAllowed', 'EXTENSION_ALREADY_REQUESTED', { zh: '每个步骤只能申请一次延期', en: 'Only one extension may be requested per step' });
    }
    if (this.status.overdue || Date.parse(this.status.due.dueAt) <= workflowNow().getTime()) {
      reject('notAllowed', 'EXTENSION_TOO_LATE', { zh: '期限已届满，不能再申请延期', en: 'The deadline has passed; an extension can no longer be requested' });
    }
    this.checkDays(args.workingDays, rule.maxWorkingDays);
    if (!args.reason?.trim()) reject('invalid', 'EXTENSION_REASON_REQUIRED', { zh: '申请延期须说明理由', en: 'An extension request needs a reason' });
  }

  async applyExtensionRequest(args: RequestExtensionArgs): Promise<void> {
    const rule = this.rule.extension!;
    const approvalTaskId = extensionTaskId(this.taskId);
    const approverDepartment = this.ctx.departmentOf(rule.approverDepartment);
    this.status.extension = {
      state: 'requested',
      requestedBy: args.actor,
      requestedAt: workflowNow().toISOString(),
      requestedWorkingDays: args.workingDays,
      reason: args.reason.trim(),
      approvalTaskId,
      maxWorkingDays: rule.maxWorkingDays,
      citation: rule.citation,
    };
    const title: Text = { zh: `审批延期申请：${this.rule.title.zh}`, en: `Approve extension: ${this.rule.title.en}` };
    await activities.openTask({ ...this.task(approvalTaskId, 'extension-approval', title, rule.approverRole, approverDepartment), citation: rule.citation });
  }

  validateExtensionDecision(args: DecideArgs): void {
    const extension = this.status.extension;
    if (extension?.state !== 'requested') reject('conflict', 'EXTENSION_NOT_PENDING', { zh: '该延期申请已处理', en: 'This extension request has already been handled' });
    const rule = this.rule.extension!;
    this.checkActor(args.actor, rule.approverRole, this.ctx.departmentOf(rule.approverDepartment));
    if (!['approve', 'refuse'].includes(args.decision)) {
      reject('invalid', 'DECISION_NOT_ALLOWED', { zh: '只能批准（approve）或不批准（refuse）', en: 'Decide approve or refuse' });
    }
    if (args.decision === 'approve') {
      if (this.status.overdue || Date.parse(this.status.due.dueAt) <= workflowNow().getTime()) {
        reject('notAllowed', 'EXTENSION_TOO_LATE', { zh: '原期限已届满，不能再批准延期', en: 'The original deadline has passed; the extension can no longer be approved' });
      }
      this.checkDays(args.workingDays ?? extension.requestedWorkingDays, rule.maxWorkingDays);
    } else if (!args.reasons?.trim()) {
      reject('invalid', 'REASONS_REQUIRED', { zh: '不批准延期须说明理由', en: 'Refusing an extension needs reasons' });
    }
  }

  async applyExtensionDecision(args: DecideArgs): Promise<void> {
    const extension = this.status.extension!;
    const now = workflowNow().toISOString();
    extension.state = args.decision === 'approve' ? 'approved' : 'refused';
    extension.decidedBy = args.actor;
    extension.decidedAt = now;
    extension.decisionReasons = args.reasons?.trim();
    await activities.completeTask({ taskId: extension.approvalTaskId, actorId: args.actor.id, decision: args.decision, completedAt: now });
    if (args.decision !== 'approve') return;
    const days = args.workingDays ?? extension.requestedWorkingDays;
    extension.approvedWorkingDays = days;
    extension.originalDue = this.status.due;
    const current = this.status.due;
    const extended = await activities.extendDueDate({ due: current, workingDays: days });
    await this.moveDue(extended, { from: current.from, workingDays: current.workingDays + days, counted: countedDays(current) + days });
  }

  /** A new due date (extension, restarted or resumed clock, new holiday schedule): the timer and the inbox task follow. */
  async moveDue(due: DueDate, basis: DueBasis): Promise<void> {
    const workingDays = basis.workingDays ?? this.status.due.workingDays;
    this.status.due = { ...this.status.due, ...due, from: basis.from, workingDays, counted: basis.counted ?? workingDays };
    this.dueVersion += 1;
    await activities.updateTaskDue({ taskId: this.taskId, due, change: basis.change });
  }

  /**
   * A year's holiday schedule was loaded or replaced: the same working days,
   * counted from the same instant on the new calendar. Breached steps, stopped
   * clocks and calendar-date deadlines are left as they are.
   */
  async recomputeDue(change: CalendarChange): Promise<void> {
    const due = this.status.due;
    if (!this.isOpen || this.status.overdue || this.clock.stopped || due.monthEnd) return;
    const fresh = await activities.computeDueDate({ receivedAt: due.from, workingDays: countedDays(due) });
    if (fresh.dueAt === due.dueAt && fresh.provisional === due.provisional) return;
    const record: DueChange = {
      at: workflowNow().toISOString(),
      previousDueAt: due.dueAt,
      previousProvisional: due.provisional,
      dueAt: fresh.dueAt,
      provisional: fresh.provisional,
      year: change.year,
      notices: change.notices.map(({ title, url }) => ({ title, url })),
    };
    due.changes = [...(due.changes ?? []), record];
    await this.moveDue(fresh, { from: due.from, counted: countedDays(due), change: record });
  }

  /** Wakes the deadline wait when the clock stops. */
  clockStopped(): void {
    this.dueVersion += 1;
  }

  // --- breach and escalation -------------------------------------------------

  validateEscalationAck(args: DecideArgs, authorityDepartment: string, openEscalation: boolean): void {
    if (!openEscalation) reject('conflict', 'TASK_ALREADY_DECIDED', { zh: '该督办任务已办结', en: 'This escalation has already been handled' });
    this.checkActor(args.actor, 'authority', authorityDepartment);
    if (args.decision !== 'acknowledge') reject('invalid', 'DECISION_NOT_ALLOWED', { zh: '督办任务只能确认（acknowledge）', en: 'An escalation accepts only acknowledge' });
  }

  private async recordBreach(): Promise<void> {
    const now = workflowNow().toISOString();
    const authority = this.ctx.departmentOf('authority');
    const citation = this.status.due.citation;
    // The authority's own step (a P3 review, its P7 report) has no one above it in the system: the breach is
    // recorded for the supervisor. Cases that breached such a step before this rule replay as they ran.
    const ownStep = this.status.actorDepartment === authority && patched(NO_SELF_ESCALATION_PATCH);
    const escalationId = ownStep ? undefined : escalationTaskId(this.taskId);
    this.status.overdue = true;
    this.status.breach = { recordedAt: now, dueAt: this.status.due.dueAt, citation, escalationTaskId: escalationId };
    if (escalationId) this.ctx.trackEscalation(escalationId);
    if (this.status.extension?.state === 'requested') {
      this.status.extension.state = 'lapsed';
      await activities.cancelTask({ taskId: this.status.extension.approvalTaskId, at: now });
    }
    await activities.recordBreach({
      taskId: this.taskId,
      caseId: this.ctx.caseId,
      procedure: this.ctx.procedure,
      pack: this.ctx.pack,
      stepId: this.rule.id,
      department: this.status.actorDepartment,
      citation,
      dueAt: this.status.due.dueAt,
      recordedAt: now,
      escalation: escalationId ? await this.escalationTask(escalationId, now) : undefined,
    });
  }

  private async escalationTask(id: string, now: string): Promise<InboxTaskInput> {
    const escalationDue = await activities.computeDueDate({ receivedAt: now, workingDays: this.ctx.targetDays(ESCALATION_DAYS_KEY) });
    const title: Text = { zh: `超期督办：${this.rule.title.zh}`, en: `Overdue, supervise: ${this.rule.title.en}` };
    return {
      ...this.task(id, 'escalation', title, 'authority', this.ctx.departmentOf('authority')),
      dueAt: escalationDue.dueAt,
      dueDate: escalationDue.dueDate,
      dueBasis: 'administrative',
      provisional: escalationDue.provisional,
    };
  }

  // --- helpers -------------------------------------------------------------------

  private task(id: string, kind: InboxTaskInput['kind'], title: Text, role: InboxTaskInput['role'], department: string): InboxTaskInput {
    const due = this.status.due;
    return {
      id,
      caseId: this.ctx.caseId,
      procedure: this.ctx.procedure,
      pack: this.ctx.pack,
      stepId: this.rule.id,
      kind,
      title,
      role,
      department,
      dueAt: due.dueAt,
      dueDate: due.dueDate,
      dueBasis: due.basis,
      citation: due.citation,
      provisional: due.provisional,
      createdAt: workflowNow().toISOString(),
    };
  }

  checkActor(actor: Actor, role: string, department: string): void {
    if (actor.role !== role || actor.department !== department) {
      reject('forbidden', 'NOT_YOUR_TASK', {
        zh: `该任务须由${department}的${role}办理`,
        en: `This task is for a ${role} of ${department}`,
      });
    }
  }

  private checkDays(days: number, max: number): void {
    if (!Number.isInteger(days) || days < 1 || days > max) {
      reject('notAllowed', 'EXTENSION_TOO_LONG', {
        zh: `延长期限须为1至${max}个工作日`,
        en: `An extension must be between 1 and ${max} working days`,
      });
    }
  }
}
