import type { CaseStatus, StepStatus } from '../../workflows/contracts/case-status.js';
import type { Text } from '../../workflows/contracts/citation.js';

/** Who a notification is for: one person, or everyone of a role in a department (`*`: in every department). */
export type Recipient = { user: string } | { department: string; role: string };

export const CASE_EVENTS = [
  'case-state-changed',
  'case-closed',
  'task-opened',
  'decision-made',
  'extension-requested',
  'extension-decided',
  'deadline-warning',
  'deadline-breached',
  'task-urged',
  'task-transferred',
  'opinion-requested',
  'comment-added',
] as const;
export type CaseEventKind = (typeof CASE_EVENTS)[number];

/** Something that happened in a case, for the people concerned and the webhooks. */
export interface CaseEvent {
  /** Unique per case and happening: a retried write produces the same id, and nothing twice. */
  id: string;
  caseId: string;
  kind: CaseEventKind;
  at: string;
  title: Text;
  recipients: Recipient[];
  detail: Record<string, unknown>;
}

const SUPERVISORS: Recipient = { department: '*', role: 'supervisor' };

/**
 * The events between two statuses of a case: what the newer one shows that the
 * older did not. Pure, so that the same write always yields the same events.
 */
export function caseEvents(before: CaseStatus | undefined, after: CaseStatus, at: string): CaseEvent[] {
  const events: CaseEvent[] = [];
  const applicant: Recipient = { user: after.applicant.id };
  const authority = after.steps.find((s) => s.actorRole === 'authority')?.actorDepartment;
  const add = (kind: CaseEventKind, key: string, title: Text, recipients: Recipient[], detail = {}) =>
    events.push({ id: `${after.caseId}:${kind}:${key}`, caseId: after.caseId, kind, at, title, recipients, detail });

  if (before?.state !== after.state) {
    const closing = after.closed && !before?.closed;
    add(
      closing ? 'case-closed' : 'case-state-changed',
      after.state,
      { zh: `案件状态：${after.stateText.zh}`, en: `Case status: ${after.stateText.en}` },
      [applicant],
      { state: after.state, outcome: after.outcome?.kind },
    );
  }

  const waitedFor = new Set(before?.waitingFor.map((w) => w.taskId));
  for (const task of after.waitingFor) {
    if (waitedFor.has(task.taskId)) continue;
    add(
      'task-opened',
      task.taskId,
      { zh: '新的待办任务', en: 'A new task' },
      [{ department: task.department, role: task.role }],
      { taskId: task.taskId, kind: task.kind, dueAt: task.dueAt },
    );
  }

  const previous = new Map(before?.steps.map((s) => [s.taskId, s]));
  for (const step of after.steps) {
    stepEvents(previous.get(step.taskId), step, { add, applicant, authority });
  }

  const seenComments = before?.comments?.length ?? 0;
  (after.comments ?? []).slice(seenComments).forEach((comment, i) => {
    const others = participants(after, authority).filter((r) => !('user' in r && r.user === comment.actor.id));
    add(
      'comment-added',
      String(seenComments + i + 1),
      { zh: '案件有新的沟通意见', en: 'A new comment on the case' },
      others,
      {
        by: comment.actor.id,
      },
    );
  });
  return events;
}

interface StepEventContext {
  add: (
    kind: CaseEventKind,
    key: string,
    title: Text,
    recipients: Recipient[],
    detail?: Record<string, unknown>,
  ) => void;
  applicant: Recipient;
  authority?: string;
}

function stepEvents(before: StepStatus | undefined, step: StepStatus, ctx: StepEventContext): void {
  const { add, applicant } = ctx;
  const reviewers: Recipient = { department: step.actorDepartment, role: step.actorRole };
  const holder: Recipient[] = step.assignee ? [{ user: step.assignee.id }] : [reviewers];
  const title = (zh: string, en: string): Text => ({ zh: `${step.title.zh}：${zh}`, en: `${step.title.en}: ${en}` });

  if (step.decision && !before?.decision) {
    add(
      'decision-made',
      step.taskId,
      title(`已办理（${step.decision.decision}）`, step.decision.decision),
      [applicant],
      {
        taskId: step.taskId,
        decision: step.decision.decision,
      },
    );
  }
  const extension = step.extension;
  if (extension && before?.extension?.state !== extension.state) {
    const requested = extension.state === 'requested';
    add(
      requested ? 'extension-requested' : 'extension-decided',
      `${step.taskId}:${extension.state}`,
      title(requested ? '申请延长期限' : `延期${extension.state}`, `extension ${extension.state}`),
      [applicant, reviewers],
      { taskId: step.taskId, state: extension.state, dueAt: step.due.dueAt },
    );
  }
  if (step.warning && !before?.warning) {
    add('deadline-warning', step.taskId, title('即将到期（预警）', 'deadline near (warning)'), [...holder, applicant], {
      taskId: step.taskId,
      dueAt: step.due.dueAt,
      citation: step.due.citation,
    });
  }
  if (step.breach && !before?.breach) {
    const overseers: Recipient[] = ctx.authority ? [{ department: ctx.authority, role: 'authority' }] : [];
    add(
      'deadline-breached',
      step.taskId,
      title('已超期', 'overdue'),
      [...holder, applicant, ...overseers, SUPERVISORS],
      {
        taskId: step.taskId,
        dueAt: step.due.dueAt,
        citation: step.breach.citation,
      },
    );
  }
  const seenUrges = before?.urges?.length ?? 0;
  (step.urges ?? []).slice(seenUrges).forEach((urge, i) => {
    add('task-urged', `${step.taskId}:${seenUrges + i + 1}`, title('被催办', 'urged'), [...holder, reviewers], {
      taskId: step.taskId,
      by: urge.actor.id,
      note: urge.note,
    });
  });
  const seenTransfers = before?.transfers?.length ?? 0;
  (step.transfers ?? []).slice(seenTransfers).forEach((transfer, i) => {
    add(
      'task-transferred',
      `${step.taskId}:${seenTransfers + i + 1}`,
      title('转办给您', 'transferred to you'),
      [{ user: transfer.to.id }],
      { taskId: step.taskId, from: transfer.from.id, reason: transfer.reason },
    );
  });
  const seenDelegations = before?.delegations?.length ?? 0;
  (step.delegations ?? []).slice(seenDelegations).forEach((delegation) => {
    add(
      'opinion-requested',
      delegation.taskId,
      title('请提出意见（委派）', 'your opinion is asked'),
      [{ user: delegation.to.id }],
      { taskId: delegation.taskId, by: delegation.by.id, request: delegation.request },
    );
  });
}

/** The applicant, and the departments acting in the case (their people of the step's role), and the authority. */
function participants(status: CaseStatus, authority: string | undefined): Recipient[] {
  const groups = new Map<string, Recipient>();
  for (const step of status.steps) {
    groups.set(`${step.actorDepartment}/${step.actorRole}`, { department: step.actorDepartment, role: step.actorRole });
  }
  if (authority) groups.set(`${authority}/authority`, { department: authority, role: 'authority' });
  return [{ user: status.applicant.id }, ...groups.values()];
}
