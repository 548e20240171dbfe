import pg from 'pg';

/** The one local activity of the floor baseline: the row a first step writes, and nothing else. */
export interface FloorActivities {
  recordFirstStep(workflowId: string): Promise<string>;
}

/**
 * What the floor baselines write to PostgreSQL: one row per start for its first step (from the bare worker's local
 * activity) and, for respond-async, one row per case (from the bench, before the start), each in one statement.
 */
export interface FloorStore {
  activities: FloorActivities;
  recordCase(workflowId: string): Promise<void>;
  /** A task to decide, assigned to a department; its department when it is still open. */
  recordTask(taskId: string, department: string): Promise<void>;
  openTaskDepartment(taskId: string): Promise<string | undefined>;
  closeTask(taskId: string): Promise<void>;
  close(): Promise<void>;
}

export async function openFloorStore(databaseUrl: string): Promise<FloorStore> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
  await pool.query(
    'create table if not exists bench_floor_row (kind text not null, id text not null, department text, closed boolean not null default false, written_at timestamptz not null default now(), primary key (kind, id))',
  );
  const write = (kind: string, id: string) =>
    pool.query('insert into bench_floor_row (kind, id) values ($1, $2) on conflict do nothing', [kind, id]);
  return {
    activities: {
      async recordFirstStep(workflowId) {
        await write('first-step', workflowId);
        return workflowId;
      },
    },
    async recordCase(workflowId) {
      await write('case', workflowId);
    },
    async recordTask(taskId, department) {
      await pool.query('insert into bench_floor_row (kind, id, department) values ($1, $2, $3)', [
        'task',
        taskId,
        department,
      ]);
    },
    async openTaskDepartment(taskId) {
      const { rows } = await pool.query<{ department: string }>(
        'select department from bench_floor_row where kind = $1 and id = $2 and not closed',
        ['task', taskId],
      );
      return rows[0]?.department;
    },
    async closeTask(taskId) {
      await pool.query('update bench_floor_row set closed = true where kind = $1 and id = $2', ['task', taskId]);
    },
    close: () => pool.end(),
  };
}
