import { Migration } from '@mikro-orm/migrations';

export class Migration20261122000100CalendarYears extends Migration {
  override name = 'Migration20261122000100CalendarYears';

  override up(): void {
    this.addSql(`
      create table holiday_year (
        year integer primary key check (year between 1990 and 2200),
        notices jsonb not null,
        days jsonb not null,
        revision integer not null default 1,
        loaded_at timestamptz not null,
        loaded_by text not null
      )`);
  }

  override down(): void {
    this.addSql('drop table holiday_year');
  }
}
