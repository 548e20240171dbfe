import type { CaseStatus, DecisionRecord } from './contracts/case-status.js';
import type { Citation, Text } from './contracts/citation.js';
import { plainDecisions, type DetailRule } from './contracts/decisions.js';
import type { OpenDataInput } from './contracts/open-data.js';
import { activities } from './steps/activities-proxy.js';
import { requestCatalogChange } from './steps/linked-catalog-update.js';
import { openCase } from './steps/open-case.js';
import type { CaseRuntime } from './steps/case-runtime.js';
import { ABANDONED, type DecisionPolicy } from './steps/statutory-step.js';
import { workflowNow } from './steps/workflow-time.js';
import { stoppable } from './steps/case-stop.js';

const STATES = {
  granting: { id: 'granting', text: { zh: '无条件开放，正在开通', en: 'Open data: granting access' } },
  assessment: { id: 'in-assessment', text: { zh: '技术服务单位评估需求中', en: 'Service unit assessing the need' } },
  review: { id: 'under-review', text: { zh: '审核中', en: 'Under review' } },
  granted: { id: 'granted', text: { zh: '已同意开放', en: 'Access granted' } },
  refused: { id: 'refused', text: { zh: '不同意开放', en: 'Refused' } },
  reReview: { id: 'in-re-review', text: { zh: '县主管部门复核中', en: 'County authority re-reviewing' } },
  addedToScope: {
    id: 'added-to-open-scope',
    text: {
      zh: '符合开放标准，列入开放范围（待目录更新）',
      en: 'Meets the standard: joins the open scope (catalog change pending)',
    },
  },
  abandoned: {
    id: 'withdrawn',
    text: {
      zh: '逾期未补正，视为放弃申请',
      en: 'No supplement within the period: the application is deemed withdrawn',
    },
  },
  negotiate: {
    id: 'to-negotiate',
    text: {
      zh: '需求评估不合理，请与数据管理机构协商调整后重新申请',
      en: 'Need judged unreasonable: agree changes with the agency and apply again',
    },
  },
} satisfies Record<string, { id: string; text: Text }>;

const RE_REVIEW_WINDOW_KEY = 'open-data.re-review-window';

