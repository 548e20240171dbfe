import { condition } from '@temporalio/workflow';
import { patchedBefore202612, startedSince202612 } from './run-patches.js';
import type { Actor } from '../contracts/actor.js';
import type { DecideArgs, UrgeArgs } from '../contracts/case-messages.js';
import type { CalendarChange } from '../contracts/calendar-change.js';
import type { DecisionRecord, DueChange, StepDue, StepStatus, UrgeRecord } from '../contracts/case-status.js';
import type { Text } from '../contracts/citation.js';
import type { DueDate, StepPlan, StepPlanRequest } from '../contracts/deadline.js';
import type { DecisionSchema } from '../contracts/decisions.js';
import { stepTaskId, type InboxTaskInput } from '../contracts/inbox.js';
import type { StepRule } from '../rules/rule-types.js';
import type { SyncCaseArgs } from '../contracts/activities.js';
import { activities, queuedActivities } from './activities-proxy.js';
import { reject, rejectDecided } from './rejection.js';
import { CaseStopped, type StopKind } from './case-stop.js';
import { StepBreach } from './step-breach.js';
import { StepClock } from './step-clock.js';
import { StepWarning } from './step-warning.js';
import { periodOf, stepPlanRequest, type WorkingDayDeadline } from './step-plan-request.js';
import type { StepContext } from './step-context.js';
import type { DueBasis, StepCore } from './step-core.js';
import { APPROVE_OR_REFUSE, checkAgainst, withRuleReasons, type DecisionPolicy } from './step-decisions.js';
import { countedDays, StepExtension } from './step-extension.js';
import { StepHandOver } from './step-hand-over.js';
import { workflowNow } from './workflow-time.js';

export type { DecisionPolicy } from './step-decisions.js';

/** Urges share the case's update budget with decisions (a supervisor's are not limited per day): a step takes this many. */
const MAX_URGES_PER_STEP = 50;

/** The decision recorded when an application is deemed withdrawn for want of a supplement (条例 Art. 30). */
export const ABANDONED = 'abandoned';
export type { DueBasis } from './step-core.js';

/** The first due date: working days (an article's, or an administrative target) from `from`, or a month's end. */
async function firstDue(ctx: StepContext, rule: StepRule, from: string): Promise<StepDue> {
  const deadline = rule.deadline;
  if ('monthEnd' in deadline) {
    const due = await activities.computeMonthEnd({ from, month: deadline.monthEnd });
    return {
      ...due,
      basis: deadline.basis,
      workingDays: 0,
      from,
      citation: deadline.citation,
      monthEnd: deadline.monthEnd,
    };
  }
  const workingDays = periodOf(ctx, deadline);
  const due = await activities.computeDueDate({ receivedAt: from, workingDays });
  return { ...due, basis: deadline.basis, workingDays, from, citation: deadline.citation };
}

/** How many times a step plans its dates before its task opens without the calendar's check. */
const MAX_PLANS = 3;

/** A `planned` step's first due date, from its plan. */
function plannedDue(rule: StepRule, request: StepPlanRequest, plan: StepPlan): StepDue {
  const deadline = rule.deadline as WorkingDayDeadline;
  return {
    ...plan.due,
    basis: deadline.basis,
    workingDays: request.workingDays,
    from: request.from,
    citation: deadline.citation,
  };
}

/**
 * One statutory step, written once for every procedure: an inbox task, a due
 * date from the calendar and a Temporal timer that follows it, and the
 * decision. Its parts: the clock (stopped only where a text allows), the
 * extension (where the pack has one) and the breach (with its escalation).
 */
export class StatutoryStep implements StepCore {
  /** Steps opened before it replied to a decision only once the task was closed replay that way. */
  static readonly REPLY_WHEN_RECORDED_PATCH = 'decision-reply-when-recorded';
  readonly taskId: string;
  readonly status: StepStatus;
  readonly schema: DecisionSchema;
  readonly clock: StepClock;
  readonly extension: StepExtension;
  /** 转办 and 委派. */
  readonly handOver: StepHandOver;
  private readonly breach: StepBreach;
  private warning?: StepWarning;
  private decided?: DecisionRecord;
  private dueVersion = 0;
  /** What a `planned` step's dates were asked as, and the calendar version they were counted on. */
  private request?: StepPlanRequest;
  private plannedOn?: string;
  /** Whether a decision's reply goes out once it is recorded, its task closed afterwards by `decision()`. */
  private repliesWhenRecorded = false;
  /** A recorded decision whose task (and pending extension approval) is still to be closed. */
  private closing?: { actorId: string; decision: string; at: string; lapsedApproval?: string };

