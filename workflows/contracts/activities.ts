import type { Actor } from './actor.js';
import type { CaseStatus } from './case-status.js';
import type { AnnualReportRoundPlan } from './annual-report.js';
import type { CatalogFields, EntryChange } from './catalog-update.js';
import type { DueChange, Procedure } from './case-status.js';
import type { Citation, PackId } from './citation.js';
import type { DueDate, DueDateRequest, StepPlan, StepPlanRequest } from './deadline.js';
import type { IncidentActivities } from './incident.js';
import type { InboxTaskInput } from './inbox.js';

/** The activities workflows may call; implemented in activities/, proxied by type only. Each is idempotent and returns what it recorded. */
export interface CalendarActivities {
  computeDueDate(request: DueDateRequest): Promise<DueDate>;
  /** Adds working days after an existing due date (an extension). */
  extendDueDate(request: { due: DueDate; workingDays: number }): Promise<DueDate>;
  /** Working days left when a clock stops (at least one). */
  workingDaysLeft(request: { at: string; due: DueDate }): Promise<number>;
  /** The instant from which only the last `workingDays` working days of the period are left (预警). */
  computeWarningFrom(request: { due: DueDate; workingDays: number }): Promise<string>;
  /** 24:00 at the end of a month of `from`'s year (Asia/Shanghai). */
  computeMonthEnd(request: { from: string; month: number }): Promise<DueDate>;
  /** A step's due date, warning point and supplement period in one call, as the step opens. */
  planStep(request: StepPlanRequest): Promise<StepPlan>;
}

export interface InboxActivities {
  openTask(task: InboxTaskInput): Promise<InboxTaskInput>;
  completeTask(args: CompleteTaskArgs): Promise<CompleteTaskArgs>;
  cancelTask(args: { taskId: string; at: string }): Promise<{ taskId: string; at: string }>;
  /** `change` says why the due date moved when no one in the case moved it (a new holiday schedule). */
  updateTaskDue(args: UpdateTaskDueArgs): Promise<UpdateTaskDueArgs>;
  /** A breach that has no task of its own (a late P3 application, Chongqing Art. 50(8)). */
  recordLateApplication(args: LateApplicationArgs): Promise<LateApplicationArgs>;
  recordBreach(args: BreachArgs): Promise<BreachArgs>;
  /** 预警: a step's working days left reached the warning threshold. */
  recordWarning(args: WarningArgs): Promise<WarningArgs>;
  syncCase(args: SyncCaseArgs): Promise<SyncCaseArgs>;
  /**
   * A step's task and the case row that shows it, written in one transaction; nothing, when the calendar changed
   * since `calendarVersion` (`calendarChanged`): the step plans again.
   */
  openStepTask(args: OpenStepTaskArgs): Promise<OpenStepTaskResult>;
  /** 催办: the urge on the task's row, where its assignee and department see it, and for the supervision report. */
  recordUrge(args: RecordUrgeArgs): Promise<RecordUrgeArgs>;
  /** 转办: the task's row claimed by the colleague it was handed to. */
  assignTask(args: AssignTaskArgs): Promise<AssignTaskArgs>;
}

export interface AssignTaskArgs {
  taskId: string;
  assignee: string;
  at: string;
}

export interface RecordUrgeArgs {
  taskId: string;
  caseId: string;
  actor: Actor;
  at: string;
  workingDay: string;
  note?: string;
}

export interface UpdateTaskDueArgs {
  taskId: string;
  due: DueDate;
  change?: DueChange;
}

export interface LateApplicationArgs {
  breachId: string;
  caseId: string;
  procedure: Procedure;
  pack: PackId;
  department: string;
  citation: Citation;
  dueAt: string;
  receivedAt: string;
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
  /** The whole status the case shows now, kept so that it can be read without the engine. */
  status?: CaseStatus;
  /** The run writes every change of its status (not only of its state): the row can answer for an open case. */
  current?: boolean;
}

export interface OpenStepTaskArgs {
  task: InboxTaskInput;
  caseRow: SyncCaseArgs;
  /** The calendar's version the step's dates were planned on; absent, the task opens whatever the calendar is. */
  calendarVersion?: string;
}

export interface OpenStepTaskResult extends OpenStepTaskArgs {
  /** A year was loaded since the step's dates were planned: nothing was written. */
  calendarChanged?: true;
}

