import { Inject, Injectable, Logger } from '@nestjs/common';
import { MikroORM, UniqueConstraintViolationException } from '@mikro-orm/postgresql';
import { Client, WithStartWorkflowOperation } from '@temporalio/client';
import { createHash } from 'node:crypto';
import type { Actor } from '../../workflows/contracts/actor.js';
import { settledStatusUpdate } from '../../workflows/contracts/case-messages.js';
import type { CaseStatus, Procedure } from '../../workflows/contracts/case-status.js';
import type { PackId } from '../../workflows/contracts/citation.js';
import { Clock } from '../common/clock.js';
import { AppConfig } from '../config/app-config.js';
import { fromEngineError } from '../engine/engine-errors.js';
import { badIdempotencyKey, idempotencyKeyReused } from './case-errors.js';
import { CaseRecord } from './case-record.entity.js';

export interface CaseStart<I> {
  actor: Actor;
  procedure: Procedure;
  workflowType: string;
  /** What the caller sent; the same key with another body is a conflict. */
  request: unknown;
  idempotencyKey?: string;
  /** Builds the workflow input for a new case; may throw a 4xx DomainError (nothing is created then). */
  plan(caseId: string, receivedAt: Date): Promise<{ input: I; pack: PackId; resourceId: string | null; departments: string[] }>;
  newCaseId(): string;
  /** `Prefer: respond-async`: answer as soon as the case is started, without waiting for its first step. */
  respondAsync?: boolean;
}

export interface StartedCase {
  created: boolean;
  /** True when the reply does not wait for the first step (202). */
  pending?: boolean;
  status: CaseStatus;
}

const KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;
const SETTLE_TIMEOUT_MS = 10_000;

/** What a case shows before its workflow has run its first step. */
function receivedStatus(record: CaseRecord, applicant: Actor): CaseStatus {
  return {
    caseId: record.id,
    procedure: record.procedure as CaseStatus['procedure'],
    pack: record.pack as CaseStatus['pack'],
    state: 'received',
    stateText: { zh: '已受理，等待流程引擎处理', en: 'Received; waiting for the workflow engine' },
    receivedAt: record.receivedAt.toISOString(),
    applicant,
    steps: [],
    waitingFor: [],
    notices: [],
    closed: false,
  };
}

export function requestHash(actor: Actor, request: unknown): string {
  return createHash('sha256').update(JSON.stringify([actor.id, request])).digest('hex');
}

/**
 * Starts a case idempotently: the case index row first, then the workflow
 * whose id is the case id. The same Idempotency-Key and body return the same
 * case; a failed start leaves nothing behind.
 */
@Injectable()
export class CaseStarter {
  private readonly logger = new Logger(CaseStarter.name);

