import { startChild } from '@temporalio/workflow';
import {
  ANNUAL_REPORT_JURISDICTION,
  ANNUAL_REPORT_WORKFLOW,
  type AnnualReportInput,
  type AnnualReportRoundInput,
} from './contracts/annual-report.js';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import type { Actor } from './contracts/actor.js';
import type { CaseStatus } from './contracts/case-status.js';
import { requiredDetail, requirement, type DecisionSchema } from './contracts/decisions.js';
import { resolvePack } from './rules/pack-resolver.js';
import { activities } from './steps/activities-proxy.js';
import { openCase } from './steps/open-case.js';
import { shanghaiDay, workflowNow } from './steps/workflow-time.js';
import { requiredDetailOf } from './steps/step-decisions.js';
import { stoppable } from './steps/case-stop.js';

const STATES = {
  due: { id: 'report-due', text: { zh: '待提交年度管理情况', en: 'Report due' } },
  submitted: { id: 'submitted', text: { zh: '已提交', en: 'Submitted' } },
};

/**
 * P7 (Chongqing Art. 47), started each January by the schedule: a report case
 * for every district government and municipal department (due at the end of
 * January) and one for the authority (end of February). A round started again
 * for the same year finds its cases already there and opens nothing twice.
 */
export async function annualReportRound(
  input: AnnualReportRoundInput,
): Promise<{ roundYear: number; cases: string[] }> {
  const now = workflowNow().toISOString();
  const roundYear = input.roundYear ?? Number(shanghaiDay(now).slice(0, 4));
  const periodFrom = `${roundYear}-01-01T00:00:00+08:00`;
  const rules = resolvePack(ANNUAL_REPORT_JURISDICTION, `${roundYear}-01-01`)?.annualReport;
  if (!rules) return { roundYear, cases: [] };
  const plan = await activities.planAnnualReportRound({
    jurisdiction: ANNUAL_REPORT_JURISDICTION,
    roundYear,
    receivedAt: now,
    pack: rules.pack,
  });
  const applicant: Actor = {
    id: `system:annual-report-${roundYear}`,
    name: '年度管理情况报告计划',
    role: 'authority',
    department: plan.authority,
  };
  const started = [];
  for (const reporter of plan.reporters) {
    const report: AnnualReportInput = {
      caseId: reporter.caseId,
      receivedAt: now,
      roundYear,
      periodFrom,
      applicant,
      step: reporter.role === 'authority' ? rules.authorityReport : rules.departmentReport,
      departments: { provider: reporter.departmentId, authority: plan.authority },
      rules: { pack: rules.pack },
      administrativeTargets: input.administrativeTargets,
    };
    try {
      started.push(
        await startChild(ANNUAL_REPORT_WORKFLOW, {
          workflowId: reporter.caseId,
          // A case id is used once: a repeated start (a second round in the year) must not open a closed case anew.
          workflowIdReusePolicy: 'REJECT_DUPLICATE',
          args: [report],
          searchAttributes: {
            CaseProcedure: ['annual-report'],
            CasePack: [rules.pack],
            CaseDepartment: [reporter.departmentId, plan.authority],
          },
        }),
      );
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    }
  }
  await Promise.all(started.map((child) => child.result()));
  return { roundYear, cases: plan.reporters.map((r) => r.caseId) };
}

const SUBMISSION: DecisionSchema = {
  options: [
    {
      decision: 'submit',
      details: [
        requiredDetail(
          'report',
          requirement(
            'invalid',
            'REPORT_REQUIRED',
            '请在 details.report 中填写上一年度管理情况',
            "Put last year's report in details.report",
          ),
        ),
      ],
    },
  ],
};

/** One report: submitted with its content; a missing one is a breach, and the task stays open. */
export const annualReport = stoppable(async function annualReport(input: AnnualReportInput): Promise<CaseStatus> {
  const rt = openCase('annual-report', input, input.applicant, input.departments, STATES.due);
  const submitted = await rt.runStep(input.step, input.periodFrom, { schema: SUBMISSION });
  return rt.close(STATES.submitted, { reasons: requiredDetailOf(submitted, 'report'), citation: input.step.citation });
});
