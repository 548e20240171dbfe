import { Migration } from '@mikro-orm/migrations';

/** 催办 and 已阅 on inbox tasks: each urge kept once (its id makes a retried write a no-op), and the first reading. */
export class Migration20261202001500UrgesAndReadReceipts extends Migration {
  override name = 'Migration20261202001500UrgesAndReadReceipts';

  override up(): void {
    this.addSql(
      'create table task_urge (id text primary key, task_id text not null, case_id text not null, ' +
        'department text not null, actor_id text not null, actor_role text not null, at timestamptz not null, note text)',
    );
    this.addSql('create index task_urge_department_at on task_urge (department, at)');
    this.addSql('alter table inbox_task add column urge_count integer not null default 0');
    this.addSql('alter table inbox_task add column last_urged_at timestamptz');
    this.addSql('alter table inbox_task add column read_by text');
    this.addSql('alter table inbox_task add column read_at timestamptz');
  }

  override down(): void {
    this.addSql('alter table inbox_task drop column read_at');
    this.addSql('alter table inbox_task drop column read_by');
    this.addSql('alter table inbox_task drop column last_urged_at');
    this.addSql('alter table inbox_task drop column urge_count');
    this.addSql('drop table task_urge');
  }
}
