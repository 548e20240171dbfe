import type { Role } from '../contracts/actor.js';
import type { Citation, Jurisdiction, PackId, Text } from '../contracts/citation.js';

/** Which department a step's actor belongs to, resolved per case. */
export type DepartmentOf = 'provider' | 'applicant' | 'authority' | 'city-authority' | 'service-unit';

/** A deadline set by an article, or an administrative target where the text sets none. */
export type DeadlineRule =
  | { basis: 'statutory'; workingDays: number; from: 'receipt' | 'trigger' | 'previous-step'; citation: Citation }
  | { basis: 'administrative'; targetKey: string; from: 'receipt' | 'previous-step'; citation: Citation }
  /** A calendar date: the end of a month of the year the period starts in (Chongqing Art. 47 「1月底前」). */
  | { basis: 'statutory'; monthEnd: number; from: 'receipt'; citation: Citation };

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
  /** The clock may stop while a third party is consulted; that time is not counted. */
  pausableFor?: Citation;
  /** 条例 Art. 32: the third party answers within N WD; then the clock runs again whether it answered or not. */
  pauseLimit?: { workingDays: number; citation: Citation };
  /**
   * A request to supplement (补正), made within N WD of the start, makes the period run anew from the supplement.
   * 条例 Art. 30: the request gives a reasonable period (`periodTargetKey`, an administrative target, unless the
   * request names one); without a supplement by then the application is deemed withdrawn (视为放弃申请).
   */
  supplement?: { withinWorkingDays: number; citation: Citation; periodTargetKey: string; lapse: Citation };
  /** A missed period is a breach under this article as well as the step's own (Chongqing Art. 50(8)). */
  breachAlsoUnder?: Citation;
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
  /**
   * Quanzhou 五（十）: the data agency may suspend or end a service on unlawful, out-of-scope or risky use. The
   * other texts give no such power over a grant, so no pack but Quanzhou offers it.
   */
  grantSuspension?: Citation;
  /** Quanzhou 八（二）: the use is recorded with its users (使用人员) and the medium (介质类型); users are named. */
  usageRecord?: Citation;
  /** Jiangmen-2019 Art. 20 ¶2: a conditional or not-shared entry without a legal basis is shared unconditionally. */
  withoutBasisUnconditional?: Citation;
  /** Jiangmen-2019 Art. 18 ¶1: a refusal names the law, regulation or rule it rests on. */
  refusalNeedsLegalBasis?: Citation;
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

export type OrganisationType = 'domestic-enterprise' | 'university' | 'research-institute' | 'other';

/** P4 开放数据申请 as one pack says it. */
export interface OpenDataRules {
  pack: PackId;
  /** 「公民、法人和其他组织」 in every text: departments use P1 (sharing), not P4. */
  applicants: Array<'government' | 'public'>;
  /** `open` resources: access after identity check, no review. */
  directAccess: Citation;
  /** The provider's (Quanzhou: the agency's) decision. */
  review: StepRule;
  /** Chongqing Art. 33: a refusal gives reasons and its basis. */
  refusalNeedsBasis?: boolean;
  /** Huarong Art. 28 ¶2: the applicant may ask the county authority for a re-review, whose answer stands. */
  reReview?: StepRule;
  /** Huarong Art. 28 ¶2: data outside the open scope is reviewed; if it meets the standard it joins the open scope (P3). */
  outsideScope?: StepRule;
  /** Quanzhou 六（五）: the technical service unit assesses whether the need is reasonable. */
  assessment?: StepRule;
  /** Quanzhou 六（四）: who may apply, and for what use. */
  eligibility?: { organisations: OrganisationType[]; nonCommercialOnly: OrganisationType[]; citation: Citation };
}

/** A procedure of one statutory step (P5 open-catalog objection, P6 interface provision). */
export interface SingleStepRules {
  pack: PackId;
  step: StepRule;
  reporters?: Array<'government' | 'public'>;
}

/** P3 目录更新 as one pack says it. */
export interface CatalogUpdateRules {
  pack: PackId;
  /**
   * Chongqing Art. 14 ¶1, Jiangmen-2019 Art. 11: the department applies within N WD of the trigger; a late
   * application is accepted and recorded as its breach (Chongqing Art. 50(8); Jiangmen-2019 Art. 11).
   */
  applyWithin?: { workingDays: number; citation: Citation; breachCitation: Citation };
  /** The authority reviews and updates the catalog; the deadline runs from receipt or, Jiangmen-2019 Art. 11, from the trigger. */
  review: StepRule;
  /** Chongqing Art. 31 ¶1: a conditional or closed open type needs its basis (laws, regulations, national documents). */
  openRestrictionNeedsBasis?: Citation;
  /** Chongqing Art. 13, 14 ¶2: the responsibility list (责任清单) is updated in the same step. */
  responsibilityList?: Citation;
}

/** P7 年度政务数据资源管理情况 (Chongqing Art. 47). */
export interface AnnualReportRules {
  pack: PackId;
  /** Each district government and municipal department: last year's report by the end of January. */
  departmentReport: StepRule;
  /** The authority: the city's report to the municipal government by the end of February. */
  authorityReport: StepRule;
}

export interface RulePack {
  id: PackId;
  jurisdiction: Jurisdiction;
  title: string;
  /** First day surely in force (YYYY-MM-DD, Asia/Shanghai). */
  effectiveFrom: string;
  /**
   * Where the text leaves its start date blank: the days on which it may or may not have been in force
   * (from `from` to the day before `effectiveFrom`). A case received then cannot be assigned a law.
   */
  startUnknown?: { from: string; why: Text };
  /** Last day in force, where a later pack replaces it. */
  effectiveUntil?: string;
  shareRequest: ShareRequestRules;
  correction: CorrectionRules;
  openData: OpenDataRules;
  /** P5 开放目录更正申请, where the pack has it (Chongqing). */
  openCatalogObjection?: SingleStepRules;
  /** P6 服务接口提供, where the pack has it (Quanzhou). */
  interfaceProvision?: SingleStepRules;
  /** P8 数据不一致协调, where the pack has it (Jiangmen-2019 Art. 15 ¶3). */
  dataConflict?: SingleStepRules;
  /** P3 目录更新: every pack. */
  catalogUpdate: CatalogUpdateRules;
  /** P7 annual report, where the pack has it (Chongqing). */
  annualReport?: AnnualReportRules;
  /** Who deals with a breach besides the data authority, where the text names a body (its liability article). */
  breachesGoTo?: { body: Text; citation: Citation };
}
