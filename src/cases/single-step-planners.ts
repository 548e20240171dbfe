import type { Jurisdiction } from '../../workflows/contracts/citation.js';
import type {
  DataConflictInput,
  InterfaceProvisionInput,
  OpenCatalogObjectionInput,
} from '../../workflows/contracts/single-step.js';
import { shanghaiDateOf } from '../calendar/plain-date.js';
import type { Department } from '../catalog/department.entity.js';
import { fieldError } from '../common/errors/domain-error.js';
import { invalidRequest } from '../common/http/validation.pipe.js';
import { cite, notAllowed } from './case-errors.js';
import type {
  CreateDataConflictDto,
  CreateInterfaceRequestDto,
  CreateOpenCatalogObjectionDto,
} from './dto/create-single-step.dto.js';
import { packInForce, resolvePackFor, resourceOf, type PlanContext } from './plan-context.js';

const notInPack = (pack: string, procedure: string) =>
  notAllowed('PROCEDURE_NOT_IN_PACK', `${pack} 未规定${procedure}程序`, `${pack} provides no ${procedure} procedure`);

/** P5: only where the pack has it, from the reporters it names, for a real change. */
export function planOpenCatalogObjection(
  dto: CreateOpenCatalogObjectionDto,
  ctx: PlanContext,
): OpenCatalogObjectionInput {
  const pack = resolvePackFor(ctx);
  const rules = pack.openCatalogObjection;
  if (!rules) throw notInPack(pack.id, '开放目录更正申请');
  const kind = ctx.applicantDepartment.kind;
  if (!rules.reporters?.includes(kind as 'public' | 'government')) {
    throw notAllowed(
      'REPORTER_NOT_ALLOWED',
      `只有公民、法人和其他组织可以提出更正申请（${cite(rules.step.citation)}）`,
      `Only citizens and organisations may object (${cite(rules.step.citation)})`,
    );
  }
  if (ctx.resource.openType === dto.requestedOpenType) {
    throw notAllowed(
      'NO_CHANGE_REQUESTED',
      `目录中该资源的开放属性已是 ${dto.requestedOpenType}`,
      `The entry's open type is already ${dto.requestedOpenType}`,
    );
  }
  return {
    caseId: ctx.caseId,
    receivedAt: ctx.receivedAt.toISOString(),
    applicant: ctx.applicant,
    resource: { ...resourceOf(ctx), openType: ctx.resource.openType },
    requestedOpenType: dto.requestedOpenType,
    reason: dto.reason.trim(),
    rules,
    departments: { provider: ctx.resource.providerDepartmentId, authority: ctx.authority.id },
    administrativeTargets: ctx.administrativeTargets,
  };
}

export interface InterfacePlanContext {
  caseId: string;
  receivedAt: Date;
  applicant: PlanContext['applicant'];
  agency: Department;
  provider: Department | null;
  administrativeTargets: Record<string, number>;
}

/** P6: the agency of a pack that has the procedure asks one of its own jurisdiction's departments. */
export function planInterfaceProvision(
  dto: CreateInterfaceRequestDto,
  ctx: InterfacePlanContext,
): InterfaceProvisionInput {
  if (ctx.agency.kind !== 'authority') {
    throw notAllowed(
      'AGENCY_ONLY',
      '只有数据管理机构可以要求提供服务接口',
      'Only the data agency may ask for interfaces',
    );
  }
  const receivedOn = shanghaiDateOf(ctx.receivedAt);
  const pack = packInForce(ctx.agency.jurisdiction as Jurisdiction, receivedOn);
  const rules = pack.interfaceProvision;
  if (!rules) throw notInPack(pack.id, '服务接口提供');
  if (!ctx.provider || ctx.provider.jurisdiction !== ctx.agency.jurisdiction || ctx.provider.kind !== 'government') {
    throw invalidRequest([
      fieldError(
        'providerDepartmentId',
        'unknownProvider',
        `本地区没有数据生产单位 ${dto.providerDepartmentId}`,
        `no producing department ${dto.providerDepartmentId} in ${ctx.agency.jurisdiction}`,
      ),
    ]);
  }
  return {
    caseId: ctx.caseId,
    receivedAt: ctx.receivedAt.toISOString(),
    applicant: ctx.applicant,
    interfaces: dto.interfaces.trim(),
    scenario: dto.scenario.trim(),
    rules,
    departments: { provider: ctx.provider.id, authority: ctx.agency.id },
    administrativeTargets: ctx.administrativeTargets,
  };
}

/** P8: a government department of the same jurisdiction reports that its data and another department's disagree. */
export function planDataConflict(dto: CreateDataConflictDto, ctx: PlanContext): DataConflictInput {
  const pack = resolvePackFor(ctx);
  const rules = pack.dataConflict;
  if (!rules) throw notInPack(pack.id, '数据不一致协调');
  const reporter = ctx.applicantDepartment;
  if (reporter.kind !== 'government' || reporter.jurisdiction !== ctx.resource.jurisdiction) {
    throw notAllowed(
      'REPORTER_NOT_ALLOWED',
      `只有本地区提供同类数据的政务部门可以提请协调（${cite(rules.step.citation)}）`,
      `Only a department of the same jurisdiction that provides such data may ask (${cite(rules.step.citation)})`,
    );
  }
  if (ctx.resource.providerDepartmentId === reporter.id) {
    throw notAllowed(
      'OWN_RESOURCE',
      '数据不一致须涉及其他部门提供的数据',
      'A conflict is with another department’s data',
    );
  }
  return {
    caseId: ctx.caseId,
    receivedAt: ctx.receivedAt.toISOString(),
    applicant: ctx.applicant,
    resource: resourceOf(ctx),
    description: dto.description.trim(),
    rules,
    departments: { provider: ctx.resource.providerDepartmentId, reporter: reporter.id, authority: ctx.authority.id },
    administrativeTargets: ctx.administrativeTargets,
  };
}
