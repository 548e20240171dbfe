import { Migration } from '@mikro-orm/migrations';

/**
 * Each inbox task keeps the decisions its step accepts and what each needs,
 * so that the API refuses a bad decision before it reaches the engine. Tasks
 * opened before this have none; their decisions are checked by the workflow.
 */
export class Migration20261123000500TaskDecisionSchemas extends Migration {
  override name = 'Migration20261123000500TaskDecisionSchemas';

  override up(): void {
    this.addSql('alter table inbox_task add column decision_schema jsonb');
  }

  override down(): void {
    this.addSql('alter table inbox_task drop column decision_schema');
  }
}
