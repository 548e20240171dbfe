import { Migration } from '@mikro-orm/migrations';

/** 委派: a colleague's opinion is asked on a task of its own (kind `opinion`). */
export class Migration20261202001700OpinionTasks extends Migration {
  override name = 'Migration20261202001700OpinionTasks';

  override up(): void {
    this.addSql('alter table inbox_task drop constraint inbox_task_kind_check');
    this.addSql(`alter table inbox_task add constraint inbox_task_kind_check
      check (kind in ('decision', 'extension-approval', 'escalation', 'incident', 'opinion'))`);
  }

  override down(): void {
    this.addSql('alter table inbox_task drop constraint inbox_task_kind_check');
    this.addSql(`alter table inbox_task add constraint inbox_task_kind_check
      check (kind in ('decision', 'extension-approval', 'escalation', 'incident'))`);
  }
}
