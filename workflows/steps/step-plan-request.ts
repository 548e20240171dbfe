import type { StepPlanRequest } from '../contracts/deadline.js';
import type { DeadlineRule, StepRule } from '../rules/rule-types.js';
import { DEFAULT_TARGET_WORKING_DAYS } from './step-context.js';

/** Warning threshold when the deployment configures none: 2 working days, or 20% of the period if more. */
export const DEFAULT_WARNING = { workingDays: 2, percent: 20 } as const;

export interface WarningSetting {
  workingDays: number;
  percent: number;
}

/** What a step's period depends on besides its rule: the deployment's targets, as configured when the case started. */
export interface StepTargets {
  /** Working days for an administrative target. */
  targetDays(targetKey: string): number;
  /** When a step is warned (预警): the `warning.working-days` and `warning.percent` targets. */
  warningSetting(): WarningSetting;
}

/** The targets a case carries in its input, with the defaults for keys it does not configure. */
export function targetsOf(administrativeTargets: Record<string, number>): StepTargets {
  return {
    targetDays: (targetKey) =>
      administrativeTargets[targetKey] ?? administrativeTargets.default ?? DEFAULT_TARGET_WORKING_DAYS,
    warningSetting: () => ({
      workingDays: administrativeTargets['warning.working-days'] ?? DEFAULT_WARNING.workingDays,
      percent: administrativeTargets['warning.percent'] ?? DEFAULT_WARNING.percent,
    }),
  };
}

/** Working days left at which a period of `period` working days is warned. */
export function warningThreshold(period: number, setting: WarningSetting): number {
  return Math.max(setting.workingDays, Math.ceil((period * setting.percent) / 100));
}

/** The threshold a period of `period` working days is warned at; undefined when the period is no longer than it. */
export function warnedAt(period: number, setting: WarningSetting): number | undefined {
  const threshold = warningThreshold(period, setting);
  return period <= threshold ? undefined : threshold;
}

export type WorkingDayDeadline = Exclude<DeadlineRule, { monthEnd: number }>;

/** The working days of a deadline: an article's, or the deployment's administrative target. */
export function periodOf(targets: StepTargets, deadline: WorkingDayDeadline): number {
  return deadline.basis === 'statutory' ? deadline.workingDays : targets.targetDays(deadline.targetKey);
}

/** What a step of a working-day rule asks the calendar as it opens: its due date, warning point and supplement period. */
export function stepPlanRequest(targets: StepTargets, rule: StepRule, from: string): StepPlanRequest {
  const workingDays = periodOf(targets, rule.deadline as WorkingDayDeadline);
  const threshold = warnedAt(workingDays, targets.warningSetting());
  return {
    from,
    workingDays,
    ...(threshold === undefined ? {} : { warningWorkingDays: threshold }),
    ...(rule.supplement ? { supplementWorkingDays: rule.supplement.withinWorkingDays } : {}),
  };
}

/** Whether two plan requests ask the calendar the same: a plan made for one answers the other. */
export function sameStepPlanRequest(a: StepPlanRequest, b: StepPlanRequest): boolean {
  return (
    a.from === b.from &&
    a.workingDays === b.workingDays &&
    a.warningWorkingDays === b.warningWorkingDays &&
    a.supplementWorkingDays === b.supplementWorkingDays
  );
}