  private constructor(
    readonly ctx: StepContext,
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
    this.schema = withRuleReasons(policy.schema, rule);
    this.clock = new StepClock(this);
    this.extension = new StepExtension(this);
    this.handOver = new StepHandOver(this);
    this.breach = new StepBreach(this, this.extension);
  }

  /** Computes the due date and opens the task; the caller then awaits `decision()`. */
  static async open(
    ctx: StepContext,
    rule: StepRule,
    from: string,
    policy: DecisionPolicy = APPROVE_OR_REFUSE,
  ): Promise<StatutoryStep> {
    const step = new StatutoryStep(ctx, rule, policy, await firstDue(ctx, rule, from));
    // Cases opened before warnings existed replay without them.
    if (!('monthEnd' in rule.deadline) && patchedBefore202612(StepWarning.PATCH)) {
      step.warning = new StepWarning(step);
      await step.warning.plan();
    }
    if (rule.supplement) {
      const requestBefore = await activities.computeDueDate({
        receivedAt: from,
        workingDays: rule.supplement.withinWorkingDays,
      });
      step.status.supplement = { requestBefore: requestBefore.dueAt, citation: rule.supplement.citation };
    }
    await activities.openTask(step.decisionTask());
    step.repliesWhenRecorded = patchedBefore202612(StatutoryStep.REPLY_WHEN_RECORDED_PATCH);
    step.register();
    return step;
  }

  /**
   * Whether a step of this rule opens in two calls (`planned`, then `openTaskWith`) rather than up to five (`open`,
   * then the case row's write): in runs started since 2026-12, for deadlines in working days.
   */
  static opensInTwoCalls(rule: StepRule): boolean {
    return !('monthEnd' in rule.deadline) && startedSince202612();
  }

  /**
   * Computes the due date, the warning point and the supplement period in one call (none, for a first step the API
   * planned as it started the case); `openTaskWith` opens the task.
   */
  static async planned(
    ctx: StepContext,
    rule: StepRule,
    from: string,
    policy: DecisionPolicy = APPROVE_OR_REFUSE,
  ): Promise<StatutoryStep> {
    const request = stepPlanRequest(ctx, rule, from);
    const plan = ctx.plannedAhead(request) ?? (await activities.planStep(request));
    const step = new StatutoryStep(ctx, rule, policy, plannedDue(rule, request, plan));
    step.warning = new StepWarning(step);
    step.usePlan(request, plan);
    step.repliesWhenRecorded = true;
    step.register();
    return step;
  }

  /** The step's dates from a plan (`planned`, or planned again because the calendar changed before the task opened). */
  private usePlan(request: StepPlanRequest, plan: StepPlan): void {
    this.request = request;
    this.plannedOn = plan.calendarVersion;
    this.status.due = plannedDue(this.rule, request, plan);
    this.warning!.planned(request.warningWorkingDays, plan.warningAt);
    if (this.rule.supplement && plan.supplementBy) {
      this.status.supplement = { requestBefore: plan.supplementBy.dueAt, citation: this.rule.supplement.citation };
    }
  }

  /**
   * Opens a `planned` step's task, with the case row that shows the step (`caseRowOf`) in the same transaction. A year
   * loaded after the step's dates were planned may have had its recompute list the open tasks before this one was
   * written: the step then plans again on the calendar as it is now, and opens with those dates.
   */
  async openTaskWith(caseRowOf: () => SyncCaseArgs): Promise<void> {
    for (let attempt = 1; ; attempt += 1) {
      // Past a few plans (one per year loaded meanwhile), the task opens regardless rather than loop.
      const calendarVersion = attempt <= MAX_PLANS ? this.plannedOn : undefined;
      const opened = await activities.openStepTask({
        task: this.decisionTask(),
        caseRow: caseRowOf(),
        calendarVersion,
      });
      if (!opened.calendarChanged) return;
      this.usePlan(this.request!, await activities.planStep(this.request!));
    }
  }

  private decisionTask(): InboxTaskInput {
    return {
      ...this.task(this.taskId, 'decision', this.rule.title, this.rule.actorRole, this.status.actorDepartment),
      decisionSchema: this.schema,
    };
  }

