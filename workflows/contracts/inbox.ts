import type { Role } from './actor.js';
import type { Citation, PackId, Text } from './citation.js';
import type { Procedure, TaskKind } from './case-status.js';
import type { DecisionSchema } from './decisions.js';

/** A task as the inbox activity records it (idempotent by id). */
export interface InboxTaskInput {
  id: string;
  caseId: string;
  procedure: Procedure;
  pack: PackId;
  stepId: string;
  kind: TaskKind;
  title: Text;
  role: Role;
  department: string;
  dueAt: string;
  dueDate: string;
  dueBasis: 'statutory' | 'administrative';
  citation: Citation;
  provisional: boolean;
  createdAt: string;
  /** The decisions the task accepts, for the API to check before it calls the engine. */
  decisionSchema?: DecisionSchema;
  /** A task opened for one person (a 委派's opinion): claimed by them from the start. */
  assignee?: string;
}

export const stepTaskId = (caseId: string, stepId: string) => `${caseId}.${stepId}`;
export const extensionTaskId = (stepTask: string) => `${stepTask}.extension`;
export const escalationTaskId = (stepTask: string) => `${stepTask}.escalation`;
export const opinionTaskId = (stepTask: string, n: number) => `${stepTask}.opinion-${n}`;
