import type pg from 'pg';
import type request from 'supertest';
import { summarize } from './stats.js';

/** The demo users whose first pages are measured, and how the seeded rows fall to them. */
const DEPARTMENT = 'hr-natural-resources';
const APPLICANT = 'hr-civil-xu';
const REVIEWER = 'hr-land-ma';
/** Timed reads of each first page: enough that the p99 is not the second-slowest read. */
const READS = 1000;
/** Untimed reads of every list first, after the seeding's idle minute (the heap shrunk, the caches cold). */
const WARM_UP_READS = 200;

export interface ListFigures {
  rows: number;
  department: ReturnType<typeof summarize>;
  applicant: ReturnType<typeof summarize>;
  auditor: ReturnType<typeof summarize>;
  inbox: ReturnType<typeof summarize>;
}

/**
 * Grows case_record and inbox_task to `total` seeded rows each with generate_series (one in ten cases involves the
 * measured department, one in a hundred is the measured applicant's, one in ten tasks is in the reviewer's inbox),
 * then times the first page of each list through the API.
 */
export async function measureListsAt(
  db: pg.Client,
  seeded: number,
  total: number,
  http: ReturnType<typeof request>,
  tokens: { department: string; applicant: string; auditor: string },
): Promise<ListFigures> {
  if (total > seeded) {
    // Each seeded case carries the status of the largest real case so far (the warm-up's), as a real row would.
    const sample = await db.query<{ status: unknown }>(
      `select status from case_record where status is not null order by length(status::text) desc limit 1`,
    );
    await db.query('alter table case_record disable trigger case_participants_follow');
    await db.query(
      `insert into case_record (id, procedure, pack, applicant_id, applicant_department, participant_departments,
                                state, request_hash, received_at, updated_at, status)
       select 'list-' || g, 'share-request', 'huarong-2021',
              case when g % 100 = 0 then $3 else 'user-' || (g % 50000) end,
              'dept-' || (g % 300),
              case when g % 10 = 0 then array['dept-' || (g % 300), $4] else array['dept-' || (g % 300), 'dept-x'] end,
              'under-review', 'seeded', now() - interval '1 day' - g * interval '1 second', now(), $5::jsonb
         from generate_series($1::bigint, $2::bigint) g`,
      [seeded + 1, total, APPLICANT, DEPARTMENT, JSON.stringify(sample.rows[0]?.status ?? null)],
    );
    await db.query(
      `insert into case_participant (department, received_at, case_id)
       select distinct d, c.received_at, c.id
         from case_record c, unnest(c.participant_departments) d
        where c.id like 'list-%' and substr(c.id, 6)::bigint between $1 and $2`,
      [seeded + 1, total],
    );
    await db.query('alter table case_record enable trigger case_participants_follow');
    await db.query(
      `insert into inbox_task (id, case_id, procedure, pack, step_id, kind, title_zh, title_en, role, department,
                               due_at, due_date, due_basis, citation, created_at)
       select 'list-task-' || g, 'list-' || g, 'share-request', 'huarong-2021', 'provider-review', 'decision', '审核',
              'Review', 'reviewer', case when g % 10 = 0 then $3 else 'dept-' || (g % 300) end,
              now() + g * interval '1 second', (now() + g * interval '1 second')::date, 'statutory',
              '{"pack":"huarong-2021","article":"第二十一条"}', now()
         from generate_series($1::bigint, $2::bigint) g`,
      [seeded + 1, total, DEPARTMENT],
    );
    // Vacuumed and checkpointed as well: a table this size in service has long been, and autovacuum's pass over the
    // new rows, or the checkpoint writing out the gigabytes of their insert, would otherwise run during the reads.
    await db.query('vacuum (analyze) case_record, case_participant, inbox_task');
    await db.query('checkpoint');
  }
  const lists = [
    ['/cases?limit=20', tokens.department],
    ['/cases?limit=20', tokens.applicant],
    ['/cases?limit=20', tokens.auditor],
    ['/tasks?limit=20', tokens.department],
  ] as const;
  const read = async (path: string, token: string, times: number) => {
    const ms: number[] = [];
    for (let i = 0; i < times; i += 1) {
      const t0 = performance.now();
      await http.get(path).set('Authorization', `Bearer ${token}`).expect(200);
      ms.push(performance.now() - t0);
    }
    return ms;
  };
  for (const [path, token] of lists) await read(path, token, WARM_UP_READS);
  const timed: Array<ReturnType<typeof summarize>> = [];
  for (const [path, token] of lists) timed.push(summarize(await read(path, token, READS)));
  const [department, applicant, auditor, inbox] = timed;
  return { rows: total, department, applicant, auditor, inbox };
}

export const LIST_USERS = { department: REVIEWER, applicant: APPLICANT, auditor: 'auditor' } as const;
