import { Migration } from '@mikro-orm/migrations';

/** P2: the correction record the reporter sees; P4: open-data access granted. */
export class Migration20261122000300Corrections extends Migration {
  override name = 'Migration20261122000300Corrections';

  override up(): void {
    this.addSql(`
      create table correction_record (
        case_id text primary key references case_record(id),
        resource_id text not null references catalog_entry(id),
        items jsonb not null,
        description text not null,
        what_changed text not null,
        corrected_at timestamptz not null,
        corrected_by text not null,
        citation jsonb not null
      )`);
    this.addSql(`
      create table open_data_access (
        id text primary key,
        case_id text not null unique references case_record(id),
        resource_id text not null references catalog_entry(id),
        applicant_id text not null,
        scope text not null,
        purpose text not null,
        manner text not null,
        approver_id text not null,
        approver_name text not null,
        citation jsonb not null,
        granted_at timestamptz not null
      )`);
  }

  override down(): void {
    this.addSql('drop table open_data_access');
    this.addSql('drop table correction_record');
  }
}
