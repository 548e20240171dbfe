import type { DecideArgs, DelegateTaskArgs, TransferTaskArgs } from '../contracts/case-messages.js';
import type { DelegationRecord } from '../contracts/case-status.js';
import type { DecisionSchema } from '../contracts/decisions.js';
import { opinionTaskId } from '../contracts/inbox.js';
import { activities } from './activities-proxy.js';
import { reject, rejectDecided } from './rejection.js';
import type { StepCore } from './step-core.js';
import { checkAgainst } from './step-decisions.js';
import { workflowNow } from './workflow-time.js';

/** A colleague answers a 委派 with an opinion, written in `reasons`. */
export const OPINION_DECISIONS: DecisionSchema = {
  options: [
    {
      decision: 'opinion',
      details: [],
      reasons: {
        kind: 'invalid',
        code: 'OPINION_REQUIRED',
        text: { zh: '请在 reasons 中写明意见', en: 'Write the opinion in reasons' },
      },
    },
  ],
};

/** Roles a delegation may ask for an opinion. */
const OPINION_ROLES = new Set(['reviewer', 'principal', 'disclosure-head', 'authority', 'service-unit']);
const DELEGATING_ROLES = new Set(['principal', 'authority']);

/**
 * 转办 and 委派 of a step's task. A transfer hands the task to a colleague (the
 * deadline stays); a delegation asks a colleague for an opinion on a task of
 * their own, and the step is decided by the delegator once the opinion is back.
 */
export class StepHandOver {
  constructor(private readonly step: StepCore) {}

  private get openDelegation(): DelegationRecord | undefined {
    return this.step.status.delegations?.find((d) => d.state === 'open');
  }

  /** Who may act on the task now: the assignee of the last transfer, when there was one. */
  checkHolder(actorId: string): void {
    const assignee = this.step.status.assignee;
    if (assignee && assignee.id !== actorId) {
      reject('forbidden', 'TASK_ASSIGNED_TO_OTHER', {
        zh: `该任务已转办给 ${assignee.name ?? assignee.id}`,
        en: `This task was transferred to ${assignee.name ?? assignee.id}`,
      });
    }
  }

  /** A decision waits for an open delegation's opinion. */
  checkDecidable(): void {
    const open = this.openDelegation;
    if (open) {
      reject('conflict', 'DELEGATION_OPEN', {
        zh: `已委派 ${open.to.name ?? open.to.id} 提出意见，收到意见后才能决定`,
        en: `An opinion was asked of ${open.to.name ?? open.to.id}; decide once it is back`,
      });
    }
  }

  validateTransfer(args: TransferTaskArgs): void {
    const { rule, status } = this.step;
    this.checkStepOpen();
    const principal = args.actor.role === 'principal' && args.actor.department === status.actorDepartment;
    if (!principal) {
      this.step.checkActor(args.actor, rule.actorRole, status.actorDepartment);
      this.checkHolder(args.actor.id);
    }
    if (args.to.id === args.actor.id || args.to.id === status.assignee?.id) {
      reject('conflict', 'ALREADY_THE_ASSIGNEE', {
        zh: '该任务已由此人办理',
        en: 'The task is already with this person',
      });
    }
    this.checkDecidable();
    if (!args.reason?.trim())
      reject('invalid', 'REASON_REQUIRED', { zh: '转办须说明理由', en: 'A transfer needs a reason' });
  }

  async transfer(args: TransferTaskArgs): Promise<void> {
    const at = workflowNow().toISOString();
    const to = { id: args.to.id, ...(args.to.name ? { name: args.to.name } : {}) };
    const { status } = this.step;
    status.assignee = to;
    status.transfers = [...(status.transfers ?? []), { from: args.actor, to, reason: args.reason.trim(), at }];
    await activities.assignTask({ taskId: this.step.taskId, assignee: to.id, at });
  }

  validateDelegation(args: DelegateTaskArgs): void {
    const { rule, status } = this.step;
    this.checkStepOpen();
    this.step.checkActor(args.actor, rule.actorRole, status.actorDepartment);
    if (!DELEGATING_ROLES.has(args.actor.role)) {
      reject('forbidden', 'NOT_ALLOWED_TO_DELEGATE', {
        zh: '只有负责人或数据主管部门可以委派',
        en: 'Only a principal or the data authority may delegate',
      });
    }
    this.checkHolder(args.actor.id);
    this.checkDecidable();
    if (args.to.id === args.actor.id || !OPINION_ROLES.has(args.to.role)) {
      reject('invalid', 'DELEGATE_INVALID', {
        zh: '须委派给本部门的其他办理人员',
        en: 'Delegate to another member of staff of the department',
      });
    }
    if (!args.request?.trim())
      reject('invalid', 'REQUEST_REQUIRED', { zh: '委派须说明需要的意见', en: 'Say what opinion is asked for' });
  }

  async delegate(args: DelegateTaskArgs): Promise<void> {
    const { status, ctx } = this.step;
    const at = workflowNow().toISOString();
    const taskId = opinionTaskId(this.step.taskId, (status.delegations?.length ?? 0) + 1);
    const to = { id: args.to.id, role: args.to.role, ...(args.to.name ? { name: args.to.name } : {}) };
    const record: DelegationRecord = { taskId, by: args.actor, to, request: args.request.trim(), at, state: 'open' };
    status.delegations = [...(status.delegations ?? []), record];
    ctx.registerTask({
      id: taskId,
      kind: 'opinion',
      validate: (decision) => this.validateOpinion(record, decision),
      apply: (decision) => this.returnOpinion(record, decision),
    });
    const { rule } = this.step;
    await activities.openTask({
      ...this.step.task(
        taskId,
        'opinion',
        { zh: `委派意见：${rule.title.zh}`, en: `Opinion asked: ${rule.title.en}` },
        to.role,
        status.actorDepartment,
      ),
      decisionSchema: OPINION_DECISIONS,
      assignee: to.id,
    });
  }

  /** The case closed or the step ended while an opinion was asked: its task is cancelled. */
  async cancelOpen(at: string): Promise<void> {
    const open = this.openDelegation;
    if (!open) return;
    open.state = 'cancelled';
    await activities.cancelTask({ taskId: open.taskId, at });
  }

  /** The open opinion task, for who-must-act-now. */
  waiting(): DelegationRecord | undefined {
    return this.openDelegation;
  }

  private validateOpinion(record: DelegationRecord, args: DecideArgs): void {
    if (record.state !== 'open')
      reject('conflict', 'TASK_ALREADY_DECIDED', { zh: '该委派已结束', en: 'This delegation has ended' });
    if (args.actor.id !== record.to.id) {
      reject('forbidden', 'NOT_YOUR_TASK', {
        zh: `该意见由 ${record.to.name ?? record.to.id} 提出`,
        en: `This opinion is asked of ${record.to.name ?? record.to.id}`,
      });
    }
    checkAgainst(OPINION_DECISIONS, args);
  }

  private async returnOpinion(record: DelegationRecord, args: DecideArgs): Promise<void> {
    const at = workflowNow().toISOString();
    record.state = 'returned';
    record.opinion = args.reasons!.trim();
    record.returnedAt = at;
    await activities.completeTask({
      taskId: record.taskId,
      actorId: args.actor.id,
      decision: 'opinion',
      completedAt: at,
    });
  }

  private checkStepOpen(): void {
    if (!this.step.isOpen) rejectDecided();
  }
}