  /** Decisions naming the step's task reach it from now on. */
  private register(): void {
    this.ctx.registerTask({
      id: this.taskId,
      kind: 'decision',
      validate: (args) => this.validateDecision(args),
      apply: (args) => this.applyDecision(args),
    });
  }

  get isOpen(): boolean {
    return !this.decided;
  }

  get escalationOpen(): boolean {
    return this.breach.escalationOpen;
  }

  /** Waits for the decision; the deadline timer moves when the due date does. */
  async decision(): Promise<DecisionRecord> {
    while (!this.decided) {
      const version = this.dueVersion;
      const now = workflowNow().getTime();
      const remaining = Date.parse(this.status.due.dueAt) - now;
      const running = !this.status.overdue && !this.clock.stopped;
      if (running && remaining <= 0) {
        await this.breach.record();
        continue;
      }
      const untilWarning = this.warning?.pendingAt ? Date.parse(this.warning.pendingAt) - now : undefined;
      if (running && untilWarning !== undefined && untilWarning <= 0) {
        await this.warning!.record();
        continue;
      }
      // A stopped clock may have its own end: the third party's time to answer, or the supplement period.
      const stoppedUntil = this.status.overdue ? undefined : (this.clock.answerBy ?? this.clock.supplyBy);
      const untilStoppedEnds = stoppedUntil ? Date.parse(stoppedUntil) - now : undefined;
      if (untilStoppedEnds !== undefined && untilStoppedEnds <= 0) {
        if (this.clock.answerBy) await this.clock.resume('lapsed');
        else await this.abandon();
        continue;
      }
      const writing = this.ctx.idle();
      if (writing) await writing;
      const changed = () => !!this.decided || this.dueVersion !== version;
      if (running) await condition(changed, Math.min(remaining, untilWarning ?? remaining));
      else if (untilStoppedEnds !== undefined) await condition(changed, untilStoppedEnds);
      else await condition(changed);
    }
    if (this.closing) await this.closeDecidedTask(this.closing);
    if (this.ctx.stopping) throw new CaseStopped(this.ctx);
    return this.decided;
  }

  private validateDecision(args: DecideArgs): void {
    if (!this.isOpen) rejectDecided();
    this.checkActor(args.actor, this.rule.actorRole, this.status.actorDepartment);
    this.handOver.checkHolder(args.actor.id);
    this.handOver.checkDecidable();
    checkAgainst(this.schema, args);
    this.policy.check?.(args);
  }

  /**
   * Applies a validated decision: recorded at once (a second decision is rejected). The update's completion in the
   * history is what makes it durable; the task is closed by the step's flow right after (older steps: before the reply).
   */
  private async applyDecision(args: DecideArgs): Promise<void | 'deferred'> {
    const now = workflowNow().toISOString();
    this.decided = {
      taskId: this.taskId,
      stepId: this.rule.id,
      decision: args.decision,
      reasons: args.reasons?.trim(),
      actor: args.actor,
      decidedAt: now,
      details: args.details,
    };
    this.status.state = 'done';
    this.status.decision = this.decided;
    this.status.clock = { state: 'stopped', since: now };
    // A caller who waits for the case to move on (`settle`) gets the task closed in the update, as before.
    if (this.repliesWhenRecorded && !args.settle) {
      const lapsedApproval = this.extension.markLapsed();
      this.closing = { actorId: args.actor.id, decision: args.decision, at: now, lapsedApproval };
      return 'deferred';
    }
    await activities.completeTask({
      taskId: this.taskId,
      actorId: args.actor.id,
      decision: args.decision,
      completedAt: now,
    });
    await this.extension.lapse(now);
  }

  /** Queued, not local: the decision's reply leaves with the workflow task this runs in. */
  private async closeDecidedTask(closing: NonNullable<StatutoryStep['closing']>): Promise<void> {
    this.closing = undefined;
    await queuedActivities.completeTask({
      taskId: this.taskId,
      actorId: closing.actorId,
      decision: closing.decision,
      completedAt: closing.at,
    });
    if (closing.lapsedApproval) await activities.cancelTask({ taskId: closing.lapsedApproval, at: closing.at });
  }

