import { Migration } from '@mikro-orm/migrations';

/**
 * The calendar's version for a transaction about to open a task on planned dates, in one round trip: the lock a
 * year's load takes alone is taken shared first, then the version is read. A volatile function's query takes a
 * snapshot of its own, so the version read after the lock sees a load committed while the lock was awaited.
 */
export class Migration20261207002100CalendarVersionForTasks extends Migration {
  override name = 'Migration20261207002100CalendarVersionForTasks';

  override up(): void {
    this.addSql(`create function calendar_version_for_task(lock_key bigint) returns text language plpgsql volatile as $$
      begin
        perform pg_advisory_xact_lock_shared(lock_key);
        return (select coalesce(string_agg(year || ':' || revision, ',' order by year), '') from holiday_year);
      end $$`);
  }

  override down(): void {
    this.addSql('drop function calendar_version_for_task(bigint)');
  }
}
