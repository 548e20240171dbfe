import { condition, Trigger, type ApplicationFailure } from '@temporalio/workflow';
import type { DecideArgs } from '../contracts/case-messages.js';
import type { CaseStatus, StepStatus } from '../contracts/case-status.js';
import type { Text } from '../contracts/citation.js';
import { plainDecisions } from '../contracts/decisions.js';
import type { InboxTaskInput } from '../contracts/inbox.js';
import { OPERATIONS_DEPARTMENT, PERMANENT_FAILURE_TYPE, type IncidentStatus } from '../contracts/incident.js';
import { incidentActivities, type IncidentHandler, type IncidentRetry } from './activities-proxy.js';
import type { CaseTask } from './case-task.js';
import { checkAgainst } from './step-decisions.js';
import { reject } from './rejection.js';
import { shanghaiDay, workflowNow } from './workflow-time.js';

export const INCIDENT_STATE: { id: string; text: Text } = {
  id: 'incident',
  text: {
    zh: '系统处理异常，已通知运维人员处理',
    en: 'Held by a platform incident; an operator has been asked to act',
  },
};

const RETRY_DECISIONS = plainDecisions('retry');
const MAX_MESSAGE = 500;

/** What the incidents need of the case they belong to. */
export interface IncidentHost {
  readonly status: CaseStatus;
  /** The step whose deadline the incident endangers: the open one, else the last. */
  currentStep(): StepStatus | undefined;
  registerTask(task: CaseTask): void;
  markIdle(): void;
  /** Shows a state (and records it), bypassing the incident hold. */
  showState(state: { id: string; text: Text }): Promise<void>;
  /** Shows the state in the engine's visibility store too. */
  indexState(): void;
}

/** Error texts go to the status, the inbox and PostgreSQL: one line, no control characters, bounded. */
function plainMessage(message: string): string {
  const line = message.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
  return line.length > MAX_MESSAGE ? `${line.slice(0, MAX_MESSAGE - 1)}…` : line;
}

/**
 * A case's incidents: each permanent failure of an activity holds the case in
 * state `incident`, opens a task in the operators' inbox, and waits until an
 * operator (after fixing the cause) decides `retry` on it. The case's own state
 * comes back when no incident is left open.
 */
export class CaseIncidents implements IncidentHandler {
  /** The state to show again once every incident is settled; set while the case is held. */
  private held?: { id: string; text: Text };
  /** Incidents whose record and task are written. */
  private recorded = 0;

  constructor(private readonly host: IncidentHost) {}

  get holding(): boolean {
    return this.held !== undefined;
  }

  /** A state the case reached while held: shown once the hold ends. */
  deferState(state: { id: string; text: Text }): void {
    this.held = state;
  }

  /** The operators' open tasks, for the case's `waitingFor`. */
  waiting(): CaseStatus['waitingFor'] {
    return this.list()
      .filter((i) => i.state === 'open')
      .map((i) => ({
        taskId: i.taskId,
        kind: 'incident',
        role: 'admin',
        department: OPERATIONS_DEPARTMENT,
        dueAt: this.dueOf().dueAt,
      }));
  }

  async raise(activity: string, failure: ApplicationFailure): Promise<IncidentRetry> {
    const { status } = this.host;
    const number = this.list().length + 1;
    const incidentId = `${status.caseId}.incident-${number}`;
    const incident: IncidentStatus = {
      incidentId,
      taskId: incidentId,
      state: 'open',
      stepId: this.host.currentStep()?.stepId ?? null,
      activity,
      error: { type: failure.type ?? PERMANENT_FAILURE_TYPE, message: plainMessage(failure.message) },
      openedAt: workflowNow().toISOString(),
    };
    (status.incidents ??= []).push(incident);
    this.held ??= { id: status.state, text: status.stateText };
    status.state = INCIDENT_STATE.id;
    status.stateText = INCIDENT_STATE.text;
    this.host.indexState();

    const retried = new Trigger<void>();
    this.host.registerTask(this.task(incident, number, retried));
    await incidentActivities.openIncident({
      incident,
      caseId: status.caseId,
      procedure: status.procedure,
      pack: status.pack,
      stateText: INCIDENT_STATE.text,
      incidents: this.list(),
      task: this.inboxTask(incident),
    });
    this.recorded = number;
    this.host.markIdle();
    await retried;
    return { settle: (outcome) => this.settle(incident, outcome) };
  }

