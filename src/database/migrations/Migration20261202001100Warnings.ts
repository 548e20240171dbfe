import { Migration } from '@mikro-orm/migrations';

/**
 * 预警 before a breach: a `warning` row per step in `breach` (with the working days left), the task's `warned_at`;
 * and further articles a breach falls under (Chongqing Art. 50(8)).
 */
export class Migration20261202001100Warnings extends Migration {
  override name = 'Migration20261202001100Warnings';

  override up(): void {
    this.addSql('alter table breach drop constraint if exists breach_kind_check');
    this.addSql(
      "alter table breach add constraint breach_kind_check check (kind in ('step-overdue', 'late-application', 'warning'))",
    );
    this.addSql("alter table breach add column also_under jsonb not null default '[]'");
    this.addSql('alter table breach add column working_days_left integer');
    this.addSql('alter table inbox_task add column warned_at timestamptz');
    this.addSql('create index breach_recorded_at on breach (recorded_at desc, task_id)');
  }

  override down(): void {
    this.addSql('drop index breach_recorded_at');
    this.addSql('alter table inbox_task drop column warned_at');
    this.addSql('alter table breach drop column working_days_left');
    this.addSql('alter table breach drop column also_under');
    this.addSql("delete from breach where kind = 'warning'");
    this.addSql('alter table breach drop constraint breach_kind_check');
    this.addSql(
      "alter table breach add constraint breach_kind_check check (kind in ('step-overdue', 'late-application'))",
    );
  }
}
