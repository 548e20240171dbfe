import type { Actor } from '../../../workflows/contracts/actor.js';
import type { CaseWorkflowInput } from '../../../workflows/contracts/case-input.js';
import type { Procedure } from '../../../workflows/contracts/case-status.js';
import type { PackId } from '../../../workflows/contracts/citation.js';
import type { FirstStep } from '../../../workflows/rules/first-steps.js';
import type { CaseContextLoader, NewCase } from './case-context-loader.js';

/** A new case as the start path registers and starts it. */
export interface PlannedCase {
  input: CaseWorkflowInput;
  pack: PackId;
  resourceId: string | null;
  /** The departments that take part in the case: they see it. */
  departments: string[];
  /** The step its workflow opens first, whose dates the start path plans ahead. */
  firstStep?: FirstStep;
}

/**
 * One procedure, declared once: its workflow, its case ids, and how a request
 * becomes the workflow's input (loading what the planner needs, then the
 * planner, which throws a 4xx DomainError when the law does not allow it).
 */
export interface ProcedureDefinition<D> {
  procedure: Procedure;
  workflowType: string;
  caseId(uuid: string): string;
  plan(newCase: NewCase, request: D, contexts: CaseContextLoader): Promise<PlannedCase>;
}

/** The applicant's department and every department the input names. */
export function participants(applicant: Actor, departments: CaseWorkflowInput['departments']): string[] {
  return [...new Set([applicant.department, ...Object.values(departments).filter((d): d is string => !!d)])];
}

export function plannedCase(
  applicant: Actor,
  input: CaseWorkflowInput,
  resourceId: string | null,
  firstStep: FirstStep | undefined,
): PlannedCase {
  return {
    input,
    pack: input.rules.pack,
    resourceId,
    departments: participants(applicant, input.departments),
    firstStep,
  };
}
