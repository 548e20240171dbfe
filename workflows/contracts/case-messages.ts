import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { Actor } from './actor.js';
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

/** Failure type of a rejected message: the validator's reason, mapped to 409/422 by the API. */
export const REJECTION_TYPES = {
  conflict: 'CaseConflict',
  notAllowed: 'NotAllowedByLaw',
  forbidden: 'NotYourTask',
  invalid: 'InvalidDecision',
} as const;
