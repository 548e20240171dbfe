import type { CaseStatus } from './contracts/case-status.js';
import type { InterfaceProvisionInput } from './contracts/single-step.js';
import { openCase } from './steps/open-case.js';
import { requiredDetail, requirement, type DecisionSchema } from './contracts/decisions.js';
import { requiredDetailOf } from './steps/step-decisions.js';
import { stoppable } from './steps/case-stop.js';

const STATES = {
  providing: { id: 'awaiting-interfaces', text: { zh: '数据生产单位提供接口中', en: 'Awaiting the interfaces' } },
  provided: { id: 'provided', text: { zh: '已提供服务接口', en: 'Interfaces provided' } },
};

const PROVIDED: DecisionSchema = {
  options: [
    {
      decision: 'provided',
      details: [
        requiredDetail(
          'interfaces',
          requirement(
            'invalid',
            'INTERFACES_REQUIRED',
            '请在 details.interfaces 中说明所提供的接口及调用说明',
            'Describe the interfaces provided in details.interfaces',
          ),
        ),
      ],
    },
  ],
};

/** P6 服务接口提供 (Quanzhou 二（三）): 10 WD; a written extension approved by the agency, at most 5 WD. */
export const interfaceProvision = stoppable(async function interfaceProvision(
  input: InterfaceProvisionInput,
): Promise<CaseStatus> {
  const rt = openCase('interface-provision', input, input.applicant, input.departments, STATES.providing);
  const provided = await rt.runStep(input.rules.step, input.receivedAt, { schema: PROVIDED });
  return rt.close(STATES.provided, {
    reasons: requiredDetailOf(provided, 'interfaces'),
    citation: input.rules.step.citation,
  });
});
