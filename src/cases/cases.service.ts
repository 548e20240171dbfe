import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Actor } from '../../workflows/contracts/actor.js';
import {
  commentUpdate,
  raiseDisputeUpdate,
  submitSupplementUpdate,
  terminateUpdate,
  urgeUpdate,
  withdrawUpdate,
} from '../../workflows/contracts/case-messages.js';
import type { CaseStatus } from '../../workflows/contracts/case-status.js';
import { CalendarService } from '../calendar/calendar.service.js';
import { addDays, shanghaiMidnight } from '../calendar/plain-date.js';
import { Clock } from '../common/clock.js';
import { DomainError } from '../common/errors/domain-error.js';
import { IDEMPOTENCY_KEY_PATTERN } from '../common/http/idempotency-key.js';
import { decodeCursor, pageOf, type Page } from '../common/http/keyset-cursor.js';
import { CaseEngine } from '../engine/case-engine.js';
import { caseNotFound } from '../engine/engine-errors.js';
import { canSeeCase } from './case-access.js';
import { badIdempotencyKey, caseClosed, idempotencyKeyReused } from './case-errors.js';
import type { CaseRecord } from './case-record.entity.js';
import { CaseRecordRepository, type CaseListFilter, type CaseListRow } from './case-record.repository.js';
import { PendingCatalogChangeRepository } from '../catalog/pending-catalog-change.repository.js';
import { receivedStatus } from './received-status.js';
import { CaseStarter, type StartedCase, type StartOptions } from './case-starter.service.js';
import type { ListCasesQueryDto } from './dto/list-cases.dto.js';
import type { ProcedureDefinition } from './procedures/procedure-definition.js';

/** How long a read waits for a case that is moving on from a decision, and how often it looks. */
const SETTLING_WAIT_MS = 1_500;
const SETTLING_POLL_MS = 10;
/** How long a case still shown as received is asked for its status before it is read as received. */
const RECEIVED_QUERY_MS = 1_000;

/** One caller's key names one comment update of the case (keys of different callers never meet). */
const commentUpdateId = (actor: Actor, key: string) =>
  `comment-${createHash('sha256').update(`${actor.id}\n${key}`).digest('hex')}`;

@Injectable()
export class CasesService {
  constructor(
    private readonly cases: CaseRecordRepository,
    private readonly pendingChanges: PendingCatalogChangeRepository,
    private readonly engine: CaseEngine,
    private readonly starter: CaseStarter,
    private readonly calendar: CalendarService,
    private readonly clock: Clock,
  ) {}

  /** Starts a case of any procedure through the one start path. */
  start<D>(procedure: ProcedureDefinition<D>, request: D, options: StartOptions): Promise<StartedCase> {
    return this.starter.start(procedure, request, options);
  }

  /** The visible case record, or 404 (whether it does not exist or the caller may not see it). */
  async visibleRecord(actor: Actor, caseId: string): Promise<CaseRecord> {
    const record = await this.cases.findById(caseId);
    if (!record || !canSeeCase(actor, record)) throw caseNotFound();
    return record;
  }

  /**
   * From the case row when it is closed (the engine is not asked, and may have
   * dropped it) or when its run writes every change; else from the workflow.
   */
  async status(actor: Actor, caseId: string): Promise<CaseStatus> {
    // Both reads at once; the linked change is shown only once the row says the caller may see the case.
    const [record, linked] = await Promise.all([
      this.visibleRecord(actor, caseId),
      this.pendingChanges.ofOrigin(caseId),
    ]);
    const fromRow = record.status && (record.status.closed || record.statusCurrent);
    const status = fromRow ? await this.settledRow(record.status!) : await this.liveStatus(record, actor);
    return linked ? { ...status, linkedCatalogChange: linked } : status;
  }

  /**
   * A decision was answered as soon as it was recorded and the workflow is moving the case on (next step, or its
   * close): a read in that moment waits, briefly, for the row the workflow writes next, so that whoever decided and
   * then reads sees where the case went. Past the wait (the worker is down), the decision as recorded.
   */
  private async settledRow(status: CaseStatus): Promise<CaseStatus> {
    const until = Date.now() + SETTLING_WAIT_MS;
    let current = status;
    while (current.settling && Date.now() < until) {
      await sleep(SETTLING_POLL_MS);
      current = (await this.cases.findById(current.caseId))?.status ?? current;
    }
    return current;
  }

