import { Injectable } from '@nestjs/common';
import type { Actor } from '../../../workflows/contracts/actor.js';
import { CatalogRepository } from '../../catalog/catalog.repository.js';
import { AppConfig } from '../../config/app-config.js';
import type { CatalogUpdateContext } from '../catalog-update-planner.js';
import { resourceNotFound, unknownDepartment } from '../case-errors.js';
import type { CaseRecord } from '../case-record.entity.js';
import { CaseRecordRepository } from '../case-record.repository.js';
import type { PlanContext } from '../plan-context.js';
import type { InterfacePlanContext } from '../single-step-planners.js';
import { ReferenceCache } from './reference-cache.js';

/** Where a new case is being planned: its id, its receipt and who asks. */
export interface NewCase {
  caseId: string;
  receivedAt: Date;
  applicant: Actor;
}

/** Reads from PostgreSQL (or the reference cache) what the planners decide on; the planners themselves stay pure. */
@Injectable()
export class CaseContextLoader {
  constructor(
    private readonly catalog: CatalogRepository,
    private readonly cases: CaseRecordRepository,
    private readonly references: ReferenceCache,
    private readonly config: AppConfig,
  ) {}

  private get administrativeTargets(): Record<string, number> {
    return this.config.ADMINISTRATIVE_TARGETS;
  }

  /** A case about one catalog resource: the resource, its jurisdiction's departments and authority. */
  async aboutResource(newCase: NewCase, resourceId: string): Promise<PlanContext> {
    const resource = await this.references.catalogEntry(resourceId);
    if (!resource) throw resourceNotFound(resourceId);
    const applicantDepartment = await this.references.department(newCase.applicant.department);
    if (!applicantDepartment) throw unknownDepartment(newCase.applicant.department);
    const departments = await this.references.departmentsOf(resource.jurisdiction);
    const authority = departments.find((d) => d.kind === 'authority');
    if (!authority) throw new Error(`no authority registered for ${resource.jurisdiction}`);
    return {
      ...newCase,
      applicantDepartment,
      resource,
      departments,
      authority,
      administrativeTargets: this.administrativeTargets,
    };
  }

  /** The case a new one refers back to, if it exists. */
  previousCase(caseId: string | undefined): Promise<CaseRecord | null> {
    return caseId ? this.cases.findById(caseId) : Promise.resolve(null);
  }

  /** An agency's request to one of its jurisdiction's departments. */
  async forInterfaceRequest(newCase: NewCase, providerDepartmentId: string): Promise<InterfacePlanContext> {
    const agency = await this.references.department(newCase.applicant.department);
    if (!agency) throw unknownDepartment(newCase.applicant.department);
    const provider = await this.references.department(providerDepartmentId);
    return { ...newCase, agency, provider, administrativeTargets: this.administrativeTargets };
  }

  /** The entries a catalog update names and their jurisdiction's departments. */
  async forCatalogUpdate(newCase: NewCase, entryIds: string[]): Promise<CatalogUpdateContext> {
    const entries = await this.catalog.findMany(entryIds);
    const departments = entries.length > 0 ? await this.references.departmentsOf(entries[0].jurisdiction) : [];
    return { ...newCase, entries, departments, administrativeTargets: this.administrativeTargets };
  }
}
