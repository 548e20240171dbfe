import { Migration } from '@mikro-orm/migrations';

/**
 * The case row keeps the whole status the workflow last showed, written in
 * the same statement as its state: a closed case reads from PostgreSQL, and
 * still reads after the engine has dropped it.
 */
export class Migration20261123000600CaseStatus extends Migration {
  override name = 'Migration20261123000600CaseStatus';

  override up(): void {
    this.addSql('alter table case_record add column status jsonb');
  }

  override down(): void {
    this.addSql('alter table case_record drop column status');
  }
}
