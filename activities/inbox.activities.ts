import type { MikroORM } from '@mikro-orm/postgresql';
import { inTransaction, TEXT_ARRAY_FROM_JSON } from './sql.js';
import type { InboxActivities } from '../workflows/contracts/activities.js';
import type { InboxTaskInput } from '../workflows/contracts/inbox.js';

const INSERT_TASK = `
  insert into inbox_task (id, case_id, procedure, pack, step_id, kind, title_zh, title_en, role, department,
                          due_at, due_date, due_basis, citation, provisional, created_at)
  values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
  on conflict (id) do nothing`;

function taskParams(t: InboxTaskInput): unknown[] {
  return [t.id, t.caseId, t.procedure, t.pack, t.stepId, t.kind, t.title.zh, t.title.en, t.role, t.department,
    t.dueAt, t.dueDate, t.dueBasis, JSON.stringify(t.citation), t.provisional, t.createdAt];
}

/**
 * The inbox and case projections. Every write is idempotent (same task id →
 * same row; a completed task stays completed), so activity retries are safe.
 */
export function createInboxActivities(orm: MikroORM): InboxActivities {
  const sql = () => orm.em.fork().getConnection();
  return {
    async openTask(task) {
      await sql().execute(INSERT_TASK, taskParams(task));
      return task;
    },
    async completeTask(args) {
      await sql().execute(
        `update inbox_task set status = 'completed', completed_by = ?, decision = ?, completed_at = ? where id = ? and status = 'open'`,
        [args.actorId, args.decision, args.completedAt, args.taskId],
      );
      return args;
    },
    async cancelTask(args) {
      await sql().execute(`update inbox_task set status = 'cancelled', completed_at = ? where id = ? and status = 'open'`, [args.at, args.taskId]);
      return args;
    },
    async updateTaskDue(args) {
      const { taskId, due } = args;
      await sql().execute('update inbox_task set due_at = ?, due_date = ?, provisional = ? where id = ?', [due.dueAt, due.dueDate, due.provisional, taskId]);
      return args;
    },
    async recordLateApplication(args) {
      await sql().execute(
        `insert into breach (task_id, case_id, procedure, pack, step_id, department, citation, due_at, recorded_at, kind)
         values (?, ?, ?, ?, 'application', ?, ?, ?, ?, 'late-application') on conflict (task_id) do nothing`,
        [args.breachId, args.caseId, args.procedure, args.pack, args.department, JSON.stringify(args.citation), args.dueAt, args.receivedAt],
      );
      return args;
    },
    async recordBreach(args) {
      await inTransaction(orm, async (query) => {
        await query(
          `insert into breach (task_id, case_id, procedure, pack, step_id, department, citation, due_at, recorded_at)
           values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (task_id) do nothing`,
          [args.taskId, args.caseId, args.procedure, args.pack, args.stepId, args.department, JSON.stringify(args.citation), args.dueAt, args.recordedAt],
        );
        await query('update inbox_task set overdue = true where id = ?', [args.taskId]);
        if (args.escalation) await query(INSERT_TASK, taskParams(args.escalation));
      });
      return args;
    },
    async syncCase(args) {
      const { caseId, state, currentStep, participantDepartments, updatedAt } = args;
      await sql().execute(
        `update case_record set state = ?, current_step = ?, updated_at = ?,
           participant_departments = ${TEXT_ARRAY_FROM_JSON}
         where id = ? and updated_at <= ?`,
        [state, currentStep, updatedAt, JSON.stringify(participantDepartments), caseId, updatedAt],
      );
      return args;
    },
  };
}
