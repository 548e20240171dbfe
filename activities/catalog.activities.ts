import type { MikroORM } from '@mikro-orm/postgresql';
import type { CaseRecordRepository } from '../src/cases/case-record.repository.js';
import { fieldsOfEntry } from '../src/catalog/catalog-fields.js';
import type { CatalogRepository } from '../src/catalog/catalog.repository.js';
import type { DepartmentRepository } from '../src/catalog/department.repository.js';
import type { PendingCatalogChangeRepository } from '../src/catalog/pending-catalog-change.repository.js';
import { inTransaction } from '../src/database/unit-of-work.js';
import type { CatalogActivities } from '../workflows/contracts/activities.js';
import type { PackId } from '../workflows/contracts/citation.js';

export interface CatalogActivityDependencies {
  orm: MikroORM;
  catalog: CatalogRepository;
  cases: CaseRecordRepository;
  departments: DepartmentRepository;
  pendingChanges: PendingCatalogChangeRepository;
}

/** P3: the catalog's only writer besides the import, and the links between decisions and their P3 cases. */
export function createCatalogActivities({
  orm,
  catalog,
  cases,
  departments,
  pendingChanges,
}: CatalogActivityDependencies): CatalogActivities {
  return {
    applyCatalogChange(args) {
      return catalog.applyChange(args);
    },

    /** The pending change and its linked P3 case's registration, in one transaction. */
    openLinkedCatalogUpdate(args) {
      return inTransaction(orm, async (em) => {
        const entry = await catalog.findById(args.entryId, em);
        const origin = await cases.findById(args.originCaseId, em);
        if (!entry || !origin)
          throw new Error(`linked catalog update ${args.linkedCaseId}: entry or origin case missing`);
        const authority = await departments.authorityOf(entry.jurisdiction, em);
        await cases.registerIfAbsent(
          {
            id: args.linkedCaseId,
            procedure: 'catalog-update',
            pack: origin.pack as PackId,
            applicantId: args.applicant.id,
            applicantDepartment: args.applicant.department,
            participantDepartments: [...new Set([args.applicant.department, authority.id])],
            resourceId: args.entryId,
            idempotencyKey: null,
            requestHash: `linked:${args.originCaseId}`,
            receivedAt: new Date(args.createdAt),
          },
          em,
        );
        await pendingChanges.record({ ...args, catalogCaseId: args.linkedCaseId }, em);
        return {
          linkedCaseId: args.linkedCaseId,
          entry: {
            id: entry.id,
            jurisdiction: entry.jurisdiction,
            version: entry.version,
            fields: fieldsOfEntry(entry),
          },
          authorityDepartment: authority.id,
        };
      });
    },

    async settlePendingChange(args) {
      await pendingChanges.settle(args);
      return args;
    },
  };
}