  private list(): IncidentStatus[] {
    return this.host.status.incidents ?? [];
  }

  private task(incident: IncidentStatus, number: number, retried: Trigger<void>): CaseTask {
    return {
      id: incident.taskId,
      kind: 'incident',
      validate: (args: DecideArgs) => {
        if (args.actor.role !== 'admin' || args.actor.department !== OPERATIONS_DEPARTMENT)
          reject('forbidden', 'NOT_YOUR_TASK', {
            zh: '运行异常由平台运维人员处理',
            en: 'Incidents are handled by platform operators',
          });
        if (incident.state !== 'open')
          reject('conflict', 'INCIDENT_NOT_OPEN', {
            zh: '该运行异常已在重试或已处理',
            en: 'This incident is already being retried or settled',
          });
        checkAgainst(RETRY_DECISIONS, args);
      },
      // Answers once the retried call went through, or failed again and its new incident is recorded.
      apply: async (args: DecideArgs) => {
        const at = workflowNow().toISOString();
        Object.assign(incident, { state: 'retrying', retriedBy: args.actor.id, retriedAt: at });
        await incidentActivities.completeTask({
          taskId: incident.taskId,
          actorId: args.actor.id,
          decision: 'retry',
          completedAt: at,
        });
        await incidentActivities.settleIncident({
          incidentId: incident.incidentId,
          caseId: this.host.status.caseId,
          state: 'retrying',
          at,
          retriedBy: args.actor.id,
          incidents: this.list(),
        });
        retried.resolve();
        await condition(
          () => incident.state === 'resolved' || (incident.state === 'failed-again' && this.recorded > number),
        );
      },
    };
  }

  private async settle(incident: IncidentStatus, outcome: 'resolved' | 'failed-again'): Promise<void> {
    incident.state = outcome;
    incident.settledAt = workflowNow().toISOString();
    await incidentActivities.settleIncident({
      incidentId: incident.incidentId,
      caseId: this.host.status.caseId,
      state: outcome,
      at: incident.settledAt,
      incidents: this.list(),
    });
    const stillHeld = this.list().some((i) => i.state === 'open' || i.state === 'retrying');
    if (outcome === 'resolved' && !stillHeld && this.held) {
      const state = this.held;
      this.held = undefined;
      await this.host.showState(state);
    }
  }

  /** The deadline the incident endangers, so the operator's task sorts with the case's own. */
  private dueOf(): Pick<InboxTaskInput, 'dueAt' | 'dueDate' | 'dueBasis' | 'citation' | 'provisional'> {
    const step = this.host.currentStep();
    if (step) {
      const { due } = step;
      return {
        dueAt: due.dueAt,
        dueDate: due.dueDate,
        dueBasis: due.basis,
        citation: due.citation,
        provisional: due.provisional,
      };
    }
    const now = workflowNow().toISOString();
    return {
      dueAt: now,
      dueDate: shanghaiDay(now),
      dueBasis: 'administrative',
      citation: { pack: this.host.status.pack, article: '—', summary: '平台运行异常，无法定期限；应尽快处理' },
      provisional: false,
    };
  }

  private inboxTask(incident: IncidentStatus): InboxTaskInput {
    const { status } = this.host;
    return {
      id: incident.taskId,
      caseId: status.caseId,
      procedure: status.procedure,
      pack: status.pack,
      stepId: incident.stepId ?? 'incident',
      kind: 'incident',
      title: {
        zh: `运行异常：${incident.activity} 失败，请排除原因后重试`,
        en: `Incident: ${incident.activity} failed; fix the cause, then retry`,
      },
      role: 'admin',
      department: OPERATIONS_DEPARTMENT,
      ...this.dueOf(),
      createdAt: incident.openedAt,
      decisionSchema: RETRY_DECISIONS,
    };
  }
}
