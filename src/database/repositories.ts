import type { MikroORM } from '@mikro-orm/postgresql';
import { CaseRecordRepository } from '../cases/case-record.repository.js';
import { CorrectionRecordRepository } from '../cases/correction-record.repository.js';
import { CatalogRepository } from '../catalog/catalog.repository.js';
import { DepartmentRepository } from '../catalog/department.repository.js';
import { PendingCatalogChangeRepository } from '../catalog/pending-catalog-change.repository.js';
import { OpenDataAccessRepository } from '../grants/open-data-access.repository.js';
import { ShareGrantRepository } from '../grants/share-grant.repository.js';
import { BreachRepository } from '../supervision/breach.repository.js';
import { InboxTaskRepository } from '../tasks/inbox-task.repository.js';

/** One repository per table (the versioned catalog and a grant's log are one each); the API and the activities share them. */
export const REPOSITORIES = [
  CaseRecordRepository,
  CorrectionRecordRepository,
  CatalogRepository,
  DepartmentRepository,
  PendingCatalogChangeRepository,
  OpenDataAccessRepository,
  ShareGrantRepository,
  BreachRepository,
  InboxTaskRepository,
] as const;

export interface Repositories {
  orm: MikroORM;
  cases: CaseRecordRepository;
  corrections: CorrectionRecordRepository;
  catalog: CatalogRepository;
  departments: DepartmentRepository;
  pendingChanges: PendingCatalogChangeRepository;
  openDataAccess: OpenDataAccessRepository;
  grants: ShareGrantRepository;
  breaches: BreachRepository;
  inbox: InboxTaskRepository;
}

/** The repositories as a Nest container holds them (the worker) or, outside one, built on an ORM (tests, bench). */
export function repositoriesFrom(orm: MikroORM, get?: <T>(type: new (...args: never[]) => T) => T): Repositories {
  const take = <T>(type: new (...args: never[]) => T, make: () => T): T => get?.(type) ?? make();
  const inbox = take(InboxTaskRepository, () => new InboxTaskRepository(orm));
  return {
    orm,
    inbox,
    cases: take(CaseRecordRepository, () => new CaseRecordRepository(orm)),
    corrections: take(CorrectionRecordRepository, () => new CorrectionRecordRepository(orm)),
    catalog: take(CatalogRepository, () => new CatalogRepository(orm)),
    departments: take(DepartmentRepository, () => new DepartmentRepository(orm)),
    pendingChanges: take(PendingCatalogChangeRepository, () => new PendingCatalogChangeRepository(orm)),
    openDataAccess: take(OpenDataAccessRepository, () => new OpenDataAccessRepository(orm)),
    grants: take(ShareGrantRepository, () => new ShareGrantRepository(orm)),
    breaches: take(BreachRepository, () => new BreachRepository(orm, inbox)),
  };
}
