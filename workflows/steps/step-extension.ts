import type { DecideArgs, RequestExtensionArgs } from '../contracts/case-messages.js';
import type { StepDue } from '../contracts/case-status.js';
import type { Text } from '../contracts/citation.js';
import { extensionTaskId } from '../contracts/inbox.js';
import { activities } from './activities-proxy.js';
import { reject, rejectDecided } from './rejection.js';
import type { StepCore } from './step-core.js';
import { checkAgainst, EXTENSION_DECISIONS } from './step-decisions.js';
import { workflowNow } from './workflow-time.js';

/** Working days the due date is counted over, from `from`. */
export const countedDays = (due: StepDue) => due.counted ?? due.workingDays;

/**
 * A step's extension, where its pack provides one: asked for before the
 * deadline with a reason, once; approved (at most the legal maximum) or
 * refused by the approver the pack names, on a task of its own.
 */
export class StepExtension {
  constructor(private readonly step: StepCore) {}

  private get past(): boolean {
    return this.step.status.overdue || Date.parse(this.step.status.due.dueAt) <= workflowNow().getTime();
  }

  validateRequest(args: RequestExtensionArgs): void {
    const { rule, status } = this.step;
    const extension = rule.extension;
    if (!extension) {
      reject('notAllowed', 'EXTENSION_NOT_PROVIDED', {
        zh: `${rule.deadline.citation.pack} 对该步骤未规定延长期限`,
        en: `${rule.deadline.citation.pack} provides no extension for this step`,
      });
    }
    if (!this.step.isOpen) rejectDecided();
    this.step.checkActor(args.actor, rule.actorRole, status.actorDepartment);
    if (status.extension) {
      reject('notAllowed', 'EXTENSION_ALREADY_REQUESTED', {
        zh: '每个步骤只能申请一次延期',
        en: 'Only one extension may be requested per step',
      });
    }
    if (this.past) {
      reject('notAllowed', 'EXTENSION_TOO_LATE', {
        zh: '期限已届满，不能再申请延期',
        en: 'The deadline has passed; an extension can no longer be requested',
      });
    }
    checkDays(args.workingDays, extension.maxWorkingDays);
    if (!args.reason?.trim())
      reject('invalid', 'EXTENSION_REASON_REQUIRED', {
        zh: '申请延期须说明理由',
        en: 'An extension request needs a reason',
      });
  }

  async applyRequest(args: RequestExtensionArgs): Promise<void> {
    const { rule, status, ctx } = this.step;
    const extension = rule.extension!;
    const approvalTaskId = extensionTaskId(this.step.taskId);
    const approverDepartment = ctx.departmentOf(extension.approverDepartment);
    status.extension = {
      state: 'requested',
      requestedBy: args.actor,
      requestedAt: workflowNow().toISOString(),
      requestedWorkingDays: args.workingDays,
      reason: args.reason.trim(),
      approvalTaskId,
      maxWorkingDays: extension.maxWorkingDays,
      citation: extension.citation,
    };
    const title: Text = { zh: `审批延期申请：${rule.title.zh}`, en: `Approve extension: ${rule.title.en}` };
    await activities.openTask({
      ...this.step.task(approvalTaskId, 'extension-approval', title, extension.approverRole, approverDepartment),
      citation: extension.citation,
      decisionSchema: EXTENSION_DECISIONS,
    });
    ctx.registerTask({
      id: approvalTaskId,
      kind: 'extension-approval',
      validate: (decision) => this.validateDecision(decision),
      apply: (decision) => this.applyDecision(decision),
    });
  }

  private validateDecision(args: DecideArgs): void {
    const { status, rule, ctx } = this.step;
    const extension = status.extension;
    if (extension?.state !== 'requested') {
      reject('conflict', 'EXTENSION_NOT_PENDING', {
        zh: '该延期申请已处理',
        en: 'This extension request has already been handled',
      });
    }
    const extensionRule = rule.extension!;
    this.step.checkActor(args.actor, extensionRule.approverRole, ctx.departmentOf(extensionRule.approverDepartment));
    checkAgainst(EXTENSION_DECISIONS, args);
    if (args.decision !== 'approve') return;
    if (this.past) {
      reject('notAllowed', 'EXTENSION_TOO_LATE', {
        zh: '原期限已届满，不能再批准延期',
        en: 'The original deadline has passed; the extension can no longer be approved',
      });
    }
    checkDays(args.workingDays ?? extension.requestedWorkingDays, extensionRule.maxWorkingDays);
    if ((args.workingDays ?? 0) > extension.requestedWorkingDays) {
      reject('notAllowed', 'EXTENSION_BEYOND_REQUEST', {
        zh: `批准的延长期限不能超过申请的${extension.requestedWorkingDays}个工作日`,
        en: `The approval cannot grant more than the ${extension.requestedWorkingDays} working days requested`,
      });
    }
  }

  private async applyDecision(args: DecideArgs): Promise<void> {
    const { status } = this.step;
    const extension = status.extension!;
    const now = workflowNow().toISOString();
    extension.state = args.decision === 'approve' ? 'approved' : 'refused';
    extension.decidedBy = args.actor;
    extension.decidedAt = now;
    extension.decisionReasons = args.reasons?.trim();
    await activities.completeTask({
      taskId: extension.approvalTaskId,
      actorId: args.actor.id,
      decision: args.decision,
      completedAt: now,
    });
    if (args.decision !== 'approve') return;
    const days = args.workingDays ?? extension.requestedWorkingDays;
    extension.approvedWorkingDays = days;
    extension.originalDue = status.due;
    const current = status.due;
    const extended = await activities.extendDueDate({ due: current, workingDays: days });
    await this.step.moveDue(extended, {
      from: current.from,
      workingDays: current.workingDays + days,
      counted: countedDays(current) + days,
    });
  }

  /** A request still waiting when the step is decided or breaches lapses; its approval task is cancelled. */
  async lapse(at: string): Promise<void> {
    const approvalTaskId = this.markLapsed();
    if (approvalTaskId) await activities.cancelTask({ taskId: approvalTaskId, at });
  }

  /** Marks a pending request lapsed; returns its approval task, which the caller cancels. */
  markLapsed(): string | undefined {
    const extension = this.step.status.extension;
    if (extension?.state !== 'requested') return undefined;
    extension.state = 'lapsed';
    return extension.approvalTaskId;
  }
}

function checkDays(days: number, max: number): void {
  if (!Number.isInteger(days) || days < 1 || days > max) {
    reject('notAllowed', 'EXTENSION_TOO_LONG', {
      zh: `延长期限须为1至${max}个工作日`,
      en: `An extension must be between 1 and ${max} working days`,
    });
  }
}
