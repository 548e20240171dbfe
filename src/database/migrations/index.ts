import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261122000100CalendarYears } from './Migration20261122000100CalendarYears.js';

/** Every migration, in order; listed explicitly so compiled and test runs need no file discovery. */
export const MIGRATIONS: MigrationObject[] = [Migration20261122000100CalendarYears].map((migration) => ({
  name: migration.name,
  class: migration,
}));
