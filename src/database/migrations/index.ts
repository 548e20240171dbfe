import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261122000100CalendarYears } from './Migration20261122000100CalendarYears.js';
import { Migration20261122000200ShareRequests } from './Migration20261122000200ShareRequests.js';
import { Migration20261122000300Corrections } from './Migration20261122000300Corrections.js';
import { Migration20261122000400CatalogVersions } from './Migration20261122000400CatalogVersions.js';
import { Migration20261123000500TaskDecisionSchemas } from './Migration20261123000500TaskDecisionSchemas.js';
import { Migration20261123000600CaseStatus } from './Migration20261123000600CaseStatus.js';
import { Migration20261123000700Incidents } from './Migration20261123000700Incidents.js';
import { Migration20261123000800AuditArchive } from './Migration20261123000800AuditArchive.js';
import { Migration20261202001400OpenBasis } from './Migration20261202001400OpenBasis.js';
import { Migration20261202001500UrgesAndReadReceipts } from './Migration20261202001500UrgesAndReadReceipts.js';
import { Migration20261202001600Notifications } from './Migration20261202001600Notifications.js';
import { Migration20261202001700OpinionTasks } from './Migration20261202001700OpinionTasks.js';
import { Migration20261202001800DoneTasks } from './Migration20261202001800DoneTasks.js';
import { Migration20261203001900ReferenceChangeNotices } from './Migration20261203001900ReferenceChangeNotices.js';
import { Migration20261203002000HolidayYearChangeNotices } from './Migration20261203002000HolidayYearChangeNotices.js';
import { Migration20261207002100CalendarVersionForTasks } from './Migration20261207002100CalendarVersionForTasks.js';
import { Migration20261207002200UnstartedCases } from './Migration20261207002200UnstartedCases.js';
import { Migration20261202001300CaseParticipants } from './Migration20261202001300CaseParticipants.js';
import { Migration20261202001200GrantUsage } from './Migration20261202001200GrantUsage.js';
import { Migration20261202001100Warnings } from './Migration20261202001100Warnings.js';
import { Migration20261202001000ShareBasisByType } from './Migration20261202001000ShareBasisByType.js';
import { Migration20261123000900CaseStatusCurrent } from './Migration20261123000900CaseStatusCurrent.js';

/** Every migration, in order; listed explicitly so compiled and test runs need no file discovery. */
export const MIGRATIONS: MigrationObject[] = [
  Migration20261122000100CalendarYears,
  Migration20261122000200ShareRequests,
  Migration20261122000300Corrections,
  Migration20261122000400CatalogVersions,
  Migration20261123000500TaskDecisionSchemas,
  Migration20261123000600CaseStatus,
  Migration20261123000700Incidents,
  Migration20261123000800AuditArchive,
  Migration20261123000900CaseStatusCurrent,
  Migration20261202001000ShareBasisByType,
  Migration20261202001100Warnings,
  Migration20261202001200GrantUsage,
  Migration20261202001300CaseParticipants,
  Migration20261202001400OpenBasis,
  Migration20261202001500UrgesAndReadReceipts,
  Migration20261202001600Notifications,
  Migration20261202001700OpinionTasks,
  Migration20261202001800DoneTasks,
  Migration20261203001900ReferenceChangeNotices,
  Migration20261203002000HolidayYearChangeNotices,
  Migration20261207002100CalendarVersionForTasks,
  Migration20261207002200UnstartedCases,
].map((migration) => ({
  name: migration.name,
  class: migration,
}));
