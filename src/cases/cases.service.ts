import { Inject, Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { Client } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import type { Actor } from '../../workflows/contracts/actor.js';
import { caseStatusQuery, raiseDisputeUpdate, submitSupplementUpdate } from '../../workflows/contracts/case-messages.js';
import { CATALOG_UPDATE_WORKFLOW, catalogUpdateCaseId, type CatalogUpdateInput } from '../../workflows/contracts/catalog-update.js';
import { OPEN_DATA_WORKFLOW, openDataCaseId } from '../../workflows/contracts/open-data.js';
import type { CaseStatus, Procedure } from '../../workflows/contracts/case-status.js';
import type { PackId } from '../../workflows/contracts/citation.js';
import { CORRECTION_WORKFLOW, correctionCaseId } from '../../workflows/contracts/correction.js';
import {
  INTERFACE_PROVISION_WORKFLOW,
  interfaceCaseId,
  OPEN_CATALOG_OBJECTION_WORKFLOW,
  objectionCaseId,
  type InterfaceProvisionInput,
} from '../../workflows/contracts/single-step.js';
import { SHARE_REQUEST_WORKFLOW, shareRequestCaseId } from '../../workflows/contracts/share-request.js';
import { CatalogEntry } from '../catalog/catalog-entry.entity.js';
import { Department } from '../catalog/department.entity.js';
import { decodeCursor, encodeCursor, type Page } from '../common/http/keyset-cursor.js';
import { AppConfig } from '../config/app-config.js';
import { caseNotFound, fromEngineError } from '../engine/engine-errors.js';
import { canSeeCase } from './case-access.js';
import { resourceNotFound, unknownDepartment } from './case-errors.js';
import { CaseRecord } from './case-record.entity.js';
import { CaseStarter, type StartedCase } from './case-starter.service.js';
import type { CreateShareRequestDto } from './dto/create-share-request.dto.js';
import type { ListCasesQueryDto } from './dto/list-cases.dto.js';
import { planCatalogUpdate } from './catalog-update-planner.js';
import { planCorrection } from './correction-planner.js';
import type { CreateCatalogUpdateDto } from './dto/create-catalog-update.dto.js';
import type { CreateOpenDataApplicationDto } from './dto/create-open-data.dto.js';
import { planOpenData } from './open-data-planner.js';
import type { CreateInterfaceRequestDto, CreateOpenCatalogObjectionDto } from './dto/create-single-step.dto.js';
import { planInterfaceProvision, planOpenCatalogObjection } from './single-step-planners.js';
import type { CreateCorrectionDto } from './dto/create-correction.dto.js';
import type { PlanContext } from './plan-context.js';
import { planShareRequest } from './share-request-planner.js';

interface PlannedInput {
  rules: { pack: PackId };
  departments: Record<string, string | undefined>;
}

/** The departments that take part in a case: they see it. */
function participants(actor: Actor, departments: Record<string, string | undefined>): string[] {
  return [...new Set([actor.department, ...Object.values(departments).filter((d): d is string => !!d)])];
}

@Injectable()
export class CasesService {
  constructor(
    @Inject(MikroORM) private readonly orm: MikroORM,
    @Inject(Client) private readonly client: Client,
    private readonly starter: CaseStarter,
    private readonly config: AppConfig,
  ) {}

  startShareRequest(actor: Actor, dto: CreateShareRequestDto, idempotencyKey?: string, respondAsync = false): Promise<StartedCase> {
    const newCaseId = () => shareRequestCaseId(randomUUID());
    return this.startAbout(actor, dto, { procedure: 'share-request', workflowType: SHARE_REQUEST_WORKFLOW, newCaseId, plan: planShareRequest }, idempotencyKey, respondAsync);
  }

  startCorrection(actor: Actor, dto: CreateCorrectionDto, idempotencyKey?: string, respondAsync = false): Promise<StartedCase> {
    const newCaseId = () => correctionCaseId(randomUUID());
    return this.startAbout(actor, dto, { procedure: 'correction', workflowType: CORRECTION_WORKFLOW, newCaseId, plan: planCorrection }, idempotencyKey, respondAsync);
  }

  async startOpenDataApplication(actor: Actor, dto: CreateOpenDataApplicationDto, idempotencyKey?: string, respondAsync = false): Promise<StartedCase> {
    const previous = dto.previousCaseId ? await this.orm.em.fork().findOne(CaseRecord, { id: dto.previousCaseId }) : undefined;
    const newCaseId = () => openDataCaseId(randomUUID());
    const plan = (body: CreateOpenDataApplicationDto, ctx: PlanContext) => planOpenData(body, { ...ctx, previous });
    return this.startAbout(actor, dto, { procedure: 'open-data', workflowType: OPEN_DATA_WORKFLOW, newCaseId, plan }, idempotencyKey, respondAsync);
  }

  async submitSupplement(actor: Actor, caseId: string, content: string): Promise<CaseStatus> {
    await this.visibleRecord(actor, caseId);
    try {
      return await this.client.workflow.getHandle(caseId).executeUpdate(submitSupplementUpdate, { args: [{ actor, content }] });
    } catch (error) {
      throw fromEngineError(error);
    }
  }

  startOpenCatalogObjection(actor: Actor, dto: CreateOpenCatalogObjectionDto, idempotencyKey?: string, respondAsync = false): Promise<StartedCase> {
    const newCaseId = () => objectionCaseId(randomUUID());
    const spec = { procedure: 'open-catalog-objection' as const, workflowType: OPEN_CATALOG_OBJECTION_WORKFLOW, newCaseId, plan: planOpenCatalogObjection };
    return this.startAbout(actor, dto, spec, idempotencyKey, respondAsync);
  }

  startInterfaceRequest(actor: Actor, dto: CreateInterfaceRequestDto, idempotencyKey?: string, respondAsync = false): Promise<StartedCase> {
    return this.starter.start<InterfaceProvisionInput>({
      actor,
      procedure: 'interface-provision',
      workflowType: INTERFACE_PROVISION_WORKFLOW,
      request: dto,
      idempotencyKey,
      respondAsync,
      newCaseId: () => interfaceCaseId(randomUUID()),
      plan: async (caseId, receivedAt) => {
        const em = this.orm.em.fork();
        const agency = await em.findOne(Department, { id: actor.department });
        if (!agency) throw unknownDepartment(actor.department);
        const provider = await em.findOne(Department, { id: dto.providerDepartmentId });
        const input = planInterfaceProvision(dto, { caseId, receivedAt, applicant: actor, agency, provider, administrativeTargets: this.config.ADMINISTRATIVE_TARGETS });
        return { input, pack: input.rules.pack, resourceId: null, departments: participants(actor, input.departments) };
      },
    });
  }

  startCatalogUpdate(actor: Actor, dto: CreateCatalogUpdateDto, idempotencyKey?: string, respondAsync = false): Promise<StartedCase> {
    return this.starter.start<CatalogUpdateInput>({
      actor,
      procedure: 'catalog-update',
      workflowType: CATALOG_UPDATE_WORKFLOW,
      request: dto,
      idempotencyKey,
      respondAsync,
      newCaseId: () => catalogUpdateCaseId(randomUUID()),
      plan: async (caseId, receivedAt) => {
        const em = this.orm.em.fork();
        const entries = await em.find(CatalogEntry, { id: { $in: dto.changes.map((c) => c.entryId) } });
        const departments = entries.length > 0 ? await em.find(Department, { jurisdiction: entries[0].jurisdiction }) : [];
        const input = planCatalogUpdate(dto, { caseId, receivedAt, applicant: actor, entries, departments, administrativeTargets: this.config.ADMINISTRATIVE_TARGETS });
        return { input, pack: input.rules.pack, resourceId: input.changes[0].entryId, departments: participants(actor, input.departments) };
      },
    });
  }

  /** Starts a case about one catalog resource, planned by the procedure's planner. */
  private startAbout<D extends { resourceId: string }, I extends PlannedInput>(
    actor: Actor,
    dto: D,
    procedure: { procedure: Procedure; workflowType: string; newCaseId(): string; plan(dto: D, ctx: PlanContext): I },
    idempotencyKey: string | undefined,
    respondAsync: boolean,
  ): Promise<StartedCase> {
    return this.starter.start<I>({
      actor,
      procedure: procedure.procedure,
      workflowType: procedure.workflowType,
      request: dto,
      idempotencyKey,
      respondAsync,
      newCaseId: procedure.newCaseId,
      plan: async (caseId, receivedAt) => {
        const input = procedure.plan(dto, await this.planContext(actor, dto.resourceId, caseId, receivedAt));
        return { input, pack: input.rules.pack, resourceId: dto.resourceId, departments: participants(actor, input.departments) };
      },
    });
  }

  private async planContext(actor: Actor, resourceId: string, caseId: string, receivedAt: Date): Promise<PlanContext> {
    const em = this.orm.em.fork();
    const resource = await em.findOne(CatalogEntry, { id: resourceId });
    if (!resource) throw resourceNotFound(resourceId);
    const applicantDepartment = await em.findOne(Department, { id: actor.department });
    if (!applicantDepartment) throw unknownDepartment(actor.department);
    const departments = await em.find(Department, { jurisdiction: resource.jurisdiction });
    const authority = departments.find((d) => d.kind === 'authority');
    if (!authority) throw new Error(`no authority registered for ${resource.jurisdiction}`);
    return { caseId, receivedAt, applicant: actor, applicantDepartment, resource, departments, authority, administrativeTargets: this.config.ADMINISTRATIVE_TARGETS };
  }

  /** The visible case record, or 404 (whether it does not exist or the caller may not see it). */
  async visibleRecord(actor: Actor, caseId: string): Promise<CaseRecord> {
    const record = await this.orm.em.fork().findOne(CaseRecord, { id: caseId });
    if (!record || !canSeeCase(actor, record)) throw caseNotFound();
    return record;
  }

  async status(actor: Actor, caseId: string): Promise<CaseStatus> {
    await this.visibleRecord(actor, caseId);
    let status: CaseStatus;
    try {
      status = await this.client.workflow.getHandle(caseId).query(caseStatusQuery);
    } catch (error) {
      throw fromEngineError(error);
    }
    const linked = await this.linkedCatalogChange(caseId);
    return linked ? { ...status, linkedCatalogChange: linked } : status;
  }

  /** The catalog change a decision of this case asked for, as its P3 case has settled it so far. */
  private async linkedCatalogChange(caseId: string): Promise<CaseStatus['linkedCatalogChange']> {
    const [row] = await this.orm.em.fork().getConnection().execute<Array<{ id: string; status: 'pending' | 'applied' | 'refused'; catalog_case_id: string | null; settled_at: Date | null }>>(
      'select id, status, catalog_case_id, settled_at from pending_catalog_change where origin_case_id = ?',
      [caseId],
    );
    return row && { changeId: row.id, status: row.status, catalogUpdateCaseId: row.catalog_case_id, settledAt: row.settled_at ? new Date(row.settled_at).toISOString() : null };
  }

  async raiseDispute(actor: Actor, caseId: string, reason: string): Promise<CaseStatus> {
    await this.visibleRecord(actor, caseId);
    try {
      return await this.client.workflow.getHandle(caseId).executeUpdate(raiseDisputeUpdate, { args: [{ actor, reason }] });
    } catch (error) {
      throw fromEngineError(error);
    }
  }

  /** The caller's cases, newest first, keyset-paginated on (received_at, id). */
  async list(actor: Actor, query: ListCasesQueryDto): Promise<Page<CaseRecord>> {
    const where: Record<string, unknown> = {};
    if (actor.role === 'applicant') where.applicantId = actor.id;
    else if (!['auditor', 'supervisor'].includes(actor.role)) {
      if (actor.role === 'admin') return { items: [], nextCursor: null };
      where.participantDepartments = { $contains: [actor.department] };
    }
    if (query.procedure) where.procedure = query.procedure;
    if (query.pack) where.pack = query.pack;
    if (query.state) where.state = query.state;
    const cursor = decodeCursor(query.cursor);
    if (cursor) {
      where.$or = [{ receivedAt: { $lt: new Date(cursor.sortKey) } }, { receivedAt: new Date(cursor.sortKey), id: { $lt: cursor.id } }];
    }
    const limit = query.limit ?? 20;
    const rows = await this.orm.em.fork().find(CaseRecord, where, { orderBy: { receivedAt: 'desc', id: 'desc' }, limit: limit + 1 });
    const items = rows.slice(0, limit);
    const last = items.at(-1);
    return { items, nextCursor: rows.length > limit && last ? encodeCursor(last.receivedAt.toISOString(), last.id) : null };
  }
}
