import type { Actor } from './actor.js';
import type { CorrectionRules } from '../rules/rule-types.js';
import type { CaseWorkflowInput } from './case-input.js';

export const CORRECTION_WORKFLOW = 'correction';

/** P2: someone who uses the data reports it as doubtful or wrong. */
export interface CorrectionInput extends CaseWorkflowInput {
  caseId: string;
  receivedAt: string;
  reporter: Actor;
  resource: { id: string; title: string; providerDepartment: string };
  items: string[];
  description: string;
  rules: CorrectionRules;
  departments: { provider: string; authority: string; serviceUnit?: string };
  administrativeTargets: Record<string, number>;
}

export const correctionCaseId = (uuid: string) => `correction-${uuid}`;
