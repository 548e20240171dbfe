import { Migration } from '@mikro-orm/migrations';

/** Departments, the catalog, and the projections the P1 activities write. */
export class Migration20261122000200ShareRequests extends Migration {
  override name = 'Migration20261122000200ShareRequests';

  override up(): void {
    this.addSql(`
      create table department (
        id text primary key,
        name text not null,
        jurisdiction text not null,
        kind text not null check (kind in ('government', 'authority', 'city-authority', 'service-unit', 'public', 'oversight'))
      )`);
    this.addSql(`
      create table catalog_entry (
        id text primary key,
        title text not null,
        provider_department_id text not null references department(id),
        jurisdiction text not null,
        data_items jsonb not null,
        share_type text not null check (share_type in ('unconditional', 'conditional', 'none')),
        share_conditions text,
        legal_basis text,
        open_type text not null check (open_type in ('open', 'conditional', 'closed')),
        update_frequency text not null,
        version integer not null default 1,
        check (share_type = 'unconditional' or (share_conditions is not null and legal_basis is not null))
      )`);
    this.addSql(`
      create table case_record (
        id text primary key,
        procedure text not null,
        pack text not null,
        applicant_id text not null,
        applicant_department text not null,
        participant_departments text[] not null,
        resource_id text references catalog_entry(id),
        state text not null,
        current_step text,
        idempotency_key text,
        request_hash text not null,
        received_at timestamptz not null,
        updated_at timestamptz not null,
        unique (applicant_id, idempotency_key)
      )`);
    this.addSql('create index case_record_applicant on case_record (applicant_id, received_at desc, id desc)');
    this.addSql('create index case_record_participants on case_record using gin (participant_departments)');
    this.addSql(`
      create table inbox_task (
        id text primary key,
        case_id text not null references case_record(id),
        procedure text not null,
        pack text not null,
        step_id text not null,
        kind text not null check (kind in ('decision', 'extension-approval', 'escalation')),
        title_zh text not null,
        title_en text not null,
        role text not null,
        department text not null,
        due_at timestamptz not null,
        due_date date not null,
        due_basis text not null check (due_basis in ('statutory', 'administrative')),
        citation jsonb not null,
        provisional boolean not null default false,
        overdue boolean not null default false,
        status text not null default 'open' check (status in ('open', 'completed', 'cancelled')),
        claimed_by text,
        completed_by text,
        decision text,
        created_at timestamptz not null,
        completed_at timestamptz
      )`);
    this.addSql("create index inbox_task_open on inbox_task (department, role, due_at, id) where status = 'open'");
    this.addSql(`
      create table breach (
        task_id text primary key references inbox_task(id),
        case_id text not null references case_record(id),
        procedure text not null,
        pack text not null,
        step_id text not null,
        department text not null,
        citation jsonb not null,
        due_at timestamptz not null,
        recorded_at timestamptz not null
      )`);
    this.addSql(`
      create table share_grant (
        id text primary key,
        case_id text not null unique references case_record(id),
        resource_id text not null references catalog_entry(id),
        items jsonb not null,
        purpose text not null,
        scenario text not null,
        manner text not null,
        grantee_department text not null,
        approver_id text not null,
        approver_name text not null,
        pack text not null,
        citation jsonb not null,
        granted_at timestamptz not null,
        status text not null default 'active' check (status in ('active', 'suspended', 'revoked'))
      )`);
    this.addSql(`
      create table grant_event (
        id bigserial primary key,
        grant_id text not null references share_grant(id),
        action text not null check (action in ('suspend', 'revoke', 'reinstate')),
        reason text not null,
        actor_id text not null,
        actor_name text not null,
        at timestamptz not null
      )`);
    this.addSql(`
      create table pending_catalog_change (
        id text primary key,
        origin_case_id text not null unique references case_record(id),
        entry_id text not null references catalog_entry(id),
        change jsonb not null,
        citation jsonb not null,
        status text not null default 'pending' check (status in ('pending', 'applied', 'refused')),
        created_at timestamptz not null
      )`);
  }

  override down(): void {
    for (const table of [
      'pending_catalog_change',
      'grant_event',
      'share_grant',
      'breach',
      'inbox_task',
      'case_record',
      'catalog_entry',
      'department',
    ]) {
      this.addSql(`drop table ${table}`);
    }
  }
}
