import type { CatalogFields, EntryChange } from '../contracts/catalog-update.js';

/** Jiangmen-2019 Art. 20, Chongqing Art. 25: a conditional or not-shared entry states its conditions and their legal basis. */
export function lacksShareBasis(fields: CatalogFields): boolean {
  return fields.shareType !== 'unconditional' && (!fields.shareConditions?.trim() || !fields.legalBasis?.trim());
}

/**
 * Jiangmen-2019 Art. 20, Chongqing Art. 25: a conditional or not-shared entry
 * states its conditions and their legal basis. A change of share type brings
 * its own: the old type's conditions (why it was not shared) do not carry over.
 */
export function needsShareConditions({ before, change }: Pick<EntryChange, 'before' | 'change'>): boolean {
  const after = { ...before, ...change };
  const typeChanged = change.shareType !== undefined && change.shareType !== before.shareType;
  if (typeChanged && after.shareType !== 'unconditional')
    return !change.shareConditions?.trim() || !change.legalBasis?.trim();
  return lacksShareBasis(after);
}
