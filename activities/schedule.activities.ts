import type { MikroORM } from '@mikro-orm/postgresql';
import type { CaseRecordRepository } from '../src/cases/case-record.repository.js';
import type { DepartmentRepository } from '../src/catalog/department.repository.js';
import { inTransaction } from '../src/database/unit-of-work.js';
import type { InboxTaskRepository } from '../src/tasks/inbox-task.repository.js';
import { annualReportCaseId, type Reporter } from '../workflows/contracts/annual-report.js';
import type { ScheduleActivities } from '../workflows/contracts/activities.js';

export interface ScheduleActivityDependencies {
  orm: MikroORM;
  cases: CaseRecordRepository;
  departments: DepartmentRepository;
  inbox: InboxTaskRepository;
}

/** P7's round plan and the calendar recompute's list of cases. */
export function createScheduleActivities({
  orm,
  cases,
  departments,
  inbox,
}: ScheduleActivityDependencies): ScheduleActivities {
  return {
    planAnnualReportRound({ jurisdiction, roundYear, receivedAt, pack }) {
      return inTransaction(orm, async (em) => {
        const reporting = await departments.annualReporters(jurisdiction, em);
        const authority = reporting.find((d) => d.kind === 'authority')?.id;
        if (!authority) throw new Error(`no authority registered for ${jurisdiction}`);
        const reporters: Reporter[] = reporting.map((d) => ({
          departmentId: d.id,
          caseId: annualReportCaseId(roundYear, d.id),
          role: d.kind === 'authority' ? 'authority' : 'reviewer',
        }));
        for (const r of reporters) {
          await cases.registerIfAbsent(
            {
              id: r.caseId,
              procedure: 'annual-report',
              pack,
              applicantId: `system:annual-report-${roundYear}`,
              applicantDepartment: authority,
              participantDepartments: [...new Set([r.departmentId, authority])],
              resourceId: null,
              idempotencyKey: null,
              requestHash: 'schedule',
              receivedAt: new Date(receivedAt),
            },
            em,
          );
        }
        return { reporters, authority };
      });
    },

    casesWithDueIn({ year }) {
      return inbox.casesWithDueIn(year);
    },

    casesWithDueInPage({ year, after, limit }) {
      return inbox.casesWithDueIn(year, { after, limit });
    },
  };
}
