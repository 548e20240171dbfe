import type { MikroORM } from '@mikro-orm/postgresql';
import { inTransaction, TEXT_ARRAY_FROM_JSON } from './sql.js';
import type { AppliedCatalogChange, CatalogActivities } from '../workflows/contracts/activities.js';
import { lacksShareBasis } from '../workflows/rules/catalog-rules.js';
import { changedMeanwhile, diffFields, fieldsOfRow } from './catalog-fields.js';

/** Rolls the transaction back and says why, in words for the case's outcome. */
class ChangeNotApplicable extends Error {}

/**
 * The catalog's only writer besides the import: each approved P3 case makes
 * one new version per entry, with its diff, who approved and when, in one
 * transaction with the entry itself and (Chongqing) the responsibility list.
 * Idempotent by case: a retry returns the versions already written.
 */
export function createCatalogActivities(orm: MikroORM): CatalogActivities {
  return {
    async applyCatalogChange(args) {
      try {
        return await inTransaction(orm, async (query): Promise<AppliedCatalogChange> => {
          const done = await query('select entry_id, version, diff from catalog_version where case_id = ? order by entry_id', [args.caseId]);
          if (done.length > 0) {
            return { caseId: args.caseId, versions: done.map((r) => ({ entryId: r.entry_id as string, version: r.version as number, diff: r.diff as never })) };
          }
          const versions: AppliedCatalogChange['versions'] = [];
          for (const change of args.changes) {
            const [row] = await query('select * from catalog_entry where id = ? for update', [change.entryId]);
            if (!row) throw new ChangeNotApplicable(`目录中已没有资源 ${change.entryId}`);
            const current = fieldsOfRow(row);
            const moved = changedMeanwhile(change.before, current, change.change);
            if (moved.length > 0) throw new ChangeNotApplicable(`资源 ${change.entryId} 的 ${moved.join('、')} 已被其他目录更新改变（当前版本 ${row.version}）`);
            const after = { ...current, ...change.change };
            if (lacksShareBasis(after)) throw new ChangeNotApplicable(`资源 ${change.entryId} 为有条件共享或不予共享，缺少共享条件或依据`);
            const diff = diffFields(current, after);
            const version = (row.version as number) + 1;
            await query(
              `update catalog_entry set title = ?, provider_department_id = ?, data_items = ?, share_type = ?, share_conditions = ?, legal_basis = ?,
                 open_type = ?, update_frequency = ?, version = ? where id = ?`,
              [after.title, after.providerDepartmentId, JSON.stringify(after.dataItems), after.shareType, after.shareConditions, after.legalBasis,
                after.openType, after.updateFrequency, version, change.entryId],
            );
            await query(
              `insert into catalog_version (entry_id, version, snapshot, diff, changed_by_id, changed_by_name, case_id, effective_at, recorded_at)
               values (?, ?, ?, ?, ?, ?, ?, ?, now())`,
              [change.entryId, version, JSON.stringify(after), JSON.stringify(diff), args.approver.id, args.approver.name, args.caseId, args.appliedAt],
            );
            if (args.updateResponsibilityList) {
              await query(
                `insert into responsibility_item (entry_id, department_id, data_items, update_frequency, catalog_version, case_id, updated_at)
                 values (?, ?, ?, ?, ?, ?, ?)
                 on conflict (entry_id) do update set department_id = excluded.department_id, data_items = excluded.data_items,
                   update_frequency = excluded.update_frequency, catalog_version = excluded.catalog_version, case_id = excluded.case_id, updated_at = excluded.updated_at`,
                [change.entryId, after.providerDepartmentId, JSON.stringify(after.dataItems), after.updateFrequency, version, args.caseId, args.appliedAt],
              );
            }
            versions.push({ entryId: change.entryId, version, diff });
          }
          return { caseId: args.caseId, versions };
        });
      } catch (error) {
        if (error instanceof ChangeNotApplicable) return { caseId: args.caseId, versions: [], notApplied: error.message };
        throw error;
      }
    },

    async openLinkedCatalogUpdate(args) {
      return inTransaction(orm, async (query) => {
        const [entry] = await query('select * from catalog_entry where id = ?', [args.entryId]);
        const [origin] = await query('select pack from case_record where id = ?', [args.originCaseId]);
        const [authority] = await query("select id from department where jurisdiction = ? and kind = 'authority' order by id limit 1", [entry.jurisdiction]);
        const departments = [...new Set([args.applicant.department, authority.id as string])];
        await query(
          `insert into case_record (id, procedure, pack, applicant_id, applicant_department, participant_departments, resource_id, state,
                                    current_step, idempotency_key, request_hash, received_at, updated_at)
           values (?, 'catalog-update', ?, ?, ?, ${TEXT_ARRAY_FROM_JSON}, ?, 'received', null, null, ?, ?, ?) on conflict (id) do nothing`,
          [args.linkedCaseId, origin.pack, args.applicant.id, args.applicant.department, JSON.stringify(departments), args.entryId, `linked:${args.originCaseId}`, args.createdAt, args.createdAt],
        );
        await query(
          `insert into pending_catalog_change (id, origin_case_id, entry_id, change, citation, created_at, catalog_case_id)
           values (?, ?, ?, ?, ?, ?, ?) on conflict (id) do nothing`,
          [args.changeId, args.originCaseId, args.entryId, JSON.stringify(args.change), JSON.stringify(args.citation), args.createdAt, args.linkedCaseId],
        );
        return {
          linkedCaseId: args.linkedCaseId,
          entry: { id: entry.id as string, jurisdiction: entry.jurisdiction as string, version: entry.version as number, fields: fieldsOfRow(entry) },
          authorityDepartment: authority.id as string,
        };
      });
    },

    async settlePendingChange(args) {
      await orm.em.fork().getConnection().execute(
        "update pending_catalog_change set status = ?, catalog_case_id = ?, settled_at = ? where id = ? and status = 'pending'",
        [args.status, args.catalogCaseId, args.at, args.changeId],
      );
      return args;
    },
  };
}
