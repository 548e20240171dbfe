import type { CaseStatus, Procedure } from '../contracts/case-status.js';
import type { PackId } from '../contracts/citation.js';
import type { DepartmentOf } from '../rules/rule-types.js';
import type { CaseTask } from './case-task.js';
import type { StopKind } from './case-stop.js';

/** What a statutory step needs to know about the case it runs in. */
export interface StepContext {
  caseId: string;
  procedure: Procedure;
  pack: PackId;
  departmentOf(who: DepartmentOf): string;
  /** Working days for an administrative target (configured per deployment). */
  targetDays(targetKey: string): number;
  /** When a step is warned (预警): the deployment's `warning.working-days` and `warning.percent` targets. */
  warningSetting(): { workingDays: number; percent: number };
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
