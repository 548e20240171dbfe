import { Migration } from '@mikro-orm/migrations';

/**
 * What a case start sends the engine, kept on its row until the engine is known to hold the workflow: a start cut
 * off between the row and the engine (the API killed, the engine's answer lost) is started from it later. The
 * workflow's first write clears it, so the partial index holds only the starts of the last moments.
 */
export class Migration20261207002200UnstartedCases extends Migration {
  override name = 'Migration20261207002200UnstartedCases';

  override up(): void {
    this.addSql('alter table case_record add column start_input jsonb');
    this.addSql('create index case_record_unstarted on case_record (received_at) where start_input is not null');
  }

  override down(): void {
    this.addSql('drop index case_record_unstarted');
    this.addSql('alter table case_record drop column start_input');
  }
}
