import { patchedBefore202612 } from './run-patches.js';
import type { Actor } from '../contracts/actor.js';
import type { ClockArgs } from '../contracts/case-messages.js';
import type { ConsultationRecord, StepStatus } from '../contracts/case-status.js';
import type { DueDate } from '../contracts/deadline.js';
import type { StepRule } from '../rules/rule-types.js';
import type { DueBasis } from './step-core.js';
import type { StepContext } from './step-context.js';
import { activities } from './activities-proxy.js';
import { reject, rejectDecided } from './rejection.js';
import { workflowNow } from './workflow-time.js';

/** What the clock needs from its step. */
export interface ClockedStep {
  readonly ctx: StepContext;
  readonly rule: StepRule;
  readonly status: StepStatus;
  readonly isOpen: boolean;
  checkActor(actor: Actor, role: string, department: string): void;
  /** Sets a new due date, moves the timer and the inbox task. */
  moveDue(due: DueDate, basis: DueBasis): Promise<void>;
  /** Wakes the deadline wait: a stopped clock has no timer. */
  clockStopped(): void;
}

/**
 * Stopping and restarting a step's clock, only where a text provides it:
 * time consulting a third party is not counted (the working days left resume
 * after the answer); a request to supplement (补正) makes the period run anew
 * from receipt of the supplement.
 */
export class StepClock {
  /** Cases that stopped a clock before these limits existed replay without them. */
  static readonly CONSULTATION_LIMIT_PATCH = 'consultation-answer-limit';
  static readonly SUPPLEMENT_PERIOD_PATCH = 'supplement-period';

  constructor(private readonly step: ClockedStep) {}

  /** While a consultation runs with a limit: when the third party's time to answer ends. */
  get answerBy(): string | undefined {
    const clock = this.step.status.clock;
    return clock.state === 'paused' ? clock.answerBy : undefined;
  }

  /** While a supplement is awaited with a period: when the application is deemed withdrawn. */
  get supplyBy(): string | undefined {
    return this.awaitingSupplement ? this.step.status.supplement?.supplyBy : undefined;
  }

  get stopped(): boolean {
    return this.step.status.clock.state !== 'running';
  }

  get awaitingSupplement(): boolean {
    return this.step.status.clock.state === 'awaiting-supplement';
  }

  validatePause(args: ClockArgs): void {
    if (!this.step.rule.pausableFor) {
      reject('notAllowed', 'CLOCK_CANNOT_STOP', {
        zh: '本步骤的期限不因征求意见而中止',
        en: 'This step’s period does not stop for consultations',
      });
    }
    this.checkRunning(args.actor);
    if (!args.reason?.trim())
      reject('invalid', 'REASON_REQUIRED', { zh: '请说明征求意见的对象和事由', en: 'Say whom you consult and why' });
  }

  async pause(args: ClockArgs): Promise<void> {
    const now = workflowNow().toISOString();
    this.step.status.clock = {
      state: 'paused',
      reason: args.reason!.trim(),
      since: now,
      citation: this.step.rule.pausableFor,
    };
    this.step.clockStopped();
    this.step.status.clock.workingDaysLeft = await activities.workingDaysLeft({ at: now, due: this.step.status.due });
    const limit = this.step.rule.pauseLimit;
    if (limit && patchedBefore202612(StepClock.CONSULTATION_LIMIT_PATCH)) {
      const answerBy = await activities.computeDueDate({ receivedAt: now, workingDays: limit.workingDays });
      Object.assign(this.step.status.clock, { answerBy: answerBy.dueAt, answerByCitation: limit.citation });
      this.step.clockStopped();
    }
  }

  validateResume(args: ClockArgs): void {
    this.checkActor(args.actor);
    if (this.step.status.clock.state !== 'paused')
      reject('conflict', 'CLOCK_NOT_PAUSED', { zh: '期限未中止', en: 'The clock is not stopped' });
  }

