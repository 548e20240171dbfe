import type { Actor, Role } from './actor.js';
import type { Citation, PackId, Text } from './citation.js';
import type { CatalogChangeOrigin, CatalogFields, CatalogTrigger } from './catalog-update.js';
import type { DueDate } from './deadline.js';
import type { IncidentStatus } from './incident.js';

export const PROCEDURES = [
  'share-request',
  'correction',
  'open-data',
  'open-catalog-objection',
  'interface-provision',
  'catalog-update',
  'annual-report',
  'data-conflict',
] as const;
export type Procedure = (typeof PROCEDURES)[number];

/** A due date with what it rests on: an article, or an administrative target. */
export interface StepDue extends DueDate {
  basis: 'statutory' | 'administrative';
  workingDays: number;
  /** The instant the period runs from. */
  from: string;
  citation: Citation;
  /** Working days counted from `from` to the due date, where not `workingDays` (a clock resumed with days left). */
  counted?: number;
  /** A calendar date, not working days (Chongqing Art. 47: 「1月底前」): the last day of this month of `from`'s year. */
  monthEnd?: number;
  /** Each time the due date moved other than by a decision of the case (a new holiday schedule). */
  changes?: DueChange[];
  /** From this instant only `warning.workingDays` working days are left: the step is warned (预警, 黄牌). */
  warning?: { at: string; workingDays: number };
}

/** A due date recomputed because a year's holiday schedule was loaded or replaced. */
export interface DueChange {
  at: string;
  previousDueAt: string;
  previousProvisional: boolean;
  dueAt: string;
  provisional: boolean;
  year: number;
  notices: Array<{ title: string; url: string }>;
}

export interface DecisionRecord {
  taskId: string;
  stepId: string;
  decision: string;
  reasons?: string;
  actor: Actor;
  decidedAt: string;
  /** Decision details a procedure needs (e.g. Quanzhou's manner of sharing). */
  details?: Record<string, string>;
}

export interface ExtensionStatus {
  /** `lapsed`: the deadline passed before the approver decided. */
  state: 'requested' | 'approved' | 'refused' | 'lapsed';
  requestedBy: Actor;
  requestedAt: string;
  requestedWorkingDays: number;
  reason: string;
  approvalTaskId: string;
  maxWorkingDays: number;
  citation: Citation;
  approvedWorkingDays?: number;
  decidedBy?: Actor;
  decidedAt?: string;
  decisionReasons?: string;
  originalDue?: StepDue;
}

export interface BreachRecord {
  recordedAt: string;
  dueAt: string;
  citation: Citation;
  /** Where the missed period is a breach under a further article too (Chongqing Art. 50(8)). */
  alsoUnder?: Citation[];
  /** The authority's escalation task; absent when the overdue step is the authority's own. */
  escalationTaskId?: string;
}

export interface WarningRecord {
  recordedAt: string;
  dueAt: string;
  workingDaysLeft: number;
  citation: Citation;
}

/** Whether a step's clock runs; stopped only where a text provides it. */
export interface ClockStatus {
  /** `stopped`: the step is decided, no period runs any more. */
  state: 'running' | 'paused' | 'awaiting-supplement' | 'stopped';
  reason?: string;
  since?: string;
  citation?: Citation;
  /** Working days left when the clock stopped for a consultation. */
  workingDaysLeft?: number;
  /** A consultation: the third party's time to answer ends here, and the clock then runs again (条例 Art. 32). */
  answerBy?: string;
  answerByCitation?: Citation;
}

/** A finished consultation of a third party, while the clock was stopped. */
export interface ConsultationRecord {
  reason: string;
  since: string;
  endedAt: string;
  /** `lapsed`: the third party did not answer within its time; the clock resumed by itself. */
  outcome: 'resumed' | 'lapsed';
  text?: Text;
  citation?: Citation;
}

export interface SupplementStatus {
  /** A request to supplement must be made before this instant. */
  requestBefore: string;
  citation: Citation;
  requestedAt?: string;
  requestedBy?: Actor;
  reason?: string;
  /** 条例 Art. 30: the period the request gave; without a supplement by then the application is deemed withdrawn. */
  supplyBy?: string;
  supplyWithinWorkingDays?: number;
  receivedAt?: string;
  content?: string;
}

