import type { Actor } from './actor.js';
import type { Procedure } from './case-status.js';
import type { CatalogUpdateRules } from '../rules/rule-types.js';
import type { CaseWorkflowInput } from './case-input.js';

export const CATALOG_UPDATE_WORKFLOW = 'catalogUpdate';

export const SHARE_TYPES = ['unconditional', 'conditional', 'none'] as const;
export const OPEN_TYPES = ['open', 'conditional', 'closed'] as const;

export interface CatalogDataItem {
  key: string;
  name: string;
}

/** The fields of a catalog entry that a catalog update may change (SPEC §4). */
export interface CatalogFields {
  title: string;
  providerDepartmentId: string;
  dataItems: CatalogDataItem[];
  shareType: (typeof SHARE_TYPES)[number];
  shareConditions: string | null;
  legalBasis: string | null;
  openType: (typeof OPEN_TYPES)[number];
  /** Chongqing Art. 31 ¶1: the law or national document a conditional or closed open type rests on. */
  openBasis: string | null;
  updateFrequency: string;
}

export type CatalogFieldName = keyof CatalogFields;

/** One entry's change, with the version it was asked against. */
export interface EntryChange {
  entryId: string;
  jurisdiction: string;
  baseVersion: number;
  before: CatalogFields;
  change: Partial<CatalogFields>;
}

/** Why the catalog must change (Chongqing Art. 14, Jiangmen-2019 Art. 11), or which case asked for it. */
export const CATALOG_TRIGGER_KINDS = [
  'law-revision',
  'function-change',
  'reclassification',
  'open-catalog-objection',
  'open-scope',
] as const;
export type CatalogTriggerKind = (typeof CATALOG_TRIGGER_KINDS)[number];

export interface CatalogTrigger {
  kind: CatalogTriggerKind;
  /** The day of the law revision or the change of functions (YYYY-MM-DD, Asia/Shanghai). */
  date: string;
  description: string;
}

/** The case whose decision asked for this update (P1 Huarong reclassification, P4 Huarong open scope, P5). */
export interface CatalogChangeOrigin {
  caseId: string;
  procedure: Procedure;
  pendingChangeId: string;
}

/** P3 目录更新. */
export interface CatalogUpdateInput extends CaseWorkflowInput {
  caseId: string;
  receivedAt: string;
  applicant: Actor;
  trigger: CatalogTrigger;
  changes: EntryChange[];
  origin?: CatalogChangeOrigin;
  rules: CatalogUpdateRules;
  departments: { provider: string; authority: string };
  administrativeTargets: Record<string, number>;
}

export const catalogUpdateCaseId = (uuid: string) => `catalog-update-${uuid}`;
/** One linked P3 case per origin case: a retried start finds the same one. */
export const linkedCatalogUpdateCaseId = (originCaseId: string) => `catalog-update-for-${originCaseId}`;
