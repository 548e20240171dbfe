import type { Actor } from './actor.js';
import type { OpenDataRules, OrganisationType } from '../rules/rule-types.js';
import type { CaseWorkflowInput } from './case-input.js';

export const OPEN_DATA_WORKFLOW = 'openDataApplication';

/** P4: a citizen, legal person or organisation applies for open data. */
export interface OpenDataInput extends CaseWorkflowInput {
  caseId: string;
  receivedAt: string;
  applicant: Actor;
  resource: { id: string; title: string; providerDepartment: string; openType: string };
  scope: string;
  purpose: string;
  organisationType?: OrganisationType;
  /** Quanzhou: the application this one follows after a negotiation (六（五）). */
  previousCaseId?: string;
  /** `outside-scope`: a `closed` resource the pack lets people ask to open (Huarong Art. 28 ¶2). */
  path: 'direct' | 'review' | 'outside-scope';
  rules: OpenDataRules;
  departments: { provider: string; authority: string; serviceUnit?: string };
  administrativeTargets: Record<string, number>;
}

export const openDataCaseId = (uuid: string) => `open-data-${uuid}`;
