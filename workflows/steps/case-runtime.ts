import type { UpdateDefinition } from '@temporalio/common';
import {
  allHandlersFinished,
  condition,
  setHandler,
  Trigger,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import { patchedBefore202612 } from './run-patches.js';
import type { SyncCaseArgs } from '../contracts/activities.js';
import type { Actor } from '../contracts/actor.js';
import {
  caseStatusQuery,
  decideUpdate,
  pauseClockUpdate,
  raiseDisputeUpdate,
  requestExtensionUpdate,
  requestSupplementUpdate,
  resumeClockUpdate,
  settledStatusUpdate,
  submitSupplementUpdate,
  type ClockArgs,
  type DecideArgs,
  type RaiseDisputeArgs,
  type StopCaseArgs,
} from '../contracts/case-messages.js';
import { calendarChangedSignal, type CalendarChange } from '../contracts/calendar-change.js';
import type { CaseOutcome, CaseStatus, DecisionRecord, Procedure, StepStatus } from '../contracts/case-status.js';
import type { Citation, PackId, Text } from '../contracts/citation.js';
import type { DepartmentOf, StepRule } from '../rules/rule-types.js';
import { activities, handleIncidents } from './activities-proxy.js';
import { CaseIncidents, type IncidentHost } from './case-incidents.js';
import { registerEverydayOperations, type EverydayHost } from './everyday-operations.js';
import { STOP_STATES, type StopKind } from './case-stop.js';
import type { CaseTask } from './case-task.js';
import { reject } from './rejection.js';
import { StatutoryStep, type DecisionPolicy } from './statutory-step.js';
import type { StepContext } from './step-context.js';
import { sameStepPlanRequest, targetsOf, type StepTargets, type WarningSetting } from './step-plan-request.js';
import type { PlannedAhead, StepPlan, StepPlanRequest } from '../contracts/deadline.js';
import { workflowNow } from './workflow-time.js';

export interface CaseRuntimeInit {
  caseId: string;
  procedure: Procedure;
  pack: PackId;
  receivedAt: string;
  applicant: Actor;
  departments: Partial<Record<DepartmentOf, string>>;
  administrativeTargets: Record<string, number>;
  firstStepPlan?: PlannedAhead;
}

/**
 * A case's legitimate life takes a few updates per step (a decision, an
 * extension asked and decided, an escalation acknowledged, a supplement asked
 * and sent, clock stops and restarts, a dispute): well under a hundred even
 * with many consultations. The engine refuses every update past 2,000 per run;
 * this bound keeps a case decidable below that.
 */
const MAX_ACCEPTED_UPDATES = 500;

/**
 * How long after its run started a case still opens its first step from the API's plan. A holiday year loaded in
 * between reaches only cases with an open task, so a step opened later (its worker was down) asks the calendar then.
 */
const PLAN_FRESH_MS = 5_000;

/**
 * New runs write their status to the case row whenever it changed, before a
 * reply and before the case waits, so the API can read an open case there too.
 * Runs started before this wrote it on state changes only.
 */
const SYNC_EVERY_CHANGE_PATCH = 'sync-status-on-every-change';

/** New runs keep the `CaseState` search attribute on the state they show, for auditors filtering in the UI and CLI. */
const CASE_STATE_ATTRIBUTE_PATCH = 'case-state-search-attribute';

/** The applicant's right to object after a refusal, while it lasts. */
interface DisputeWindow {
  closesAt: string;
  raised?: RaiseDisputeArgs & { at: string };
}

/**
 * The state and messages every case shares: the status query, decisions routed
 * to the step (or extension, or escalation) whose task they name, and the
 * projection of the case into PostgreSQL.
 */
/** An update's reply that goes out without first writing the case's row (the flow writes it when it next waits). */
class UnsyncedReply {
  constructor(readonly status: CaseStatus) {}
}

export class CaseRuntime implements StepContext, IncidentHost {
  readonly status: CaseStatus;
  readonly caseId: string;
  readonly procedure: Procedure;
  readonly pack: PackId;
  private readonly steps: StatutoryStep[] = [];
  /** Every task the case has opened, by id: decisions and step messages find their handlers here. */
  private readonly tasks = new Map<string, CaseTask>();
  /** Resolved each time the case waits for people again (or closes); replies to decisions wait for it. */
  private waitingAgain = new Trigger<void>();
  private hasWaited = false;
  private acceptedUpdates = 0;
  /** 撤销 / 终止 accepted: the open steps end and the case closes as this. */
  private stop?: { kind: StopKind; args: StopCaseArgs };
  private disputeWindow?: DisputeWindow;
  private readonly incidents = new CaseIncidents(this);
  /** The status as last written to the case row. */
  private lastSynced = '';
  /** The state the engine's visibility store shows (`CaseState`). */
  private indexedState?: string;
  private readonly targets: StepTargets;
  /** Until the first step opens (or the calendar changes first: its plan was made on the calendar before). */
  private firstStepPlan?: PlannedAhead;
  /** The task of a step being opened, until its write is done (a write that fails is retried, for seconds or more). */
  private openingTaskId?: string;

  constructor(
    private readonly init: CaseRuntimeInit,
    state: { id: string; text: Text },
  ) {
    this.caseId = init.caseId;
    this.procedure = init.procedure;
    this.pack = init.pack;
    this.targets = targetsOf(init.administrativeTargets);
    this.firstStepPlan = init.firstStepPlan;
    this.status = {
      caseId: init.caseId,
      procedure: init.procedure,
      pack: init.pack,
      state: state.id,
      stateText: state.text,
      receivedAt: init.receivedAt,
      applicant: init.applicant,
      steps: [],
      waitingFor: [],
      notices: [],
      closed: false,
    };
    this.registerHandlers();
    handleIncidents(this.incidents);
  }

  departmentOf(who: DepartmentOf): string {
    const department = who === 'applicant' ? this.init.applicant.department : this.init.departments[who];
    if (!department) throw new Error(`case ${this.caseId} has no ${who} department`);
    return department;
  }

  get administrativeTargets(): Record<string, number> {
    return this.init.administrativeTargets;
  }

  targetDays(targetKey: string): number {
    return this.targets.targetDays(targetKey);
  }

  warningSetting(): WarningSetting {
    return this.targets.warningSetting();
  }

  plannedAhead(request: StepPlanRequest): StepPlan | undefined {
    const ahead = this.firstStepPlan;
    this.firstStepPlan = undefined;
    if (!ahead || !sameStepPlanRequest(ahead.request, request)) return undefined;
    const late = workflowNow().getTime() - workflowInfo().startTime.getTime() > PLAN_FRESH_MS;
    return late ? undefined : ahead.plan;
  }

  /**
   * The case waits for people: its status is written to the row first if it
   * changed (new runs). Synchronous when nothing is to be written, so that
   * older runs replay with the same timing.
   */
  idle(): Promise<void> | void {
    const writing = this.syncIfChanged();
    if (!writing) return this.markIdle();
    return writing.then(() => this.markIdle());
  }

  /** Writes the status to the row if it changed since the last write; undefined when there is nothing to write. */
  syncIfChanged(): Promise<void> | undefined {
    this.refreshWaitingFor();
    if (JSON.stringify(this.status) === this.lastSynced || !patchedBefore202612(SYNC_EVERY_CHANGE_PATCH))
      return undefined;
    return this.sync();
  }

  markIdle(): void {
    this.refreshWaitingFor();
    this.hasWaited = true;
    this.waitingAgain.resolve();
    this.waitingAgain = new Trigger<void>();
  }

  registerTask(task: CaseTask): void {
    this.tasks.set(task.id, task);
  }

  addNotice(text: Text, citation: Citation): void {
    this.status.notices.push({ text, citation });
  }

  async setState(id: string, text: Text): Promise<void> {
    if (this.incidents.holding) {
      this.incidents.deferState({ id, text });
      await this.sync();
    } else await this.showState({ id, text });
  }

  async showState(state: { id: string; text: Text }): Promise<void> {
    this.status.state = state.id;
    this.status.stateText = state.text;
    await this.sync();
  }

  currentStep(): StepStatus | undefined {
    return (this.steps.find((s) => s.isOpen) ?? this.steps.at(-1))?.status;
  }

  /** Runs one statutory step to its decision. */
  async runStep(rule: StepRule, from: string, policy?: DecisionPolicy): Promise<DecisionRecord> {
    if (StatutoryStep.opensInTwoCalls(rule)) {
      const step = await StatutoryStep.planned(this, rule, from, policy);
      this.addStep(step);
      this.openingTaskId = step.taskId;
      try {
        await step.openTaskWith(() => this.rowUpdate());
      } finally {
        this.openingTaskId = undefined;
      }
      return step.decision();
    }
    const step = await StatutoryStep.open(this, rule, from, policy);
    this.addStep(step);
    await this.sync();
    return step.decision();
  }

  private addStep(step: StatutoryStep): void {
    this.steps.push(step);
    this.status.steps.push(step.status);
  }

  /**
   * Gives the applicant until the window closes to raise a dispute (e.g. after
   * a refusal). Resolves with the dispute, or undefined when the window closed.
   */
  async awaitDispute(workingDays: number, from: string): Promise<(RaiseDisputeArgs & { at: string }) | undefined> {
    const due = await activities.computeDueDate({ receivedAt: from, workingDays });
    this.disputeWindow = { closesAt: due.dueAt };
    const writing = this.idle();
    if (writing) await writing;
    await condition(() => !!this.disputeWindow?.raised, Math.max(0, Date.parse(due.dueAt) - workflowNow().getTime()));
    const raised = this.disputeWindow.raised;
    this.disputeWindow = undefined;
    return raised;
  }

  get disputeClosesAt(): string | undefined {
    return this.disputeWindow?.closesAt;
  }

  get stopping(): StopKind | undefined {
    return this.stop?.kind;
  }

  /** Closes a withdrawn or terminated case, naming who closed it, why and (终止) on what basis. */
  closeStopped(): Promise<CaseStatus> {
    const { kind, args } = this.stop!;
    return this.close(STOP_STATES[kind], {
      reasons: args.reason.trim(),
      stoppedBy: args.actor,
      ...(args.basis?.trim() ? { basis: args.basis.trim() } : {}),
    });
  }

  /** Closes the case in a final state whose id and text are also its outcome's kind and text. */
  close(state: { id: string; text: Text }, outcome: Omit<CaseOutcome, 'kind' | 'text'> = {}): Promise<CaseStatus> {
    return this.finish({ kind: state.id, text: state.text, ...outcome }, state);
  }

  /** Closes the case; waits for update handlers still running so none is cut off. */
  async finish(outcome: CaseOutcome, state: { id: string; text: Text }): Promise<CaseStatus> {
    this.status.outcome = outcome;
    this.status.closed = true;
    await this.setState(state.id, state.text);
    this.markIdle();
    await condition(allHandlersFinished);
    return this.status;
  }

  /** Sets `CaseState` to the state shown, when it changed (new runs). */
  indexState(): void {
    const state = this.status.state;
    if (state === this.indexedState || !patchedBefore202612(CASE_STATE_ATTRIBUTE_PATCH)) return;
    upsertSearchAttributes({ CaseState: [state] });
    this.indexedState = state;
  }

  private async sync(): Promise<void> {
    await activities.syncCase(this.rowUpdate());
  }

  /** The case row's write of the status as it is now; counted as written from here on. */
  private rowUpdate(): SyncCaseArgs {
    this.refreshWaitingFor();
    this.indexState();
    this.lastSynced = JSON.stringify(this.status);
    return {
      caseId: this.caseId,
      state: this.status.state,
      currentStep: this.steps.find((s) => s.isOpen)?.rule.id ?? null,
      participantDepartments: this.participantDepartments(),
      updatedAt: workflowNow().toISOString(),
      status: this.status,
      ...(patchedBefore202612(SYNC_EVERY_CHANGE_PATCH) ? { current: true } : {}),
    };
  }

  private refreshWaitingFor(): void {
    const waiting: CaseStatus['waitingFor'] = [];
    for (const step of this.steps) {
      const s = step.status;
      if (step.isOpen)
        waiting.push({
          taskId: s.taskId,
          kind: 'decision',
          role: s.actorRole,
          department: s.actorDepartment,
          dueAt: s.due.dueAt,
        });
      if (s.extension?.state === 'requested' && step.rule.extension) {
        waiting.push({
          taskId: s.extension.approvalTaskId,
          kind: 'extension-approval',
          role: step.rule.extension.approverRole,
          department: this.departmentOf(step.rule.extension.approverDepartment),
          dueAt: s.due.dueAt,
        });
      }
      const opinion = step.handOver.waiting();
      if (opinion) {
        waiting.push({
          taskId: opinion.taskId,
          kind: 'opinion',
          role: opinion.to.role,
          department: s.actorDepartment,
          dueAt: s.due.dueAt,
        });
      }
      if (step.escalationOpen) {
        waiting.push({
          taskId: s.breach!.escalationTaskId!,
          kind: 'escalation',
          role: 'authority',
          department: this.departmentOf('authority'),
          dueAt: s.due.dueAt,
        });
      }
    }
    this.status.waitingFor = [...waiting, ...this.incidents.waiting()];
  }

  /** The status as of now, copied: the flow goes on changing its own in the same workflow task. */
  private statusNow(): CaseStatus {
    this.refreshWaitingFor();
    return JSON.parse(JSON.stringify(this.status)) as CaseStatus;
  }

  /**
   * The status a query answers: without a step whose task is still being written, so that no reader is shown a task
   * the inbox does not have yet (the case row, written with the task, shows the step with it).
   */
  private shownStatus(): CaseStatus {
    const opening = this.openingTaskId;
    if (!opening) return this.status;
    return {
      ...this.status,
      steps: this.status.steps.filter((s) => s.taskId !== opening),
      waitingFor: this.status.waitingFor.filter((w) => w.taskId !== opening),
    };
  }

  /** Resolves after the main flow has moved on to its next wait (or closed), so replies show the new state. */
  private async settle(): Promise<CaseStatus> {
    if (!this.status.closed) await this.waitingAgain;
    this.refreshWaitingFor();
    return this.status;
  }

  private task(taskId: string): CaseTask {
    const task = this.tasks.get(taskId);
    if (!task)
      return reject('conflict', 'TASK_NOT_IN_CASE', {
        zh: '该任务不属于本案件或已关闭',
        en: 'No such open task in this case',
      });
    return task;
  }

  /** The step whose own task this is (not an extension approval or an escalation), for messages about the step itself. */
  private stepTask(taskId: string, what: Text): StatutoryStep {
    this.task(taskId);
    const step = this.steps.find((s) => s.taskId === taskId);
    return step ?? reject('invalid', 'NOT_A_STEP_TASK', what);
  }

  private registerHandlers(): void {
    setHandler(caseStatusQuery, () => this.shownStatus());
    setHandler(settledStatusUpdate, async () => {
      await condition(() => this.hasWaited || this.status.closed);
      return this.status;
    });

    this.onUpdate(
      decideUpdate,
      async (args: DecideArgs) => {
        const task = this.task(args.taskId);
        const applied = await task.apply(args);
        // Recorded is durable: the reply need not wait for the task's row, the next step or the case's row.
        if (applied === 'deferred') return new UnsyncedReply({ ...this.statusNow(), settling: true });
        // A step's own decision moves the case on: the reply shows where it waits next.
        if (task.kind === 'decision') return this.settle();
        this.refreshWaitingFor();
        return this.status;
      },
      {
        validator: (args: DecideArgs) => {
          if (this.status.closed) reject('conflict', 'CASE_CLOSED', { zh: '案件已办结', en: 'The case is closed' });
          this.task(args.taskId).validate(args);
        },
      },
    );

    const extensionOnStep = { zh: '只能对审核任务申请延期', en: 'Extensions are requested on a step task' };
    this.onUpdate(
      requestExtensionUpdate,
      async (args) => {
        await this.stepTask(args.taskId, extensionOnStep).extension.applyRequest(args);
        this.refreshWaitingFor();
        return this.status;
      },
      { validator: (args) => this.stepTask(args.taskId, extensionOnStep).extension.validateRequest(args) },
    );

    this.registerClockHandlers();
    registerEverydayOperations(this.everydayHost());

    // A signal, not an update: the calendar's sender needs no answer, and a closed case simply ignores it.
    setHandler(calendarChangedSignal, async (change: CalendarChange) => {
      this.firstStepPlan = undefined;
      for (const step of this.steps) await step.recomputeDue(change);
      const writing = this.syncIfChanged();
      if (writing) await writing;
    });

    this.onUpdate(
      raiseDisputeUpdate,
      async (args) => {
        this.disputeWindow!.raised = { ...args, reason: args.reason.trim(), at: workflowNow().toISOString() };
        return this.settle();
      },
      {
        validator: (args) => {
          if (args.actor.id !== this.init.applicant.id) {
            reject('forbidden', 'NOT_THE_APPLICANT', {
              zh: '只有申请人可以提出异议',
              en: 'Only the applicant may raise a dispute',
            });
          }
          if (!this.disputeWindow || this.disputeWindow.raised) {
            reject('notAllowed', 'DISPUTE_NOT_AVAILABLE', {
              zh: '本案件当前不能申请协调',
              en: 'This case cannot be disputed now',
            });
          }
          if (!args.reason?.trim())
            reject('invalid', 'DISPUTE_REASON_REQUIRED', { zh: '申请协调须说明理由', en: 'A dispute needs a reason' });
        },
      },
    );
  }

  /** What the everyday operations (撤销, 终止, 沟通, 催办, 已阅) need of the case. */
  private everydayHost(): EverydayHost {
    return {
      status: this.status,
      authorityDepartment: this.init.departments.authority,
      participantDepartments: () => this.participantDepartments(),
      openSteps: () => this.steps.filter((s) => s.isOpen),
      stopping: () => this.stop,
      onUpdate: (update, handler, validator) => this.onUpdate(update, handler, { validator }),
      stepTask: (taskId) =>
        this.stepTask(taskId, { zh: '该操作只适用于审核任务本身', en: "This applies to a step's own task only" }),
      beginStop: (kind, args) => {
        this.stop = { kind, args };
      },
      settle: () => this.settle(),
      afterChange: async () => {
        const writing = this.syncIfChanged();
        if (writing) await writing;
      },
    };
  }

  private participantDepartments(): string[] {
    return [
      ...new Set<string>([
        this.init.applicant.department,
        ...Object.values(this.init.departments).filter((d): d is string => !!d),
      ]),
    ];
  }

  /**
   * Every update a person can send to the case: counted, and refused past
   * MAX_ACCEPTED_UPDATES, so that no one can use up the run's update budget.
   */
  private onUpdate<A extends unknown[]>(
    update: UpdateDefinition<CaseStatus, A>,
    handler: (...args: A) => Promise<CaseStatus | UnsyncedReply>,
    options: { validator?: (...args: A) => void } = {},
  ): void {
    setHandler(
      update,
      async (...args: A) => {
        this.acceptedUpdates += 1;
        const status = await handler(...args);
        if (status instanceof UnsyncedReply) return status.status;
        const writing = this.syncIfChanged();
        if (writing) await writing;
        return status;
      },
      {
        validator: (...args: A) => {
          if (this.acceptedUpdates >= MAX_ACCEPTED_UPDATES) {
            reject('conflict', 'CASE_UPDATE_LIMIT', {
              zh: `本案件已受理${MAX_ACCEPTED_UPDATES}次操作，不再接受新的操作；请联系数据主管部门`,
              en: `This case has taken ${MAX_ACCEPTED_UPDATES} operations and takes no more; contact the data authority`,
            });
          }
          options.validator?.(...args);
        },
      },
    );
  }

  /** Stopping and restarting step clocks (consultation, supplement), where the step's text provides it. */
  private registerClockHandlers(): void {
    const stepTask = (args: ClockArgs) =>
      this.stepTask(args.taskId, { zh: '只能对审核任务操作期限', en: 'Clocks belong to step tasks' });
    const done = () => {
      this.refreshWaitingFor();
      return this.status;
    };
    this.onUpdate(pauseClockUpdate, async (args) => (await stepTask(args).clock.pause(args), done()), {
      validator: (args) => stepTask(args).clock.validatePause(args),
    });
    this.onUpdate(resumeClockUpdate, async (args) => (await stepTask(args).clock.resume(), done()), {
      validator: (args) => stepTask(args).clock.validateResume(args),
    });
    this.onUpdate(
      requestSupplementUpdate,
      async (args) => (await stepTask(args).clock.requestSupplement(args), done()),
      {
        validator: (args) => stepTask(args).clock.validateSupplementRequest(args),
      },
    );
    const awaitingSupplement = () => this.steps.find((s) => s.isOpen && s.clock.awaitingSupplement);
    this.onUpdate(
      submitSupplementUpdate,
      async (args) => (await awaitingSupplement()!.clock.receiveSupplement(args.content), done()),
      {
        validator: (args) => {
          if (args.actor.id !== this.init.applicant.id)
            reject('forbidden', 'NOT_THE_APPLICANT', {
              zh: '只有申请人可以补正',
              en: 'Only the applicant may supplement',
            });
          if (!awaitingSupplement())
            reject('conflict', 'NO_SUPPLEMENT_REQUESTED', {
              zh: '本案件未要求补正',
              en: 'No supplement was requested',
            });
          if (!args.content?.trim())
            reject('invalid', 'SUPPLEMENT_EMPTY', { zh: '补正内容不能为空', en: 'The supplement is empty' });
        },
      },
    );
  }
}
