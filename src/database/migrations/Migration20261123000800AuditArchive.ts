import { Migration } from '@mikro-orm/migrations';

/**
 * The audit archive: every closed workflow's history as the engine returned it
 * (payloads as stored), one row each, chained by SHA-256 so that a changed or
 * removed row shows. Append-only: a trigger refuses UPDATE, DELETE and
 * TRUNCATE (see README, "Audit archive", for the one way to prune after the
 * retention the texts require).
 */
export class Migration20261123000800AuditArchive extends Migration {
  override name = 'Migration20261123000800AuditArchive';

  override up(): void {
    this.addSql(`
      create table audit_archive (
        seq bigint primary key check (seq >= 1),
        workflow_id text not null,
        run_id text not null,
        workflow_type text not null,
        closed_at timestamptz not null,
        history text not null,
        content_sha256 text not null,
        previous_sha256 text not null,
        chain_sha256 text not null,
        archived_at timestamptz not null default now(),
        unique (workflow_id, run_id)
      )`);
    this.addSql('create index audit_archive_workflow on audit_archive (workflow_id, seq desc)');
    this.addSql(`
      create function audit_archive_append_only() returns trigger language plpgsql as $$
      begin
        raise exception 'audit_archive is append-only: % is not allowed', tg_op using errcode = '42501';
      end $$`);
    this.addSql(`create trigger audit_archive_append_only before update or delete or truncate on audit_archive
      for each statement execute function audit_archive_append_only()`);
    this.addSql(`
      create table audit_archiver_state (
        id integer primary key check (id = 1),
        watermark timestamptz not null,
        last_run_at timestamptz,
        last_error text
      )`);
    this.addSql("insert into audit_archiver_state (id, watermark) values (1, '1970-01-01T00:00:00Z')");
    // Closed cases by when they closed: the archiver's catch-up and the health check's lag look here.
    this.addSql("create index case_record_closed on case_record (updated_at) where status->>'closed' = 'true'");
  }

  override down(): void {
    this.addSql('drop index case_record_closed');
    this.addSql('drop table audit_archiver_state');
    this.addSql('drop trigger audit_archive_append_only on audit_archive');
    this.addSql('drop function audit_archive_append_only');
    this.addSql('drop table audit_archive');
  }
}
