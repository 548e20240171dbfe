import { Migration } from '@mikro-orm/migrations';

/**
 * Every write to the catalog's entries or the departments announces itself on the `reference_changed`
 * channel (`<table>:<id>`), from whichever process or person makes it, so that the API's cache of them
 * (ReferenceCache) drops the row when the write commits.
 */
export class Migration20261203001900ReferenceChangeNotices extends Migration {
  override name = 'Migration20261203001900ReferenceChangeNotices';

  override up(): void {
    this.addSql(`create function notify_reference_changed() returns trigger language plpgsql as $$
      begin
        perform pg_notify('reference_changed', tg_table_name || ':' || coalesce(new.id, old.id));
        return null;
      end $$`);
    for (const table of ['catalog_entry', 'department']) {
      this.addSql(
        `create trigger ${table}_changed after insert or update or delete on ${table} ` +
          'for each row execute function notify_reference_changed()',
      );
    }
  }

  override down(): void {
    for (const table of ['catalog_entry', 'department']) this.addSql(`drop trigger ${table}_changed on ${table}`);
    this.addSql('drop function notify_reference_changed()');
  }
}
