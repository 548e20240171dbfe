import type { EntryChange } from '../contracts/catalog-update.js';

/**
 * Jiangmen-2019 Art. 20, Chongqing Art. 25: a conditional or not-shared entry
 * states its conditions and their legal basis. A change of share type brings
 * its own: the old type's conditions (why it was not shared) do not carry over.
 */
export function needsShareConditions({ before, change }: Pick<EntryChange, 'before' | 'change'>): boolean {
  const after = { ...before, ...change };
  if (after.shareType === 'unconditional') return false;
  const typeChanged = change.shareType !== undefined && change.shareType !== before.shareType;
  if (typeChanged) return !change.shareConditions?.trim() || !change.legalBasis?.trim();
  return !after.shareConditions?.trim() || !after.legalBasis?.trim();
}
