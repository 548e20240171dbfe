import type { MikroORM } from '@mikro-orm/postgresql';
import type { GrantActivities } from '../workflows/contracts/activities.js';

/** Outcome records: grants (共享授权), open-data access, pending catalog changes, corrections; idempotent by id. */
export function createGrantActivities(orm: MikroORM): GrantActivities {
  const sql = () => orm.em.fork().getConnection();
  return {
    async recordGrant(g) {
      await sql().execute(
        `insert into share_grant (id, case_id, resource_id, items, purpose, scenario, manner, grantee_department,
                                  approver_id, approver_name, pack, citation, granted_at)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (id) do nothing`,
        [g.grantId, g.caseId, g.resourceId, JSON.stringify(g.items), g.purpose, g.scenario, g.manner, g.granteeDepartment,
          g.approver.id, g.approver.name, g.pack, JSON.stringify(g.citation), g.grantedAt],
      );
      return g;
    },
    async recordPendingCatalogChange(c) {
      await sql().execute(
        `insert into pending_catalog_change (id, origin_case_id, entry_id, change, citation, created_at)
         values (?, ?, ?, ?, ?, ?) on conflict (id) do nothing`,
        [c.changeId, c.originCaseId, c.entryId, JSON.stringify(c.change), JSON.stringify(c.citation), c.createdAt],
      );
      return c;
    },
    async recordOpenDataAccess(a) {
      await sql().execute(
        `insert into open_data_access (id, case_id, resource_id, applicant_id, scope, purpose, manner, approver_id, approver_name, citation, granted_at)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (id) do nothing`,
        [a.accessId, a.caseId, a.resourceId, a.applicantId, a.scope, a.purpose, a.manner, a.approver.id, a.approver.name, JSON.stringify(a.citation), a.grantedAt],
      );
      return a;
    },
    async recordCorrection(c) {
      await sql().execute(
        `insert into correction_record (case_id, resource_id, items, description, what_changed, corrected_at, corrected_by, citation)
         values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (case_id) do nothing`,
        [c.caseId, c.resourceId, JSON.stringify(c.items), c.description, c.whatChanged, c.correctedAt, c.correctedBy.id, JSON.stringify(c.citation)],
      );
      return c;
    },
  };
}
