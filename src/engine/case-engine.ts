import { Inject, Injectable } from '@nestjs/common';
import {
  Client,
  ScheduleAlreadyRunning,
  ScheduleOverlapPolicy,
  WithStartWorkflowOperation,
  type ScheduleOptions,
} from '@temporalio/client';
import {
  WorkflowNotFoundError,
  type Payload,
  type PayloadCodec,
  type SignalDefinition,
  type UpdateDefinition,
} from '@temporalio/common';
import { historyFromJSON, historyToJSON } from '@temporalio/common/lib/proto-utils.js';
import { msToTs } from '@temporalio/common/lib/time.js';
import type { temporal } from '@temporalio/proto';
import { caseStatusQuery, settledStatusUpdate } from '../../workflows/contracts/case-messages.js';
import type { CaseStatus } from '../../workflows/contracts/case-status.js';
import type { SearchAttributeName } from '../../workflows/contracts/search-attributes.js';
import { settleWithin } from '../common/settle-within.js';
import { AppConfig } from '../config/app-config.js';
import { payloadCodecOf } from './data-converter.js';
import { engineUnavailable, fromEngineError } from './engine-errors.js';
import { decodePayloadsIn } from './payload-walk.js';

export interface CaseWorkflowStart {
  caseId: string;
  workflowType: string;
  input: unknown;
  searchAttributes: Partial<Record<SearchAttributeName, string[]>>;
}

export interface WorkflowStart {
  workflowId: string;
  workflowType: string;
  args: unknown[];
}

/** A closed workflow as the engine's visibility store lists it. */
export interface ClosedWorkflow {
  workflowId: string;
  runId: string;
  workflowType: string;
  closedAt: Date;
}

export interface ScheduleSummary {
  scheduleId: string;
  nextActionTimes: string[];
  recentActions: Array<{ at: string; workflowId: string }>;
  paused: boolean;
}

/** The part of a request's time an engine call made for it may take (the rest answers it). */
const ENGINE_SHARE_OF_REQUEST_TIME = 0.8;

/** Runs one call to the engine; whatever it fails with leaves as a domain error. */
async function engineCall<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw fromEngineError(error);
  }
}

/** A start sent to the engine: its confirmation and, when asked for, the status at the first step. */
export interface StartAttempt {
  started: Promise<void>;
  firstStep?: Promise<CaseStatus>;
}

/**
 * The one gateway to Temporal: every start, update, query, history read and
 * schedule call of the API goes through here, and engine failures are
 * translated into domain errors here and nowhere else.
 */
@Injectable()
export class CaseEngine {
  private readonly codec?: PayloadCodec;

  constructor(
    @Inject(Client) private readonly client: Client,
    private readonly config: AppConfig,
  ) {
    this.codec = payloadCodecOf(config);
  }

  private get taskQueue(): string {
    return this.config.TEMPORAL_TASK_QUEUE;
  }

  /**
   * Runs a call made for a request with a gRPC deadline a little inside the request's time (REQUEST_TIMEOUT_MS):
   * an engine that does not answer fails the call, and the request's own path answers (503, or a start as received)
   * before the request limit does; a call given up is not sent again later by the client's retries.
   */
  private forRequest<T>(work: () => Promise<T>): Promise<T> {
    return engineCall(() => this.withinRequestBudget(work));
  }

  private withinRequestBudget<T>(work: () => Promise<T>): Promise<T> {
    const limitMs = this.config.REQUEST_TIMEOUT_MS;
    if (limitMs <= 0) return work();
    const budgetMs = Math.max(1000, Math.round(limitMs * ENGINE_SHARE_OF_REQUEST_TIME));
    const call = this.client.withDeadline(Date.now() + budgetMs, work);
    // The client's retries of a refused connection sleep between attempts (up to 5 s), and only the next attempt
    // finds the deadline passed, sending nothing more: the answer does not wait for that attempt.
    return settleWithin(call, budgetMs, engineUnavailable);
  }

