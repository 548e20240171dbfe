import { Inject, Injectable } from '@nestjs/common';
import { MikroORM, type EntityManager } from '@mikro-orm/postgresql';
import type { SyncCaseArgs } from '../../workflows/contracts/activities.js';
import type { CaseStatus, Procedure } from '../../workflows/contracts/case-status.js';
import type { PackId } from '../../workflows/contracts/citation.js';
import { columnsOf, mapRows, selectRows, type Row } from '../database/list-rows.js';
import { query, TEXT_ARRAY_FROM_JSON } from '../database/unit-of-work.js';
import { CaseRecord, type StartInput } from './case-record.entity.js';

/** A case as registered before its workflow runs. */
export interface NewCaseRecord {
  id: string;
  procedure: Procedure;
  pack: PackId;
  applicantId: string;
  applicantDepartment: string;
  participantDepartments: string[];
  resourceId: string | null;
  idempotencyKey: string | null;
  /** The request's hash, or where a case opened by the system came from. */
  requestHash: string;
  receivedAt: Date;
  /** What the start sends the engine (a case the API starts); kept until the engine is known to hold it. */
  startInput?: StartInput;
}

export interface CaseListFilter {
  applicantId?: string;
  participantDepartment?: string;
  procedure?: string;
  pack?: string;
  state?: string;
  /** Received at or after. */
  receivedFrom?: Date;
  /** Received before. */
  receivedBefore?: Date;
  /** Keyset: the receipt and id of the last row of the previous page. */
  before?: { receivedAt: Date; id: string };
  limit: number;
}

/** A case as the lists show it. The status, the row's largest column, is not read for a list. */
export type CaseListRow = Pick<
  Row<CaseRecord>,
  'id' | 'procedure' | 'pack' | 'state' | 'currentStep' | 'resourceId' | 'applicantId' | 'receivedAt' | 'updatedAt'
>;

/** The case index (case_record): who may see a case and how to list it; the only place that writes it. */
@Injectable()
export class CaseRecordRepository {
  constructor(@Inject(MikroORM) private readonly orm: MikroORM) {}

  private em(em?: EntityManager): EntityManager {
    return em ?? this.orm.em.fork();
  }

  private row(record: NewCaseRecord) {
    return { ...record, state: 'received', currentStep: null, updatedAt: record.receivedAt };
  }

  /** Registers a case; a second request with the same applicant and key fails on the unique constraint. */
  async register(record: NewCaseRecord): Promise<CaseRecord> {
    const em = this.em();
    const created = em.create(CaseRecord, this.row(record), { persist: false });
    // One statement, no transaction around it: a start's only write, one round trip.
    await em.insert(created);
    return created;
  }

  /** Registers a case the system opens (a linked P3 case, a P7 report) unless it is registered already. */
  async registerIfAbsent(record: NewCaseRecord, em?: EntityManager): Promise<void> {
    await this.em(em).createQueryBuilder(CaseRecord).insert(this.row(record)).onConflict('id').ignore().execute();
  }

  /** Writes the case's state unless a newer write came first. */
  async sync(update: SyncCaseArgs, em?: EntityManager): Promise<void> {
    const at = new Date(update.updatedAt);
    const { state, currentStep, participantDepartments, current } = update;
    await this.em(em).nativeUpdate(
      CaseRecord,
      { id: update.caseId, updatedAt: { $lte: at } },
      {
        state,
        currentStep,
        participantDepartments,
        updatedAt: at,
        startInput: null,
        ...(current ? { statusCurrent: true } : {}),
      },
    );
  }

  /**
   * Writes the case's state and status unless a newer write came first, and answers the status it replaced (for
   * the notifications of what changed). One statement: the row is locked as it is read, until the transaction ends,
   * so that two writes diff in turn. Undefined when a newer write came first.
   */
  async replaceStatus(
    update: SyncCaseArgs & { status: CaseStatus },
    em: EntityManager,
  ): Promise<{ before: CaseStatus | null } | undefined> {
    const at = new Date(update.updatedAt);
    const [replaced] = await query<{ before: CaseStatus | null }>(
      em,
      `update case_record c
          set state = ?, current_step = ?, participant_departments = ${TEXT_ARRAY_FROM_JSON}, updated_at = ?,
              status = ?::jsonb, status_current = c.status_current or ?, start_input = null
         from (select id, status from case_record where id = ? for update) old
        where c.id = old.id and c.updated_at <= ?
        returning old.status as before`,
      [
        update.state,
        update.currentStep,
        JSON.stringify(update.participantDepartments),
        at,
        JSON.stringify(update.status),
        update.current === true,
        update.caseId,
        at,
      ],
    );
    return replaced;
  }

