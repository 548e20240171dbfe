import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { Actor, Role } from './actor.js';
import type { CaseStatus } from './case-status.js';

/** A decision on an open task: the step's own, an extension approval or an escalation acknowledgement. */
export interface DecideArgs {
  taskId: string;
  actor: Actor;
  decision: string;
  reasons?: string;
  /** Extension approvals: the working days granted (defaults to those requested). */
  workingDays?: number;
  details?: Record<string, string>;
  /**
   * A step's decision: reply once the case waits again (its next step open, or closed) rather than as soon as the
   * decision is recorded. Absent in older runs' histories, which always waited.
   */
  settle?: boolean;
}

export interface RequestExtensionArgs {
  taskId: string;
  actor: Actor;
  workingDays: number;
  reason: string;
}

/** Stop, restart or reset a step's clock, where the text provides it (reason required to stop). */
export interface ClockArgs {
  taskId: string;
  actor: Actor;
  reason?: string;
  /** A request to supplement: the period the applicant has (an administrative target when absent). */
  workingDays?: number;
}

export interface SubmitSupplementArgs {
  actor: Actor;
  content: string;
}

export interface RaiseDisputeArgs {
  actor: Actor;
  reason: string;
}

/** 撤销 by the applicant, 终止 by the data authority: the case closes without a decision on its merits. */
export interface StopCaseArgs {
  actor: Actor;
  reason: string;
  /** 终止: what the termination rests on (a duplicate case, a wrong jurisdiction, the article). */
  basis?: string;
}

/** 沟通: a participant's comment on the case; it never moves a deadline. */
export interface CommentArgs {
  actor: Actor;
  text: string;
}

/** 催办: the applicant or a supervisor urges an open step task. */
export interface UrgeArgs {
  taskId: string;
  actor: Actor;
  note?: string;
  /** The working day the urge falls on (the next working day for a weekend or holiday), from the API's calendar. */
  workingDay: string;
}

/** A colleague named in a transfer or a delegation; their token must carry the department (and role) the task asks. */
export interface Colleague {
  id: string;
  name?: string;
}

/** 转办: an open step task handed to a colleague of the same department and role; the deadline does not move. */
export interface TransferTaskArgs {
  taskId: string;
  actor: Actor;
  to: Colleague;
  reason: string;
}

/** 委派: a principal or the authority asks a colleague for an opinion; the task comes back to them to decide. */
export interface DelegateTaskArgs {
  taskId: string;
  actor: Actor;
  to: Colleague & { role: Role };
  request: string;
}

/** 已阅: the first time a reviewer who may decide the task opened it. */
export interface TaskReadArgs {
  taskId: string;
  reader: Actor;
  at: string;
}

/** Messages every case workflow answers; defined once for the API and the workflows. */
export const caseStatusQuery = defineQuery<CaseStatus>('status');
export const decideUpdate = defineUpdate<CaseStatus, [DecideArgs]>('decide');
export const requestExtensionUpdate = defineUpdate<CaseStatus, [RequestExtensionArgs]>('requestExtension');
/** Waits until the case first waits for people (or closes) and returns its status: the reply to a start. */
export const settledStatusUpdate = defineUpdate<CaseStatus>('settledStatus');
export const pauseClockUpdate = defineUpdate<CaseStatus, [ClockArgs]>('pauseClock');
export const resumeClockUpdate = defineUpdate<CaseStatus, [ClockArgs]>('resumeClock');
export const requestSupplementUpdate = defineUpdate<CaseStatus, [ClockArgs]>('requestSupplement');
export const submitSupplementUpdate = defineUpdate<CaseStatus, [SubmitSupplementArgs]>('submitSupplement');
export const raiseDisputeUpdate = defineUpdate<CaseStatus, [RaiseDisputeArgs]>('raiseDispute');
export const withdrawUpdate = defineUpdate<CaseStatus, [StopCaseArgs]>('withdraw');
export const terminateUpdate = defineUpdate<CaseStatus, [StopCaseArgs]>('terminate');
export const commentUpdate = defineUpdate<CaseStatus, [CommentArgs]>('comment');
export const urgeUpdate = defineUpdate<CaseStatus, [UrgeArgs]>('urge');
export const transferTaskUpdate = defineUpdate<CaseStatus, [TransferTaskArgs]>('transferTask');
export const delegateTaskUpdate = defineUpdate<CaseStatus, [DelegateTaskArgs]>('delegateTask');
/** A signal: the reader needs no answer, and the receipt is already in the inbox row. */
export const taskReadSignal = defineSignal<[TaskReadArgs]>('taskRead');

/** Failure type of a rejected message: the validator's reason, mapped to 409/422 by the API. */
export const REJECTION_TYPES = {
  conflict: 'CaseConflict',
  notAllowed: 'NotAllowedByLaw',
  forbidden: 'NotYourTask',
  invalid: 'InvalidDecision',
} as const;