  /**
   * Starts a case workflow (its id is the case id). With `awaitFirstStep` it
   * also asks, in the same call, for the status once the case first waits for
   * people (update-with-start). `started` settles when the engine confirms the
   * start: with update-with-start only together with `firstStep`. A repeated
   * start of the same case attaches to it (USE_EXISTING).
   */
  startCase(start: CaseWorkflowStart, awaitFirstStep: boolean): StartAttempt {
    const operation = new WithStartWorkflowOperation(start.workflowType, {
      workflowId: start.caseId,
      taskQueue: this.taskQueue,
      args: [start.input],
      workflowIdConflictPolicy: 'USE_EXISTING',
      searchAttributes: start.searchAttributes,
    });
    if (!awaitFirstStep) {
      return {
        started: this.forRequest(() => this.client.workflow.start(start.workflowType, operation.options)).then(
          () => {},
        ),
      };
    }
    const settled = this.forRequest(() =>
      this.client.workflow.executeUpdateWithStart(settledStatusUpdate, { startWorkflowOperation: operation }),
    );
    const firstStep = settled.catch((error: unknown) => Promise.reject(fromEngineError(error)));
    firstStep.catch(() => undefined);
    const started = engineCall(() => operation.workflowHandle()).then(() => {});
    // Its caller may answer without it once the engine says the workflow exists.
    started.catch(() => undefined);
    return { started, firstStep };
  }

  /** The status of an existing case as a start answers it: at its first waiting point, or its result once closed. */
  settledStatus(caseId: string): Promise<CaseStatus> {
    const handle = this.client.workflow.getHandle<(input: unknown) => Promise<CaseStatus>>(caseId);
    return this.forRequest(() =>
      handle.executeUpdate(settledStatusUpdate).catch(async (error: unknown) => {
        if ((await handle.describe()).status.name === 'COMPLETED') return handle.result();
        throw error;
      }),
    );
  }

  /** Whether the engine holds a workflow with this id (a start that died half-way left none); false when unsure. */
  async exists(workflowId: string): Promise<boolean> {
    return (await this.existence(workflowId)) === 'present';
  }

  /** Whether the engine holds a workflow with this id, or 'unknown' when it did not say (out of reach). */
  async existence(workflowId: string): Promise<'present' | 'absent' | 'unknown'> {
    try {
      await this.withinRequestBudget(() => this.client.workflow.getHandle(workflowId).describe());
      return 'present';
    } catch (error) {
      return error instanceof WorkflowNotFoundError ? 'absent' : 'unknown';
    }
  }

  /**
   * Sends a message to a case and returns the status it answers with. The engine runs an update once per
   * `updateId`: sent again with the same id, it answers with the first one's outcome.
   */
  update<A>(
    caseId: string,
    update: UpdateDefinition<CaseStatus, [A]>,
    args: A,
    updateId?: string,
  ): Promise<CaseStatus> {
    return this.forRequest(() =>
      this.client.workflow.getHandle(caseId).executeUpdate(update, { args: [args], ...(updateId ? { updateId } : {}) }),
    );
  }

  /** Tells a case something that needs no answer. */
  signal<A>(caseId: string, signal: SignalDefinition<[A]>, args: A): Promise<void> {
    return this.forRequest(() => this.client.workflow.getHandle(caseId).signal(signal, args));
  }

  /** The case's live status, from the workflow; within `withinMs` when given (else unavailable). */
  status(caseId: string, withinMs?: number): Promise<CaseStatus> {
    const query = () => this.client.workflow.getHandle(caseId).query(caseStatusQuery);
    return withinMs ? engineCall(() => this.client.withDeadline(Date.now() + withinMs, query)) : this.forRequest(query);
  }

  /** The case's history as the engine stores it (payloads encrypted where keys are configured). */
  history(caseId: string): Promise<temporal.api.history.v1.IHistory> {
    return this.forRequest(() => this.client.workflow.getHandle(caseId).fetchHistory());
  }

  /** The case's history with its payloads decrypted, for reading (the auditor's timeline). */
  async readableHistory(caseId: string): Promise<temporal.api.history.v1.IHistory> {
    const history = await this.history(caseId);
    return this.codec ? decodePayloadsIn(history, this.codec) : history;
  }

  /** A history in Temporal's JSON (from the audit archive) with its payloads decrypted, for reading. */
  readableHistoryOf(json: string): Promise<temporal.api.history.v1.IHistory> {
    const history = historyFromJSON(JSON.parse(json));
    return this.codec ? decodePayloadsIn(history, this.codec) : Promise.resolve(history);
  }

  /** One run's history in Temporal's own JSON, payloads as stored: what the audit archive keeps. */
  rawHistory(workflowId: string, runId: string): Promise<string> {
    return engineCall(async () =>
      historyToJSON(await this.client.workflow.getHandle(workflowId, runId).fetchHistory()),
    );
  }

