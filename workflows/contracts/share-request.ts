import type { Actor } from './actor.js';
import type { ShareManner, ShareRequestRules, UsableNotVisibleInterface } from '../rules/rule-types.js';
import type { CaseWorkflowInput } from './case-input.js';

export const SHARE_REQUEST_WORKFLOW = 'shareRequest';

/** How a request runs, decided by the API from the resource's share type and the pack. */
export type ShareRequestPath = 'unconditional' | 'review' | 'reclassification' | 'usable-not-visible';

export interface ShareResourceSnapshot {
  id: string;
  title: string;
  providerDepartment: string;
  shareType: 'unconditional' | 'conditional' | 'none';
  shareConditions?: string;
  legalBasis?: string;
}

export interface ShareRequestInput extends CaseWorkflowInput {
  caseId: string;
  receivedAt: string;
  applicant: Actor;
  resource: ShareResourceSnapshot;
  items: string[];
  purpose: string;
  scenario: string;
  /** Quanzhou: the manner asked for, and why batch exchange is needed when asked. */
  requestedManner?: ShareManner | UsableNotVisibleInterface;
  mannerReason?: string;
  /** 使用人员 (Quanzhou 八（二）). */
  users?: string[];
  path: ShareRequestPath;
  /** The pack's P1 rules as in force on the day of receipt: the case keeps them for its life. */
  rules: ShareRequestRules;
  departments: { provider: string; authority: string; cityAuthority?: string };
  /** Working days for steps that rest on an administrative target, by target key. */
  administrativeTargets: Record<string, number>;
}

export const shareRequestCaseId = (uuid: string) => `share-${uuid}`;
