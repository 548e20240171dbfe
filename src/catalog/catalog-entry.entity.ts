import { defineEntity, p } from '@mikro-orm/postgresql';

export interface DataItem {
  key: string;
  name: string;
}

const CatalogEntrySchema = defineEntity({
  name: 'CatalogEntry',
  tableName: 'catalog_entry',
  properties: {
    id: p.string().primary(),
    title: p.string(),
    providerDepartmentId: p.string(),
    jurisdiction: p.string(),
    dataItems: p.json<DataItem[]>(),
    shareType: p.string(),
    shareConditions: p.text().nullable(),
    legalBasis: p.text().nullable(),
    openType: p.string(),
    openBasis: p.text().nullable(),
    updateFrequency: p.string(),
    version: p.integer(),
  },
});

export class CatalogEntry extends CatalogEntrySchema.class {}
CatalogEntrySchema.setClass(CatalogEntry);
