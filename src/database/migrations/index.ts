import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261122000100CalendarYears } from './Migration20261122000100CalendarYears.js';
import { Migration20261122000200ShareRequests } from './Migration20261122000200ShareRequests.js';

/** Every migration, in order; listed explicitly so compiled and test runs need no file discovery. */
export const MIGRATIONS: MigrationObject[] = [Migration20261122000100CalendarYears, Migration20261122000200ShareRequests].map((migration) => ({
  name: migration.name,
  class: migration,
}));
