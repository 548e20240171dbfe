import { Migration } from '@mikro-orm/migrations';

/**
 * Whether the case row's status is written on every change (runs started from
 * now on), so the API reads an open case there instead of asking the engine.
 */
export class Migration20261123000900CaseStatusCurrent extends Migration {
  override name = 'Migration20261123000900CaseStatusCurrent';

  override up(): void {
    this.addSql('alter table case_record add column status_current boolean not null default false');
  }

  override down(): void {
    this.addSql('alter table case_record drop column status_current');
  }
}
