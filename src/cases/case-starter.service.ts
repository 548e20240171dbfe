import { Injectable, Logger } from '@nestjs/common';
import { UniqueConstraintViolationException } from '@mikro-orm/postgresql';
import { createHash, randomUUID } from 'node:crypto';
import type { Actor } from '../../workflows/contracts/actor.js';
import type { CaseStatus } from '../../workflows/contracts/case-status.js';
import { DomainError } from '../common/errors/domain-error.js';
import { AppConfig } from '../config/app-config.js';
import { CaseMetrics } from '../metrics/case-metrics.js';
import { Clock } from '../common/clock.js';
import { CaseEngine, type StartAttempt } from '../engine/case-engine.js';
import { IDEMPOTENCY_KEY_PATTERN } from '../common/http/idempotency-key.js';
import { badIdempotencyKey, idempotencyKeyReused } from './case-errors.js';
import type { CaseRecord } from './case-record.entity.js';
import { ExistenceLookahead } from './existence-lookahead.js';
import { StartAdmission } from './start-admission.js';
import { receivedStatus } from './received-status.js';
import { CaseRecordRepository } from './case-record.repository.js';
import { caseSearchAttributes } from './case-search-attributes.js';
import { CaseContextLoader } from './procedures/case-context-loader.js';
import type { ProcedureDefinition } from './procedures/procedure-definition.js';
import { FirstStepPlanner } from './first-step-planner.js';
import type { CaseWorkflowInput } from '../../workflows/contracts/case-input.js';

/** How the caller asked for a start: who, with which key, and whether to wait for the first step. */
export interface StartOptions {
  actor: Actor;
  idempotencyKey?: string;
  /** `Prefer: respond-async`: answer as soon as the case is started, without waiting for its first step. */
  respondAsync: boolean;
  /** When the request reached the process (`performance.now()`): its answer time counts from there. */
  arrivedAt: number;
}

export interface StartedCase {
  created: boolean;
  /** True when the reply does not wait for the first step (202). */
  pending?: boolean;
  status: CaseStatus;
}

/** How long a start may wait for its first step when the system is not busy, from its request's arrival. */
const SETTLE_TIMEOUT_MS = 10_000;
const SATURATION_CHECK_MS = 25;

/** The status a repeated start answers from the case row: once the case is past its first step (or closed). */
function statusOnRow(record: CaseRecord): CaseStatus | null {
  const { status } = record;
  return status && (status.closed || status.steps.length > 0) ? status : null;
}

export function requestHash(actor: Actor, request: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify([actor.id, request]))
    .digest('hex');
}

/**
 * The one start path of every procedure: the case index row first, then the
 * workflow whose id is the case id. The same Idempotency-Key and body return
 * the same case; a failed start leaves nothing behind.
 */
const tooBusy = () =>
  new DomainError('unavailable', 'TOO_BUSY', {
    zh: '同时提交的申请过多，请稍后重试（未创建任何案件）',
    en: 'Too many cases are being started at once; try again shortly (nothing was created)',
  });

@Injectable()
export class CaseStarter {
  private readonly logger = new Logger(CaseStarter.name);

  constructor(
    private readonly cases: CaseRecordRepository,
    private readonly engine: CaseEngine,
    private readonly contexts: CaseContextLoader,
    private readonly clock: Clock,
    private readonly metrics: CaseMetrics,
    private readonly firstSteps: FirstStepPlanner,
    config: AppConfig,
  ) {
    this.admission = new StartAdmission({
      limit: config.START_CONCURRENCY,
      floor: config.START_SATURATED_CONCURRENCY,
      targetMs: config.START_LATENCY_TARGET_MS,
      queueLimitMs: config.START_QUEUE_LIMIT_MS,
    });
  }

  private readonly admission: StartAdmission;
  private readonly existence = new ExistenceLookahead((caseId) => this.engine.exists(caseId));

