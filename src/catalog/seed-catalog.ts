import type { EntityManager } from '@mikro-orm/postgresql';
import { CATALOG_IMPORT_EFFECTIVE_AT, DEMO_CATALOG, DEMO_DEPARTMENTS, type CatalogSeed } from './data/demo-catalog.js';

type Connection = ReturnType<EntityManager['getConnection']>;

/** An imported entry is its own version 1; in Chongqing it also enters the responsibility list (责任清单, Art. 13). */
async function recordImportedVersion(connection: Connection, e: CatalogSeed): Promise<void> {
  const snapshot = {
    title: e.title, providerDepartmentId: e.providerDepartmentId, dataItems: e.dataItems, shareType: e.shareType,
    shareConditions: e.shareConditions ?? null, legalBasis: e.legalBasis ?? null, openType: e.openType, updateFrequency: e.updateFrequency,
  };
  await connection.execute(
    `insert into catalog_version (entry_id, version, snapshot, diff, changed_by_id, changed_by_name, effective_at, recorded_at)
     values (?, 1, ?, '[]', 'catalog-import', '目录导入', ?, now()) on conflict do nothing`,
    [e.id, JSON.stringify(snapshot), CATALOG_IMPORT_EFFECTIVE_AT],
  );
  if (e.jurisdiction !== 'chongqing') return;
  await connection.execute(
    `insert into responsibility_item (entry_id, department_id, data_items, update_frequency, catalog_version, updated_at)
     values (?, ?, ?, ?, 1, now()) on conflict do nothing`,
    [e.id, e.providerDepartmentId, JSON.stringify(e.dataItems), e.updateFrequency],
  );
}

/** Inserts the demo departments and catalog entries that are missing; never overwrites. */
export async function seedCatalog(em: EntityManager): Promise<string[]> {
  const connection = em.getConnection();
  let departments = 0;
  for (const d of DEMO_DEPARTMENTS) {
    const rows = await connection.execute(
      'insert into department (id, name, jurisdiction, kind) values (?, ?, ?, ?) on conflict (id) do nothing returning id',
      [d.id, d.name, d.jurisdiction, d.kind],
    );
    departments += rows.length;
  }
  let entries = 0;
  for (const e of DEMO_CATALOG) {
    const rows = await connection.execute(
      `insert into catalog_entry (id, title, provider_department_id, jurisdiction, data_items, share_type, share_conditions, legal_basis, open_type, update_frequency)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (id) do nothing returning id`,
      [e.id, e.title, e.providerDepartmentId, e.jurisdiction, JSON.stringify(e.dataItems), e.shareType, e.shareConditions ?? null, e.legalBasis ?? null, e.openType, e.updateFrequency],
    );
    entries += rows.length;
    if (rows.length > 0) await recordImportedVersion(connection, e);
  }
  return [departments && `${departments} departments`, entries && `${entries} catalog entries`].filter(Boolean) as string[];
}
