import type { BreachRepository } from '../src/supervision/breach.repository.js';
import type { CaseRecordRepository } from '../src/cases/case-record.repository.js';
import type { InboxTaskRepository } from '../src/tasks/inbox-task.repository.js';
import type { InboxActivities } from '../workflows/contracts/activities.js';

/**
 * The inbox and case projections. Each returns what it recorded, so the
 * history keeps it; every write is idempotent, so retries are safe.
 */
export function createInboxActivities(
  inbox: InboxTaskRepository,
  breaches: BreachRepository,
  cases: CaseRecordRepository,
): InboxActivities {
  return {
    async openTask(task) {
      await inbox.open(task);
      return task;
    },
    async completeTask(args) {
      await inbox.complete(args.taskId, { actorId: args.actorId, decision: args.decision, at: args.completedAt });
      return args;
    },
    async cancelTask(args) {
      await inbox.cancel(args.taskId, args.at);
      return args;
    },
    async updateTaskDue(args) {
      await inbox.moveDue(args.taskId, args.due);
      return args;
    },
    async recordLateApplication(args) {
      await breaches.recordLateApplication(args);
      return args;
    },
    async recordBreach(args) {
      await breaches.recordStepBreach(args);
      return args;
    },
    async recordWarning(args) {
      await breaches.recordWarning(args);
      return args;
    },
    async recordUrge(args) {
      await inbox.recordUrge({
        id: `${args.taskId}:${args.actor.id}:${args.at}`,
        taskId: args.taskId,
        caseId: args.caseId,
        actorId: args.actor.id,
        actorRole: args.actor.role,
        at: args.at,
        note: args.note,
      });
      return args;
    },
    async syncCase(args) {
      await cases.sync(args);
      // The status itself is in the case row; the history keeps what changed in the index.
      return { ...args, status: undefined };
    },
  };
}
