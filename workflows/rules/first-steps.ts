import type { CatalogUpdateInput } from '../contracts/catalog-update.js';
import type { CaseWorkflowInput } from '../contracts/case-input.js';
import type { CorrectionInput } from '../contracts/correction.js';
import type { OpenDataInput } from '../contracts/open-data.js';
import type { ShareRequestInput } from '../contracts/share-request.js';
import type { SingleStepRules, StepRule } from './rule-types.js';

/**
 * The step a case's workflow opens first, and the instant its period runs from: the API plans its dates as it starts
 * the case. Should a workflow open another step first, that step finds no plan for its request and asks the calendar.
 */
export interface FirstStep {
  rule: StepRule;
  from: string;
}

/** 00:00 Asia/Shanghai of the trigger day: the day itself is not counted (民法典 第二百零一条). */
export const triggerInstant = (date: string) => `${date}T00:00:00+08:00`;

/** P1: the county's review of a reclassification, the consultation where the pack has one, else the review. */
export function firstShareRequestStep(input: ShareRequestInput): FirstStep | undefined {
  const { rules } = input;
  if (input.path === 'unconditional') return undefined;
  if (input.path === 'reclassification' && rules.reclassification) {
    return { rule: rules.reclassification.countyReview, from: input.receivedAt };
  }
  return { rule: rules.consultation ?? rules.review, from: input.receivedAt };
}

/** P2: the triage where the pack has one, else the verification. */
export function firstCorrectionStep(input: CorrectionInput): FirstStep {
  return { rule: input.rules.triage ?? input.rules.verify, from: input.receivedAt };
}

/** P3: the authority's review, counted from the trigger where the text says so. */
export function firstCatalogUpdateStep(input: CatalogUpdateInput): FirstStep {
  const rule = input.rules.review;
  return { rule, from: rule.deadline.from === 'trigger' ? triggerInstant(input.trigger.date) : input.receivedAt };
}

/** P4: none for direct access; the assessment where the pack has one, else the review (of an out-of-scope request). */
export function firstOpenDataStep(input: OpenDataInput): FirstStep | undefined {
  const { rules } = input;
  if (input.path === 'direct') return undefined;
  if (rules.assessment) return { rule: rules.assessment, from: input.receivedAt };
  const rule = input.path === 'outside-scope' && rules.outsideScope ? rules.outsideScope : rules.review;
  return { rule, from: input.receivedAt };
}

/** The single-step procedures (objection, interface provision, data conflict): their one step. */
export function onlyStep(input: CaseWorkflowInput & { rules: SingleStepRules }): FirstStep {
  return { rule: input.rules.step, from: input.receivedAt };
}
