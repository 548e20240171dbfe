import type { Actor } from './actor.js';
import type { Procedure } from './case-status.js';
import type { Citation, PackId } from './citation.js';
import type { DueDate, DueDateRequest } from './deadline.js';
import type { InboxTaskInput } from './inbox.js';

/** The activities workflows may call; implemented in activities/, proxied by type only. Each is idempotent. */
export interface CalendarActivities {
  computeDueDate(request: DueDateRequest): Promise<DueDate>;
  /** Adds working days after an existing due date (an extension). */
  extendDueDate(request: { due: DueDate; workingDays: number }): Promise<DueDate>;
}

export interface InboxActivities {
  openTask(task: InboxTaskInput): Promise<void>;
  completeTask(args: { taskId: string; actorId: string; decision: string; completedAt: string }): Promise<void>;
  cancelTask(args: { taskId: string; at: string }): Promise<void>;
  updateTaskDue(args: { taskId: string; due: DueDate }): Promise<void>;
  recordBreach(args: {
    taskId: string;
    caseId: string;
    procedure: Procedure;
    pack: PackId;
    stepId: string;
    department: string;
    citation: Citation;
    dueAt: string;
    recordedAt: string;
    escalation: InboxTaskInput;
  }): Promise<void>;
  syncCase(args: { caseId: string; state: string; currentStep: string | null; participantDepartments: string[]; updatedAt: string }): Promise<void>;
}

export interface GrantActivities {
  recordGrant(args: {
    grantId: string;
    caseId: string;
    resourceId: string;
    items: string[];
    purpose: string;
    scenario: string;
    manner: string;
    granteeDepartment: string;
    approver: Pick<Actor, 'id' | 'name'>;
    pack: PackId;
    citation: Citation;
    grantedAt: string;
  }): Promise<void>;
  recordPendingCatalogChange(args: {
    changeId: string;
    originCaseId: string;
    entryId: string;
    change: Record<string, string>;
    citation: Citation;
    createdAt: string;
  }): Promise<void>;
}

export type Activities = CalendarActivities & InboxActivities & GrantActivities;
