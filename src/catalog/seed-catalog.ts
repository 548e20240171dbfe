import type { MikroORM } from '@mikro-orm/postgresql';
import { CatalogRepository } from './catalog.repository.js';
import { CATALOG_IMPORT_EFFECTIVE_AT, DEMO_CATALOG, DEMO_DEPARTMENTS } from './data/demo-catalog.js';
import { DepartmentRepository } from './department.repository.js';

/** Inserts the demo departments and catalog entries that are missing; never overwrites. */
export async function seedCatalog(orm: MikroORM): Promise<string[]> {
  const departmentRepository = new DepartmentRepository(orm);
  const catalog = new CatalogRepository(orm);
  let departments = 0;
  for (const d of DEMO_DEPARTMENTS) if (await departmentRepository.importIfAbsent(d)) departments += 1;
  let entries = 0;
  for (const e of DEMO_CATALOG) {
    const imported = await catalog.importIfAbsent({
      id: e.id,
      jurisdiction: e.jurisdiction,
      title: e.title,
      providerDepartmentId: e.providerDepartmentId,
      dataItems: e.dataItems,
      shareType: e.shareType,
      shareConditions: e.shareConditions ?? null,
      legalBasis: e.legalBasis ?? null,
      openType: e.openType,
      openBasis: e.openBasis ?? null,
      updateFrequency: e.updateFrequency,
      effectiveAt: CATALOG_IMPORT_EFFECTIVE_AT,
      responsibilityList: e.jurisdiction === 'chongqing',
    });
    if (imported) entries += 1;
  }
  return [departments && `${departments} departments`, entries && `${entries} catalog entries`].filter(
    Boolean,
  ) as string[];
}
