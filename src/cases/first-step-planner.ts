import { Inject, Injectable, Logger } from '@nestjs/common';
import type { CaseWorkflowInput } from '../../workflows/contracts/case-input.js';
import { stepPlanRequest, targetsOf } from '../../workflows/steps/step-plan-request.js';
import { DEADLINE_CALENDAR } from '../calendar/deadline-calendar.provider.js';
import type { DeadlineCalendar } from '../calendar/deadline-calendar.js';
import { planStepOn } from '../calendar/step-plan.js';
import type { PlannedCase } from './procedures/procedure-definition.js';

/**
 * Plans the first step's dates on the calendar as the case starts, so that the workflow opens that step without
 * asking the calendar itself (one local activity and one workflow activation less per start).
 */
@Injectable()
export class FirstStepPlanner {
  private readonly logger = new Logger(FirstStepPlanner.name);

  constructor(@Inject(DEADLINE_CALENDAR) private readonly calendar: DeadlineCalendar) {}

  /**
   * The workflow's input with the plan in it. Without one for a step counted to a month's end (its date needs no
   * working days), and when the calendar cannot plan it now: the workflow then asks the calendar itself, and a
   * failure there becomes the case's incident, where an operator sees it.
   */
  async inputOf(planned: PlannedCase): Promise<CaseWorkflowInput> {
    const { input, firstStep } = planned;
    if (!firstStep || 'monthEnd' in firstStep.rule.deadline) return input;
    const request = stepPlanRequest(targetsOf(input.administrativeTargets), firstStep.rule, firstStep.from);
    try {
      return { ...input, firstStepPlan: { request, plan: await planStepOn(this.calendar, request) } };
    } catch (error) {
      this.logger.warn({ caseId: input.caseId, err: error }, 'the first step could not be planned ahead');
      return input;
    }
  }
}
