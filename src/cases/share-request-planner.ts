import type { ShareRequestInput, ShareRequestPath } from '../../workflows/contracts/share-request.js';
import { cite, notAllowed } from './case-errors.js';
import type { CreateShareRequestDto } from './dto/create-share-request.dto.js';
import { checkItems, resolvePackFor, resourceOf, type PlanContext } from './plan-context.js';

/**
 * Decides whether the law allows the request and how it runs (SPEC §5 P1):
 * the pack in force on the day of receipt, the path by share type, and the
 * pack's own limits. Throws a 4xx DomainError; changes nothing.
 */
export function planShareRequest(dto: CreateShareRequestDto, ctx: PlanContext): ShareRequestInput {
  const { resource } = ctx;
  checkItems(resource, dto.items);
  if (ctx.applicantDepartment.kind !== 'government') {
    throw notAllowed(
      'SHARE_REQUEST_DEPARTMENTS_ONLY',
      '有条件共享申请只能由政务部门提出',
      'Only government departments may request shared data',
    );
  }
  if (ctx.applicant.department === resource.providerDepartmentId) {
    throw notAllowed('OWN_RESOURCE', '不能申请本部门提供的数据', 'A department cannot request its own data');
  }
  const pack = resolvePackFor(ctx);
  const rules = pack.shareRequest;
  const path = choosePath(resource, rules, dto);
  if (dto.manner && !rules.manners) {
    throw notAllowed(
      'MANNER_NOT_PROVIDED',
      `${pack.id} 未规定共享方式的选择`,
      `${pack.id} provides no choice of manner`,
    );
  }
  if (dto.manner === 'batch-exchange' && !dto.mannerReason?.trim()) {
    throw notAllowed(
      'BATCH_NEEDS_REASON',
      `申请批量数据交换须说明理由（${cite(rules.manners!.batchNeedsReason)}）`,
      `Batch exchange needs a reason (${cite(rules.manners!.batchNeedsReason)})`,
    );
  }
  if (rules.usageRecord && !dto.users?.length) {
    throw notAllowed(
      'USERS_REQUIRED',
      `须在 users 中写明使用共享数据的人员（${cite(rules.usageRecord)}）`,
      `Name the staff who will use the data in users (${cite(rules.usageRecord)})`,
    );
  }
  const cityAuthority = ctx.departments.find(
    (d) => d.kind === 'city-authority' && d.jurisdiction === resource.jurisdiction,
  );
  return {
    caseId: ctx.caseId,
    receivedAt: ctx.receivedAt.toISOString(),
    applicant: ctx.applicant,
    resource: {
      ...resourceOf(ctx),
      shareType: resource.shareType as ShareRequestInput['resource']['shareType'],
      shareConditions: resource.shareConditions ?? undefined,
      legalBasis: resource.legalBasis ?? undefined,
    },
    items: dto.items,
    purpose: dto.purpose.trim(),
    scenario: dto.scenario.trim(),
    requestedManner: dto.manner,
    mannerReason: dto.mannerReason?.trim() || undefined,
    users: dto.users,
    path,
    rules,
    departments: {
      provider: resource.providerDepartmentId,
      authority: ctx.authority.id,
      cityAuthority: cityAuthority?.id,
    },
    administrativeTargets: ctx.administrativeTargets,
  };
}

function choosePath(
  { shareType, legalBasis }: PlanContext['resource'],
  rules: ShareRequestInput['rules'],
  dto: CreateShareRequestDto,
): ShareRequestPath {
  if (shareType === 'unconditional') return 'unconditional';
  if (rules.withoutBasisUnconditional && !legalBasis?.trim()) return 'unconditional';
  if (shareType === 'conditional') {
    if (dto.manner && rules.usableNotVisible?.interfaces.includes(dto.manner as never)) {
      throw notAllowed(
        'MANNER_NOT_FOR_SHAREABLE',
        '比对、核查、统计接口仅适用于暂不共享类数据',
        'Usable-not-visible interfaces are only for not-shared data',
      );
    }
    return 'review';
  }
  if (rules.reclassification) return 'reclassification';
  if (rules.usableNotVisible) {
    const interfaces = rules.usableNotVisible.interfaces as string[];
    if (!dto.manner || !interfaces.includes(dto.manner)) {
      throw notAllowed(
        'USABLE_NOT_VISIBLE_ONLY',
        `暂不共享类数据只能申请“可用不可见”的${interfaces.join('、')}接口（${cite(rules.usableNotVisible.citation)}）`,
        `Not-shared data can only be used through usable-not-visible interfaces: ${interfaces.join(', ')} (${cite(rules.usableNotVisible.citation)})`,
      );
    }
    return 'usable-not-visible';
  }
  const basis = rules.noneRefused ? `（${cite(rules.noneRefused)}）` : '';
  throw notAllowed(
    'RESOURCE_NOT_SHARED',
    `该资源属于不予共享类，本办法未规定申请途径${basis}`,
    `This resource is not shared and the regulation provides no way to request it${basis}`,
  );
}
