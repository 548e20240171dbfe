import { patchedBefore202612 } from './run-patches.js';
import type { DecideArgs } from '../contracts/case-messages.js';
import type { Text } from '../contracts/citation.js';
import { escalationTaskId, type InboxTaskInput } from '../contracts/inbox.js';
import { activities } from './activities-proxy.js';
import { reject } from './rejection.js';
import { deadlineRecord, type StepCore } from './step-core.js';
import { checkAgainst, ESCALATION_DECISIONS } from './step-decisions.js';
import type { StepExtension } from './step-extension.js';
import { workflowNow } from './workflow-time.js';

const ESCALATION_DAYS_KEY = 'escalation';
const NO_SELF_ESCALATION_PATCH = 'no-self-escalation';

/**
 * A step whose deadline passed: marked overdue, the breach recorded with its
 * article, and the authority given an escalation task to acknowledge; the
 * step itself keeps waiting (nothing is decided by default).
 */
export class StepBreach {
  private acknowledged = false;

  constructor(
    private readonly step: StepCore,
    private readonly extension: StepExtension,
  ) {}

  /** The authority's escalation task is open until it acknowledges the breach. */
  get escalationOpen(): boolean {
    return !!this.step.status.breach?.escalationTaskId && !this.acknowledged;
  }

  async record(): Promise<void> {
    const { status, ctx, rule, taskId } = this.step;
    const now = workflowNow().toISOString();
    const authority = ctx.departmentOf('authority');
    const citation = status.due.citation;
    // The authority's own step (a P3 review, its P7 report) has no one above it in the system: the breach is
    // recorded for the supervisor. Cases that breached such a step before this rule replay as they ran.
    const ownStep = status.actorDepartment === authority && patchedBefore202612(NO_SELF_ESCALATION_PATCH);
    const escalationId = ownStep ? undefined : escalationTaskId(taskId);
    const alsoUnder = rule.breachAlsoUnder ? [rule.breachAlsoUnder] : undefined;
    status.overdue = true;
    status.breach = { recordedAt: now, dueAt: status.due.dueAt, citation, alsoUnder, escalationTaskId: escalationId };
    if (escalationId) {
      ctx.registerTask({
        id: escalationId,
        kind: 'escalation',
        validate: (args) => this.validateAcknowledgement(args),
        apply: (args) => this.acknowledge(args),
      });
    }
    await this.extension.lapse(now);
    await activities.recordBreach({
      ...deadlineRecord(this.step, now),
      alsoUnder,
      escalation: escalationId ? await this.escalationTask(escalationId, now) : undefined,
    });
  }

  /** The case closed (撤销 / 终止) while the escalation waited: its task is cancelled. */
  async cancelEscalation(at: string): Promise<void> {
    if (!this.escalationOpen) return;
    this.acknowledged = true;
    await activities.cancelTask({ taskId: this.step.status.breach!.escalationTaskId!, at });
  }

  private validateAcknowledgement(args: DecideArgs): void {
    if (!this.escalationOpen)
      reject('conflict', 'TASK_ALREADY_DECIDED', {
        zh: '该督办任务已办结',
        en: 'This escalation has already been handled',
      });
    this.step.checkActor(args.actor, 'authority', this.step.ctx.departmentOf('authority'));
    checkAgainst(ESCALATION_DECISIONS, args);
  }

  private async acknowledge(args: DecideArgs): Promise<void> {
    this.acknowledged = true;
    const taskId = this.step.status.breach!.escalationTaskId!;
    await activities.completeTask({
      taskId,
      actorId: args.actor.id,
      decision: args.decision,
      completedAt: workflowNow().toISOString(),
    });
  }

  private async escalationTask(id: string, now: string): Promise<InboxTaskInput> {
    const { ctx, rule } = this.step;
    const due = await activities.computeDueDate({ receivedAt: now, workingDays: ctx.targetDays(ESCALATION_DAYS_KEY) });
    const title: Text = { zh: `超期督办：${rule.title.zh}`, en: `Overdue, supervise: ${rule.title.en}` };
    return {
      ...this.step.task(id, 'escalation', title, 'authority', ctx.departmentOf('authority')),
      decisionSchema: ESCALATION_DECISIONS,
      dueAt: due.dueAt,
      dueDate: due.dueDate,
      dueBasis: 'administrative',
      provisional: due.provisional,
    };
  }
}
