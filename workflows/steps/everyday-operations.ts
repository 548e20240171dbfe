import type { UpdateDefinition } from '@temporalio/common';
import { setHandler } from '@temporalio/workflow';
import {
  commentUpdate,
  delegateTaskUpdate,
  taskReadSignal,
  terminateUpdate,
  transferTaskUpdate,
  urgeUpdate,
  withdrawUpdate,
  type CommentArgs,
  type StopCaseArgs,
} from '../contracts/case-messages.js';
import type { CaseStatus } from '../contracts/case-status.js';
import type { Text } from '../contracts/citation.js';
import type { StopKind } from './case-stop.js';
import { reject } from './rejection.js';
import type { StatutoryStep } from './statutory-step.js';
import { workflowNow } from './workflow-time.js';

/** What the everyday operations need of the case they run in. */
export interface EverydayHost {
  readonly status: CaseStatus;
  readonly authorityDepartment?: string;
  participantDepartments(): string[];
  openSteps(): StatutoryStep[];
  stopping(): { kind: StopKind } | undefined;
  onUpdate<A>(
    update: UpdateDefinition<CaseStatus, [A]>,
    handler: (args: A) => Promise<CaseStatus>,
    validator: (args: A) => void,
  ): void;
  /** The open step whose own task this is; rejects any other task. */
  stepTask(taskId: string): StatutoryStep;
  beginStop(kind: StopKind, args: StopCaseArgs): void;
  /** Resolves once the case waits again or has closed. */
  settle(): Promise<CaseStatus>;
  /** Writes the status to the case row if it changed. */
  afterChange(): Promise<void>;
}

const COMMENT_MAX_CHARS = 2000;
/**
 * Comments share the case's update budget with decisions: past this many a
 * case takes no more, so that talk can never use up what its decisions need.
 */
const MAX_COMMENTS = 200;
/** Roles that read a case but take no part in it. */
const ONLOOKERS = new Set(['auditor', 'supervisor', 'admin']);

/**
 * 撤销, 终止, 沟通, 催办, 转办, 委派 and 已阅: each an update (or, for a reading, a signal),
 * so the history keeps who did it, when and why; none moves a deadline.
 */
export function registerEverydayOperations(host: EverydayHost): void {
  const { status } = host;

  const stop = (kind: StopKind) => async (args: StopCaseArgs) => {
    host.beginStop(kind, args);
    for (const step of host.openSteps()) await step.stop(kind, args.actor, args.reason.trim());
    return host.settle();
  };
  const checkStoppable = (args: StopCaseArgs, notNow: Text) => {
    checkOpen(host);
    if (!args.reason?.trim()) reject('invalid', 'REASON_REQUIRED', { zh: '须说明理由', en: 'Give a reason' });
    if (!host.openSteps().length) reject('conflict', 'NOT_AWAITING_DECISION', notNow);
  };

  host.onUpdate(withdrawUpdate, stop('withdrawn'), (args) => {
    if (args.actor.role !== 'applicant' || args.actor.id !== status.applicant.id) {
      reject('forbidden', 'NOT_THE_APPLICANT', {
        zh: '只有申请人可以撤销申请',
        en: 'Only the applicant may withdraw the case',
      });
    }
    checkStoppable(args, {
      zh: '案件当前没有待作出的决定（已决定或正在转入下一环节），不能撤销',
      en: 'No decision is pending in this case (it was decided, or is moving to its next step); it cannot be withdrawn now',
    });
  });

  host.onUpdate(terminateUpdate, stop('terminated'), (args) => {
    const authority = host.authorityDepartment;
    if (args.actor.role !== 'authority' || (authority && args.actor.department !== authority)) {
      reject('forbidden', 'NOT_THE_AUTHORITY', {
        zh: `只有本案件的数据主管部门${authority ? `（${authority}）` : ''}可以终止办理`,
        en: `Only the case's data authority${authority ? ` (${authority})` : ''} may terminate it`,
      });
    }
    if (!args.basis?.trim())
      reject('invalid', 'BASIS_REQUIRED', {
        zh: '终止办理须写明依据（如重复立案、不属于本级管辖）',
        en: 'A termination names its basis (e.g. a duplicate case, a wrong jurisdiction)',
      });
    checkStoppable(args, {
      zh: '案件当前没有待作出的决定，不能终止',
      en: 'No decision is pending in this case; it cannot be terminated now',
    });
  });

  host.onUpdate(
    commentUpdate,
    async (args: CommentArgs) => {
      status.comments = [...(status.comments ?? []), { actor: args.actor, text: args.text.trim(), at: now() }];
      return status;
    },
    (args) => {
      checkOpen(host);
      const { actor } = args;
      const isApplicant = actor.role === 'applicant' && actor.id === status.applicant.id;
      const takesPart =
        actor.role !== 'applicant' &&
        !ONLOOKERS.has(actor.role) &&
        host.participantDepartments().includes(actor.department);
      if (!isApplicant && !takesPart) {
        reject('forbidden', 'NOT_A_PARTICIPANT', {
          zh: '只有本案件的申请人、经办部门和数据主管部门可以发表意见',
          en: "Only the case's applicant, its departments and its data authority may comment",
        });
      }
      if ((status.comments?.length ?? 0) >= MAX_COMMENTS) {
        reject('conflict', 'COMMENT_LIMIT', {
          zh: `本案件已有${MAX_COMMENTS}条意见，不再接受新的意见`,
          en: `This case has ${MAX_COMMENTS} comments and takes no more`,
        });
      }
      const text = args.text?.trim() ?? '';
      if (!text || text.length > COMMENT_MAX_CHARS)
        reject('invalid', 'COMMENT_LENGTH', {
          zh: `意见须为1至${COMMENT_MAX_CHARS}个字符`,
          en: `A comment has 1 to ${COMMENT_MAX_CHARS} characters`,
        });
    },
  );

  host.onUpdate(
    urgeUpdate,
    async (args) => {
      await host.stepTask(args.taskId).urge(args);
      return status;
    },
    (args) => {
      checkOpen(host);
      host.stepTask(args.taskId).validateUrge(args, status.applicant.id);
    },
  );

  host.onUpdate(
    transferTaskUpdate,
    async (args) => {
      await host.stepTask(args.taskId).handOver.transfer(args);
      return status;
    },
    (args) => {
      checkOpen(host);
      host.stepTask(args.taskId).handOver.validateTransfer(args);
    },
  );

  host.onUpdate(
    delegateTaskUpdate,
    async (args) => {
      await host.stepTask(args.taskId).handOver.delegate(args);
      return status;
    },
    (args) => {
      checkOpen(host);
      host.stepTask(args.taskId).handOver.validateDelegation(args);
    },
  );

  setHandler(taskReadSignal, async ({ taskId, reader, at }) => {
    const step = host.openSteps().find((s) => s.taskId === taskId);
    if (step?.markRead(reader, at)) await host.afterChange();
  });
}

function checkOpen(host: EverydayHost): void {
  if (host.status.closed || host.stopping())
    reject('conflict', 'CASE_CLOSED', { zh: '案件已办结', en: 'The case is closed' });
}

function now(): string {
  return workflowNow().toISOString();
}
