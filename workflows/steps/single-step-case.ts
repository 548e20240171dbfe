import type { Actor } from '../contracts/actor.js';
import type { Procedure } from '../contracts/case-status.js';
import type { Text } from '../contracts/citation.js';
import type { SingleStepRules } from '../rules/rule-types.js';
import { CaseRuntime } from './case-runtime.js';

interface SingleStepInput {
  caseId: string;
  receivedAt: string;
  applicant: Actor;
  rules: SingleStepRules;
  departments: { provider: string; authority: string };
  administrativeTargets: Record<string, number>;
}

/** The runtime of a one-step procedure between a provider and the authority (P5, P6). */
export function singleStepCase(procedure: Procedure, input: SingleStepInput, state: { id: string; text: Text }): CaseRuntime {
  return new CaseRuntime(
    {
      caseId: input.caseId,
      procedure,
      pack: input.rules.pack,
      receivedAt: input.receivedAt,
      applicant: input.applicant,
      departments: { provider: input.departments.provider, authority: input.departments.authority },
      administrativeTargets: input.administrativeTargets,
    },
    state,
  );
}
