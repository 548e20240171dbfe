import type { EntityManager } from '@mikro-orm/postgresql';
import { DEMO_CATALOG, DEMO_DEPARTMENTS } from './data/demo-catalog.js';

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
  }
  return [departments && `${departments} departments`, entries && `${entries} catalog entries`].filter(Boolean) as string[];
}