export interface StepStatus {
  stepId: string;
  taskId: string;
  title: Text;
  actorRole: Role;
  actorDepartment: string;
  state: 'open' | 'done';
  openedAt: string;
  due: StepDue;
  overdue: boolean;
  clock: ClockStatus;
  supplement?: SupplementStatus;
  consultations?: ConsultationRecord[];
  /** 预警 (yellow card): recorded when the working days left reached the warning threshold. */
  warning?: WarningRecord;
  breach?: BreachRecord;
  extension?: ExtensionStatus;
  decision?: DecisionRecord;
  /** 催办: each urge on this step's task. */
  urges?: UrgeRecord[];
  /** 已阅: the first time a reviewer who may decide the task opened it. */
  read?: { by: Actor; at: string };
  /** 转办: the colleague the task was last handed to, and every hand-over. */
  assignee?: { id: string; name?: string };
  transfers?: TransferRecord[];
  /** 委派: opinions asked of colleagues; the step is decided only once none is open. */
  delegations?: DelegationRecord[];
}

export interface TransferRecord {
  from: Actor;
  to: { id: string; name?: string };
  reason: string;
  at: string;
}

export interface DelegationRecord {
  /** The colleague's opinion task. */
  taskId: string;
  by: Actor;
  to: { id: string; name?: string; role: Role };
  request: string;
  at: string;
  state: 'open' | 'returned' | 'cancelled';
  opinion?: string;
  returnedAt?: string;
}

export interface UrgeRecord {
  actor: Actor;
  at: string;
  workingDay: string;
  note?: string;
}

/** 沟通: a comment by a participant of the case. */
export interface CaseComment {
  actor: Actor;
  text: string;
  at: string;
}

export interface CaseOutcome {
  kind: string;
  text: Text;
  reasons?: string;
  grantId?: string;
  pendingCatalogChangeId?: string;
  /** The P3 case that will apply the change asked for here. */
  catalogUpdateCaseId?: string;
  /** P3: the catalog versions the update created. */
  catalogVersions?: Array<{ entryId: string; version: number }>;
  /** P2: what was corrected, visible to the reporter. */
  correction?: { whatChanged: string; correctedAt: string; correctedBy: string };
  citation?: Citation;
  /** 撤销 / 终止: who closed the case, and (终止) on what basis. */
  stoppedBy?: Actor;
  basis?: string;
}

export interface CatalogUpdateStatus {
  trigger: CatalogTrigger;
  changes: Array<{ entryId: string; baseVersion: number; change: Partial<CatalogFields> }>;
  origin?: CatalogChangeOrigin;
  /** Chongqing Art. 14 ¶1: the application was due within N WD of the trigger. */
  application?: {
    dueAt: string;
    dueDate: string;
    provisional: boolean;
    late: boolean;
    citation: Citation;
    breachCitation?: Citation;
  };
}

/** What the status query answers; the API maps it to its response. */
export interface CaseStatus {
  caseId: string;
  procedure: Procedure;
  pack: PackId;
  state: string;
  stateText: Text;
  receivedAt: string;
  applicant: Actor;
  steps: StepStatus[];
  /** Who must act now (open tasks), with their deadlines. */
  waitingFor: Array<{ taskId: string; kind: TaskKind; role: Role; department: string; dueAt: string }>;
  outcome?: CaseOutcome;
  /** P3: what is asked to change, why, and whether the application itself was on time. */
  catalogUpdate?: CatalogUpdateStatus;
  /** The API adds it: the catalog change this case asked for, and the P3 case that settles it. */
  linkedCatalogChange?: {
    changeId: string;
    status: 'pending' | 'applied' | 'refused';
    catalogUpdateCaseId: string | null;
    settledAt: string | null;
  };
  /** Plain-language notes for the applicant (use limits, rights of objection, …). */
  notices: Array<{ text: Text; citation: Citation }>;
  /** Permanent failures of the platform in this case, and how operators settled them; absent when there were none. */
  incidents?: IncidentStatus[];
  /** 沟通: comments of the applicant, the reviewers and the authority; absent when there are none. */
  comments?: CaseComment[];
  /**
   * The reply to a decision, given once the workflow recorded it: the case moves on from it (its next step, or its
   * close) a moment later. Absent once the case waits again.
   */
  settling?: boolean;
  closed: boolean;
}

/** `opinion`: a colleague's opinion asked in a 委派. */
export type TaskKind = 'decision' | 'extension-approval' | 'escalation' | 'incident' | 'opinion';
