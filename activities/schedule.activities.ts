import type { MikroORM } from '@mikro-orm/postgresql';
import { inTransaction, TEXT_ARRAY_FROM_JSON, type Row } from './sql.js';
import { annualReportCaseId, type Reporter } from '../workflows/contracts/annual-report.js';
import type { ScheduleActivities } from '../workflows/contracts/activities.js';

/** P7's round plan and the calendar recompute's list of cases. */
export function createScheduleActivities(orm: MikroORM): ScheduleActivities {
  return {
    async planAnnualReportRound({ jurisdiction, roundYear, receivedAt, pack }) {
      return inTransaction(orm, async (query) => {
        const departments = await query(
          "select id, kind from department where jurisdiction = ? and kind in ('government', 'district-government', 'authority') order by kind, id",
          [jurisdiction],
        );
        const authority = departments.find((d) => d.kind === 'authority')?.id as string | undefined;
        if (!authority) throw new Error(`no authority registered for ${jurisdiction}`);
        const reporters: Reporter[] = departments.map((d) => ({
          departmentId: d.id as string,
          caseId: annualReportCaseId(roundYear, d.id as string),
          role: d.kind === 'authority' ? 'authority' : 'reviewer',
        }));
        for (const r of reporters) {
          await query(
            `insert into case_record (id, procedure, pack, applicant_id, applicant_department, participant_departments, resource_id, state,
                                      current_step, idempotency_key, request_hash, received_at, updated_at)
             values (?, 'annual-report', ?, ?, ?, ${TEXT_ARRAY_FROM_JSON}, null, 'received', null, null, 'schedule', ?, ?) on conflict (id) do nothing`,
            [r.caseId, pack, `system:annual-report-${roundYear}`, authority, JSON.stringify([...new Set([r.departmentId, authority])]), receivedAt, receivedAt],
          );
        }
        return { reporters, authority };
      });
    },

    async casesWithDueIn({ year }) {
      // A step is affected when its due date is provisional, or its count ran through the year.
      const rows = await orm.em.fork().getConnection().execute<Row[]>(
        `select distinct case_id from inbox_task
         where status = 'open' and kind = 'decision'
           and (provisional or (extract(year from created_at at time zone 'Asia/Shanghai') <= ? and extract(year from due_date) >= ?))
         order by case_id`,
        [year, year],
      );
      return rows.map((r) => r.case_id as string);
    },
  };
}
