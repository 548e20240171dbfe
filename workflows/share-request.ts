import { mediumOf } from './contracts/activities.js';
import type { DecideArgs } from './contracts/case-messages.js';
import type { CaseStatus, DecisionRecord } from './contracts/case-status.js';
import type { Citation } from './contracts/citation.js';
import type { DetailRule } from './contracts/decisions.js';
import type { ShareRequestInput } from './contracts/share-request.js';
import { SHARE_STATES } from './share-request-states.js';
import { activities } from './steps/activities-proxy.js';
import type { CaseRuntime } from './steps/case-runtime.js';
import { requestCatalogChange } from './steps/linked-catalog-update.js';
import { openCase } from './steps/open-case.js';
import { reject } from './steps/rejection.js';
import type { DecisionPolicy } from './steps/statutory-step.js';
import { workflowNow } from './steps/workflow-time.js';
import { stoppable } from './steps/case-stop.js';

const DISPUTE_WINDOW_KEY = 'share-request.dispute-window';

/** P1 有条件共享申请审核, for every pack: the pack's rules arrive in the input. */
export const shareRequest = stoppable(async function shareRequest(input: ShareRequestInput): Promise<CaseStatus> {
  const { rules } = input;
  const initial =
    input.path === 'unconditional'
      ? SHARE_STATES.granting
      : rules.consultation
        ? SHARE_STATES.consultation
        : SHARE_STATES.review;
  const rt = openCase(
    'share-request',
    input,
    input.applicant,
    {
      provider: input.departments.provider,
      authority: input.departments.authority,
      'city-authority': input.departments.cityAuthority,
    },
    input.path === 'reclassification' ? SHARE_STATES.countyReview : initial,
  );
  rt.addNotice(
    {
      zh: `共享数据仅限用于申请所述用途和业务场景：${input.purpose}`,
      en: `Shared data may be used only for the stated purpose and scenario: ${input.purpose}`,
    },
    rules.useLimits,
  );

  const grant = async (approver: { id: string; name: string }, manner: string, citation: Citation) => {
    const grantId = `grant-${input.caseId}`;
    await activities.recordGrant({
      grantId,
      caseId: input.caseId,
      resourceId: input.resource.id,
      items: input.items,
      purpose: input.purpose,
      scenario: input.scenario,
      manner,
      medium: mediumOf(manner),
      users: input.users,
      granteeDepartment: input.applicant.department,
      approver,
      pack: rules.pack,
      citation,
      grantedAt: workflowNow().toISOString(),
    });
    return rt.close(SHARE_STATES.granted, { grantId, citation });
  };

  if (input.path === 'unconditional') {
    const withoutBasis = input.resource.shareType !== 'unconditional' && rules.withoutBasisUnconditional;
    if (withoutBasis) {
      rt.addNotice(
        {
          zh: '目录未载明该资源不共享或有条件共享的法律、法规、规章依据，依法按无条件共享提供',
          en: 'The catalog gives no legal basis for restricting this resource, so it is shared unconditionally',
        },
        withoutBasis,
      );
    }
    return grant(
      { id: 'platform', name: '共享平台（无条件共享，自行获取）' },
      'platform',
      withoutBasis || rules.unconditional,
    );
  }

  if (input.path === 'reclassification' && rules.reclassification) {
    const county = await rt.runStep(rules.reclassification.countyReview, input.receivedAt);
    if (county.decision === 'refuse') return refused(rt, county, SHARE_STATES.notReclassified);
    await rt.setState(SHARE_STATES.cityConsent.id, SHARE_STATES.cityConsent.text);
    const city = await rt.runStep(rules.reclassification.cityConsent, county.decidedAt);
    if (city.decision === 'refuse') return refused(rt, city, SHARE_STATES.notReclassified);
    const citation = rules.reclassification.cityConsent.citation;
    const linked = await requestCatalogChange(rt, {
      entryId: input.resource.id,
      change: { shareType: 'conditional' },
      citation,
      trigger: 'reclassification',
      description: `不予共享类数据经县主管部门论证审核、市主管部门同意变更为共享类（${input.caseId}）`,
    });
    return rt.finish(
      {
        kind: 'reclassification-approved',
        text: SHARE_STATES.reclassified.text,
        pendingCatalogChangeId: linked.changeId,
        catalogUpdateCaseId: linked.catalogUpdateCaseId,
        citation,
      },
      SHARE_STATES.reclassified,
    );
  }

  let from = input.receivedAt;
  let consultation: DecisionRecord | undefined;
  if (rules.consultation) {
    consultation = await rt.runStep(rules.consultation, from);
    from = consultation.decidedAt;
    await rt.setState(SHARE_STATES.review.id, SHARE_STATES.review.text);
  }
  const decision = await rt.runStep(rules.review, from, reviewPolicy(input, consultation));
  if (decision.decision === 'approve') {
    return grant(decision.actor, decision.details?.manner ?? 'platform', rules.review.citation);
  }

  if (rules.dispute) {
    await rt.setState(SHARE_STATES.refused.id, SHARE_STATES.refused.text);
    rt.addNotice(
      {
        zh: '对审核结果有异议的，可申请主管部门协调处理',
        en: 'If you disagree with the refusal, you may ask the authority to coordinate',
      },
      rules.dispute.citation,
    );
    const dispute = await rt.awaitDispute(rt.targetDays(DISPUTE_WINDOW_KEY), decision.decidedAt);
    if (dispute) {
      await rt.setState(SHARE_STATES.dispute.id, SHARE_STATES.dispute.text);
      const coordination = await rt.runStep(rules.dispute, dispute.at);
      if (coordination.decision === 'approve') return grant(coordination.actor, 'platform', rules.dispute.citation);
      return refused(rt, coordination, SHARE_STATES.refused);
    }
  }
  return refused(rt, decision, SHARE_STATES.refused);
});