  /**
   * Starts within the admission's limits; the next is shed with a 503 the caller retries. A replay (the same
   * Idempotency-Key) of a case past its first step is a read of its row, answered whatever the load.
   */
  async start<D>(procedure: ProcedureDefinition<D>, request: D, options: StartOptions): Promise<StartedCase> {
    const { actor, idempotencyKey } = options;
    // Its turn has come: what follows (its own reads included) is the start's work, not a wait behind other requests.
    const turnAt = performance.now();
    if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY_PATTERN.test(idempotencyKey)) throw badIdempotencyKey();
    const hash = requestHash(actor, request);
    const existing = await this.findByKey(actor, idempotencyKey, hash);
    const answered = existing && statusOnRow(existing);
    if (answered) return { created: false, status: answered };
    const ticket = this.admission.admit(turnAt, options.arrivedAt);
    if (ticket === null) throw tooBusy();
    try {
      if (existing) return { created: false, status: await this.resume(existing, procedure, request, options) };
      return await this.startNew(procedure, request, options, hash);
    } finally {
      this.admission.finished(ticket, performance.now());
    }
  }

  private async startNew<D>(
    procedure: ProcedureDefinition<D>,
    request: D,
    options: StartOptions,
    hash: string,
  ): Promise<StartedCase> {
    const { actor, idempotencyKey } = options;

    const caseId = procedure.caseId(randomUUID());
    const receivedAt = this.clock.now();
    const plan = await procedure.plan({ caseId, receivedAt, applicant: actor }, request, this.contexts);
    // Planned while the case row is written; it never rejects (without a plan, the workflow asks the calendar).
    const input = this.firstSteps.inputOf(plan);
    let record: CaseRecord;
    try {
      record = await this.cases.register({
        id: caseId,
        procedure: procedure.procedure,
        pack: plan.pack,
        applicantId: actor.id,
        applicantDepartment: actor.department,
        participantDepartments: plan.departments,
        resourceId: plan.resourceId,
        idempotencyKey: idempotencyKey ?? null,
        requestHash: hash,
        receivedAt,
        startInput: { workflowType: procedure.workflowType, input: plan.input },
      });
    } catch (error) {
      // Another request with the same key won the race: answer with its case.
      if (error instanceof UniqueConstraintViolationException && idempotencyKey) {
        const winner = await this.findByKey(actor, idempotencyKey, hash);
        if (winner) return { created: false, status: await this.resume(winner, procedure, request, options) };
      }
      throw error;
    }
    const status = await this.startWorkflow(record, procedure, await input, options);
    const pending = status.state === 'received';
    this.metrics.caseStarted(procedure.procedure, plan.pack, pending ? 202 : 201);
    return { created: true, pending, status };
  }

  private async findByKey(actor: Actor, key: string | undefined, hash: string): Promise<CaseRecord | null> {
    if (!key) return null;
    const record = await this.cases.findByKey(actor.id, key);
    if (record && record.requestHash !== hash) throw idempotencyKeyReused();
    return record;
  }

  /**
   * Starts the workflow and, unless the caller prefers an early answer, waits
   * for its status at its first step. If the worker does not get there in
   * time, the case is accepted all the same and shown as received.
   */
  private async startWorkflow<D>(
    record: CaseRecord,
    procedure: ProcedureDefinition<D>,
    input: CaseWorkflowInput,
    options: StartOptions,
  ): Promise<CaseStatus> {
    const start = {
      caseId: record.id,
      workflowType: procedure.workflowType,
      input,
      searchAttributes: caseSearchAttributes(record),
    };
    // Update-with-start answers once the first step is reached, start and all; when the answer is due before that,
    // the case is answered as received (202).
    let attempt: StartAttempt;
    let inTime = true;
    try {
      attempt = this.engine.startCase(start, !options.respondAsync);
      if (attempt.firstStep) inTime = await this.startConfirmed(attempt.started, record.id, options);
      else await attempt.started;
    } catch (error) {
      // The call failed, but the engine may have started the workflow all the same (the update timed out, the reply
      // was lost): then the case is received, as a start answered early is, and a retry finds it by its key. So is
      // a case the engine could not say anything about: the unstarted-case sweeper starts it if the engine lacks it.
      if ((await this.engine.existence(record.id)) !== 'absent') return receivedStatus(record, options.actor);
      await this.cases.remove(record.id);
      throw error;
    }
    if (!attempt.firstStep || !inTime) return receivedStatus(record, options.actor);
    const firstStep = attempt.firstStep.catch((error: unknown) => {
      this.logger.warn(
        { caseId: record.id, err: error },
        'the first step was not answered; the case is answered as received',
      );
      return null;
    });
    return (await this.withinSettleTime(firstStep, options)) ?? receivedStatus(record, options.actor);
  }

  /**
   * Update-with-start confirms the start only together with the first step: true then. When the answer is due
   * before that, the engine is asked whether the workflow exists (false: started, to be answered as received):
   * ahead of the target time, for a start not confirmed by then, so that the question's round trip under load does
   * not make the answer late.
   */
  private async startConfirmed(started: Promise<void>, caseId: string, options: StartOptions): Promise<boolean> {
    const answerTime = this.answerTime(options);
    const existence = this.existence.ahead(caseId, answerTime.targetAt);
    try {
      if ((await Promise.race([started.then(() => true), answerTime.due])) === true) return true;
    } finally {
      answerTime.cancel();
      existence.cancel();
    }
    if (!(await existence.result())) await started;
    return false;
  }

  /** The case's status at its first waiting point, when it gets there; failures are the caller's to see or not. */
  private settledStatus(caseId: string): Promise<CaseStatus> {
    const settled = this.engine.settledStatus(caseId);
    settled.catch(() => undefined);
    return settled;
  }

  /** The first step's status, or null when it is not there by the time the start is to be answered. */
  private async withinSettleTime(
    settled: Promise<CaseStatus | null>,
    options: StartOptions,
  ): Promise<CaseStatus | null> {
    const answerTime = this.answerTime(options);
    try {
      return await Promise.race([settled, answerTime.due]);
    } finally {
      answerTime.cancel();
    }
  }

  /**
   * Resolves (null) when a start still without its first step is to be answered: SETTLE_TIMEOUT_MS after its
   * request arrived, or from its target time on (`targetAt`; none without a target), once the system is busy (checked
   * then and every SATURATION_CHECK_MS after), which also cuts short the starts taken on at the head of a burst,
   * before the saturation was seen.
   */
  private answerTime({ arrivedAt }: StartOptions): {
    due: Promise<null>;
    targetAt: number | undefined;
    cancel(): void;
  } {
    let deadline: NodeJS.Timeout | undefined;
    let check: NodeJS.Timeout | undefined;
    const targetAt = this.admission.targetMs > 0 ? arrivedAt + this.admission.targetMs : undefined;
    const due = new Promise<null>((resolve) => {
      const msUntil = (time: number) => Math.max(0, time - performance.now());
      const checkBusy = () => {
        if (this.admission.answerWithoutFirstStep(performance.now(), arrivedAt)) resolve(null);
        else check = setTimeout(checkBusy, SATURATION_CHECK_MS);
      };
      deadline = setTimeout(() => resolve(null), msUntil(arrivedAt + SETTLE_TIMEOUT_MS));
      if (targetAt !== undefined) check = setTimeout(checkBusy, msUntil(targetAt));
    });
    return {
      due,
      targetAt,
      cancel() {
        clearTimeout(deadline);
        clearTimeout(check);
      },
    };
  }

  /**
   * A repeated start answers from the case row (the status the workflow last
   * wrote there), without touching the workflow. Only a case that has not
   * reached its first step is asked: an earlier attempt may have died between
   * writing the row and starting the workflow (start it now, with the original
   * receipt time), or the workflow is still on its way to the first step.
   */
  private async resume<D>(
    record: CaseRecord,
    procedure: ProcedureDefinition<D>,
    request: D,
    options: StartOptions,
  ): Promise<CaseStatus> {
    const answered = statusOnRow(record);
    if (answered) return answered;
    if (!(await this.engine.exists(record.id))) {
      this.logger.warn({ caseId: record.id }, 'resuming a case whose workflow was never started');
      const newCase = { caseId: record.id, receivedAt: record.receivedAt, applicant: options.actor };
      const plan = await procedure.plan(newCase, request, this.contexts);
      return this.startWorkflow(record, procedure, await this.firstSteps.inputOf(plan), options);
    }
    return (
      (await this.withinSettleTime(this.settledStatus(record.id), options)) ?? receivedStatus(record, options.actor)
    );
  }
}
