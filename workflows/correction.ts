import type { CaseStatus, DecisionRecord } from './contracts/case-status.js';
import type { Text } from './contracts/citation.js';
import type { CorrectionInput } from './contracts/correction.js';
import type { StepRule } from './rules/rule-types.js';
import { activities } from './steps/activities-proxy.js';
import { openCase } from './steps/open-case.js';
import {
  plainDecisions,
  requiredDetail,
  requirement,
  type DecisionSchema,
  type DetailRule,
} from './contracts/decisions.js';
import { requiredDetailOf } from './steps/step-decisions.js';
import { stoppable } from './steps/case-stop.js';

const STATES = {
  triage: { id: 'in-triage', text: { zh: '技术服务单位分析分派中', en: 'Service unit analysing the report' } },
  verifying: { id: 'under-verification', text: { zh: '核查中', en: 'Being verified' } },
  correcting: { id: 'correcting', text: { zh: '确认有误，更正中', en: 'Error confirmed; being corrected' } },
  corrected: { id: 'corrected', text: { zh: '已更正', en: 'Corrected' } },
  notAnError: { id: 'not-an-error', text: { zh: '经核查，数据无误', en: 'Verified: not an error' } },
} satisfies Record<string, { id: string; text: Text }>;

/** Saying what changed is part of correcting (the reporter sees it). */
const WHAT_CHANGED: DetailRule = requiredDetail(
  'whatChanged',
  requirement(
    'invalid',
    'WHAT_CHANGED_REQUIRED',
    '请在 details.whatChanged 中说明更正内容',
    'Say what was corrected in details.whatChanged',
  ),
);
/** Where the provider corrects in a later step, the verdict may already say what will change. */
const verdictSchema = (correctsNow: boolean): DecisionSchema => ({
  options: [
    { decision: 'confirm', details: [{ ...WHAT_CHANGED, required: correctsNow }] },
    { decision: 'not-an-error', details: [] },
  ],
});
const CORRECTED: DecisionSchema = { options: [{ decision: 'corrected', details: [WHAT_CHANGED] }] };

/** P2 数据纠错 / 疑义校核, for every pack. */
export const correction = stoppable(async function correction(input: CorrectionInput): Promise<CaseStatus> {
  const { rules } = input;
  const rt = openCase(
    'correction',
    input,
    input.reporter,
    {
      provider: input.departments.provider,
      authority: input.departments.authority,
      'service-unit': input.departments.serviceUnit,
    },
    rules.triage ? STATES.triage : STATES.verifying,
  );
  if (rules.whileVerifying) rt.addNotice(rules.whileVerifying.text, rules.whileVerifying.citation);
  const startOf = (rule: StepRule, previous?: DecisionRecord) =>
    rule.deadline.from === 'previous-step' && previous ? previous.decidedAt : input.receivedAt;

  let previous: DecisionRecord | undefined;
  if (rules.triage) {
    previous = await rt.runStep(rules.triage, startOf(rules.triage), { schema: plainDecisions('dispatch') });
    await rt.setState(STATES.verifying.id, STATES.verifying.text);
  }
  const verdict = await rt.runStep(rules.verify, startOf(rules.verify, previous), {
    schema: verdictSchema(!rules.correct),
  });
  if (verdict.decision === 'not-an-error') {
    return rt.close(STATES.notAnError, { reasons: verdict.reasons, citation: rules.verify.citation });
  }

  let corrected = verdict;
  if (rules.correct) {
    await rt.setState(STATES.correcting.id, STATES.correcting.text);
    corrected = await rt.runStep(rules.correct, startOf(rules.correct, verdict), { schema: CORRECTED });
  }
  const citation = (rules.correct ?? rules.verify).citation;
  const record = await activities.recordCorrection({
    caseId: input.caseId,
    resourceId: input.resource.id,
    items: input.items,
    description: input.description,
    whatChanged: requiredDetailOf(corrected, 'whatChanged'),
    correctedAt: corrected.decidedAt,
    correctedBy: { id: corrected.actor.id, name: corrected.actor.name },
    citation,
  });
  return rt.close(STATES.corrected, {
    correction: {
      whatChanged: record.whatChanged,
      correctedAt: record.correctedAt,
      correctedBy: record.correctedBy.name,
    },
    citation,
  });
});