  constructor(
    @Inject(MikroORM) private readonly orm: MikroORM,
    @Inject(Client) private readonly client: Client,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async start<I>(spec: CaseStart<I>): Promise<StartedCase> {
    if (spec.idempotencyKey !== undefined && !KEY_PATTERN.test(spec.idempotencyKey)) throw badIdempotencyKey();
    const hash = requestHash(spec.actor, spec.request);
    const existing = await this.findByKey(spec.actor, spec.idempotencyKey, hash);
    if (existing) return { created: false, status: await this.resume(existing, spec) };

    const caseId = spec.newCaseId();
    const receivedAt = this.clock.now();
    const plan = await spec.plan(caseId, receivedAt);
    const em = this.orm.em.fork();
    const record = em.create(CaseRecord, {
      id: caseId,
      procedure: spec.procedure,
      pack: plan.pack,
      applicantId: spec.actor.id,
      applicantDepartment: spec.actor.department,
      participantDepartments: plan.departments,
      resourceId: plan.resourceId,
      state: 'received',
      currentStep: null,
      idempotencyKey: spec.idempotencyKey ?? null,
      requestHash: hash,
      receivedAt,
      updatedAt: receivedAt,
    });
    try {
      await em.flush();
    } catch (error) {
      // Another request with the same key won the race: answer with its case.
      if (error instanceof UniqueConstraintViolationException && spec.idempotencyKey) {
        const winner = await this.findByKey(spec.actor, spec.idempotencyKey, hash);
        if (winner) return { created: false, status: await this.resume(winner, spec) };
      }
      throw error;
    }
    const status = await this.startAndSettle(caseId, spec, plan.input, record);
    return { created: true, pending: status.state === 'received', status };
  }

  private async findByKey(actor: Actor, key: string | undefined, hash: string): Promise<CaseRecord | null> {
    if (!key) return null;
    const record = await this.orm.em.fork().findOne(CaseRecord, { applicantId: actor.id, idempotencyKey: key });
    if (record && record.requestHash !== hash) throw idempotencyKeyReused();
    return record;
  }

  /**
   * Starts the workflow and asks, in the same call, for its status once it
   * first waits for people (update-with-start). USE_EXISTING makes a repeated
   * start of the same case attach to it. If the worker does not get there in
   * time, the case is accepted all the same and shown as received.
   */
  private async startAndSettle<I>(caseId: string, spec: CaseStart<I>, input: I, record: CaseRecord): Promise<CaseStatus> {
    const start = new WithStartWorkflowOperation(spec.workflowType, {
      workflowId: caseId,
      taskQueue: this.config.TEMPORAL_TASK_QUEUE,
      args: [input],
      workflowIdConflictPolicy: 'USE_EXISTING',
      searchAttributes: { CaseProcedure: [spec.procedure], CasePack: [record.pack], CaseDepartment: record.participantDepartments },
    });
    const settled = spec.respondAsync
      ? undefined
      : this.client.workflow.executeUpdateWithStart(settledStatusUpdate, { startWorkflowOperation: start });
    settled?.catch(() => undefined);
    try {
      if (settled) await start.workflowHandle();
      else await this.client.workflow.start(spec.workflowType, start.options);
    } catch (error) {
      if (!(await this.workflowExists(caseId))) await this.orm.em.fork().nativeDelete(CaseRecord, { id: caseId });
      throw fromEngineError(error);
    }
    return settled ? this.withinSettleTime(settled, record, spec.actor) : receivedStatus(record, spec.actor);
  }

  private async withinSettleTime(settled: Promise<CaseStatus>, record: CaseRecord, actor: Actor): Promise<CaseStatus> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<null>((resolve) => {
      timer = setTimeout(() => resolve(null), SETTLE_TIMEOUT_MS);
    });
    try {
      return (await Promise.race([settled, timeout])) ?? receivedStatus(record, actor);
    } catch (error) {
      throw fromEngineError(error);
    } finally {
      clearTimeout(timer);
    }
  }

  private async workflowExists(caseId: string): Promise<boolean> {
    try {
      await this.client.workflow.getHandle(caseId).describe();
      return true;
    } catch {
      return false;
    }
  }

  /**
   * An earlier attempt with this key may have died between writing the index
   * row and starting the workflow: start it now, with the original receipt time.
   */
  private async resume<I>(record: CaseRecord, spec: CaseStart<I>): Promise<CaseStatus> {
    if (!(await this.workflowExists(record.id))) {
      this.logger.warn({ caseId: record.id }, 'resuming a case whose workflow was never started');
      const plan = await spec.plan(record.id, record.receivedAt);
      return this.startAndSettle(record.id, spec, plan.input, record);
    }
    return this.settledStatus(record, spec.actor);
  }

  /** The status of an existing case, as a start replies with it. */
  private settledStatus(record: CaseRecord, actor: Actor): Promise<CaseStatus> {
    const handle = this.client.workflow.getHandle<(input: unknown) => Promise<CaseStatus>>(record.id);
    // A closed case cannot take the update: its result is its status.
    const settled = handle.executeUpdate(settledStatusUpdate).catch(async (error: unknown) => {
      if ((await handle.describe()).status.name === 'COMPLETED') return handle.result();
      throw error;
    });
    settled.catch(() => undefined);
    return this.withinSettleTime(settled, record, actor);
  }
}
