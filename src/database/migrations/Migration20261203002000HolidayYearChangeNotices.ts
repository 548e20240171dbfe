import { Migration } from '@mikro-orm/migrations';

/**
 * Loading or replacing a holiday year announces itself on the `reference_changed` channel too
 * (`holiday_year:<year>`), so that the API's calendar in memory is dropped when the write commits.
 */
export class Migration20261203002000HolidayYearChangeNotices extends Migration {
  override name = 'Migration20261203002000HolidayYearChangeNotices';

  override up(): void {
    this.addSql(`create function notify_holiday_year_changed() returns trigger language plpgsql as $$
      begin
        perform pg_notify('reference_changed', 'holiday_year:' || coalesce(new.year, old.year));
        return null;
      end $$`);
    this.addSql(
      'create trigger holiday_year_changed after insert or update or delete on holiday_year ' +
        'for each row execute function notify_holiday_year_changed()',
    );
  }

  override down(): void {
    this.addSql('drop trigger holiday_year_changed on holiday_year');
    this.addSql('drop function notify_holiday_year_changed()');
  }
}
