import { Migration } from '@mikro-orm/migrations';

/**
 * Incidents (运行异常): an activity of a case failed for good. Operators see
 * them in their inbox (a task of kind `incident`) and in GET /incidents, and
 * retry the step once the cause is fixed.
 */
export class Migration20261123000700Incidents extends Migration {
  override name = 'Migration20261123000700Incidents';

  override up(): void {
    this.addSql(`
      create table incident (
        id text primary key,
        case_id text not null references case_record(id),
        procedure text not null,
        pack text not null,
        step_id text,
        activity text not null,
        error_type text not null,
        message text not null,
        state text not null default 'open' check (state in ('open', 'retrying', 'resolved', 'failed-again')),
        opened_at timestamptz not null,
        retried_by text,
        retried_at timestamptz,
        settled_at timestamptz
      )`);
    this.addSql("create index incident_open on incident (opened_at) where state in ('open', 'retrying')");
    this.addSql('create index incident_case on incident (case_id)');
    this.addSql('alter table inbox_task drop constraint inbox_task_kind_check');
    this.addSql(`alter table inbox_task add constraint inbox_task_kind_check
      check (kind in ('decision', 'extension-approval', 'escalation', 'incident'))`);
  }

  override down(): void {
    this.addSql("delete from inbox_task where kind = 'incident'");
    this.addSql('alter table inbox_task drop constraint inbox_task_kind_check');
    this.addSql(`alter table inbox_task add constraint inbox_task_kind_check
      check (kind in ('decision', 'extension-approval', 'escalation'))`);
    this.addSql('drop table incident');
  }
}
