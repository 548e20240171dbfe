import type { Actor, Role } from './actor.js';
import type { Citation, PackId, Text } from './citation.js';
import type { DueDate } from './deadline.js';

export type Procedure = 'share-request' | 'correction' | 'open-data' | 'open-catalog-objection' | 'interface-provision';

/** A due date with what it rests on: an article, or an administrative target. */
export interface StepDue extends DueDate {
  basis: 'statutory' | 'administrative';
  workingDays: number;
  /** The instant the period runs from. */
  from: string;
  citation: Citation;
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
  escalationTaskId: string;
}

/** Whether a step's clock runs; stopped only where a text provides it. */
export interface ClockStatus {
  state: 'running' | 'paused' | 'awaiting-supplement';
  reason?: string;
  since?: string;
  citation?: Citation;
  /** Working days left when the clock stopped for a consultation. */
  workingDaysLeft?: number;
}

export interface SupplementStatus {
  /** A request to supplement must be made before this instant. */
  requestBefore: string;
  citation: Citation;
  requestedAt?: string;
  requestedBy?: Actor;
  reason?: string;
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
  breach?: BreachRecord;
  extension?: ExtensionStatus;
  decision?: DecisionRecord;
}

export interface CaseOutcome {
  kind: string;
  text: Text;
  reasons?: string;
  grantId?: string;
  pendingCatalogChangeId?: string;
  /** P2: what was corrected, visible to the reporter. */
  correction?: { whatChanged: string; correctedAt: string; correctedBy: string };
  citation?: Citation;
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
  /** Plain-language notes for the applicant (use limits, rights of objection, …). */
  notices: Array<{ text: Text; citation: Citation }>;
  closed: boolean;
}

export type TaskKind = 'decision' | 'extension-approval' | 'escalation';
