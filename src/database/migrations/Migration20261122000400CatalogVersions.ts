import { Migration } from '@mikro-orm/migrations';

/**
 * Catalog versions (P3), the Chongqing responsibility list (责任清单), links
 * from pending catalog changes to the P3 cases that settle them, district
 * governments (P7), and breaches that have no task of their own (a late P3
 * application, Chongqing Art. 50(8)).
 */
export class Migration20261122000400CatalogVersions extends Migration {
  override name = 'Migration20261122000400CatalogVersions';

  override up(): void {
    this.addSql(`
      create table catalog_version (
        entry_id text not null references catalog_entry(id),
        version integer not null,
        snapshot jsonb not null,
        diff jsonb not null,
        changed_by_id text not null,
        changed_by_name text not null,
        case_id text references case_record(id),
        effective_at timestamptz not null,
        recorded_at timestamptz not null,
        primary key (entry_id, version),
        unique (case_id, entry_id)
      )`);
    this.addSql('create index catalog_version_as_of on catalog_version (entry_id, effective_at desc)');
    // Entries that exist already become their version 1, as imported.
    this.addSql(`
      insert into catalog_version (entry_id, version, snapshot, diff, changed_by_id, changed_by_name, effective_at, recorded_at)
      select id, version,
             jsonb_build_object('title', title, 'providerDepartmentId', provider_department_id, 'dataItems', data_items, 'shareType', share_type,
                                'shareConditions', share_conditions, 'legalBasis', legal_basis, 'openType', open_type, 'updateFrequency', update_frequency),
             '[]'::jsonb, 'catalog-import', '目录导入', timestamptz '2019-01-01 00:00:00+08', now()
      from catalog_entry`);
    this.addSql(`
      create table responsibility_item (
        entry_id text primary key references catalog_entry(id),
        department_id text not null references department(id),
        data_items jsonb not null,
        update_frequency text not null,
        catalog_version integer not null,
        case_id text references case_record(id),
        updated_at timestamptz not null
      )`);
    this.addSql(`
      insert into responsibility_item (entry_id, department_id, data_items, update_frequency, catalog_version, updated_at)
      select id, provider_department_id, data_items, update_frequency, version, now() from catalog_entry where jurisdiction = 'chongqing'`);
    this.addSql('alter table pending_catalog_change add column catalog_case_id text references case_record(id)');
    this.addSql('alter table pending_catalog_change add column settled_at timestamptz');
    this.addSql('alter table department drop constraint department_kind_check');
    this.addSql(`alter table department add constraint department_kind_check
      check (kind in ('government', 'district-government', 'authority', 'city-authority', 'service-unit', 'public', 'oversight'))`);
    this.addSql('alter table breach drop constraint breach_task_id_fkey');
    this.addSql(
      "alter table breach add column kind text not null default 'step-overdue' check (kind in ('step-overdue', 'late-application'))",
    );
  }

  override down(): void {
    this.addSql('alter table breach drop column kind');
    this.addSql('delete from breach where task_id not in (select id from inbox_task)');
    this.addSql(
      'alter table breach add constraint breach_task_id_fkey foreign key (task_id) references inbox_task(id)',
    );
    this.addSql("delete from department where kind = 'district-government'");
    this.addSql('alter table department drop constraint department_kind_check');
    this.addSql(`alter table department add constraint department_kind_check
      check (kind in ('government', 'authority', 'city-authority', 'service-unit', 'public', 'oversight'))`);
    this.addSql('alter table pending_catalog_change drop column settled_at');
    this.addSql('alter table pending_catalog_change drop column catalog_case_id');
    this.addSql('drop table responsibility_item');
    this.addSql('drop table catalog_version');
  }
}
