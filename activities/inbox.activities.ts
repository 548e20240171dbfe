import type { EntityManager } from '@mikro-orm/postgresql';
import type { Repositories } from '../src/database/repositories.js';
import { calendarStillAt } from '../src/calendar/calendar-version.js';
import { inTransaction } from '../src/database/unit-of-work.js';
import { caseEvents } from '../src/notifications/case-events.js';
import type { InboxActivities, SyncCaseArgs } from '../workflows/contracts/activities.js';

/** The status itself is in the case row; the history keeps what changed in the index. */
const withoutStatus = (args: SyncCaseArgs): SyncCaseArgs => ({ ...args, status: undefined });

/**
 * The inbox and case projections. Each returns what it recorded, so the
 * history keeps it; every write is idempotent, so retries are safe.
 */
export function createInboxActivities({
  orm,
  inbox,
  breaches,
  cases,
  notifications,
}: Pick<Repositories, 'orm' | 'inbox' | 'breaches' | 'cases' | 'notifications'>): InboxActivities {
  /** The row and what changed for the people concerned (notifications, webhooks' outbox), in the caller's transaction. */
  const writeCaseRow = async (args: SyncCaseArgs, em: EntityManager): Promise<void> => {
    const { status } = args;
    if (!status) {
      await cases.sync(args, em);
      return;
    }
    const replaced = await cases.replaceStatus({ ...args, status }, em);
    if (replaced) await notifications.record(caseEvents(replaced.before ?? undefined, status, args.updatedAt), em);
  };
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
    async assignTask(args) {
      await inbox.assign(args.taskId, args.assignee);
      return args;
    },
    async syncCase(args) {
      await inTransaction(orm, (em) => writeCaseRow(args, em));
      return withoutStatus(args);
    },
    async openStepTask({ task, caseRow, calendarVersion }) {
      const opened = await inTransaction(orm, async (em) => {
        // A retry of a write that committed before the year's load stands: the load's recompute finds its task.
        const replan =
          calendarVersion !== undefined &&
          !(await calendarStillAt(em, calendarVersion)) &&
          !(await inbox.exists(task.id, em));
        if (replan) return false;
        await inbox.open(task, em);
        await writeCaseRow(caseRow, em);
        return true;
      });
      const recorded = { task, caseRow: withoutStatus(caseRow), calendarVersion };
      return opened ? recorded : { ...recorded, calendarChanged: true };
    },
  };
}
