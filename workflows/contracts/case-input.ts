import type { PackId } from './citation.js';
import type { PlannedAhead } from './deadline.js';

/** What every case workflow's input carries, whatever its procedure. */
export interface CaseWorkflowInput {
  /** The case id, which is also the workflow id. */
  caseId: string;
  /** ISO-8601 instant of receipt: periods run from it. */
  receivedAt: string;
  /** The pack's rules for the procedure, as in force on the day of receipt: the case keeps them for its life. */
  rules: { pack: PackId };
  /** The departments that act in the case, by their part in it. */
  departments: Record<string, string | undefined>;
  /** Working days for steps whose text sets no deadline, as configured when the case started. */
  administrativeTargets: Record<string, number>;
  /**
   * The first step's dates, planned by the API on the calendar as it started the case: the step opens without asking
   * the calendar again when its request is the same. Absent in runs started before it, and when planning failed.
   */
  firstStepPlan?: PlannedAhead;
}