function refused(
  rt: CaseRuntime,
  decision: DecisionRecord,
  state: (typeof SHARE_STATES)['refused'],
): Promise<CaseStatus> {
  const legalBasis = decision.details?.legalBasis?.trim();
  return rt.close(state, { reasons: legalBasis ? `${decision.reasons}（依据：${legalBasis}）` : decision.reasons });
}

/** Jiangmen-2019 Art. 18 ¶1: the law, regulation or rule a refusal rests on, where the pack asks for it. */
function refusalDetails(rules: ShareRequestInput['rules']): DetailRule[] {
  const citation = rules.refusalNeedsLegalBasis;
  if (!citation) return [];
  const basis = `${citation.article}${citation.clause ?? ''}`;
  return [
    {
      key: 'legalBasis',
      required: true,
      missing: {
        kind: 'invalid',
        code: 'LEGAL_BASIS_REQUIRED',
        text: {
          zh: `拒绝共享须在 details.legalBasis 中写明所依据的法律、法规或规章（${basis}）`,
          en: `A refusal names the law, regulation or rule it rests on in details.legalBasis (${citation.pack} ${basis})`,
        },
      },
    },
  ];
}

/** Quanzhou: approval needs the producer's agreement and a manner; batch exchange needs a reason. */
function reviewPolicy(input: ShareRequestInput, consultation: DecisionRecord | undefined): DecisionPolicy {
  const { rules } = input;
  if (!rules.manners) {
    return {
      schema: {
        options: [
          { decision: 'approve', details: [] },
          { decision: 'refuse', details: refusalDetails(rules) },
        ],
      },
    };
  }
  const allowed: string[] =
    input.path === 'usable-not-visible' ? rules.usableNotVisible!.interfaces : rules.manners.allowed;
  const manner: DetailRule = {
    key: 'manner',
    required: true,
    oneOf: allowed,
    missing: {
      kind: 'invalid',
      code: 'MANNER_REQUIRED',
      text: { zh: `须明确共享方式：${allowed.join('、')}`, en: `State the manner of sharing: ${allowed.join(', ')}` },
    },
  };
  const mannerReason: DetailRule = {
    key: 'mannerReason',
    required: { whenDetail: 'manner', equals: 'batch-exchange' },
    missing: {
      kind: 'notAllowed',
      code: 'BATCH_NEEDS_REASON',
      text: {
        zh: '采用批量数据交换须说明服务接口和交叉核验不能满足需求的理由（五（三））',
        en: 'Batch exchange needs a reason why interfaces and cross-verification cannot serve (5(3))',
      },
    },
  };
  return {
    schema: {
      options: [
        { decision: 'approve', details: [manner, mannerReason] },
        { decision: 'refuse', details: refusalDetails(rules) },
      ],
    },
    check(args: DecideArgs) {
      if (args.decision !== 'approve') return;
      if (consultation?.decision !== 'approve') {
        reject('notAllowed', 'CONSULTATION_NOT_AGREED', {
          zh: '数据生产单位会商未同意，不能决定共享（五（四））',
          en: 'The producing department did not agree in consultation; sharing cannot be approved (5(4))',
        });
      }
    },
  };
}
