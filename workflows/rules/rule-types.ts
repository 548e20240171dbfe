import type { Role } from '../contracts/actor.js';
import type { Citation, Jurisdiction, PackId, Text } from '../contracts/citation.js';

/** Which department a step's actor belongs to, resolved per case. */
export type DepartmentOf = 'provider' | 'applicant' | 'authority' | 'city-authority' | 'service-unit';

/** A deadline set by an article, or an administrative target where the text sets none. */
export type DeadlineRule =
  | { basis: 'statutory'; workingDays: number; from: 'receipt' | 'trigger' | 'previous-step'; citation: Citation }
  | { basis: 'administrative'; targetKey: string; from: 'receipt' | 'previous-step'; citation: Citation };

export interface ExtensionRule {
  approverRole: Role;
  approverDepartment: DepartmentOf;
  maxWorkingDays: number;
  citation: Citation;
}

export type ShareDecision = 'approve' | 'refuse';

export interface StepRule {
  id: string;
  title: Text;
  actorRole: Role;
  actorDepartment: DepartmentOf;
  deadline: DeadlineRule;
  extension?: ExtensionRule;
  /** Decisions that must come with reasons (e.g. a refusal, Jiangmen-2019 Art. 21). */
  reasonsRequiredFor: string[];
  citation: Citation;
}

export type ShareManner = 'interface' | 'cross-verification' | 'batch-exchange';
export type UsableNotVisibleInterface = 'comparison' | 'verification' | 'statistics';

/** P1 as one pack says it. A step a pack does not have is absent. */
export interface ShareRequestRules {
  pack: PackId;
  /** The provider's (or, Quanzhou, the agency's) review of a conditional resource. */
  review: StepRule;
  /** Quanzhou: the producing department's consultation opinion before the agency decides. */
  consultation?: StepRule;
  /** Huarong Art. 21 ¶1, Chongqing Art. 27: the authority coordinates a disputed refusal; its outcome stands. */
  dispute?: StepRule;
  /** Huarong Art. 21 ¶2: a `none` resource with a real need: county review, then city consent. */
  reclassification?: { countyReview: StepRule; cityConsent: StepRule };
  /** Quanzhou 五(四): `none` resources only through usable-not-visible interfaces. */
  usableNotVisible?: { interfaces: UsableNotVisibleInterface[]; citation: Citation };
  /** Quanzhou 二(二), 五(三): the manner is chosen; batch exchange needs a reason. */
  manners?: { allowed: ShareManner[]; batchNeedsReason: Citation };
  unconditional: Citation;
  /** Why a `none` resource cannot be requested, where no path exists. */
  noneRefused?: Citation;
  useLimits: Citation;
}

/** P2 数据纠错 / 疑义校核 as one pack says it. */
export interface CorrectionRules {
  pack: PackId;
  /** Who may report: government departments, and citizens/organisations where the pack says so. */
  reporters: Array<'government' | 'public'>;
  /** Quanzhou 七（二）: the technical service unit analyses and dispatches the report. */
  triage?: StepRule;
  /** The provider verifies and decides: confirm (an error) or not-an-error (with reasons). */
  verify: StepRule;
  /** For a confirmed error: correct it (Jiangmen 2 WD of the report; Quanzhou 10 WD of the decision). */
  correct?: StepRule;
  /** Said to the reporter in plain words while verification runs (Chongqing Art. 19 ¶3). */
  whileVerifying?: { text: Text; citation: Citation };
}

/** A procedure of one statutory step (P5 open-catalog objection, P6 interface provision). */
export interface SingleStepRules {
  pack: PackId;
  step: StepRule;
  reporters?: Array<'government' | 'public'>;
}

export interface RulePack {
  id: PackId;
  jurisdiction: Jurisdiction;
  title: string;
  /** First day in force (YYYY-MM-DD, Asia/Shanghai). */
  effectiveFrom: string;
  /** Last day in force, where a later pack replaces it. */
  effectiveUntil?: string;
  shareRequest: ShareRequestRules;
  correction: CorrectionRules;
  /** P5 开放目录更正申请, where the pack has it (Chongqing). */
  openCatalogObjection?: SingleStepRules;
  /** P6 服务接口提供, where the pack has it (Quanzhou). */
  interfaceProvision?: SingleStepRules;
}
