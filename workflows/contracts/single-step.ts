import type { Actor } from './actor.js';
import type { SingleStepRules } from '../rules/rule-types.js';
import type { CaseWorkflowInput } from './case-input.js';

export const OPEN_CATALOG_OBJECTION_WORKFLOW = 'openCatalogObjection';
export const INTERFACE_PROVISION_WORKFLOW = 'interfaceProvision';

/** P5: an objection to an open-catalog entry (Chongqing Art. 32). */
export interface OpenCatalogObjectionInput extends CaseWorkflowInput {
  caseId: string;
  receivedAt: string;
  applicant: Actor;
  resource: { id: string; title: string; providerDepartment: string; openType: string };
  requestedOpenType: 'open' | 'conditional' | 'closed';
  reason: string;
  rules: SingleStepRules;
  departments: { provider: string; authority: string };
  administrativeTargets: Record<string, number>;
}

/** P6: the agency asks a producing department for more service interfaces (Quanzhou 二（三）). */
export interface InterfaceProvisionInput extends CaseWorkflowInput {
  caseId: string;
  receivedAt: string;
  applicant: Actor;
  interfaces: string;
  scenario: string;
  rules: SingleStepRules;
  departments: { provider: string; authority: string };
  administrativeTargets: Record<string, number>;
}

export const DATA_CONFLICT_WORKFLOW = 'dataConflict';

/**
 * P8: two departments' data of the same kind disagree and they could not agree between them; the authority
 * coordinates (Jiangmen-2019 Art. 15 ¶3).
 */
export interface DataConflictInput extends CaseWorkflowInput {
  caseId: string;
  receivedAt: string;
  applicant: Actor;
  resource: { id: string; title: string; providerDepartment: string };
  description: string;
  rules: SingleStepRules;
  departments: { provider: string; reporter: string; authority: string };
  administrativeTargets: Record<string, number>;
}

export const dataConflictCaseId = (uuid: string) => `data-conflict-${uuid}`;
export const objectionCaseId = (uuid: string) => `objection-${uuid}`;
export const interfaceCaseId = (uuid: string) => `interfaces-${uuid}`;
