import type { Actor } from './actor.js';
import type { PackId } from './citation.js';
import type { StepRule } from '../rules/rule-types.js';
import type { CaseWorkflowInput } from './case-input.js';

export const ANNUAL_REPORT_ROUND_WORKFLOW = 'annualReportRound';
export const ANNUAL_REPORT_WORKFLOW = 'annualReport';

/** P7 (Chongqing Art. 47): one round a year, opened by the schedule in January. */
export interface AnnualReportRoundInput {
  /** Left out by the schedule: the round is that of the year it starts in (Asia/Shanghai). */
  roundYear?: number;
  administrativeTargets: Record<string, number>;
}

/** A department that owes a report in a round (district governments, municipal departments, the authority). */
export interface Reporter {
  departmentId: string;
  caseId: string;
  role: 'reviewer' | 'authority';
}

/** What the round's first activity settles: who reports; each report's case is registered. */
export interface AnnualReportRoundPlan {
  reporters: Reporter[];
  authority: string;
}

/** One department's report: a case with a single step due at the end of January (the authority's: February). */
export interface AnnualReportInput extends CaseWorkflowInput {
  caseId: string;
  receivedAt: string;
  roundYear: number;
  /** The start of the round's year: the month-end deadline falls in this year. */
  periodFrom: string;
  applicant: Actor;
  step: StepRule;
  departments: { provider: string; authority: string };
  rules: { pack: PackId };
  administrativeTargets: Record<string, number>;
}

export const ANNUAL_REPORT_JURISDICTION = 'chongqing';
export const annualReportCaseId = (roundYear: number, department: string) => `annual-report-${roundYear}-${department}`;
/** One schedule per task queue, so that test runs with queues of their own do not share it. */
export const annualReportScheduleId = (taskQueue: string) => `annual-report-chongqing@${taskQueue}`;