  /**
   * From the workflow's status query. The applicant's own case that its workflow has not yet brought to its first
   * step (answered 202, the worker behind or down) is asked only briefly, and read as received, as its start
   * answered, when the worker does not answer in that time.
   */
  private async liveStatus(record: CaseRecord, actor: Actor): Promise<CaseStatus> {
    const received = !record.status && record.state === 'received' && record.applicantId === actor.id;
    try {
      return await this.engine.status(record.id, received ? RECEIVED_QUERY_MS : undefined);
    } catch (error) {
      // Gone from the engine but known here: the status it last showed.
      if (error instanceof DomainError && error.kind === 'not-found' && record.status) return record.status;
      // Or not yet in the engine at all: a start cut off before the engine took it, which the sweeper starts.
      if (received && error instanceof DomainError && (error.kind === 'unavailable' || error.kind === 'not-found'))
        return receivedStatus(record, actor);
      throw error;
    }
  }

  async submitSupplement(actor: Actor, caseId: string, content: string): Promise<CaseStatus> {
    await this.visibleRecord(actor, caseId);
    return this.engine.update(caseId, submitSupplementUpdate, { actor, content });
  }

  async raiseDispute(actor: Actor, caseId: string, reason: string): Promise<CaseStatus> {
    await this.visibleRecord(actor, caseId);
    return this.engine.update(caseId, raiseDisputeUpdate, { actor, reason });
  }

  /** A case the caller sees and that is still open: 409 once it has closed (its workflow may be gone). */
  private async openRecord(actor: Actor, caseId: string): Promise<CaseRecord> {
    const record = await this.visibleRecord(actor, caseId);
    if (record.status?.closed) throw caseClosed(record.state);
    return record;
  }

  /** 撤销: the applicant closes the case before its decision. */
  async withdraw(actor: Actor, caseId: string, reason: string): Promise<CaseStatus> {
    await this.openRecord(actor, caseId);
    return this.engine.update(caseId, withdrawUpdate, { actor, reason });
  }

  /** 终止: the data authority closes a case opened in error. */
  async terminate(actor: Actor, caseId: string, reason: string, basis: string): Promise<CaseStatus> {
    await this.openRecord(actor, caseId);
    return this.engine.update(caseId, terminateUpdate, { actor, reason, basis });
  }

  /**
   * 沟通: the workflow checks that the caller takes part in the case. With an Idempotency-Key the comment is one
   * update of the engine's, whatever the retries: sent again, it answers as the first time, without a second comment.
   */
  async comment(actor: Actor, caseId: string, text: string, idempotencyKey?: string): Promise<CaseStatus> {
    if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY_PATTERN.test(idempotencyKey)) throw badIdempotencyKey();
    await this.openRecord(actor, caseId);
    const updateId = idempotencyKey && commentUpdateId(actor, idempotencyKey);
    const status = await this.engine.update(caseId, commentUpdate, { actor, text }, updateId);
    // Under a key already used, the engine answers with that first comment's outcome: it must be this comment.
    if (updateId && !status.comments?.some((c) => c.actor.id === actor.id && c.text === text.trim()))
      throw idempotencyKeyReused();
    return status;
  }

  /** 催办: the working day it falls on comes from the calendar, so that an applicant urges once per working day. */
  async urge(actor: Actor, caseId: string, taskId: string, note: string | undefined): Promise<CaseStatus> {
    await this.openRecord(actor, caseId);
    const workingDay = await this.calendar.workingDayOf(this.clock.now());
    return this.engine.update(caseId, urgeUpdate, { actor, taskId, note, workingDay });
  }

  /**
   * The caller's cases, newest first, keyset-paginated on (received_at, id). Applicants see their own, department
   * users their department's, auditors and supervisors every case; the filters narrow that, never widen it.
   */
  async list(actor: Actor, query: ListCasesQueryDto): Promise<Page<CaseListRow>> {
    const none = { items: [], nextCursor: null };
    const filter: CaseListFilter = {
      procedure: query.procedure,
      pack: query.pack,
      state: query.state,
      applicantId: query.applicant,
      participantDepartment: query.department,
      receivedFrom: query.receivedFrom ? shanghaiMidnight(query.receivedFrom) : undefined,
      receivedBefore: query.receivedTo ? shanghaiMidnight(addDays(query.receivedTo, 1)) : undefined,
      limit: query.limit ?? 20,
    };
    if (actor.role === 'admin') return none;
    if (actor.role === 'applicant') {
      if (query.applicant && query.applicant !== actor.id) return none;
      filter.applicantId = actor.id;
    } else if (!['auditor', 'supervisor'].includes(actor.role)) {
      if (query.department && query.department !== actor.department) return none;
      filter.participantDepartment = actor.department;
    }
    const cursor = decodeCursor(query.cursor);
    if (cursor) filter.before = { receivedAt: new Date(cursor.sortKey), id: cursor.id };
    return pageOf(await this.cases.page(filter), filter.limit, (row) => row.receivedAt);
  }
}
