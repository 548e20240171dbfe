import type { CorrectionInput } from '../../workflows/contracts/correction.js';
import { cite, notAllowed } from './case-errors.js';
import type { CreateCorrectionDto } from './dto/create-correction.dto.js';
import { checkItems, resolvePackFor, resourceOf, type PlanContext } from './plan-context.js';

/** Whether the pack lets this reporter file, and how the case runs (SPEC §5 P2). */
export function planCorrection(dto: CreateCorrectionDto, ctx: PlanContext): CorrectionInput {
  checkItems(ctx.resource, dto.items);
  const pack = resolvePackFor(ctx);
  const rules = pack.correction;
  const kind = ctx.applicantDepartment.kind;
  const reporterKind = kind === 'public' ? 'public' : kind === 'government' ? 'government' : undefined;
  if (!reporterKind || !rules.reporters.includes(reporterKind)) {
    throw notAllowed(
      'REPORTER_NOT_ALLOWED',
      `${pack.id} 的纠错程序只受理${rules.reporters.includes('public') ? '公民、法人、其他组织和' : ''}政务部门的反馈（${cite(rules.verify.citation)}）`,
      `Under ${pack.id} only ${rules.reporters.join(' and ')} reporters may file (${cite(rules.verify.citation)})`,
    );
  }
  if (ctx.applicant.department === ctx.resource.providerDepartmentId) {
    throw notAllowed(
      'OWN_RESOURCE',
      '提供部门应直接更正本部门数据，无需申请',
      'The provider corrects its own data directly; no report is needed',
    );
  }
  return {
    caseId: ctx.caseId,
    receivedAt: ctx.receivedAt.toISOString(),
    reporter: ctx.applicant,
    resource: resourceOf(ctx),
    items: dto.items,
    description: dto.description.trim(),
    rules,
    departments: {
      provider: ctx.resource.providerDepartmentId,
      authority: ctx.authority.id,
      serviceUnit: ctx.departments.find(
        (d) => d.kind === 'service-unit' && d.jurisdiction === ctx.resource.jurisdiction,
      )?.id,
    },
    administrativeTargets: ctx.administrativeTargets,
  };
}
