import type { Actor } from '../contracts/actor.js';
import type { Procedure } from '../contracts/case-status.js';
import type { CaseWorkflowInput } from '../contracts/case-input.js';
import type { Text } from '../contracts/citation.js';
import type { DepartmentOf } from '../rules/rule-types.js';
import { CaseRuntime } from './case-runtime.js';

/** What the runtime takes from a procedure's input. */
export type CaseBasics = Pick<
  CaseWorkflowInput,
  'caseId' | 'receivedAt' | 'rules' | 'administrativeTargets' | 'firstStepPlan'
>;

/** The runtime of a new case: who applied, which departments act in it, and its first state. */
export function openCase(
  procedure: Procedure,
  basics: CaseBasics,
  applicant: Actor,
  departments: Partial<Record<DepartmentOf, string>>,
  state: { id: string; text: Text },
): CaseRuntime {
  return new CaseRuntime(
    {
      caseId: basics.caseId,
      procedure,
      pack: basics.rules.pack,
      receivedAt: basics.receivedAt,
      applicant,
      departments,
      administrativeTargets: basics.administrativeTargets,
      firstStepPlan: basics.firstStepPlan,
    },
    state,
  );
}
