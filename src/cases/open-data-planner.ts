import type { OpenDataInput } from '../../workflows/contracts/open-data.js';
import type { CaseRecord } from './case-record.entity.js';
import { cite, notAllowed } from './case-errors.js';
import type { CreateOpenDataApplicationDto } from './dto/create-open-data.dto.js';
import { resolvePackFor, resourceOf, type PlanContext } from './plan-context.js';

/** Who may apply for what under the pack in force, and how the case runs (SPEC §5 P4). */
export function planOpenData(
  dto: CreateOpenDataApplicationDto,
  ctx: PlanContext & { previous?: CaseRecord | null },
): OpenDataInput {
  const pack = resolvePackFor(ctx);
  const rules = pack.openData;
  const kind = ctx.applicantDepartment.kind as 'public' | 'government';
  if (!rules.applicants.includes(kind)) {
    const basis = cite(rules.review.citation);
    throw notAllowed(
      'APPLICANT_NOT_ALLOWED',
      kind === 'government'
        ? `开放数据由公民、法人和其他组织申请（${basis}）；政务部门因履职需要使用数据，请提出共享申请（POST /cases/share-requests）`
        : `该类申请人不能申请开放数据（${basis}）`,
      kind === 'government'
        ? `Open data is applied for by citizens and organisations (${basis}); a department that needs data for its duties asks for sharing (POST /cases/share-requests)`
        : `This kind of applicant may not apply for open data (${basis})`,
    );
  }
  if (ctx.resource.openType === 'closed' && !rules.outsideScope) {
    const objection = pack.openCatalogObjection;
    throw notAllowed(
      'RESOURCE_NOT_OPEN',
      `该资源属于不予开放类，不能申请${objection ? `；如认为开放目录有误，可提出开放目录更正申请（POST /cases/open-catalog-objections，${cite(objection.step.citation)}）` : ''}`,
      `This resource is not open${objection ? `; if you think the open catalog is wrong, object to it (POST /cases/open-catalog-objections, ${cite(objection.step.citation)})` : ''}`,
    );
  }
  const path =
    ctx.resource.openType === 'open' ? 'direct' : ctx.resource.openType === 'closed' ? 'outside-scope' : 'review';
  if (path === 'review' && rules.eligibility) checkEligibility(dto, rules.eligibility);
  if (dto.previousCaseId) checkPrevious(dto.previousCaseId, ctx);
  return {
    caseId: ctx.caseId,
    receivedAt: ctx.receivedAt.toISOString(),
    applicant: ctx.applicant,
    resource: { ...resourceOf(ctx), openType: ctx.resource.openType },
    scope: dto.scope.trim(),
    purpose: dto.purpose.trim(),
    organisationType: dto.organisationType,
    previousCaseId: dto.previousCaseId,
    path,
    rules,
    departments: {
      provider: ctx.resource.providerDepartmentId,
      authority: ctx.authority.id,
      serviceUnit: ctx.departments.find((d) => d.kind === 'service-unit')?.id,
    },
    administrativeTargets: ctx.administrativeTargets,
  };
}

function checkEligibility(
  dto: CreateOpenDataApplicationDto,
  eligibility: NonNullable<OpenDataInput['rules']['eligibility']>,
): void {
  const basis = cite(eligibility.citation);
  if (!dto.organisationType || !eligibility.organisations.includes(dto.organisationType)) {
    throw notAllowed(
      'NOT_ELIGIBLE',
      `授权开放数据只能由内资控股法人企业、高校或科研院所申请（${basis}）`,
      `Only domestic-capital-controlled enterprises, universities and research institutes may apply (${basis})`,
    );
  }
  if (eligibility.nonCommercialOnly.includes(dto.organisationType) && dto.commercialUse !== false) {
    throw notAllowed(
      'NON_COMMERCIAL_ONLY',
      `高校、科研院所获得的数据只能用于科研教育等公益性活动，请声明 commercialUse: false（${basis}）`,
      `Universities and research institutes may use the data only non-commercially; declare commercialUse: false (${basis})`,
    );
  }
}

function checkPrevious(previousCaseId: string, ctx: PlanContext & { previous?: CaseRecord | null }): void {
  const previous = ctx.previous;
  if (
    !previous ||
    previous.applicantId !== ctx.applicant.id ||
    previous.procedure !== 'open-data' ||
    previous.state !== 'to-negotiate'
  ) {
    throw notAllowed(
      'PREVIOUS_CASE_INVALID',
      `${previousCaseId} 不是您需协商调整后重新申请的开放数据申请`,
      `${previousCaseId} is not one of your applications awaiting re-application`,
    );
  }
}
