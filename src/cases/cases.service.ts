import { Inject, Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import type { Actor } from '../../workflows/contracts/actor.js';
import { raiseDisputeUpdate, submitSupplementUpdate } from '../../workflows/contracts/case-messages.js';
import type { CaseStatus } from '../../workflows/contracts/case-status.js';
import { decodeCursor, encodeCursor, type Page } from '../common/http/keyset-cursor.js';
import { CaseEngine } from '../engine/case-engine.js';
import { caseNotFound } from '../engine/engine-errors.js';
import { canSeeCase } from './case-access.js';
import { CaseRecord } from './case-record.entity.js';
import { CaseStarter, type StartedCase, type StartOptions } from './case-starter.service.js';
import type { ListCasesQueryDto } from './dto/list-cases.dto.js';
import type { ProcedureDefinition } from './procedures/procedure-definition.js';

@Injectable()
export class CasesService {
  constructor(
    @Inject(MikroORM) private readonly orm: MikroORM,
    private readonly engine: CaseEngine,
    private readonly starter: CaseStarter,
  ) {}

  /** Starts a case of any procedure through the one start path. */
  start<D>(procedure: ProcedureDefinition<D>, request: D, options: StartOptions): Promise<StartedCase> {
    return this.starter.start(procedure, request, options);
  }

  /** The visible case record, or 404 (whether it does not exist or the caller may not see it). */
  async visibleRecord(actor: Actor, caseId: string): Promise<CaseRecord> {
    const record = await this.orm.em.fork().findOne(CaseRecord, { id: caseId });
    if (!record || !canSeeCase(actor, record)) throw caseNotFound();
    return record;
  }

  async status(actor: Actor, caseId: string): Promise<CaseStatus> {
    await this.visibleRecord(actor, caseId);
    const status = await this.engine.status(caseId);
    const linked = await this.linkedCatalogChange(caseId);
    return linked ? { ...status, linkedCatalogChange: linked } : status;
  }

  async submitSupplement(actor: Actor, caseId: string, content: string): Promise<CaseStatus> {
    await this.visibleRecord(actor, caseId);
    return this.engine.update(caseId, submitSupplementUpdate, { actor, content });
  }

  async raiseDispute(actor: Actor, caseId: string, reason: string): Promise<CaseStatus> {
    await this.visibleRecord(actor, caseId);
    return this.engine.update(caseId, raiseDisputeUpdate, { actor, reason });
  }

  /** The catalog change a decision of this case asked for, as its P3 case has settled it so far. */
  private async linkedCatalogChange(caseId: string): Promise<CaseStatus['linkedCatalogChange']> {
    type Row = { id: string; status: 'pending' | 'applied' | 'refused'; catalog_case_id: string | null; settled_at: Date | null };
    const [row] = await this.orm.em
      .fork()
      .getConnection()
      .execute<Row[]>('select id, status, catalog_case_id, settled_at from pending_catalog_change where origin_case_id = ?', [caseId]);
    return (
      row && {
        changeId: row.id,
        status: row.status,
        catalogUpdateCaseId: row.catalog_case_id,
        settledAt: row.settled_at ? new Date(row.settled_at).toISOString() : null,
      }
    );
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
      where.$or = [
        { receivedAt: { $lt: new Date(cursor.sortKey) } },
        { receivedAt: new Date(cursor.sortKey), id: { $lt: cursor.id } },
      ];
    }
    const limit = query.limit ?? 20;
    const rows = await this.orm.em
      .fork()
      .find(CaseRecord, where, { orderBy: { receivedAt: 'desc', id: 'desc' }, limit: limit + 1 });
    const items = rows.slice(0, limit);
    const last = items.at(-1);
    return { items, nextCursor: rows.length > limit && last ? encodeCursor(last.receivedAt.toISOString(), last.id) : null };
  }
}