/** What a step's warning and its breach both record: the step, its department, its deadline and article. */
export interface StepDeadlineRecord {
  taskId: string;
  caseId: string;
  procedure: Procedure;
  pack: PackId;
  stepId: string;
  department: string;
  citation: Citation;
  dueAt: string;
  recordedAt: string;
}

export interface WarningArgs extends StepDeadlineRecord {
  workingDaysLeft: number;
}

export interface BreachArgs extends StepDeadlineRecord {
  /** Further articles the missed period breaches (Chongqing Art. 50(8)). */
  alsoUnder?: Citation[];
  /** Absent when the overdue step is the authority's own: there is no one in the system above it to escalate to. */
  escalation?: InboxTaskInput;
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

export type GrantMedium = 'online-interface' | 'batch-file' | 'platform';

/** The medium a manner of sharing delivers through. */
export function mediumOf(manner: string): GrantMedium {
  if (manner === 'batch-exchange') return 'batch-file';
  if (manner === 'platform') return 'platform';
  return 'online-interface';
}

export interface GrantArgs {
  grantId: string;
  caseId: string;
  resourceId: string;
  items: string[];
  purpose: string;
  scenario: string;
  manner: string;
  /** 介质类型 (Quanzhou 八（二）): how the data reaches the grantee, from the manner. */
  medium?: GrantMedium;
  /** 使用人员 (Quanzhou 八（二）): the grantee's staff who use the data. */
  users?: string[];
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
  change: Partial<CatalogFields>;
  citation: Citation;
  createdAt: string;
}

/** P3: the catalog's only writer, and the links between pending changes and their P3 cases. */
export interface CatalogActivities {
  /** One transaction: a new version per entry (with its diff), the entry itself and, where the pack has one, the responsibility list. */
  applyCatalogChange(args: ApplyCatalogChangeArgs): Promise<AppliedCatalogChange>;
  /** Records a decision's pending change and registers its linked P3 case (both idempotent), returning what the P3 case needs. */
  openLinkedCatalogUpdate(args: LinkedCatalogUpdateArgs): Promise<LinkedCatalogUpdatePlan>;
  settlePendingChange(args: SettlePendingChangeArgs): Promise<SettlePendingChangeArgs>;
}

export interface ApplyCatalogChangeArgs {
  caseId: string;
  changes: EntryChange[];
  approver: Pick<Actor, 'id' | 'name'>;
  appliedAt: string;
  updateResponsibilityList: boolean;
}

export interface FieldDiff {
  field: keyof CatalogFields;
  before: unknown;
  after: unknown;
}

/** Either every entry got its version, or (`notApplied`) nothing was written and the reason says why. */
export interface AppliedCatalogChange {
  caseId: string;
  versions: Array<{ entryId: string; version: number; diff: FieldDiff[] }>;
  notApplied?: string;
}

export interface LinkedCatalogUpdateArgs extends PendingChangeArgs {
  originProcedure: Procedure;
  linkedCaseId: string;
  /** The case_record's applicant of the linked case: the providing department acts through it. */
  applicant: Actor;
}

export interface LinkedCatalogUpdatePlan {
  linkedCaseId: string;
  entry: { id: string; jurisdiction: string; version: number; fields: CatalogFields };
  authorityDepartment: string;
}

export interface SettlePendingChangeArgs {
  changeId: string;
  status: 'applied' | 'refused';
  catalogCaseId: string;
  at: string;
}

/** P7 and the calendar recompute. */
export interface ScheduleActivities {
  /** Who reports in a round, each with its case registered (idempotent). */
  planAnnualReportRound(args: {
    jurisdiction: string;
    roundYear: number;
    receivedAt: string;
    pack: PackId;
  }): Promise<AnnualReportRoundPlan>;
  /** Open cases with a step whose due date is provisional or falls in the year. */
  casesWithDueIn(args: { year: number }): Promise<string[]>;
  /** The same, one page at a time in case id order: up to `limit` after `after`. */
  casesWithDueInPage(args: { year: number; after?: string; limit: number }): Promise<string[]>;
}

export type Activities = CalendarActivities &
  InboxActivities &
  GrantActivities &
  CatalogActivities &
  ScheduleActivities &
  IncidentActivities;
