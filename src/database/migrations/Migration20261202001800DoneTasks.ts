import { Migration } from '@mikro-orm/migrations';

/** 已办: a person's completed tasks, newest first, from one index range at any size. */
export class Migration20261202001800DoneTasks extends Migration {
  override name = 'Migration20261202001800DoneTasks';

  override up(): void {
    this.addSql(
      "create index inbox_task_done on inbox_task (completed_by, completed_at desc, id desc) where status = 'completed'",
    );
  }

  override down(): void {
    this.addSql('drop index inbox_task_done');
  }
}