  findById(caseId: string, em?: EntityManager): Promise<CaseRecord | null> {
    return this.em(em).findOne(CaseRecord, { id: caseId });
  }

  findByKey(applicantId: string, idempotencyKey: string): Promise<CaseRecord | null> {
    return this.em().findOne(CaseRecord, { applicantId, idempotencyKey });
  }

  /**
   * Cases the API registered before `before` whose workflow has not written to the row yet (its start may have been
   * cut off), oldest first.
   */
  unstarted(
    before: Date,
    limit: number,
  ): Promise<Array<Pick<CaseRecord, 'id' | 'pack' | 'procedure' | 'participantDepartments' | 'startInput'>>> {
    return this.em().find(
      CaseRecord,
      { startInput: { $ne: null }, receivedAt: { $lt: before } },
      {
        fields: ['id', 'pack', 'procedure', 'participantDepartments', 'startInput'],
        orderBy: { receivedAt: 'asc' },
        limit,
      },
    );
  }

  /** The engine holds the case's workflow: its start input is no longer needed. */
  async startConfirmed(caseId: string): Promise<void> {
    await this.em().nativeUpdate(CaseRecord, { id: caseId }, { startInput: null });
  }

  /** Removes a registration whose workflow never started (the start failed). */
  async remove(caseId: string): Promise<void> {
    await this.em().nativeDelete(CaseRecord, { id: caseId });
  }

  /** Newest first; one more row than the page to tell whether another follows. */
  page(filter: CaseListFilter): Promise<CaseListRow[]> {
    if (filter.participantDepartment) return this.departmentPage(filter.participantDepartment, filter);
    const where: Record<string, unknown> = {};
    if (filter.applicantId) where.applicantId = filter.applicantId;
    if (filter.procedure) where.procedure = filter.procedure;
    if (filter.pack) where.pack = filter.pack;
    if (filter.state) where.state = filter.state;
    if (filter.receivedFrom || filter.receivedBefore) {
      where.receivedAt = {
        ...(filter.receivedFrom ? { $gte: filter.receivedFrom } : {}),
        ...(filter.receivedBefore ? { $lt: filter.receivedBefore } : {}),
      };
    }
    if (filter.before) {
      const { receivedAt, id } = filter.before;
      where.$and = [{ $or: [{ receivedAt: { $lt: receivedAt } }, { receivedAt, id: { $lt: id } }] }];
    }
    return selectRows(this.em(), CaseRecord, where, {
      exclude: ['status'],
      orderBy: { receivedAt: 'desc', id: 'desc' },
      limit: filter.limit + 1,
    });
  }

  /** A department's cases through case_participant's b-tree, in its order: the page costs the same at any size. */
  private async departmentPage(department: string, filter: CaseListFilter): Promise<CaseListRow[]> {
    // Each filter given is one condition with one parameter.
    const given = (
      [
        ['p.department = ?', department],
        ['c.applicant_id = ?', filter.applicantId],
        ['c.procedure = ?', filter.procedure],
        ['c.pack = ?', filter.pack],
        ['c.state = ?', filter.state],
        ['p.received_at >= ?', filter.receivedFrom],
        ['p.received_at < ?', filter.receivedBefore],
      ] as const
    ).filter(([, value]) => value !== undefined && value !== '');
    const conditions: string[] = given.map(([condition]) => condition);
    const params: unknown[] = given.map(([, value]) => value);
    if (filter.before) {
      conditions.push('(p.received_at, p.case_id) < (?, ?)');
      params.push(filter.before.receivedAt, filter.before.id);
    }
    const em = this.em();
    const rows = await em.getConnection().execute<Array<Record<string, unknown>>>(
      `select ${columnsOf(em, CaseRecord, 'c', ['status']).join(', ')} from case_participant p join case_record c on c.id = p.case_id
        where ${conditions.join(' and ')}
        order by p.received_at desc, p.case_id desc limit ?`,
      [...params, filter.limit + 1],
    );
    return mapRows(em, CaseRecord, rows);
  }
}