/** P4 开放数据申请, for every pack. */
export const openDataApplication = stoppable(async function openDataApplication(
  input: OpenDataInput,
): Promise<CaseStatus> {
  const { rules } = input;
  const initial = input.path === 'direct' ? STATES.granting : rules.assessment ? STATES.assessment : STATES.review;
  const rt = openCase(
    'open-data',
    input,
    input.applicant,
    {
      provider: input.departments.provider,
      authority: input.departments.authority,
      'service-unit': input.departments.serviceUnit,
    },
    initial,
  );
  const eligibility = rules.eligibility;
  if (eligibility && input.path === 'review') {
    // Quanzhou 六（四）: what the recipient of authorised-open data may and may not do with it.
    const nonCommercial = !!input.organisationType && eligibility.nonCommercialOnly.includes(input.organisationType);
    rt.addNotice(
      {
        zh: `所获得的数据仅限于本单位依法依规使用，不得提供给第三方，不得用于或变相用于数据倒卖或其他非法用途${nonCommercial ? '；高校、科研院所获得的数据只能用于科研教育等公益性活动，不得用于或变相用于商业用途' : ''}`,
        en: `The data may be used only by your organisation and lawfully: not passed to third parties, not resold, not used unlawfully${nonCommercial ? '; universities and research institutes may use it only for research and education, never commercially' : ''}`,
      },
      eligibility.citation,
    );
  }
  const grant = async (approver: { id: string; name: string }, manner: string, citation: Citation) => {
    const accessId = `access-${input.caseId}`;
    await activities.recordOpenDataAccess({
      accessId,
      caseId: input.caseId,
      resourceId: input.resource.id,
      applicantId: input.applicant.id,
      scope: input.scope,
      purpose: input.purpose,
      manner,
      approver,
      citation,
      grantedAt: workflowNow().toISOString(),
    });
    return rt.close(STATES.granted, { grantId: accessId, citation });
  };
  const refused = (decision: DecisionRecord, citation: Citation) =>
    rt.close(STATES.refused, { reasons: withBasis(decision), citation });

  if (input.path === 'direct')
    return grant({ id: 'platform', name: '开放平台（身份认证后直接获取）' }, 'platform', rules.directAccess);

  let from = input.receivedAt;
  if (rules.assessment) {
    const assessed = await rt.runStep(rules.assessment, from, { schema: plainDecisions('reasonable', 'unreasonable') });
    if (assessed.decision === 'unreasonable') {
      return rt.close(STATES.negotiate, { reasons: assessed.reasons, citation: rules.assessment.citation });
    }
    from = assessed.decidedAt;
    await rt.setState(STATES.review.id, STATES.review.text);
  }
  const review = input.path === 'outside-scope' && rules.outsideScope ? rules.outsideScope : rules.review;
  const decision = await rt.runStep(review, from, reviewPolicy(input));
  if (decision.decision === ABANDONED && review.supplement) {
    return rt.close(STATES.abandoned, { reasons: decision.reasons, citation: review.supplement.lapse });
  }
  const approve = async (approver: DecisionRecord, citation: Citation) =>
    input.path === 'outside-scope'
      ? addToOpenScope(rt, input, citation)
      : grant(approver.actor, rules.assessment ? 'interface' : 'platform', citation);
  if (decision.decision === 'approve') return approve(decision, review.citation);

  if (rules.reReview) {
    await rt.setState(STATES.refused.id, STATES.refused.text);
    rt.addNotice(
      {
        zh: '对答复有异议的，可向县主管部门申请复核',
        en: 'If you disagree, you may ask the county authority for a re-review',
      },
      rules.reReview.citation,
    );
    const asked = await rt.awaitDispute(rt.targetDays(RE_REVIEW_WINDOW_KEY), decision.decidedAt);
    if (asked) {
      await rt.setState(STATES.reReview.id, STATES.reReview.text);
      const answer = await rt.runStep(rules.reReview, asked.at, reviewPolicy(input));
      if (answer.decision === 'approve') return approve(answer, rules.reReview.citation);
      return refused(answer, rules.reReview.citation);
    }
  }
  return refused(decision, review.citation);
});

/** The data joins the open scope through a catalog change (P3) linked to this case. */
async function addToOpenScope(rt: CaseRuntime, input: OpenDataInput, citation: Citation): Promise<CaseStatus> {
  const linked = await requestCatalogChange(rt, {
    entryId: input.resource.id,
    change: { openType: 'open' },
    citation,
    trigger: 'open-scope',
    description: `开放范围外的数据经审核符合开放标准，列入开放范围（${input.caseId}）`,
  });
  return rt.close(STATES.addedToScope, {
    pendingCatalogChangeId: linked.changeId,
    catalogUpdateCaseId: linked.catalogUpdateCaseId,
    citation,
  });
}

function withBasis(decision: DecisionRecord): string | undefined {
  const basis = decision.details?.basis?.trim();
  return basis ? `${decision.reasons}（依据：${basis}）` : decision.reasons;
}

/** A refusal may give its basis; Chongqing Art. 33 requires it. */
function reviewPolicy(input: OpenDataInput): DecisionPolicy {
  const basis: DetailRule = {
    key: 'basis',
    required: !!input.rules.refusalNeedsBasis,
    missing: {
      kind: 'notAllowed',
      code: 'BASIS_REQUIRED',
      text: {
        zh: '不同意开放的，应当说明理由并在 details.basis 中提供依据',
        en: 'A refusal needs reasons and its basis in details.basis',
      },
    },
  };
  return {
    schema: {
      options: [
        { decision: 'approve', details: [] },
        { decision: 'refuse', details: [basis] },
      ],
    },
  };
}
