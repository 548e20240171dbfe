import type { StepDeadlineRecord } from '../contracts/activities.js';
import type { Actor } from '../contracts/actor.js';
import type { DueChange, StepStatus } from '../contracts/case-status.js';
import type { Text } from '../contracts/citation.js';
import type { DueDate } from '../contracts/deadline.js';
import type { InboxTaskInput } from '../contracts/inbox.js';
import type { StepRule } from '../rules/rule-types.js';
import type { StepContext } from './step-context.js';

/** What a moved due date is counted from; `counted` is the working days from `from` (a resumed clock counts only those left). */
export interface DueBasis {
  from: string;
  workingDays?: number;
  counted?: number;
  change?: DueChange;
}

/** What a step's parts (clock, extension, breach) share of the step. */
export interface StepCore {
  readonly ctx: StepContext;
  readonly rule: StepRule;
  readonly status: StepStatus;
  readonly taskId: string;
  readonly isOpen: boolean;
  checkActor(actor: Actor, role: string, department: string): void;
  /** An inbox task of this step, due when the step is. */
  task(
    id: string,
    kind: InboxTaskInput['kind'],
    title: Text,
    role: InboxTaskInput['role'],
    department: string,
  ): InboxTaskInput;
  /** Sets a new due date, moves the timer and the inbox task. */
  moveDue(due: DueDate, basis: DueBasis): Promise<void>;
}

/** The step's deadline as a warning or a breach records it, at an instant. */
export function deadlineRecord(step: StepCore, at: string): StepDeadlineRecord {
  const { ctx, status } = step;
  return {
    taskId: step.taskId,
    caseId: ctx.caseId,
    procedure: ctx.procedure,
    pack: ctx.pack,
    stepId: step.rule.id,
    department: status.actorDepartment,
    citation: status.due.citation,
    dueAt: status.due.dueAt,
    recordedAt: at,
  };
}