  /** The consultation ended: answered (a reviewer restarts the clock), or its time ran out (条例 Art. 32). */
  async resume(outcome: ConsultationRecord['outcome'] = 'resumed'): Promise<void> {
    const now = workflowNow().toISOString();
    const stopped = this.step.status.clock;
    const left = stopped.workingDaysLeft ?? 1;
    if (stopped.answerBy) {
      const limit = this.step.rule.pauseLimit;
      const record: ConsultationRecord = {
        reason: stopped.reason ?? '',
        since: stopped.since ?? now,
        endedAt: now,
        outcome,
      };
      if (outcome === 'lapsed' && limit) {
        record.text = {
          zh: `第三方未在${limit.workingDays}个工作日内提出意见，期限恢复计算`,
          en: `The third party did not answer within ${limit.workingDays} working days; the clock runs again`,
        };
        record.citation = limit.citation;
      }
      this.step.status.consultations = [...(this.step.status.consultations ?? []), record];
    }
    const due = await activities.computeDueDate({ receivedAt: now, workingDays: left });
    this.step.status.clock = { state: 'running' };
    await this.step.moveDue(due, { from: now, counted: left });
  }

  validateSupplementRequest(args: ClockArgs): void {
    const supplement = this.step.status.supplement;
    if (!this.step.rule.supplement || !supplement) {
      reject('notAllowed', 'SUPPLEMENT_NOT_PROVIDED', {
        zh: '本步骤不适用补正程序',
        en: 'This step has no request to supplement',
      });
    }
    this.checkRunning(args.actor);
    if (supplement.requestedAt)
      reject('notAllowed', 'SUPPLEMENT_ALREADY_REQUESTED', {
        zh: '已要求补正一次',
        en: 'A supplement was already requested',
      });
    if (Date.parse(supplement.requestBefore) <= workflowNow().getTime()) {
      reject('notAllowed', 'SUPPLEMENT_TOO_LATE', {
        zh: `补正要求须在收到申请之日起${this.step.rule.supplement.withinWorkingDays}个工作日内提出`,
        en: `A supplement must be requested within ${this.step.rule.supplement.withinWorkingDays} working days of receipt`,
      });
    }
    if (!args.reason?.trim())
      reject('invalid', 'REASON_REQUIRED', { zh: '请说明需要补正的内容', en: 'Say what must be supplemented' });
    const days = args.workingDays;
    if (days !== undefined && (!Number.isInteger(days) || days < 1 || days > 60))
      reject(
        'invalid',
        'SUPPLEMENT_PERIOD_INVALID',
        { zh: '补正期限须为1至60个工作日', en: 'The supplement period is 1 to 60 working days' },
        'workingDays',
      );
  }

  async requestSupplement(args: ClockArgs): Promise<void> {
    const now = workflowNow().toISOString();
    const rule = this.step.rule.supplement!;
    Object.assign(this.step.status.supplement!, {
      requestedAt: now,
      requestedBy: args.actor,
      reason: args.reason!.trim(),
    });
    this.step.status.clock = {
      state: 'awaiting-supplement',
      reason: args.reason!.trim(),
      since: now,
      citation: rule.citation,
    };
    this.step.clockStopped();
    if (patchedBefore202612(StepClock.SUPPLEMENT_PERIOD_PATCH)) {
      const period = args.workingDays ?? this.step.ctx.targetDays(rule.periodTargetKey);
      const supplyBy = await activities.computeDueDate({ receivedAt: now, workingDays: period });
      Object.assign(this.step.status.supplement!, { supplyBy: supplyBy.dueAt, supplyWithinWorkingDays: period });
      this.step.clockStopped();
    }
  }

  /** The period runs anew, in full, from receipt of the supplement. */
  async receiveSupplement(content: string): Promise<void> {
    const now = workflowNow().toISOString();
    Object.assign(this.step.status.supplement!, { receivedAt: now, content: content.trim() });
    const due = await activities.computeDueDate({ receivedAt: now, workingDays: this.step.status.due.workingDays });
    this.step.status.clock = { state: 'running' };
    await this.step.moveDue(due, { from: now });
  }

  private checkActor(actor: Actor): void {
    this.step.checkActor(actor, this.step.rule.actorRole, this.step.status.actorDepartment);
  }

  private checkRunning(actor: Actor): void {
    if (!this.step.isOpen) rejectDecided();
    this.checkActor(actor);
    if (this.stopped)
      reject('conflict', 'CLOCK_ALREADY_STOPPED', { zh: '期限已中止', en: 'The clock is already stopped' });
    if (this.step.status.overdue)
      reject('notAllowed', 'DEADLINE_PASSED', { zh: '期限已届满', en: 'The deadline has passed' });
  }
}