  /** Workflows of this task queue that closed at or after `since`, from the engine's visibility store. */
  async closedSince(since: Date): Promise<ClosedWorkflow[]> {
    const query =
      `TaskQueue = '${this.taskQueue.replaceAll("'", '')}' AND ExecutionStatus != 'Running' ` +
      `AND CloseTime >= '${since.toISOString()}'`;
    return engineCall(async () => {
      const closed: ClosedWorkflow[] = [];
      for await (const wf of this.client.workflow.list({ query })) {
        if (wf.closeTime)
          closed.push({ workflowId: wf.workflowId, runId: wf.runId, workflowType: wf.type, closedAt: wf.closeTime });
      }
      return closed.sort((a, b) => a.closedAt.getTime() - b.closedAt.getTime());
    });
  }

  /** The latest run of a workflow if it has closed; undefined while it runs or once the engine no longer has it. */
  async closedRun(workflowId: string): Promise<ClosedWorkflow | undefined> {
    try {
      const d = await this.client.workflow.getHandle(workflowId).describe();
      if (!d.closeTime) return undefined;
      return { workflowId, runId: d.runId, workflowType: d.type, closedAt: d.closeTime };
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return undefined;
      throw fromEngineError(error);
    }
  }

  /** Sets how long the engine keeps closed workflows in this namespace, unless it already does. */
  async ensureRetention(days: number): Promise<boolean> {
    const namespace = this.config.TEMPORAL_NAMESPACE;
    const seconds = days * 86_400;
    const described = await this.client.workflowService.describeNamespace({ namespace });
    if (Number(described.config?.workflowExecutionRetentionTtl?.seconds ?? 0) === seconds) return false;
    await this.client.workflowService.updateNamespace({
      namespace,
      config: { workflowExecutionRetentionTtl: msToTs(`${days} days`) },
    });
    return true;
  }

  /** Decrypts payloads for a reader with the right to see them (the codec endpoint). */
  decodePayloads(payloads: Payload[]): Promise<Payload[]> {
    return this.codec ? this.codec.decode(payloads) : Promise.resolve(payloads);
  }

  /** Starts a workflow that is not a case (a recompute); a second start of the same id attaches to the first. */
  async startWorkflow(start: WorkflowStart): Promise<void> {
    await engineCall(() =>
      this.client.workflow.start(start.workflowType, {
        workflowId: start.workflowId,
        taskQueue: this.taskQueue,
        args: start.args,
        workflowIdConflictPolicy: 'USE_EXISTING',
      }),
    );
  }

  /** Runs a short workflow to its end and returns its result. */
  execute<R>(start: WorkflowStart & { timeout: string }): Promise<R> {
    return engineCall(
      () =>
        this.client.workflow.execute(start.workflowType, {
          workflowId: start.workflowId,
          taskQueue: this.taskQueue,
          args: start.args,
          workflowExecutionTimeout: start.timeout,
        }) as Promise<R>,
    );
  }

  /** Creates a schedule unless one with its id exists; failures are left raw for the caller's retry loop. */
  async ensureSchedule(options: ScheduleOptions): Promise<boolean> {
    try {
      await this.client.schedule.create(options);
      return true;
    } catch (error) {
      if (error instanceof ScheduleAlreadyRunning) return false;
      throw error;
    }
  }

  triggerSchedule(scheduleId: string): Promise<void> {
    return engineCall(() => this.client.schedule.getHandle(scheduleId).trigger(ScheduleOverlapPolicy.ALLOW_ALL));
  }

  describeSchedule(scheduleId: string): Promise<ScheduleSummary> {
    return engineCall(async () => {
      const d = await this.client.schedule.getHandle(scheduleId).describe();
      return {
        scheduleId: d.scheduleId,
        nextActionTimes: d.info.nextActionTimes.map((t) => t.toISOString()),
        recentActions: d.info.recentActions.map((a) => ({
          at: a.takenAt.toISOString(),
          workflowId: a.action.workflow.workflowId,
        })),
        paused: d.state.paused,
      };
    });
  }

  /** Answers when the engine's frontend does; for the health check. */
  async ping(): Promise<void> {
    await this.client.workflowService.getSystemInfo({});
  }
}
