import type { Actor } from './actor.js';
import type { Procedure } from './case-status.js';
import type { Citation, PackId } from './citation.js';
import type { DueDate, DueDateRequest } from './deadline.js';
import type { InboxTaskInput } from './inbox.js';

/** The activities workflows may call; implemented in activities/, proxied by type only. Each is idempotent and returns what it recorded. */
export interface CalendarActivities {
  computeDueDate(request: DueDateRequest): Promise<DueDate>;
  /** Adds working days after an existing due date (an extension). */
  extendDueDate(request: { due: DueDate; workingDays: number }): Promise<DueDate>;
  /** Working days left when a clock stops (at least one). */
  workingDaysLeft(request: { at: string; due: DueDate }): Promise<number>;
}

export interface InboxActivities {
  openTask(task: InboxTaskInput): Promise<InboxTaskInput>;
  completeTask(args: CompleteTaskArgs): Promise<CompleteTaskArgs>;
  cancelTask(args: { taskId: string; at: string }): Promise<{ taskId: string; at: string }>;
  updateTaskDue(args: { taskId: string; due: DueDate }): Promise<{ taskId: string; due: DueDate }>;
  recordBreach(args: BreachArgs): Promise<BreachArgs>;
  syncCase(args: SyncCaseArgs): Promise<SyncCaseArgs>;
}

export interface CompleteTaskArgs {
  taskId: string;
  actorId: string;
  decision: string;
  completedAt: string;
}

export interface SyncCaseArgs {
  caseId: string;
  state: string;
  currentStep: string | null;
  participantDepartments: string[];
  updatedAt: string;
}

export interface BreachArgs {
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
}

/** Each returns what it recorded, so that the history shows it. */
export interface GrantActivities {
  recordGrant(args: GrantArgs): Promise<GrantArgs>;
  recordPendingCatalogChange(args: PendingChangeArgs): Promise<PendingChangeArgs>;
  recordCorrection(args: CorrectionArgs): Promise<CorrectionArgs>;
  recordOpenDataAccess(args: OpenDataAccessArgs): Promise<OpenDataAccessArgs>;
}

export interface OpenDataAccessArgs {
  accessId: string;
  caseId: string;
  resourceId: string;
  applicantId: string;
  scope: string;
  purpose: string;
  manner: string;
  approver: Pick<Actor, 'id' | 'name'>;
  citation: Citation;
  grantedAt: string;
}

export interface CorrectionArgs {
  caseId: string;
  resourceId: string;
  items: string[];
  description: string;
  whatChanged: string;
  correctedAt: string;
  correctedBy: Pick<Actor, 'id' | 'name'>;
  citation: Citation;
}

export interface GrantArgs {
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
}

export interface PendingChangeArgs {
  changeId: string;
  originCaseId: string;
  entryId: string;
  change: Record<string, string>;
  citation: Citation;
  createdAt: string;
}

export type Activities = CalendarActivities & InboxActivities & GrantActivities;
