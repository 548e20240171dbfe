import type { Client } from '@temporalio/client';
import type pg from 'pg';
import type request from 'supertest';
import { summarize } from './stats.js';

export interface RecomputeFigures {
  seeded: number;
  seconds: number;
  signalled: number;
  closed: number;
  runs: number;
  inbox: ReturnType<typeof summarize>;
}

/**
 * Loading a year with `total` open cases it can touch: the cases are seeded as rows with open, provisional inbox tasks
 * (with SQL; no workflow behind them, so each signal is sent and answered "not found", counted as closed), next to the
 * bench's real open cases. Times the recompute workflow to its end (through its continued runs), and a reviewer's
 * inbox meanwhile, to show that the paced batches leave room for the day's requests. Removes the rows afterwards.
 */
export async function measureRecomputeAt(
  db: pg.Client,
  total: number,
  http: ReturnType<typeof request>,
  client: Client,
  tokens: { admin: string; reviewer: string },
): Promise<RecomputeFigures> {
  // Cases no list shows (no participant rows): only their open tasks matter here.
  await db.query('alter table case_record disable trigger case_participants_follow');
  await db.query(
    `insert into case_record (id, procedure, pack, applicant_id, applicant_department, participant_departments,
                              state, request_hash, received_at, updated_at)
     select 'recompute-' || lpad(g::text, 7, '0'), 'share-request', 'huarong-2021', 'user-' || (g % 50000),
            'dept-' || (g % 300), array['dept-' || (g % 300)], 'under-review', 'seeded', now(), now()
       from generate_series(1, $1::bigint) g`,
    [total],
  );
  await db.query('alter table case_record enable trigger case_participants_follow');
  await db.query(
    `insert into inbox_task (id, case_id, procedure, pack, step_id, kind, title_zh, title_en, role, department,
                             due_at, due_date, due_basis, citation, created_at, provisional)
     select 'recompute-task-' || g, 'recompute-' || lpad(g::text, 7, '0'), 'share-request', 'huarong-2021',
            'provider-review', 'decision', '审核', 'Review', 'reviewer', 'dept-' || (g % 300),
            now() + interval '7 days', (now() + interval '7 days')::date, 'statutory',
            '{"pack":"huarong-2021","article":"第二十一条"}', now(), true
       from generate_series(1, $1::bigint) g`,
    [total],
  );
  await db.query('analyze inbox_task');
  const year = 2190;
  const t0 = performance.now();
  const loaded = await http
    .put(`/calendar/years/${year}`)
    .set('Authorization', `Bearer ${tokens.admin}`)
    .send({
      notices: [
        {
          title: `${year}年节假日安排（基准测试）`,
          url: `https://www.gov.cn/bench-${year}`,
          publishedOn: '2189-11-01',
        },
      ],
      days: [{ date: `${year}-01-01`, kind: 'off', name: '元旦' }],
    })
    .expect(200);
  const done = client.workflow.getHandle(loaded.body.recompute.workflowId).result() as Promise<{
    signalled: number;
    closed: number;
    runs: number;
  }>;
  let finished = false;
  void done.finally(() => (finished = true));
  const inboxMs: number[] = [];
  while (!finished) {
    const started = performance.now();
    await http.get('/tasks?limit=20').set('Authorization', `Bearer ${tokens.reviewer}`).expect(200);
    inboxMs.push(performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const result = await done;
  const seconds = (performance.now() - t0) / 1000;
  await db.query("delete from inbox_task where id like 'recompute-task-%'");
  await db.query('alter table case_record disable trigger case_participants_follow');
  await db.query("delete from case_record where id like 'recompute-%'");
  await db.query('alter table case_record enable trigger case_participants_follow');
  return { seeded: total, seconds, ...result, inbox: summarize(inboxMs) };
}
