import { CATALOG_UPDATE_WORKFLOW, catalogUpdateCaseId } from '../../../workflows/contracts/catalog-update.js';
import { CORRECTION_WORKFLOW, correctionCaseId } from '../../../workflows/contracts/correction.js';
import { OPEN_DATA_WORKFLOW, openDataCaseId } from '../../../workflows/contracts/open-data.js';
import { SHARE_REQUEST_WORKFLOW, shareRequestCaseId } from '../../../workflows/contracts/share-request.js';
import {
  DATA_CONFLICT_WORKFLOW,
  dataConflictCaseId,
  INTERFACE_PROVISION_WORKFLOW,
  interfaceCaseId,
  OPEN_CATALOG_OBJECTION_WORKFLOW,
  objectionCaseId,
} from '../../../workflows/contracts/single-step.js';
import { planCatalogUpdate } from '../catalog-update-planner.js';
import { planCorrection } from '../correction-planner.js';
import type { CreateCatalogUpdateDto } from '../dto/create-catalog-update.dto.js';
import type { CreateCorrectionDto } from '../dto/create-correction.dto.js';
import type { CreateOpenDataApplicationDto } from '../dto/create-open-data.dto.js';
import type { CreateShareRequestDto } from '../dto/create-share-request.dto.js';
import type {
  CreateDataConflictDto,
  CreateInterfaceRequestDto,
  CreateOpenCatalogObjectionDto,
} from '../dto/create-single-step.dto.js';
import { planOpenData } from '../open-data-planner.js';
import type { PlanContext } from '../plan-context.js';
import { planShareRequest } from '../share-request-planner.js';
import { planDataConflict, planInterfaceProvision, planOpenCatalogObjection } from '../single-step-planners.js';
import type { CaseWorkflowInput } from '../../../workflows/contracts/case-input.js';
import {
  firstCatalogUpdateStep,
  firstCorrectionStep,
  firstOpenDataStep,
  firstShareRequestStep,
  onlyStep,
  type FirstStep,
} from '../../../workflows/rules/first-steps.js';
import { plannedCase, type ProcedureDefinition } from './procedure-definition.js';

/** The plan of a case about one catalog resource (P1, P2, P5). */
function aboutResource<D extends { resourceId: string }, I extends CaseWorkflowInput>(
  planner: (dto: D, ctx: PlanContext) => I,
  firstStep: (input: I) => FirstStep | undefined,
): ProcedureDefinition<D>['plan'] {
  return async (newCase, dto, contexts) => {
    const input = planner(dto, await contexts.aboutResource(newCase, dto.resourceId));
    return plannedCase(newCase.applicant, input, dto.resourceId, firstStep(input));
  };
}

export const SHARE_REQUEST: ProcedureDefinition<CreateShareRequestDto> = {
  procedure: 'share-request',
  workflowType: SHARE_REQUEST_WORKFLOW,
  caseId: shareRequestCaseId,
  plan: aboutResource(planShareRequest, firstShareRequestStep),
};

export const CORRECTION: ProcedureDefinition<CreateCorrectionDto> = {
  procedure: 'correction',
  workflowType: CORRECTION_WORKFLOW,
  caseId: correctionCaseId,
  plan: aboutResource(planCorrection, firstCorrectionStep),
};

export const OPEN_DATA_APPLICATION: ProcedureDefinition<CreateOpenDataApplicationDto> = {
  procedure: 'open-data',
  workflowType: OPEN_DATA_WORKFLOW,
  caseId: openDataCaseId,
  async plan(newCase, dto, contexts) {
    const ctx = await contexts.aboutResource(newCase, dto.resourceId);
    const previous = await contexts.previousCase(dto.previousCaseId);
    const input = planOpenData(dto, { ...ctx, previous });
    return plannedCase(newCase.applicant, input, dto.resourceId, firstOpenDataStep(input));
  },
};

export const OPEN_CATALOG_OBJECTION: ProcedureDefinition<CreateOpenCatalogObjectionDto> = {
  procedure: 'open-catalog-objection',
  workflowType: OPEN_CATALOG_OBJECTION_WORKFLOW,
  caseId: objectionCaseId,
  plan: aboutResource(planOpenCatalogObjection, onlyStep),
};

export const INTERFACE_REQUEST: ProcedureDefinition<CreateInterfaceRequestDto> = {
  procedure: 'interface-provision',
  workflowType: INTERFACE_PROVISION_WORKFLOW,
  caseId: interfaceCaseId,
  async plan(newCase, dto, contexts) {
    const input = planInterfaceProvision(dto, await contexts.forInterfaceRequest(newCase, dto.providerDepartmentId));
    return plannedCase(newCase.applicant, input, null, onlyStep(input));
  },
};

export const CATALOG_UPDATE: ProcedureDefinition<CreateCatalogUpdateDto> = {
  procedure: 'catalog-update',
  workflowType: CATALOG_UPDATE_WORKFLOW,
  caseId: catalogUpdateCaseId,
  async plan(newCase, dto, contexts) {
    const ctx = await contexts.forCatalogUpdate(
      newCase,
      dto.changes.map((c) => c.entryId),
    );
    const input = planCatalogUpdate(dto, ctx);
    return plannedCase(newCase.applicant, input, input.changes[0].entryId, firstCatalogUpdateStep(input));
  },
};

export const DATA_CONFLICT: ProcedureDefinition<CreateDataConflictDto> = {
  procedure: 'data-conflict',
  workflowType: DATA_CONFLICT_WORKFLOW,
  caseId: dataConflictCaseId,
  plan: aboutResource(planDataConflict, onlyStep),
};
