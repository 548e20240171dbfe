import type { CaseStatus, Procedure } from '../contracts/case-status.js';
import type { PackId } from '../contracts/citation.js';
import type { DepartmentOf } from '../rules/rule-types.js';
import type { CaseTask } from './case-task.js';
import type { StopKind } from './case-stop.js';
import type { StepTargets } from './step-plan-request.js';
import type { StepPlan, StepPlanRequest } from '../contracts/deadline.js';

/** What a statutory step needs to know about the case it runs in. */
export interface StepContext extends StepTargets {
  caseId: string;
  procedure: Procedure;
  pack: PackId;
  departmentOf(who: DepartmentOf): string;
  /** The first step's plan made as the case started, for a step that asks the same (once; later steps ask the calendar). */
  plannedAhead(request: StepPlanRequest): StepPlan | undefined;
  /** Called whenever the workflow reaches a point where it waits for people (writes the status first where it changed). */
  idle(): Promise<void> | void;
  /** A task the case has opened: decisions naming its id go to its handlers. */
  registerTask(task: CaseTask): void;
  /** Set once the case is withdrawn or terminated: an open step ends and hands it the close. */
  readonly stopping?: StopKind;
  closeStopped(): Promise<CaseStatus>;
}

/** Administrative target used when the deployment configures none for a key. */
export const DEFAULT_TARGET_WORKING_DAYS = 10;
