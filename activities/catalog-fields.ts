import type { FieldDiff } from '../workflows/contracts/activities.js';
import type { CatalogFields } from '../workflows/contracts/catalog-update.js';

export const CATALOG_FIELD_NAMES: Array<keyof CatalogFields> = [
  'title', 'providerDepartmentId', 'dataItems', 'shareType', 'shareConditions', 'legalBasis', 'openType', 'updateFrequency',
];

/** A catalog_entry row's changeable fields. */
export function fieldsOfRow(row: Record<string, unknown>): CatalogFields {
  return {
    title: row.title as string,
    providerDepartmentId: row.provider_department_id as string,
    dataItems: row.data_items as CatalogFields['dataItems'],
    shareType: row.share_type as CatalogFields['shareType'],
    shareConditions: (row.share_conditions as string | null) ?? null,
    legalBasis: (row.legal_basis as string | null) ?? null,
    openType: row.open_type as CatalogFields['openType'],
    updateFrequency: row.update_frequency as string,
  };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The fields whose values differ, in a fixed order. */
export function diffFields(before: CatalogFields, after: CatalogFields): FieldDiff[] {
  return CATALOG_FIELD_NAMES.filter((field) => !same(before[field], after[field])).map((field) => ({ field, before: before[field] ?? null, after: after[field] ?? null }));
}

/** Fields a change touches whose current value is no longer the one the change was asked against. */
export function changedMeanwhile(asked: CatalogFields, current: CatalogFields, change: Partial<CatalogFields>): Array<keyof CatalogFields> {
  return (Object.keys(change) as Array<keyof CatalogFields>).filter((field) => !same(asked[field], current[field]));
}
