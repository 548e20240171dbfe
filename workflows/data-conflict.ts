import type { CaseStatus } from './contracts/case-status.js';
import { requiredDetail, requirement, type DecisionSchema } from './contracts/decisions.js';
import type { DataConflictInput } from './contracts/single-step.js';
import { openCase } from './steps/open-case.js';
import { requiredDetailOf } from './steps/step-decisions.js';
import { stoppable } from './steps/case-stop.js';

const STATES = {
  coordinating: { id: 'in-coordination', text: { zh: '主管部门协调处理中', en: 'The authority is coordinating' } },
  coordinated: { id: 'coordinated', text: { zh: '已协调处理', en: 'Coordinated' } },
};

const RESOLVED: DecisionSchema = {
  options: [
    {
      decision: 'resolved',
      details: [
        requiredDetail(
          'outcome',
          requirement(
            'invalid',
            'OUTCOME_REQUIRED',
            '请在 details.outcome 中写明协调结果（以哪一方数据为准、谁更正什么）',
            'State the outcome in details.outcome (whose data stands, who corrects what)',
          ),
        ),
      ],
    },
  ],
};

/** P8 数据不一致协调 (Jiangmen-2019 Art. 15 ¶3): the authority coordinates with the departments and records the outcome. */
export const dataConflict = stoppable(async function dataConflict(input: DataConflictInput): Promise<CaseStatus> {
  const rt = openCase('data-conflict', input, input.applicant, input.departments, STATES.coordinating);
  const resolved = await rt.runStep(input.rules.step, input.receivedAt, { schema: RESOLVED });
  return rt.close(STATES.coordinated, {
    reasons: requiredDetailOf(resolved, 'outcome'),
    citation: input.rules.step.citation,
  });
});
