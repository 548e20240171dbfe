import type { CaseStatus } from './contracts/case-status.js';
import type { OpenCatalogObjectionInput } from './contracts/single-step.js';
import { requestCatalogChange } from './steps/linked-catalog-update.js';
import { openCase } from './steps/open-case.js';
import { requiredDetail, requirement, type DecisionSchema } from './contracts/decisions.js';
import { requiredDetailOf } from './steps/step-decisions.js';
import { stoppable } from './steps/case-stop.js';

const STATES = {
  answering: { id: 'awaiting-answer', text: { zh: '提供部门答复中', en: 'Awaiting the provider’s answer' } },
  agreed: {
    id: 'agreed',
    text: { zh: '同意更正，已提请主管部门变更开放目录', en: 'Agreed; catalog change requested from the authority' },
  },
  refused: { id: 'refused', text: { zh: '不同意更正', en: 'Objection refused' } },
};

/** Agree, or refuse with reasons and the basis of the refusal. */
const ANSWERS: DecisionSchema = {
  options: [
    { decision: 'approve', details: [] },
    {
      decision: 'refuse',
      details: [
        requiredDetail(
          'basis',
          requirement(
            'notAllowed',
            'BASIS_REQUIRED',
            '不同意更正的，应当说明理由并在 details.basis 中提供依据',
            'A refusal needs reasons and its basis in details.basis',
          ),
        ),
      ],
    },
  ],
};

/** P5 开放目录更正申请 (Chongqing Art. 32): agree → a pending catalog change linked to the case; refuse → reasons and basis. */
export const openCatalogObjection = stoppable(async function openCatalogObjection(
  input: OpenCatalogObjectionInput,
): Promise<CaseStatus> {
  const rt = openCase('open-catalog-objection', input, input.applicant, input.departments, STATES.answering);
  const answer = await rt.runStep(input.rules.step, input.receivedAt, { schema: ANSWERS });
  if (answer.decision === 'refuse') {
    return rt.close(STATES.refused, {
      reasons: `${answer.reasons}（依据：${requiredDetailOf(answer, 'basis')}）`,
      citation: input.rules.step.citation,
    });
  }
  const linked = await requestCatalogChange(rt, {
    entryId: input.resource.id,
    change: { openType: input.requestedOpenType },
    citation: input.rules.step.citation,
    trigger: 'open-catalog-objection',
    description: `提供部门同意开放目录更正申请，提请市主管部门变更开放目录（${input.caseId}）`,
  });
  return rt.close(STATES.agreed, {
    pendingCatalogChangeId: linked.changeId,
    catalogUpdateCaseId: linked.catalogUpdateCaseId,
    citation: input.rules.step.citation,
  });
});
