import type { INestApplicationContext } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { CaseRecordRepository } from '../cases/case-record.repository.js';
import { CorrectionRecordRepository } from '../cases/correction-record.repository.js';
import { CatalogRepository } from '../catalog/catalog.repository.js';
import { DepartmentRepository } from '../catalog/department.repository.js';
import { PendingCatalogChangeRepository } from '../catalog/pending-catalog-change.repository.js';
import { IncidentRepository } from '../incidents/incident.repository.js';
import { NotificationRepository } from '../notifications/notification.repository.js';
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
  IncidentRepository,
  NotificationRepository,
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
  incidents: IncidentRepository;
  notifications: NotificationRepository;
}

/** The repositories a Nest container holds (the worker's, a test's, the bench's): the same instances the API uses. */
export function repositoriesOf(container: Pick<INestApplicationContext, 'get'>): Repositories {
  return {
    orm: container.get(MikroORM),
    inbox: container.get(InboxTaskRepository),
    cases: container.get(CaseRecordRepository),
    corrections: container.get(CorrectionRecordRepository),
    catalog: container.get(CatalogRepository),
    departments: container.get(DepartmentRepository),
    pendingChanges: container.get(PendingCatalogChangeRepository),
    openDataAccess: container.get(OpenDataAccessRepository),
    grants: container.get(ShareGrantRepository),
    breaches: container.get(BreachRepository),
    incidents: container.get(IncidentRepository),
    notifications: container.get(NotificationRepository),
  };
}
