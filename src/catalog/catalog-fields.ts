import type { FieldDiff } from '../../workflows/contracts/activities.js';
import type { CatalogFields } from '../../workflows/contracts/catalog-update.js';
import type { DataItem } from './catalog-entry.entity.js';

/** The catalog fields as stored (an entity, or a version's snapshot). */
export interface StoredCatalogFields {
  title: string;
  providerDepartmentId: string;
  dataItems: DataItem[];
  shareType: string;
  shareConditions?: string | null;
  legalBasis?: string | null;
  openType: string;
  openBasis?: string | null;
  updateFrequency: string;
}

export const CATALOG_FIELD_NAMES: Array<keyof CatalogFields> = [
  'title',
  'providerDepartmentId',
  'dataItems',
  'shareType',
  'shareConditions',
  'legalBasis',
  'openType',
  'openBasis',
  'updateFrequency',
];

/** An entry's changeable fields: the one mapping from the entity to what cases and versions carry. */
export const fieldsOfEntry = (e: StoredCatalogFields): CatalogFields => ({
  title: e.title,
  providerDepartmentId: e.providerDepartmentId,
  dataItems: e.dataItems,
  shareType: e.shareType as CatalogFields['shareType'],
  shareConditions: e.shareConditions ?? null,
  legalBasis: e.legalBasis ?? null,
  openType: e.openType as CatalogFields['openType'],
  openBasis: e.openBasis ?? null,
  updateFrequency: e.updateFrequency,
});

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The fields whose values differ, in a fixed order. */
export function diffFields(before: CatalogFields, after: CatalogFields): FieldDiff[] {
  return CATALOG_FIELD_NAMES.filter((field) => !same(before[field], after[field])).map((field) => ({
    field,
    before: before[field] ?? null,
    after: after[field] ?? null,
  }));
}

/** Fields a change touches whose current value is no longer the one the change was asked against. */
export function changedMeanwhile(
  asked: CatalogFields,
  current: CatalogFields,
  change: Partial<CatalogFields>,
): Array<keyof CatalogFields> {
  return (Object.keys(change) as Array<keyof CatalogFields>).filter((field) => !same(asked[field], current[field]));
}