  /**
   * 条例 Art. 30: no supplement within the period the request gave — the application is deemed withdrawn. The
   * step ends without a decision of anyone; its task is cancelled and the workflow closes the case.
   */
  private async abandon(): Promise<void> {
    const now = workflowNow().toISOString();
    const lapse = this.rule.supplement!.lapse;
    this.decided = {
      taskId: this.taskId,
      stepId: this.rule.id,
      decision: ABANDONED,
      reasons: `逾期未补正，视为放弃申请（${lapse.article}${lapse.clause ?? ''}）`,
      actor: {
        id: 'platform',
        name: '系统（补正期限届满）',
        role: this.rule.actorRole,
        department: this.status.actorDepartment,
      },
      decidedAt: now,
    };
    this.status.state = 'done';
    this.status.decision = this.decided;
    this.status.clock = { state: 'stopped', since: now, citation: lapse };
    await activities.cancelTask({ taskId: this.taskId, at: now });
    await this.extension.lapse(now);
    await this.handOver.cancelOpen(now);
  }

  /**
   * 撤销 / 终止: the case closes while this step waits. The step ends with the
   * stop recorded as its outcome (by whom, why); its task, a pending extension
   * approval and an open escalation are cancelled, and no timer of it fires again.
   */
  async stop(kind: StopKind, actor: Actor, reasons: string): Promise<void> {
    const now = workflowNow().toISOString();
    this.decided = { taskId: this.taskId, stepId: this.rule.id, decision: kind, reasons, actor, decidedAt: now };
    this.status.state = 'done';
    this.status.decision = this.decided;
    this.status.clock = { state: 'stopped', since: now };
    await activities.cancelTask({ taskId: this.taskId, at: now });
    await this.extension.lapse(now);
    await this.handOver.cancelOpen(now);
    await this.breach.cancelEscalation(now);
  }

  /** 催办: recorded on the step and on its inbox task, where the assignee and the department see it. */
  async urge(args: UrgeArgs): Promise<void> {
    const record: UrgeRecord = {
      actor: args.actor,
      at: workflowNow().toISOString(),
      workingDay: args.workingDay,
      ...(args.note?.trim() ? { note: args.note.trim() } : {}),
    };
    this.status.urges = [...(this.status.urges ?? []), record];
    await activities.recordUrge({ taskId: this.taskId, caseId: this.ctx.caseId, ...record });
  }

  validateUrge(args: UrgeArgs, applicantId: string): void {
    if (!this.isOpen) rejectDecided();
    const byApplicant = args.actor.role === 'applicant' && args.actor.id === applicantId;
    if (!byApplicant && args.actor.role !== 'supervisor') {
      reject('forbidden', 'NOT_ALLOWED_TO_URGE', {
        zh: '只有申请人或监督人员可以催办',
        en: 'Only the applicant or a supervisor may urge a task',
      });
    }
    if ((this.status.urges?.length ?? 0) >= MAX_URGES_PER_STEP) {
      reject('conflict', 'URGE_LIMIT', {
        zh: `该任务已被催办${MAX_URGES_PER_STEP}次，不再接受催办`,
        en: `This task was urged ${MAX_URGES_PER_STEP} times and takes no more urges`,
      });
    }
    const urgedToday = this.status.urges?.some((u) => u.actor.id === args.actor.id && u.workingDay === args.workingDay);
    if (byApplicant && urgedToday) {
      reject('conflict', 'ALREADY_URGED_TODAY', {
        zh: `本工作日（${args.workingDay}）已催办过该任务，请于下一个工作日再催办`,
        en: `You already urged this task on working day ${args.workingDay}; urge again on the next working day`,
      });
    }
  }

  /** 已阅: only the first reading is kept. */
  markRead(reader: Actor, at: string): boolean {
    if (this.status.read || !this.isOpen) return false;
    if (reader.role !== this.rule.actorRole || reader.department !== this.status.actorDepartment) return false;
    this.status.read = { by: reader, at };
    return true;
  }

  /** A new due date (extension, restarted or resumed clock, new holiday schedule): the timer and the inbox task follow. */
  async moveDue(due: DueDate, basis: DueBasis): Promise<void> {
    const workingDays = basis.workingDays ?? this.status.due.workingDays;
    this.status.due = {
      ...this.status.due,
      ...due,
      from: basis.from,
      workingDays,
      counted: basis.counted ?? workingDays,
    };
    this.dueVersion += 1;
    await activities.updateTaskDue({ taskId: this.taskId, due, change: basis.change });
    await this.warning?.plan();
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

  task(
    id: string,
    kind: InboxTaskInput['kind'],
    title: Text,
    role: InboxTaskInput['role'],
    department: string,
  ): InboxTaskInput {
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
}
